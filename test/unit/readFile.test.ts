// Reading a letter file into the shared buffer (files/readFile.ts readRegularFileShared): the
// bytes must be the file's, whole, whether one read takes it or it is larger than the buffer, and
// what is not a regular letter file must be refused as the fstat path refuses it, never blocking.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readRegularFileShared, readRegularFileSync } from '../../server/src/files/readFile';
import { ROOT } from './helpers';

const posix = process.platform !== 'win32';

describe('readRegularFileShared', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-read-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bytesOf = (file: string, max = 1 << 20): string => {
    const read = readRegularFileShared(file, max);
    assert.strictEqual(read.kind, 'bytes', read.kind === 'skipped' ? read.reason : '');
    return read.kind === 'bytes' ? read.bytes.toString('utf8') : '';
  };

  it('gives a letter file whole, and the next file without the last one left in the buffer', () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'letters');
    const names = fs.readdirSync(fixtures).filter((n) => n.endsWith('.txt'));
    // Longest first: each shorter file must not carry the tail of the one before.
    const files = names.map((n) => path.join(fixtures, n)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
    assert.ok(files.length >= 3);
    for (const file of files) assert.strictEqual(bytesOf(file), fs.readFileSync(file, 'utf8'), file);
  });

  it('reads past the first read a file larger than the buffer (a 10 MB export)', () => {
    const big = path.join(dir, 'export.txt');
    const line = 'Xanax 0.5mg #90: Upheld\n';
    fs.writeFileSync(big, line.repeat(Math.ceil(300_000 / line.length)));
    assert.strictEqual(bytesOf(big), fs.readFileSync(big, 'utf8'));
    // And a small file after it, from the grown buffer.
    const small = path.join(dir, 'small.txt');
    fs.writeFileSync(small, 'Decision rationale: none');
    assert.strictEqual(bytesOf(small), 'Decision rationale: none');
  });

  it('gives an empty file as no bytes', () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    assert.strictEqual(bytesOf(empty), '');
  });

  it('refuses a file over the limit, as the fstat path does', () => {
    const file = path.join(dir, 'limit.txt');
    fs.writeFileSync(file, 'x'.repeat(2000));
    const read = readRegularFileShared(file, 1000);
    assert.deepStrictEqual(read, readRegularFileSync(file, 1000));
    assert.deepStrictEqual(read, { kind: 'skipped', reason: 'too large (2 KB; the limit is 1 KB)' });
  });

  it('refuses a FIFO without blocking, a device and a folder', function () {
    if (!posix) this.skip();
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    assert.deepStrictEqual(readRegularFileShared(fifo, 1 << 20), {
      kind: 'skipped',
      reason: 'a FIFO (named pipe), not a regular file',
    });
    assert.deepStrictEqual(readRegularFileShared('/dev/zero', 1 << 20), {
      kind: 'skipped',
      reason: 'a device, not a regular file',
    });
    assert.deepStrictEqual(readRegularFileShared('/dev/null', 1 << 20), {
      kind: 'skipped',
      reason: 'a device, not a regular file',
    });
    assert.deepStrictEqual(readRegularFileShared(dir, 1 << 20), { kind: 'skipped', reason: 'is a folder' });
    assert.deepStrictEqual(readRegularFileShared(path.join(dir, 'missing.txt'), 1 << 20), {
      kind: 'skipped',
      reason: 'no such file (a dangling link?)',
    });
  });
});
