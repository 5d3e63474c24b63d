// The arrays a LineTable and its logical lines are written into, one set lent to one parse at a time.

/** The most lines a lent LineArrays holds: a letter's, not an export's (see LineArrays). */
export const LENT_LINES = 2048;

/**
 * The arrays of a LineTable (its starts until they are copied out) and of its logical lines
 * (parser/logicalLines.ts logicalIndex), in one buffer. For texts of up to LENT_LINES lines, one
 * set is lent to a parse at a time and given back when it ends (engine/memory.ts, 2): allocating
 * array buffers for each letter cost a noticeable part of its parse.
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
