// The logical lines of a range of a text, read from the text alone: what a LineTable of the whole
// text would find there, without its arrays or the parser's lines.

import { LineBreaks } from './lines';
import type { Line } from './lineTable';
import { isPageNoise } from './pageNoise';
import { isLineBreak, isLineSpace } from './whiteSpace';

/**
 * Each line of `text` that is neither blank nor page noise (a logical line), in order: where it
 * starts and ends, and its trimmed content [a, b). What LineTable would find, without its arrays.
 */
export function forEachLogicalLine(
  text: string,
  visit: (start: number, end: number, a: number, b: number) => void,
): void {
  const breaks = new LineBreaks(text);
  let start = 0;
  for (;;) {
    const end = breaks.endOf(start);
    let a = start;
    while (a < end && isLineSpace(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isLineSpace(text.charCodeAt(b - 1))) b--;
    if (a < b && !isPageNoise(text, a, b)) visit(start, end, a, b);
    if (breaks.next < 0) return;
    start = breaks.next;
  }
}

/**
 * The whole lines a non-empty range [from, to) touches: where the first starts, and their text (a
 * string of its own, so that searches in it stop at its end; a slice of a flat string is no copy).
 */
export function linesAround(text: string, from: number, to: number): { start: number; lines: string } {
  let start = from;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  // The last line that starts before `to` ends at the first line break at or after to - 1.
  // Searched character by character: indexOf('\r') in a text without one would read to the end
  // of a 10 MB text for every part.
  let end = to - 1;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return { start, lines: text.slice(start, end) };
}

/**
 * The lines splitLines would find that are neither blank nor noise (the parser's logical lines),
 * from the line that holds `from` to the last line that starts before `to`: a LineTable of just
 * those lines. Lazy model values (lazy.ts) use it instead of keeping the parser's lines in memory.
 */
export function logicalLinesIn(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  if (to <= from) return lines;
  const { start, lines: range } = linesAround(text, from, to);
  forEachLogicalLine(range, (s, e, a, b) =>
    lines.push({
      start: start + s,
      end: start + e,
      contentStart: start + a,
      contentEnd: start + b,
      t: range.slice(a, b),
      blank: false,
      spaced: false,
      noise: false,
    }),
  );
  return lines;
}
