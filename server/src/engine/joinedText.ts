// Several lines' content joined into one searchable string that still maps back to document offsets.

import { lastAtOrBefore } from './lines';
import type { Line, LineTable } from './lineTable';
import type { Span } from './model';
import { forEachLogicalLine, linesAround } from './rangeLines';
import { isRegExpSpace } from './whiteSpace';

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
   * its arrays: the parser joins the last lines of every rationale, and makes no line object for them.
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
   * parser's lines. Read in one pass over the range, without a LineTable or a line object: the
   * outline and the export find every guideline part's citations through it. test/property: the
   * same as that composition on every range.
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
