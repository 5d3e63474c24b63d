// The folder walker as the command-line tool meets it: entries that look like letter files but are
// no regular files (a `.txt` link to /dev/zero, a FIFO, a socket, link loops), files too large to
// read, and odd names. Each run must end with a note naming what was skipped while the real letters
// in the same folder are still checked. A run that hangs is killed and fails the test.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { FIXTURES, hasStackTrace, lines, ROOT, runCliAsync, tempDir } from './helpers';

const LETTER = path.join(ROOT, FIXTURES, 'clean/002_5ad3443a4d2d1746.txt');
const TYPO = path.join(ROOT, FIXTURES, 'malformed/001_outcome_typo.txt');
const HANG_GUARD = { killAfterMs: 45_000 };
const posix = process.platform !== 'win32';

function folderWithLetter(prefix: string): string {
  const dir = tempDir(prefix);
  fs.copyFileSync(LETTER, path.join(dir, 'a.txt'));
  return dir;
}

describe('imr-letters check on hostile folder entries', function () {
  before(function () {
    if (!posix) this.skip();
  });

  it('a .txt link to /dev/zero is skipped with a note, and the letter beside it is checked', async () => {
    const dir = folderWithLetter('devzero');
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(lines(r.stderr), ['zero.txt: skipped (a device, not a regular file)']);
    assert.deepStrictEqual(lines(r.stdout), ['1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('a FIFO named .txt does not block: skipped with a note', async () => {
    const dir = folderWithLetter('fifo');
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(lines(r.stderr), ['pipe.txt: skipped (a FIFO (named pipe), not a regular file)']);
    assert.deepStrictEqual(lines(r.stdout), ['1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('a FIFO named on the command line is refused without opening it', async () => {
    const dir = tempDir('fifo-arg');
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const r = await runCliAsync(['check', 'pipe.txt'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 2);
    assert.deepStrictEqual(lines(r.stderr), ['pipe.txt: not a regular file or folder']);
  });

  it('a socket named .txt is skipped with a note', async () => {
    const dir = folderWithLetter('socket');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'sock.txt'), resolve));
    try {
      const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.deepStrictEqual(lines(r.stderr), ['sock.txt: skipped (a socket, not a regular file)']);
    } finally {
      server.close();
    }
  });

  it('link loops: a folder link back up and a link to itself are skipped, each letter checked once', async () => {
    const dir = folderWithLetter('loops');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(TYPO, path.join(dir, 'sub', 'b.txt'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    // 001 with the outcome "Uphled": one error, so exit 1; the loops cost nothing but a note.
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(lines(r.stderr), [
      'self.txt: skipped (a symbolic link loop)',
      `${path.join('sub', 'up')}: skipped (a symbolic link loop (leads back to a folder above it))`,
    ]);
    const out = lines(r.stdout);
    assert.strictEqual(out[out.length - 1], '2 letters checked, 1 error, 0 warnings; 0 files skipped (not letters)');
    assert.ok(
      out.some((l) => l.startsWith('sub/b.txt')),
      r.stdout,
    );
  });

  it('a link to a folder outside is followed once, even when two links lead to it', async () => {
    const outside = folderWithLetter('outside');
    const dir = tempDir('links');
    fs.symlinkSync(outside, path.join(dir, 'one'));
    fs.symlinkSync(outside, path.join(dir, 'two'));
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(lines(r.stdout), ['1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('a file over the size limit is named and not read; the rest is checked, exit 2', async () => {
    const dir = folderWithLetter('huge');
    // Sparse: 300 MB on paper, almost nothing on disk.
    const fd = fs.openSync(path.join(dir, 'huge.txt'), 'w');
    fs.ftruncateSync(fd, 300 * 1024 * 1024);
    fs.closeSync(fd);
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 2, r.stderr);
    assert.deepStrictEqual(lines(r.stderr), ['huge.txt: cannot read (too large (300.0 MB; the limit is 256.0 MB))']);
    assert.deepStrictEqual(lines(r.stdout), [
      '1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters); 1 file could not be checked',
    ]);
  });

  it('odd file names: spaces, accents, a leading dash and a newline are all checked', async () => {
    const dir = tempDir('names');
    for (const name of ['with space.txt', 'résumé ñ.txt', '-dash.txt', 'new\nline.txt', 'UPPER.TXT', 'letter.imr'])
      fs.copyFileSync(LETTER, path.join(dir, name));
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual(lines(r.stdout), ['6 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('a note names an entry whose name holds a newline on one line', async () => {
    const dir = folderWithLetter('newline-note');
    execFileSync('mkfifo', [path.join(dir, 'bad\nname.txt')]);
    const r = await runCliAsync(['check', '.'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(lines(r.stderr), ['bad\\nname.txt: skipped (a FIFO (named pipe), not a regular file)']);
  });
});
