// Line bookkeeping shared by the parser, the features and the command-line tool.
// A line break is '\r\n', '\r' or '\n', as in LSP and vscode-languageserver-textdocument.

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Offsets of the first character of every line. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  // Remember the next '\n' and '\r' so each is searched for once per occurrence, not once per line:
  // a text without '\r' would otherwise be rescanned to its end for every line.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      next = cr + 1;
      if (lf === cr + 1) next++; // '\r\n' is one break
    } else {
      next = lf + 1;
    }
    starts.push(next);
    if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
    if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    if (next >= n) break;
  }
  return starts;
}

/** The index of the last element of a sorted, non-empty array that is <= value (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class LineIndex {
  readonly lineStarts: ArrayLike<number>;

  constructor(
    readonly text: string,
    lineStarts?: ArrayLike<number>,
  ) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 0-based line holding `offset` (clamped to the text). */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.lineStarts, Math.max(0, Math.min(offset, this.text.length)));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    // An offset between '\r' and '\n' has no position of its own: put it at the end of the line's
    // content, as vscode-languageserver-textdocument does, never past it.
    return { line, character: Math.min(o, this.lineContentEnd(line)) - this.lineStarts[line] };
  }

  /** The offset of a position, clamped to its line's content (a character past the end means the end). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineContentEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** End of the line's content, before its line break. */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
