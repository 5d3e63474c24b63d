// Folding text so that patterns and comparisons see one form of it: white space runs as one space,
// ligatures spelled out, curly quotes and dashes straightened. The document itself is never changed.

/** Matches any string that fold() would change: white space other than one space between words. */
const NOT_FOLDED = /\s\s|[^\S ]|^ | $|[\ufb00-\ufb06]/;

/** The Latin ligatures PDF text keeps (pdftotext: `Re\ufb01ll`), and the letters they stand for. */
const LIGATURE = /[\ufb00-\ufb06]/g;
const LIGATURE_LETTERS: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** `s` with each ligature spelled out (NFKC's folding of them); the text itself is never changed. */
export function unligated(s: string): string {
  return s.replace(LIGATURE, (l) => LIGATURE_LETTERS[l]);
}

/** Collapse every run of white space to one space and trim, and spell out ligatures. */

export function fold(s: string): string {
  // Most strings folded while parsing (part texts joined from trimmed lines) are already folded:
  // one test is about half the cost of a replace that copies them.
  return NOT_FOLDED.test(s) ? unligated(s.replace(/\s+/g, ' ').trim()) : s;
}

/** Straighten curly quotes and dashes so patterns need only the ASCII forms. Keeps the length. */
export function straighten(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}
