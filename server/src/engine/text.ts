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

export function splitLines(text: string, lineStarts = computeLineStarts(text)): Line[] {
  const lines: Line[] = new Array(lineStarts.length);
  const n = text.length;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : n;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let a = start;
    while (a < end && isSpace(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    const blank = a === b;
    const t = blank ? '' : text.slice(a, b);
    lines[i] = {
      start,
      end,
      contentStart: blank ? end : a,
      contentEnd: blank ? end : b,
      t,
      blank,
      spaced: blank && end > start,
      noise: !blank && t.length < 24 && PAGE_NOISE.test(t),
    };
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

  /** `from` lets the first line start mid-line (after a label). */
  constructor(lines: readonly Line[], from?: number) {
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

  /** The document offset of a position in the joined text. */
  toDoc(offset: number): number {
    const starts = this.joinedStarts;
    if (starts.length === 0) return 0;
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
