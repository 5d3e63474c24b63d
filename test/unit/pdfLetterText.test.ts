// A PDF letter's text as the editor shows it (client/src/pdfView/letterText.ts): no control
// character left, every offset the reader's, and the same letters, items and problems as the
// reader's text on the 39 posted PDFs, so the index (from the file) and the open document agree.
// Where pages begin, for the PDF view. Runs the shipped bundle dist/pdf.js (npm run build).
import * as assert from 'assert';
import * as path from 'path';
import { checkLetter } from '../../server/src/engine/check';
import { parseLetter } from '../../server/src/engine/parse';
import { readLetterText } from '../../server/src/pdf/letterText';
import { PAGE_MARK, pageAt, pageStarts, shownText } from '../../client/src/pdfView/letterText';
import { PDF_LETTERS, pdfLetterFiles } from './pdfTools';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

async function readerText(name: string): Promise<string> {
  const read = await readLetterText(path.join(PDF_LETTERS, name), () => ({ kind: 'binary' }));
  if (read.kind !== 'text') throw new Error(`${name}: ${read.kind === 'unreadable' ? read.error : read.kind}`);
  return read.text;
}

/** The letters and findings of a text, with the page marks written as the reader's form feeds. */
function model(text: string): string {
  const doc = parseLetter(text);
  return JSON.stringify({ letters: doc.letters, findings: checkLetter(doc) }, (key, value: unknown) =>
    key === 'text' && typeof value === 'string' && value.length > 200 ? undefined : value,
  )
    .split(PAGE_MARK)
    .join('\\f');
}

describe('PDF letter text in the editor', () => {
  it('turns form feeds into page marks and other control characters into the replacement character', () => {
    const reader = 'Page one\n\fPage two\tends\r\nx\u0001y\u007f\u0085z\n\f\n';
    const shown = shownText(reader);
    assert.strictEqual(shown, `Page one\n${PAGE_MARK}Page two\tends\r\nx\ufffdy\ufffd\ufffdz\n${PAGE_MARK}\n`);
    assert.strictEqual(shown.length, reader.length);
    assert.doesNotMatch(shown, CONTROL);
  });

  it('finds the page of an offset from the form feeds', () => {
    const reader = 'one\ntwo\n\fthree\n\f\n\ffour';
    const starts = pageStarts(reader);
    assert.deepStrictEqual(starts, [0, 8, 15, 17]);
    assert.deepStrictEqual(
      [0, 7, 8, 9, 14, 15, 16, 17, reader.length].map((o) => pageAt(starts, o)),
      [1, 1, 2, 2, 2, 3, 3, 4, 4],
    );
  });

  it('gives the same letters, items and problems as the reader text on the 39 posted PDFs', async function () {
    this.timeout(60000);
    const files = pdfLetterFiles();
    assert.strictEqual(files.length, 39);
    let pageBreaks = 0;
    for (const file of files) {
      const reader = await readerText(path.basename(file));
      const shown = shownText(reader);
      assert.doesNotMatch(shown, CONTROL, file);
      assert.strictEqual(shown.split('\n').length, reader.split('\n').length, file);
      pageBreaks += pageStarts(reader).length - 1;
      assert.strictEqual(model(shown), model(reader), file);
    }
    // Every posted letter runs over at least two pages.
    assert.ok(pageBreaks >= 39, `${pageBreaks} page breaks`);
  });
});
