// Line bookkeeping shared by the parser, the features and the command-line tool.
// A line break is '\r\n', '\r' or '\n', as in LSP and vscode-languageserver-textdocument.

export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * The line breaks of a text, line after line: '\r\n' is one break, a lone '\r' or '\n' one too
 * (as in LSP). Each of '\n' and '\r' is searched for once per occurrence (indexOf, in native
 * code), never a character loop: a text without '\r' would otherwise be rescanned to its end for
 * every line.
 */
export class LineBreaks {
  private lf: number;
  private cr: number;
  /** Where the line after the last one endOf was asked for starts; -1 when that was the last line. */
  next = 0;

  constructor(private readonly text: string) {
    this.lf = text.indexOf('\n');
    this.cr = text.indexOf('\r');
  }

  /** Where the line that starts at `start` ends, before its break (lines are asked for in order). */
  endOf(start: number): number {
    const text = this.text;
    if (this.lf >= 0 && this.lf < start) this.lf = text.indexOf('\n', start);
    if (this.cr >= 0 && this.cr < start) this.cr = text.indexOf('\r', start);
    const { lf, cr } = this;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      this.next = lf === cr + 1 ? cr + 2 : cr + 1;
      return cr;
    }
    if (lf >= 0) {
      this.next = lf + 1;
      return lf;
    }
    this.next = -1;
    return text.length;
  }
}

/** Offsets of the first character of every line. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  const breaks = new LineBreaks(text);
  for (let start = 0; ; start = breaks.next) {
    breaks.endOf(start);
    if (breaks.next < 0) return starts;
    starts.push(breaks.next);
  }
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
