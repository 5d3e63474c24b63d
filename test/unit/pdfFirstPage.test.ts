// Readers that want letters only (check, export, the workspace index) read a PDF no further than a
// first page that cannot begin a letter (engine/detect.ts mayBeginLetter): a folder of other PDFs
// then costs one page each. Tested through analyzeFile, the path check and export take, so that a
// caller that stops asking for it fails here; and on the posted letters, which it must never cut.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isLetter } from '../../server/src/engine/detect';
import { DEFAULT_SEVERITIES } from '../../server/src/engine/check';
import { analyzeFile } from '../../server/src/export/analyze';
import { readLetterFile } from '../../server/src/pdf/letterText';
import { makePdf, PdfLine } from './pdfMaker';
import { PDF_LETTERS, pdfLetterFiles } from './pdfTools';

const LETTER_001 = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'letters', '001_95d645f4881bb0c4.txt');

/** Lines of text set down a page from the top, ASCII only (the test PDFs' font). */
function pageOf(lines: readonly string[]): PdfLine[] {
  return lines.map((text, i) => ({ text: text.replace(/[^\x20-\x7e]/g, ' '), x: 72, y: 760 - i * 14, size: 10 }));
}

describe('PDF letters: a first page that cannot begin a letter', function () {
  this.timeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-first-page-'));
  // Letter 001's opening (letterhead, headings, its first items): a letter on any page.
  const letterPage = pageOf(
    fs
      .readFileSync(LETTER_001, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .slice(0, 50),
  );
  const prose = pageOf([
    'Quarterly minutes of the garden club',
    'Roses were discussed at length.',
    'Next meeting: May.',
  ]);
  const cover = pageOf(['FAX COVER SHEET', 'Re: Independent Medical Review determination', 'Pages: 2']);
  const write = (name: string, pages: PdfLine[][]): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, makePdf(pages));
    return file;
  };

  it('check and export read a PDF no further than a first page of prose', async () => {
    const file = write('minutes-then-letter.pdf', [prose, letterPage]);
    // Read whole, the second page is a letter: so the first-page rule is what decides.
    const whole = await readLetterFile(file);
    assert.ok(whole.kind === 'text' && isLetter(whole.text), 'the whole PDF holds a letter');
    const report = await analyzeFile(file, 'minutes-then-letter.pdf', 'check', DEFAULT_SEVERITIES);
    assert.strictEqual(report.status, 'not-letter');
  });

  it('reads on past a cover sheet that names the review, and finds the letter behind it', async () => {
    const file = write('cover-then-letter.pdf', [cover, letterPage]);
    const report = await analyzeFile(file, 'cover-then-letter.pdf', 'export', DEFAULT_SEVERITIES);
    assert.strictEqual(report.status, 'letter');
    assert.ok((report.records ?? []).some((r) => r.item === 'Lexapro 20mg, 1 daily for 12 months'));
  });

  it('cuts none of the 39 posted letters: each reads the same with and without the rule', async () => {
    for (const name of pdfLetterFiles()) {
      const file = path.join(PDF_LETTERS, name);
      const all = await readLetterFile(file);
      const lettersOnly = await readLetterFile(file, true);
      assert.ok(all.kind === 'text' && lettersOnly.kind === 'text', name);
      assert.strictEqual(lettersOnly.text, all.text, name);
    }
  });
});
