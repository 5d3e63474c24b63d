// Text helpers for letter text pulled out of PDFs: lines with their noise classified, and runs of
// lines joined into one searchable string that still maps back to document offsets.

import { lastAtOrBefore, LineBreaks } from './lines';
import type { Span } from './model';
import { PAGE_NOISE } from './vocabulary';

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

/** Whether a line starting with this character can be PAGE_NOISE: 'P', 'p', 'C', 'c', '-' or a digit. */
function mayBeNoise(c: number): boolean {
  return (c | 32) === 112 || (c | 32) === 99 || c === 45 || (c >= 48 && c <= 57);
}

/**
 * Whether [a, b) of `text`, a line's content, is PAGE_NOISE. Only short lines can be, or a footer
 * whose two pieces pdftotext -layout sets apart (`Page 2 of 5` ... `CM15-0123456`), which ends in a
 * digit: only those are sliced.
 */
export function isPageNoise(text: string, a: number, b: number): boolean {
  const length = b - a;
  if (length >= 100 || !mayBeNoise(text.charCodeAt(a))) return false;
  if (length >= 24) {
    const last = text.charCodeAt(b - 1);
    if (last < 48 || last > 57) return false;
  }
  return PAGE_NOISE.test(text.slice(a, b));
}

function isSpace(c: number): boolean {
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
 * Each line of `text` that is neither blank nor page noise (a logical line), in order: where it
 * starts and ends, and its trimmed content [a, b). What LineTable would find, without its arrays.
 */
function forEachLogicalLine(text: string, visit: (start: number, end: number, a: number, b: number) => void): void {
  const breaks = new LineBreaks(text);
  let start = 0;
  for (;;) {
    const end = breaks.endOf(start);
    let a = start;
    while (a < end && isSpace(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a < b && !isPageNoise(text, a, b)) visit(start, end, a, b);
    if (breaks.next < 0) return;
    start = breaks.next;
  }
}

/**
 * The whole lines a non-empty range [from, to) touches: where the first starts, and their text (a
 * string of its own, so that searches in it stop at its end; a slice of a flat string is no copy).
 */
function linesAround(text: string, from: number, to: number): { start: number; lines: string } {
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
 * The lines of a text as splitLines classifies them, in typed arrays, the content of a line sliced
 * only when asked for: a 10 MB export has about 300,000 lines, and an object and a string for each
 * made the garbage collector a quarter of a parse. Built in one pass that finds each line break
 * and each ':' once (indexOf, in native code), never a character loop over the whole text.
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
      while (a < end && isSpace(text.charCodeAt(a))) a++;
      let b = end;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
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
    // The model keeps the starts (lineStartsOf): copied out of the arrays. A small text's into a
    // plain array (an array buffer for each letter cost more than the rest of the table); a large
    // text's into an Int32Array (a plain array of 300,000 took longer to make than the loop above).
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

/** The most lines a lent LineArrays holds: a text of about 64 KB (see LineArrays). */
const LENT_LINES = 2048;

/**
 * The arrays of a LineTable (its starts until they are copied out) and of its logical lines
 * (parser/logicalLines.ts logicalIndex), in one buffer. For texts of up to LENT_LINES lines, one
 * set is lent to a parse at a time and given back when it ends (engine/memory.ts, 2): a letter is
 * parsed in tens of microseconds, and the two array buffers it allocated took about a fifth of that.
 */
export class LineArrays {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly contentStart: Int32Array;
  readonly contentEnd: Int32Array;
  readonly flags: Uint8Array;
  /** logicalIndex: the physical line of each logical line. */
  readonly logical: Int32Array;
  /** logicalIndex: 1 where a logical line starts a paragraph. */
  readonly paragraphStart: Uint8Array;

  constructor(readonly capacity: number) {
    const buffer = new ArrayBuffer(capacity * 22);
    const int = (k: number) => new Int32Array(buffer, k * capacity * 4, capacity);
    this.start = int(0);
    this.end = int(1);
    this.contentStart = int(2);
    this.contentEnd = int(3);
    this.logical = int(4);
    this.flags = new Uint8Array(buffer, 20 * capacity, capacity);
    this.paragraphStart = new Uint8Array(buffer, 21 * capacity, capacity);
  }

  /** The one set that is lent, and whether a parse holds it now (a parse within a parse allocates its own). */
  private static readonly shared = new LineArrays(LENT_LINES);
  private static sharedOut = false;

  /** The shared set, when no parse holds it and it holds `capacity` lines; else undefined. */
  static lend(capacity: number): LineArrays | undefined {
    if (LineArrays.sharedOut || capacity > LENT_LINES) return undefined;
    LineArrays.sharedOut = true;
    return LineArrays.shared;
  }

  /** Takes the shared set back (a set of a table's own is left alone). */
  static giveBack(arrays: LineArrays): void {
    if (arrays === LineArrays.shared) LineArrays.sharedOut = false;
  }
}

export function splitLines(text: string): Line[] {
  const table = new LineTable(text);
  const lines: Line[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) lines[i] = table.line(i);
  return lines;
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

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** What JoinedText reads of a line. */
export type LineContent = Pick<Line, 'contentStart' | 'contentEnd' | 't'>;

/**
 * Several lines' content joined by single spaces into one string that regular expressions can
 * search across line breaks, blank lines and page footers, with a map back to document offsets.
 */
export class JoinedText {
  private constructor(
    readonly text: string,
    private readonly joinedStarts: readonly number[],
    private readonly docStarts: readonly number[],
    /** Where an empty joined text stands in the document, so its empty spans stay where its lines are. */
    private readonly emptyAt: number,
  ) {}

  /** The lines' content joined; `from` lets the first line start mid-line (after a label). */
  static of(lines: readonly LineContent[], from?: number): JoinedText {
    const emptyAt = from ?? (lines.length > 0 ? lines[0].contentStart : 0);
    const joinedStarts: number[] = [];
    const docStarts: number[] = [];
    const parts: string[] = [];
    let length = 0;
    for (const line of lines) {
      let a = line.contentStart;
      let t = line.t;
      if (from !== undefined && from > a && from <= line.contentEnd) {
        // Skip the part of the first line before `from`, and the spaces after it.
        const skipped = t.slice(from - a);
        const trimmed = skipped.replace(/^\s+/, '');
        a = line.contentEnd - trimmed.length;
        t = trimmed;
        from = undefined;
      }
      if (t.length === 0) continue;
      if (parts.length > 0) {
        parts.push(' ');
        length++;
      }
      joinedStarts.push(length);
      docStarts.push(a);
      parts.push(t);
      length += t.length;
    }
    return new JoinedText(parts.join(''), joinedStarts, docStarts, emptyAt);
  }

  /**
   * `JoinedText.of` the lines `order[a]` to `order[b - 1]` of a LineTable (none blank: logical lines), read from
   * its arrays: the parser joins the last lines of every rationale, and a line object for each
   * was a fifth of what a 10 MB parse allocated.
   */
  static ofTable(table: LineTable, order: ArrayLike<number>, a: number, b: number): JoinedText {
    const text = table.text;
    // Logical lines are never blank: one piece each, in arrays of that size.
    const n = Math.max(0, b - a);
    const joinedStarts = new Array<number>(n);
    const docStarts = new Array<number>(n);
    const pieces = new Array<string>(n);
    let length = 0;
    for (let j = 0; j < n; j++) {
      const k = order[a + j];
      const start = table.contentStart[k];
      joinedStarts[j] = length;
      docStarts[j] = start;
      pieces[j] = text.slice(start, table.contentEnd[k]);
      length += pieces[j].length + 1;
    }
    // join, not +=: a flat string, which the regular expressions and charCodeAt read fastest.
    return new JoinedText(pieces.join(' '), joinedStarts, docStarts, n > 0 ? table.contentStart[order[a]] : 0);
  }

  /**
   * The same as `JoinedText.of(logicalLinesIn(text, from, to), from)`: the logical lines from the
   * one that holds `from` to the one that ends at `to`, read from the text instead of from the
   * parser's lines. Read in one pass over the range, without a LineTable or a line object (the
   * outline and the export find every guideline part's citations through it; the table and the
   * objects were most of its cost). test/property: the same as that composition on every range.
   */
  static ofRange(text: string, from: number, to: number): JoinedText {
    if (to <= from) return new JoinedText('', [], [], from);
    const { start, lines } = linesAround(text, from, to);
    const joinedStarts: number[] = [];
    const docStarts: number[] = [];
    const pieces: string[] = [];
    let length = 0;
    // The first line is read from `from` on, once a line holds it (JoinedText.of's `from`).
    let skipTo = from - start;
    forEachLogicalLine(lines, (_s, _e, a, b) => {
      if (skipTo >= 0 && skipTo > a && skipTo <= b) {
        // The part of the line before `from`, and the white space after it, are not read.
        a = skipTo;
        while (a < b && isRegExpSpace(lines.charCodeAt(a))) a++;
        skipTo = -1;
      }
      if (a === b) return;
      if (pieces.length > 0) length++;
      joinedStarts.push(length);
      docStarts.push(start + a);
      const piece = lines.slice(a, b);
      pieces.push(piece);
      length += piece.length;
    });
    return new JoinedText(pieces.join(' '), joinedStarts, docStarts, from);
  }

  /** The document offset of a position in the joined text. */
  toDoc(offset: number): number {
    const starts = this.joinedStarts;
    if (starts.length === 0) return this.emptyAt;
    const k = lastAtOrBefore(starts, offset);
    return this.docStarts[k] + (offset - starts[k]);
  }

  /** The document span of [start, end) in the joined text; `end` maps just after the last character. */
  span(start: number, end: number): Span {
    if (end <= start) {
      const s = this.toDoc(start);
      return { start: s, end: s };
    }
    return { start: this.toDoc(start), end: this.toDoc(end - 1) + 1 };
  }
}

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

/** Collapse every run of white space to one space and trim. */
/**
 * `s` without the trailing characters `drop` accepts. A loop on purpose: V8 runs a pattern such as
 * /[.\s]+$/ or /\s*:$/ from every character of a long run that does not reach the end, which is
 * quadratic (a line with 40,000 spaces in it took seconds to parse; found by the fuzzer).
 */
export function trimEndWhere(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
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

/** `s` trimmed, then without one trailing colon and the white space before it; `s` itself when `required` and there is no colon. */
export function withoutTrailingColon(s: string, required: boolean): string {
  const t = s.trimEnd();
  if (t.endsWith(':')) return t.slice(0, -1).trimEnd();
  return required ? s : t;
}

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

/** Levenshtein distance: how many single-character edits turn a into b. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
