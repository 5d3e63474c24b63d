// Text helpers for letter text pulled out of PDFs: lines with their noise classified, and runs of
// lines joined into one searchable string that still maps back to document offsets.

import { computeLineStarts, lastAtOrBefore } from './lines';
import type { Span } from './model';

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
}

const PAGE_NOISE = /^(?:Page\s+\d+\s+(?:of|\/)\s+\d+|\d+\s*\/\s*\d+|CM\d{2}-\d{5,8}|-\s*\d+\s*-)$/i;

function isSpace(c: number): boolean {
  // space, tab, vertical tab, form feed, NBSP, BOM, and the Unicode spaces PDF extraction emits
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f;
}

/** LineTable.flags: nothing but white space (see Line.blank). */
export const BLANK = 1;
/** LineTable.flags: blank but holding white space (see Line.spaced). */
export const SPACED = 2;
/** LineTable.flags: page noise (see Line.noise). */
export const NOISE = 4;

/**
 * The lines of a text as splitLines classifies them, in typed arrays, the content of a line sliced
 * only when asked for: a 10 MB export has about 300,000 lines, and an object and a string for each
 * made the garbage collector a quarter of a parse.
 */
export class LineTable {
  readonly length: number;
  readonly end: Int32Array;
  readonly contentStart: Int32Array;
  readonly contentEnd: Int32Array;
  /** BLANK, SPACED and NOISE. */
  readonly flags: Uint8Array;

  constructor(
    readonly text: string,
    /** computeLineStarts(text) */
    readonly starts: readonly number[],
  ) {
    const count = starts.length;
    const n = text.length;
    this.length = count;
    this.end = new Int32Array(count);
    this.contentStart = new Int32Array(count);
    this.contentEnd = new Int32Array(count);
    this.flags = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const start = starts[i];
      let end = i + 1 < count ? starts[i + 1] : n;
      if (end > start && text.charCodeAt(end - 1) === 10) end--;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      let a = start;
      while (a < end && isSpace(text.charCodeAt(a))) a++;
      let b = end;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      this.end[i] = end;
      if (a === b) {
        this.contentStart[i] = end;
        this.contentEnd[i] = end;
        this.flags[i] = end > start ? BLANK | SPACED : BLANK;
      } else {
        this.contentStart[i] = a;
        this.contentEnd[i] = b;
        // Only short lines can be page noise: slice just those.
        if (b - a < 24 && PAGE_NOISE.test(text.slice(a, b))) this.flags[i] = NOISE;
      }
    }
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
    };
  }
}

export function splitLines(text: string, lineStarts = computeLineStarts(text)): Line[] {
  const table = new LineTable(text, lineStarts);
  const lines: Line[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) lines[i] = table.line(i);
  return lines;
}

/**
 * The lines splitLines would find that are neither blank nor noise (the parser's logical lines),
 * read from the text alone, from the line that holds `from` to the last line that starts before
 * `to`. Lazy model values (lazy.ts) use it instead of keeping the parser's lines in memory.
 */
export function logicalLinesIn(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  if (to <= from) return lines;
  let start = from;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c === 10 || c === 13) break;
    start--;
  }
  const n = text.length;
  while (start < to) {
    // Not indexOf: in a text without '\r', indexOf('\r') would read to the end of a 10 MB text for every part.
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let a = start;
    while (a < end && isSpace(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a < b) {
      const t = text.slice(a, b);
      if (!(t.length < 24 && PAGE_NOISE.test(t))) lines.push({ start, end, contentStart: a, contentEnd: b, t, blank: false, spaced: false, noise: false });
    }
    if (end >= n) break;
    // After '\r\n', '\r' or '\n'.
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return lines;
}

/**
 * Several lines' content joined by single spaces into one string that regular expressions can
 * search across line breaks, blank lines and page footers, with a map back to document offsets.
 */
export class JoinedText {
  readonly text: string;
  private readonly joinedStarts: number[] = [];
  private readonly docStarts: number[] = [];
  /** Where an empty joined text stands in the document, so its empty spans stay where its lines are. */
  private readonly emptyAt: number;

  /** `from` lets the first line start mid-line (after a label). */
  constructor(lines: readonly Line[], from?: number) {
    this.emptyAt = from ?? (lines.length > 0 ? lines[0].contentStart : 0);
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
      this.joinedStarts.push(length);
      this.docStarts.push(a);
      parts.push(t);
      length += t.length;
    }
    this.text = parts.join('');
  }

  /**
   * The same as `new JoinedText(lines, from)` where `lines` are the logical lines from the one that
   * holds `from` to the one that ends at `to`, read from the text instead of from the parser's lines.
   */
  static ofRange(text: string, from: number, to: number): JoinedText {
    return new JoinedText(logicalLinesIn(text, from, to), from);
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
const NOT_FOLDED = /\s\s|[^\S ]|^ | $/;

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
  return NOT_FOLDED.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** Straighten curly quotes and dashes so patterns need only the ASCII forms. Keeps the length. */
export function straighten(s: string): string {
  return s.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2010-\u2015\u2212]/g, '-');
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
