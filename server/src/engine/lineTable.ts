// The lines of a text, their noise classified: LineTable in typed arrays for the parser, Line
// objects (splitLines) for the formatter and the tests.

import { LENT_LINES, LineArrays } from './lineArrays';
import { isPageNoise } from './pageNoise';
import { isLineSpace } from './whiteSpace';

export interface Line {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset after the line's content, before its line break. */
  readonly end: number;
  /** Offsets of the trimmed content: [contentStart, contentEnd). Equal to `end` when blank. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The content with surrounding white space (spaces, tabs, form feeds, NBSP) removed. */
  readonly t: string;
  /** Nothing but white space. */
  readonly blank: boolean;
  /** Holds white space that is not a line break (a line of a single space: a paragraph mark in extracted letters). */
  readonly spaced: boolean;
  /** A page footer or header left by extraction (`Page 2 of 5`, a lone case number). */
  readonly noise: boolean;
  /** Begins with a form feed: a page break (LineTable's FORM_FEED). */
  readonly pageBreak?: boolean;
}

/** LineTable.flags: nothing but white space (see Line.blank). */
export const BLANK = 1;
/** LineTable.flags: blank but holding white space (see Line.spaced). */
export const SPACED = 2;
/** LineTable.flags: page noise (see Line.noise). */
export const NOISE = 4;
/** LineTable.flags: the content holds a ':' (every decision line and label does; most prose does not). */
export const COLON = 8;
/** LineTable.flags: the line begins with a form feed (a page break; pdftotext glues it to the next page's first line). */
export const FORM_FEED = 16;

/**
 * The lines of a text as splitLines classifies them, in typed arrays, the content of a line sliced
 * only when asked for: an object and a string for each of an export's lines kept the garbage
 * collector busy. Built in one pass that finds each line break and each ':' once (indexOf, in
 * native code), never a character loop over the whole text.
 */
export class LineTable {
  /** How many lines: the arrays below may be longer. */
  readonly length: number;
  /** Offset of each line's first character (what computeLineStarts gives), exactly `length` long. */
  readonly starts: ArrayLike<number>;
  readonly end: Int32Array;
  readonly contentStart: Int32Array;
  readonly contentEnd: Int32Array;
  /** BLANK, SPACED, NOISE and COLON. */
  readonly flags: Uint8Array;
  /** Where the arrays above live, with room for the logical lines (parser/logicalLines.ts). */
  readonly arrays: LineArrays;

  /** With `lend`, the arrays are lent for a small text (LineArrays.lend) until release(). */
  constructor(
    readonly text: string,
    lend = false,
  ) {
    const n = text.length;
    // About 35 characters a line in extracted letters; grown when a text has more lines.
    const estimate = (n >> 5) + 16;
    let arrays = (lend && LineArrays.lend(estimate)) || new LineArrays(estimate);
    let capacity = arrays.capacity;
    let { start: starts, end: ends, contentStart: cs, contentEnd: ce, flags } = arrays;
    // The next '\n', '\r' and ':' at or after the current line, each searched for once per occurrence
    // (a text without '\r' would otherwise be rescanned to its end for every line). Not LineBreaks:
    // the parse's hottest loop stays one function, with no call a line to pay before V8 inlines it.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    let colon = text.indexOf(':');
    let count = 0;
    let start = 0;
    for (;;) {
      if (count === capacity) {
        capacity *= 2;
        const grown = new LineArrays(capacity);
        grown.start.set(starts);
        grown.end.set(ends);
        grown.contentStart.set(cs);
        grown.contentEnd.set(ce);
        grown.flags.set(flags);
        // Lent arrays too small for this text go back at once: the grown ones are its own.
        LineArrays.giveBack(arrays);
        arrays = grown;
        ({ start: starts, end: ends, contentStart: cs, contentEnd: ce, flags } = arrays);
      }
      // '\r\n' is one break; a lone '\r' or '\n' is one too (as in LSP).
      let end: number;
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        end = cr;
        next = lf === cr + 1 ? cr + 2 : cr + 1;
      } else if (lf >= 0) {
        end = lf;
        next = lf + 1;
      } else {
        end = n;
        next = -1;
      }
      let a = start;
      while (a < end && isLineSpace(text.charCodeAt(a))) a++;
      let b = end;
      while (b > a && isLineSpace(text.charCodeAt(b - 1))) b--;
      starts[count] = start;
      ends[count] = end;
      let f = 0;
      if (a === b) {
        cs[count] = end;
        ce[count] = end;
        // A form feed alone on its line (mutool) is a page break, not a line holding a space.
        f = end > start && !(end === start + 1 && text.charCodeAt(start) === 12) ? BLANK | SPACED : BLANK;
      } else {
        cs[count] = a;
        ce[count] = b;
        if (isPageNoise(text, a, b)) f = NOISE;
        if (colon >= 0 && colon < a) colon = text.indexOf(':', a);
        if (colon >= 0 && colon < b) f |= COLON;
      }
      if (text.charCodeAt(start) === 12) f |= FORM_FEED;
      flags[count] = f;
      count++;
      // A text that ends with a line break has an empty last line after it.
      if (next < 0) break;
      start = next;
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    this.length = count;
    // The model keeps the starts (lineStartsOf): copied out of the arrays, a small text's into a
    // plain array and a large text's into an Int32Array, whichever is cheaper to make at that size.
    if (count <= LENT_LINES) {
      const copy = new Array<number>(count);
      for (let i = 0; i < count; i++) copy[i] = starts[i];
      this.starts = copy;
    } else this.starts = starts.slice(0, count);
    this.end = ends;
    this.contentStart = cs;
    this.contentEnd = ce;
    this.flags = flags;
    this.arrays = arrays;
  }

  /** Gives lent arrays back: the table must not be read after this (they will hold another text's lines). */
  release(): void {
    LineArrays.giveBack(this.arrays);
  }

  /** Line.t: the trimmed content, '' when blank. */
  t(i: number): string {
    const a = this.contentStart[i];
    const b = this.contentEnd[i];
    return a === b ? '' : this.text.slice(a, b);
  }

  /** Line i as an object. */
  line(i: number): Line {
    const f = this.flags[i];
    return {
      start: this.starts[i],
      end: this.end[i],
      contentStart: this.contentStart[i],
      contentEnd: this.contentEnd[i],
      t: this.t(i),
      blank: (f & BLANK) !== 0,
      spaced: (f & SPACED) !== 0,
      noise: (f & NOISE) !== 0,
      pageBreak: (f & FORM_FEED) !== 0,
    };
  }
}

export function splitLines(text: string): Line[] {
  const table = new LineTable(text);
  const lines: Line[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) lines[i] = table.line(i);
  return lines;
}
