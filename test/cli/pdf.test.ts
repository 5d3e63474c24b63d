// imr-letters on PDF letters: the posted letters checked, outlined, exported and written as text;
// PDFs no text can come from named on stderr with their reason, exit code 2 when named directly,
// the letters beside them still checked; --no-pdf; output in input order with workers.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { makePdf } from '../unit/pdfMaker';
import { makeBadPdfs, PDF_LETTERS } from '../unit/pdfTools';
import { cliEntry, hasStackTrace, lines, runCli, runCliAsync, tempDir } from './helpers';

const LETTERS = 'test/fixtures/letters-pdf';
const CLEAN = 'test/fixtures/cli/clean';

describe(`imr-letters on PDF letters (running ${cliEntry().kind})`, function () {
  this.timeout(120_000);

  it('check: the 39 posted letters, found in their folder, have no problems: exit 0', async () => {
    const r = await runCliAsync(['check', LETTERS]);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual(lines(r.stdout), [
      '39 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)',
    ]);
    assert.strictEqual(r.code, 0);
  });

  it('outline of a PDF: the letter, its sections and its items with their outcomes', () => {
    const r = runCli(['outline', `${LETTERS}/CM16-0213037.pdf`]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Case CM16-0213037 — 2 items: 2 upheld /);
    assert.match(r.stdout, /^ {4}Upheld: MRI of the right shoulder without contrast — /m);
    assert.match(r.stdout, /^ {4}Upheld: MRI of the cervical spine without contrast — /m);
    assert.match(r.stdout, /Reviewer credentials — Family Practice/);
  });

  it('export of PDFs: one record per item, in input order, the same with one worker and with two', async () => {
    const files = [`${LETTERS}/CM17-0012582.pdf`, `${LETTERS}/CM16-0249726.pdf`];
    const one = await runCliAsync(['export', '--format', 'jsonl', '--jobs', '1', ...files]);
    const two = await runCliAsync(['export', '--format', 'jsonl', '--jobs', '2', ...files]);
    assert.strictEqual(one.code, 0, one.stderr);
    assert.strictEqual(two.stdout, one.stdout);
    const records = lines(one.stdout).map((l) => JSON.parse(l) as { file: string; item: string; outcome: string });
    assert.deepStrictEqual(
      records.map((r) => [r.file, r.outcome]),
      [
        [files[0], 'Upheld'],
        [files[0], 'Upheld'],
        [files[0], 'Upheld'],
        [files[0], 'Overturned'],
        [files[1], 'Overturned'],
      ],
    );
    assert.strictEqual(records[1].item, 'Ultram (tramadol) 50mg #90');
  });

  it('text: writes the letter text of a PDF, to stdout or to --output', () => {
    const r = runCli(['text', `${LETTERS}/CM16-0213037.pdf`]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Case Number: +CM16-0213037\n/);
    assert.match(r.stdout, /^MRI of the right shoulder without contrast: Upheld$/m);
    const out = path.join(tempDir('pdf-text'), 'letter.txt');
    const w = runCli(['text', `${LETTERS}/CM16-0213037.pdf`, '-o', out]);
    assert.strictEqual(w.code, 0, w.stderr);
    assert.strictEqual(w.stdout, '');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), r.stdout);
    // The written text is a letter the tool checks as it checks the PDF.
    const c = runCli(['check', out]);
    assert.deepStrictEqual(lines(c.stdout), ['1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('text takes one file: a second one is a usage error', () => {
    const r = runCli(['text', `${LETTERS}/CM16-0213037.pdf`, `${LETTERS}/CM16-0229336.pdf`]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^imr-letters: 'text' takes one letter file, got 2/);
  });

  describe('PDFs no text can come from', () => {
    let dir: string;
    let bad: ReturnType<typeof makeBadPdfs>;
    before(() => {
      dir = tempDir('pdf-bad');
      bad = makeBadPdfs(dir, path.join(PDF_LETTERS, 'CM16-0213037.pdf'));
    });

    it('each named directly: one line on stderr with the file and why, exit 2, no stack trace', () => {
      for (const b of bad) {
        const r = runCli(['check', b.file]);
        assert.strictEqual(r.code, 2, b.name);
        const errs = lines(r.stderr);
        assert.strictEqual(errs.length, 1, r.stderr);
        assert.ok(errs[0].startsWith(`${b.file}: cannot read (`), errs[0]);
        assert.match(errs[0].slice(`${b.file}: cannot read (`.length, -1), b.reason, b.name);
        assert.deepStrictEqual(lines(r.stdout), [
          '0 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters); 1 file could not be checked',
        ]);
        assert.ok(!hasStackTrace(r.stderr + r.stdout));
      }
    });

    it('a scanned PDF says to run OCR on it first', () => {
      const r = runCli(['check', path.join(dir, 'scanned.pdf')]);
      assert.strictEqual(
        lines(r.stderr)[0],
        `${path.join(dir, 'scanned.pdf')}: cannot read (no text layer; run OCR on it first)`,
      );
    });

    it('beside good letters, in a folder: each bad one named, the letters still checked, output in input order', async () => {
      fs.copyFileSync(path.join(PDF_LETTERS, 'CM16-0249726.pdf'), path.join(dir, 'good-letter.pdf'));
      const r = await runCliAsync(['check', '--format', 'json', '--jobs', '2', dir]);
      const report = JSON.parse(r.stdout) as { files: Array<{ path: string; status: string; items?: number }> };
      const names = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort();
      assert.deepStrictEqual(
        report.files.map((f) => path.basename(f.path)),
        names,
      );
      assert.deepStrictEqual(
        report.files.filter((f) => f.status === 'letter').map((f) => [path.basename(f.path), f.items]),
        [['good-letter.pdf', 1]],
      );
      assert.strictEqual(lines(r.stderr).length, bad.length);
      assert.ok(!hasStackTrace(r.stderr));
      assert.strictEqual(r.code, 2);
    });

    it('--no-pdf leaves PDFs out of a folder search', () => {
      const mixed = tempDir('pdf-mixed');
      fs.copyFileSync(path.join(dir, 'scanned.pdf'), path.join(mixed, 'scanned.pdf'));
      for (const f of fs.readdirSync(CLEAN)) fs.copyFileSync(path.join(CLEAN, f), path.join(mixed, f));
      const without = runCli(['check', '--no-pdf', mixed]);
      assert.strictEqual(without.stderr, '');
      assert.strictEqual(without.code, 0);
      const withPdf = runCli(['check', mixed]);
      assert.deepStrictEqual(lines(withPdf.stderr), [
        `${path.join(mixed, 'scanned.pdf')}: cannot read (no text layer; run OCR on it first)`,
      ]);
    });
  });

  it('a PDF that is not a letter is skipped and counted like a text file that is not one', () => {
    const dir = tempDir('pdf-notes');
    fs.writeFileSync(
      path.join(dir, 'minutes.pdf'),
      makePdf([[{ text: 'Minutes of the staff meeting: the new printer arrives on Monday.', x: 72, y: 700 }]]),
    );
    fs.copyFileSync(path.join(PDF_LETTERS, 'CM16-0213037.pdf'), path.join(dir, 'letter.pdf'));
    const r = runCli(['check', dir]);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual(lines(r.stdout), ['1 letter checked, 0 errors, 0 warnings; 1 file skipped (not letters)']);
    assert.strictEqual(r.code, 0);
  });
});
