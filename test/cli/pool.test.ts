// The throughput tricks of the command line (ARCHITECTURE.md, "Command line over a folder") must
// not change what a user sees: the walk without a stat per file, the reused read buffer, paths sent
// to workers in batches, export records formatted on the workers, output gathered before it is
// written. Each test runs the same folder with one worker (everything on the main thread) and with
// several, and asserts the outputs are the same, in input order, with the notes a hostile entry gets.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { effectiveSeverities } from '../../server/src/cli/config';
import { closePool, runFiles, startPool } from '../../server/src/cli/pool';
import type { FileReport } from '../../server/src/export/analyze';
import { FIXTURES, lines, ROOT, runCliAsync, tempDir } from './helpers';

const CLEAN = path.join(ROOT, FIXTURES, 'clean');
const MALFORMED = path.join(ROOT, FIXTURES, 'malformed');
const PDF_LETTER = path.join(ROOT, 'test/fixtures/letters-pdf/CM16-0248698.pdf');
const HANG_GUARD = { killAfterMs: 90_000 };
const posix = process.platform !== 'win32';

/** `copies` rounds of the clean and broken letters, names sorting in the order they were made. */
function letterFolder(prefix: string, copies: number): { dir: string; names: string[] } {
  const dir = tempDir(prefix);
  const sources = [
    ...fs.readdirSync(CLEAN).map((f) => path.join(CLEAN, f)),
    ...fs.readdirSync(MALFORMED).map((f) => path.join(MALFORMED, f)),
  ];
  const names: string[] = [];
  for (let i = 0; i < copies; i++)
    sources.forEach((src, k) => {
      const name = `${String(i).padStart(3, '0')}_${k}_${path.basename(src)}`;
      fs.copyFileSync(src, path.join(dir, name));
      names.push(name);
    });
  return { dir, names };
}

describe('imr-letters with several workers: same output as one', function () {
  this.timeout(180_000);

  it('export --format jsonl, json and csv: byte for byte the same with 1 and 2 workers', async () => {
    // 420 files: batches of more than one file, shared out and coming back out of order.
    const { dir, names } = letterFolder('pool-export', 60);
    for (const format of ['jsonl', 'json', 'csv']) {
      const [one, two] = await Promise.all([
        runCliAsync(['export', '.', '--format', format, '--jobs', '1'], { cwd: dir, ...HANG_GUARD }),
        runCliAsync(['export', '.', '--format', format, '--jobs', '2'], { cwd: dir, ...HANG_GUARD }),
      ]);
      assert.strictEqual(one.code, 0, one.stderr);
      assert.strictEqual(two.code, 0, two.stderr);
      assert.strictEqual(two.stdout, one.stdout, format);
      assert.strictEqual(two.stderr, one.stderr, format);
    }
    const jsonl = await runCliAsync(['export', '.', '--format', 'jsonl', '-j2'], { cwd: dir, ...HANG_GUARD });
    const records = lines(jsonl.stdout).map((l) => JSON.parse(l) as { file: string });
    // Every file has items: each is there, in the order of the sorted names.
    assert.deepStrictEqual([...new Set(records.map((r) => r.file))], [...names].sort());
  });

  it('check: the notes of hostile entries and the report are the same with 1 and 3 workers', async function () {
    if (!posix) this.skip();
    const { dir } = letterFolder('pool-hostile', 30);
    fs.symlinkSync('/dev/zero', path.join(dir, '100_zero.txt'));
    execFileSync('mkfifo', [path.join(dir, '101_pipe.txt')]);
    // Sparse: 300 MB on paper, almost nothing on disk.
    const fd = fs.openSync(path.join(dir, '102_huge.txt'), 'w');
    fs.ftruncateSync(fd, 300 * 1024 * 1024);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(dir, '103_binary.txt'), Buffer.from([0x25, 0x50, 0x00, 0x01, 0x02]));
    const [one, three] = await Promise.all([
      runCliAsync(['check', '.', '--jobs', '1'], { cwd: dir, ...HANG_GUARD }),
      runCliAsync(['check', '.', '--jobs', '3'], { cwd: dir, ...HANG_GUARD }),
    ]);
    for (const r of [one, three]) {
      assert.strictEqual(r.code, 2, r.stderr);
      // The walk's notes first, then what reading found, in input order.
      assert.deepStrictEqual(lines(r.stderr), [
        '100_zero.txt: skipped (a device, not a regular file)',
        '101_pipe.txt: skipped (a FIFO (named pipe), not a regular file)',
        '102_huge.txt: cannot read (too large (300.0 MB; the limit is 256.0 MB))',
        '103_binary.txt: binary file, skipped',
      ]);
      assert.strictEqual(
        lines(r.stdout).pop(),
        '210 letters checked, 60 errors, 30 warnings; 1 file skipped (not letters); 1 file could not be checked',
      );
    }
    assert.strictEqual(three.stdout, one.stdout);
  });

  it('check --format json: files in input order when a slow PDF comes first', async () => {
    const { dir, names } = letterFolder('pool-order', 20);
    // A PDF takes a worker a hundred times longer than a text letter: the files after it finish first.
    fs.copyFileSync(PDF_LETTER, path.join(dir, '000_0_first.pdf'));
    const r = await runCliAsync(['check', '.', '--format', 'json', '--jobs', '2'], { cwd: dir, ...HANG_GUARD });
    assert.strictEqual(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { files: Array<{ path: string; status: string }> };
    assert.deepStrictEqual(
      json.files.map((f) => f.path),
      ['000_0_first.pdf', ...names].sort(),
    );
    assert.strictEqual(json.files[0].status, 'letter');
  });
});

describe('the pool watchdog: a PDF that keeps its worker too long', function () {
  this.timeout(120_000);

  it('ends the worker, names the file "timed out", and still checks the files around it, in order', async () => {
    const dir = tempDir('watchdog');
    const before = path.join(dir, 'a.txt');
    const after = path.join(dir, 'c.txt');
    const pdf = path.join(dir, 'b.pdf');
    fs.copyFileSync(path.join(CLEAN, fs.readdirSync(CLEAN)[0]), before);
    fs.copyFileSync(PDF_LETTER, pdf);
    fs.copyFileSync(path.join(CLEAN, fs.readdirSync(CLEAN)[1]), after);
    const setup = { mode: 'check' as const, severities: effectiveSeverities({ severity: {} }), cwd: dir };
    // tsc's output of the tool's entry: started as a pool worker, it analyses what it is sent.
    const pool = startPool(1, path.join(ROOT, 'out/server/src/cli.js'), setup);
    const reports: FileReport[] = [];
    try {
      // Loading pdf.js alone takes longer than 50 ms: the watchdog ends the worker on the PDF.
      await runFiles([before, pdf, after], { pool, setup, pdfWatchdogMs: 50, onReport: (r) => void reports.push(r) });
    } finally {
      closePool(pool);
    }
    assert.deepStrictEqual(
      reports.map((r) => [r.display, r.status, r.error]),
      [
        ['a.txt', 'letter', undefined],
        ['b.pdf', 'unreadable', 'timed out after 50 ms'],
        ['c.txt', 'letter', undefined],
      ],
    );
  });
});
