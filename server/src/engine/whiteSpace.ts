// Which characters are white space, as the line table trims a line and as /\s/ reads one, without a
// string or a regular expression for each character.

/** Whether a line's content is trimmed of this character (what splitLines counts as white space). */
export function isLineSpace(c: number): boolean {
  // Printable ASCII first: nearly every line starts and ends with it.
  if (c > 32 && c < 127) return false;
  // space, tab, vertical tab, form feed, NBSP, BOM, and the Unicode spaces PDF extraction emits
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 160 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x3000 ||
    c === 0x202f
  );
}

/** Whether a character is one /\s/ matches, without a string or a regular expression. */
export function isRegExpSpace(c: number): boolean {
  if (c > 32 && c < 160) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const WHITE = /\s/;
export const isWhite = (ch: string): boolean => WHITE.test(ch);

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
