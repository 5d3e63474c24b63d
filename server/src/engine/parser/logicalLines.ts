// Logical lines: the lines of a text that are neither blank nor page noise, and where paragraphs
// break between them. The parser reads nothing else; it looks at blank lines only through
// `paragraphStart`. PDF extraction leaves a blank line after every line (or none), so a text is
// first classed as double spaced or not.

import type { PartKind, Span } from '../model';
import { fold } from '../fold';
import { LineArrays } from '../lineArrays';
import { BLANK, COLON, FORM_FEED, Line, LineTable, NOISE, SPACED } from '../lineTable';
import type { HeadingSpec } from '../vocabulary';
import { headingAt, isUpperCase, LABELS_BY_PREFIX, partLabelAt, prefixAt } from './recognize';

export interface Logical {
  /** Index into the physical lines. */
  line: number;
  /** True when a paragraph break separates this logical line from the previous one. */
  paragraphStart: boolean;
}

/** Line flags (text.ts BLANK, SPACED, NOISE, FORM_FEED) of lines given as objects. */
function flagsOf(lines: readonly Line[]): Uint8Array {
  const flags = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++)
    flags[i] =
      (lines[i].blank ? BLANK : 0) |
      (lines[i].spaced ? SPACED : 0) |
      (lines[i].noise ? NOISE : 0) |
      (lines[i].pageBreak ? FORM_FEED : 0);
  return flags;
}

/**
 * In a double-spaced extraction a single blank line follows every line, so only two or more blank
 * lines (or a line holding a space, which extraction emits between paragraphs) break a paragraph.
 */
export function logicalLines(lines: readonly Line[], doubleSpaced: boolean): Logical[] {
  const { line, paragraphStart } = logicalIndex(flagsOf(lines), doubleSpaced);
  const out: Logical[] = new Array(line.length);
  for (let k = 0; k < line.length; k++) out[k] = { line: line[k], paragraphStart: paragraphStart[k] === 1 };
  return out;
}

/**
 * logicalLines on the flags of the first `n` lines, in typed arrays: the physical line of each
 * logical line, and whether it starts a paragraph (1) or not (0). Written into `into` when given
 * (a LineTable's arrays, which have room for them), else into arrays of their own.
 */
export function logicalIndex(
  flags: Uint8Array,
  doubleSpaced: boolean,
  n = flags.length,
  into: Pick<LineArrays, 'logical' | 'paragraphStart'> = logicalArrays(n),
): { line: Int32Array; paragraphStart: Uint8Array } {
  const line = into.logical;
  const paragraphStart = into.paragraphStart;
  let count = 0;
  let blanks = 0;
  let spaced = false;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f & BLANK) {
      blanks++;
      if (f & SPACED) spaced = true;
      continue;
    }
    if (f & NOISE) {
      // A page footer in double-spaced text brings its own blank line: without this, a footer in
      // mid-paragraph would read as a paragraph break.
      if (doubleSpaced && blanks > 0) blanks--;
      continue;
    }
    line[count] = i;
    paragraphStart[count] = count === 0 || spaced || (doubleSpaced ? blanks >= 2 : blanks >= 1) ? 1 : 0;
    count++;
    blanks = 0;
    spaced = false;
  }
  // paragraphStart is read at logical lines only: it need not be cut to `count`.
  return { line: line.subarray(0, count), paragraphStart };
}

/** The two arrays logicalIndex writes, for `n` lines, in one buffer (not a whole LineArrays: the formatter needs these only). */
function logicalArrays(n: number): Pick<LineArrays, 'logical' | 'paragraphStart'> {
  const buffer = new ArrayBuffer(n * 5);
  return { logical: new Int32Array(buffer, 0, n), paragraphStart: new Uint8Array(buffer, n * 4, n) };
}

export function isDoubleSpaced(lines: readonly Line[]): boolean {
  return isDoubleSpacedFlags(flagsOf(lines));
}

/** Whether the first `n` lines are double spaced (see isDoubleSpaced). */
function isDoubleSpacedFlags(flags: Uint8Array, n = flags.length): boolean {
  let text = 0;
  let followedByOneBlank = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (flags[i] & BLANK) continue;
    text++;
    if ((flags[i + 1] & (BLANK | SPACED)) === BLANK && (i + 2 >= n || !(flags[i + 2] & BLANK))) followedByOneBlank++;
  }
  return text > 0 && followedByOneBlank / text >= 0.6;
}

export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  // Only a '\r' before the first '\n' can be the first line break: the search stops there (a
  // text without '\r' would otherwise be read to its end, 10 MB for every parse of an export).
  const cr = (lf < 0 ? text : text.slice(0, lf)).indexOf('\r');
  if (cr >= 0) return lf === cr + 1 ? '\r\n' : '\r';
  return '\n';
}

