// A document's text as the pieces of strings it was made from. An edit splits pieces and inserts
// one for its new text: it copies no text, so a burst of keystrokes into a 10 MB export costs no
// 10 MB copy each. The pieces are joined into one string when the text is read (`text()`), once
// per burst.
//
// Positions follow vscode-languageserver-textdocument exactly (the property test
// test/property/lazyDocument.test.ts compares every edit burst with it): a line break is '\r\n',
// '\r' or '\n'; a character past a line's end means its end; a line past the last means the end.

import { computeLineStarts, lastAtOrBefore, Position } from '../engine/lines';

/** A string pieces point into, and its line starts, computed on first use (a document never edited needs none). */
class Source {
  private starts: ArrayLike<number> | undefined;

  constructor(
    readonly text: string,
    starts?: ArrayLike<number>,
  ) {
    this.starts = starts;
  }

  get lineStarts(): ArrayLike<number> {
    return (this.starts ??= computeLineStarts(this.text));
  }
}

/** `source.text` from `start` to `end`, and the line starts of the source that fall in (start, end]. */
interface Piece {
  readonly source: Source;
  readonly start: number;
  readonly end: number;
  /** `source.lineStarts[first]` is the piece's first line start; it holds `breaks` of them. */
  readonly first: number;
  readonly breaks: number;
}

function pieceOf(source: Source, start: number, end: number): Piece {
  const starts = source.lineStarts;
  // Line starts are sorted and begin with 0: the number of them <= x is one past the last one <= x.
  const first = lastAtOrBefore(starts, start) + 1;
  return { source, start, end, first, breaks: lastAtOrBefore(starts, end) + 1 - first };
}

/** Past this many pieces an edit joins them: each edit walks the pieces, so their number stays small. */
export const MAX_PIECES = 1024;

const CR = 13;
const LF = 10;

export class PieceText {
  /** The whole text when it is one string (after an open, a full change or a read); otherwise undefined. */
  private whole: Source | undefined;
  private pieces: Piece[] = [];
  private breaks = 0;
  private size: number;
  /** How many times the pieces were joined into one string (tests read it). */
  joins = 0;

  constructor(text: string) {
    this.whole = new Source(text);
    this.size = text.length;
  }

  get length(): number {
    return this.size;
  }

  get lineCount(): number {
    return this.whole ? this.whole.lineStarts.length : this.breaks + 1;
  }

  /** The text, joined from its pieces if an edit split it. */
  text(): string {
    return this.joined().text;
  }

  setText(text: string): void {
    this.whole = new Source(text);
    this.pieces = [];
    this.size = text.length;
  }

  /** Replaces the text between two offsets (start <= end, both within the text). */
  replace(start: number, end: number, text: string): void {
    const pieces = this.whole ? [pieceOf(this.whole, 0, this.size)] : this.pieces;
    const out: Piece[] = [];
    let at = 0;
    for (const p of pieces) {
      if (at >= start) break;
      const length = p.end - p.start;
      out.push(at + length <= start ? p : pieceOf(p.source, p.start, p.start + (start - at)));
      at += length;
    }
    if (text.length > 0) out.push(pieceOf(new Source(text), 0, text.length));
    at = 0;
    for (const p of pieces) {
      const length = p.end - p.start;
      if (at + length > end) out.push(at >= end ? p : pieceOf(p.source, p.start + (end - at), p.end));
      at += length;
    }
    this.whole = undefined;
    this.pieces = out;
    this.size += text.length - (end - start);
    this.breaks = out.reduce((n, p) => n + p.breaks, 0);
    // Each piece counts its own line breaks: a '\r' and a '\n' the edit brought together are one
    // break, which neither piece knows of. Rare (a '\r' typed before a '\n'): count the lines afresh.
    const insertedEnd = start + text.length;
    const crlfAt = (o: number) => o > 0 && o < this.size && this.charCodeAt(o - 1) === CR && this.charCodeAt(o) === LF;
    if (crlfAt(start) || crlfAt(insertedEnd)) {
      this.whole = new Source(this.joinPieces());
      this.pieces = [];
    } else if (out.length > MAX_PIECES) this.joined();
  }

  /** LSP position -> offset, as vscode-languageserver-textdocument's `offsetAt`. */
  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.size;
    if (position.line < 0) return 0;
    const line = this.line(position.line);
    if (position.character <= 0) return line.start;
    return this.beforeBreak(Math.min(line.start + position.character, line.end), line.start);
  }

  /** Where a line (0 <= line < lineCount) starts, where its content ends and where the next line starts. */
  line(line: number): { start: number; contentEnd: number; end: number } {
    const start = this.lineStart(line);
    const end = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.size;
    return { start, contentEnd: this.beforeBreak(end, start), end };
  }

  /** The characters from one offset to another (a line break's, say) without joining the pieces. */
  slice(start: number, end: number): string {
    let s = '';
    for (let o = start; o < end; o++) s += String.fromCharCode(this.charCodeAt(o));
    return s;
  }

  private beforeBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** Offset -> LSP position, as vscode-languageserver-textdocument's `positionAt` (joins the pieces). */
  positionAt(offset: number): Position {
    const whole = this.joined();
    const o = Math.max(0, Math.min(offset, this.size));
    const starts = whole.lineStarts;
    const line = lastAtOrBefore(starts, o);
    return { line, character: this.beforeBreak(o, starts[line]) - starts[line] };
  }

  private lineStart(line: number): number {
    if (this.whole) return this.whole.lineStarts[line];
    if (line === 0) return 0;
    let at = 0;
    let before = 0;
    for (const p of this.pieces) {
      if (before + p.breaks >= line) return at + p.source.lineStarts[p.first + (line - before - 1)] - p.start;
      before += p.breaks;
      at += p.end - p.start;
    }
    return this.size;
  }

  private charCodeAt(offset: number): number {
    if (this.whole) return this.whole.text.charCodeAt(offset);
    let at = 0;
    for (const p of this.pieces) {
      const length = p.end - p.start;
      if (offset < at + length) return p.source.text.charCodeAt(p.start + offset - at);
      at += length;
    }
    return NaN;
  }

  /** The text as one string, with the line starts the pieces already know (no second pass over the text). */
  private joined(): Source {
    if (this.whole) return this.whole;
    const starts = new Uint32Array(this.breaks + 1);
    let k = 1;
    let at = 0;
    for (const p of this.pieces) {
      const lineStarts = p.source.lineStarts;
      for (let i = p.first; i < p.first + p.breaks; i++) starts[k++] = lineStarts[i] - p.start + at;
      at += p.end - p.start;
    }
    this.whole = new Source(this.joinPieces(), starts);
    this.pieces = [];
    return this.whole;
  }

  private joinPieces(): string {
    this.joins++;
    return this.pieces.map((p) => p.source.text.slice(p.start, p.end)).join('');
  }
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}
