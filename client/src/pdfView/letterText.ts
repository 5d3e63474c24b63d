// A PDF letter's text as its editor shows it, and where its pages begin. The reader puts a form feed
// before each page's first line (as pdftotext does), and VS Code draws it, like any control
// character, as a red box. In the editor each becomes one character that is not a control
// character: a page's form feed a no-break space, any other the replacement character. Every offset
// and line stays the reader's, so the language server's index of the PDF (read from the file) and
// the open document agree on where each item is; the engine trims a no-break space as it trims a
// form feed (test/unit/pdfLetterText.test.ts compares the letters of the 39 posted PDFs both ways).

import { lastAtOrBefore } from '../../../server/src/engine/lines';

/** What a page's form feed becomes in the editor. */
export const PAGE_MARK = '\u00a0';
const FORM_FEED = '\f';
/** C0 controls but tab and line breaks, DEL and C1 controls: what VS Code draws as boxes. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The reader's text as the editor shows it: the same length, no control character left. */
export function shownText(readerText: string): string {
  return readerText.replace(CONTROL, (c) => (c === FORM_FEED ? PAGE_MARK : '\ufffd'));
}

/** Where each page begins in the reader's text: page 1 at 0, page n + 1 at its form feed. */
export function pageStarts(readerText: string): number[] {
  const starts = [0];
  for (let i = readerText.indexOf(FORM_FEED); i >= 0; i = readerText.indexOf(FORM_FEED, i + 1)) starts.push(i);
  return starts;
}

/** The page (1-based) that holds `offset`, given pageStarts. */
export function pageAt(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts, offset) + 1;
}