/** A heading found at a logical line, possibly wrapped onto the next one. */
export interface HeadingFound {
  spec: HeadingSpec;
  /** The logical line the heading ends on. */
  last: number;
  /** The heading's words, white space folded. */
  title: string;
  /** The offset after the heading (and its colon). */
  headingEnd: number;
}

/**
 * The logical lines of a text, by index (0 to length - 1), read from the line table's arrays: every
 * stage of the parser and every layout reads lines through this, and slices a line's content only
 * when it asks for it.
 */
export class LogicalLines {
  readonly lines: LineTable;
  /** Offset of each physical line's first character. */
  readonly lineStarts: ArrayLike<number>;
  /** The physical line of each logical line. */
  readonly logical: Int32Array;
  /** 1 where a logical line starts a paragraph. */
  readonly paragraphStart: Uint8Array;
  readonly doubleSpaced: boolean;
  /** How many logical lines. */
  readonly length: number;

  /** With `lend`, the line arrays are lent (text.ts LineArrays) until release(). */
  constructor(
    readonly text: string,
    lend = false,
  ) {
    this.lines = new LineTable(text, lend);
    this.lineStarts = this.lines.starts;
    this.doubleSpaced = isDoubleSpacedFlags(this.lines.flags, this.lines.length);
    const logical = logicalIndex(this.lines.flags, this.doubleSpaced, this.lines.length, this.lines.arrays);
    this.logical = logical.line;
    this.paragraphStart = logical.paragraphStart;
    this.length = this.logical.length;
  }

  /** Gives lent line arrays back: nothing may read these lines after it. */
  release(): void {
    this.lines.release();
  }

  /** Whether a page break (a form feed) stands between logical line i - 1 and logical line i. */
  pageBreakBefore(i: number): boolean {
    const flags = this.lines.flags;
    for (let p = i > 0 ? this.logical[i - 1] + 1 : 0; p <= this.logical[i]; p++) if (flags[p] & FORM_FEED) return true;
    return false;
  }

  /** The content of logical line i (sliced on each call: keep it while it is needed). */
  t(i: number): string {
    return this.lines.t(this.logical[i]);
  }

  /** Logical line i as an object, for code that runs on a few lines; the rest reads contentStart and contentEnd. */
  lineOf(i: number): Line {
    return this.lines.line(this.logical[i]);
  }

  contentStart(i: number): number {
    return this.lines.contentStart[this.logical[i]];
  }

  contentEnd(i: number): number {
    return this.lines.contentEnd[this.logical[i]];
  }

  /** recognize.ts prefixAt of logical line i, read from the text without slicing the line. */
  prefix(i: number): number {
    return prefixAt(this.text, this.contentStart(i));
  }

  /** Whether logical line i's content holds a ':' (LineTable's COLON flag). */
  hasColon(i: number): boolean {
    return (this.lines.flags[this.logical[i]] & COLON) !== 0;
  }

  /** Whether logical line i's content ends with ':'. */
  endsWithColon(i: number): boolean {
    return this.text.charCodeAt(this.contentEnd(i) - 1) === 58;
  }

  /** partLabelAt of logical line i (whose prefix is `prefix`), slicing it only when it may be one. */
  labelAt(i: number, prefix = this.prefix(i)): { kind: PartKind; length: number } | undefined {
    return LABELS_BY_PREFIX.has(prefix) ? partLabelAt(this.t(i)) : undefined;
  }

  /** The heading at logical line i (whose content is `t`), joining a heading wrapped onto a second line. */
  headingAt(i: number, t = this.t(i)): HeadingFound | undefined {
    const spec = headingAt(t);
    if (spec) {
      const m = spec.re.exec(t)!;
      return { spec, last: i, title: fold(m[0]), headingEnd: this.contentStart(i) + m[0].length };
    }
    // Long capitalized headings wrap; try this line with the next one.
    if (i + 1 < this.length && t.length >= 10 && t.length < 100 && isUpperCase(t) && /[A-Z]/.test(t)) {
      const next = this.lineOf(i + 1);
      const joined = t + ' ' + next.t;
      const spec2 = headingAt(joined);
      if (spec2) {
        const m = spec2.re.exec(joined)!;
        const inNext = m[0].length - t.length - 1;
        if (inNext > 0) return { spec: spec2, last: i + 1, title: fold(m[0]), headingEnd: next.contentStart + inNext };
      }
    }
    return undefined;
  }

  /** The span from the start of logical line a to the end of logical line b - 1. */
  spanOf(a: number, b: number): Span {
    if (b <= a) {
      const at = a < this.length ? this.contentStart(a) : this.text.length;
      return { start: at, end: at };
    }
    return { start: this.contentStart(a), end: this.contentEnd(b - 1) };
  }

  /** Logical lines [a, b) as objects. */
  linesOf(a: number, b: number): Line[] {
    const out: Line[] = [];
    for (let i = a; i < b; i++) out.push(this.lineOf(i));
    return out;
  }
}
