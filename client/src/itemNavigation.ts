// Which disputed item "Next/Previous Disputed Item" moves to. Pure: no vscode import, so the unit
// tests run it without an editor.

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export interface NavigableItem {
  readonly decisionRange: { readonly start: LinePosition; readonly end: LinePosition };
}

export type Direction = 'next' | 'previous';

function compareStart(a: NavigableItem, b: NavigableItem): number {
  const s = a.decisionRange.start;
  const t = b.decisionRange.start;
  return s.line - t.line || s.character - t.character;
}

/** Where a move landed: the item, its place among the document's items, and whether it wrapped. */
export interface ItemMove<T> {
  readonly item: T;
  /** 1-based place of the item in the document, in the order of the decision lines. */
  readonly place: number;
  readonly count: number;
  /** True when Next went from the last item to the first, or Previous from the first to the last. */
  readonly wrapped: boolean;
}

/**
 * The item to move to from the cursor, wrapping around at either end; undefined when there are none.
 *
 * Lines decide, not characters: the cursor anywhere on an item's decision line(s) is "at" that item,
 * so Next goes to the item after it and Previous to the item before it. From inside an item's
 * parts (below its decision line), Previous goes back to that item's own decision line.
 */
export function moveToItem<T extends NavigableItem>(
  items: readonly T[],
  cursor: LinePosition,
  direction: Direction,
): ItemMove<T> | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort(compareStart);
  const count = sorted.length;
  if (direction === 'next') {
    const i = sorted.findIndex((item) => item.decisionRange.start.line > cursor.line);
    return i >= 0
      ? { item: sorted[i], place: i + 1, count, wrapped: false }
      : { item: sorted[0], place: 1, count, wrapped: true };
  }
  for (let i = count - 1; i >= 0; i--) {
    if (sorted[i].decisionRange.end.line < cursor.line) return { item: sorted[i], place: i + 1, count, wrapped: false };
  }
  return { item: sorted[count - 1], place: count, count, wrapped: true };
}

/** The item to move to (see moveToItem). */
export function pickItem<T extends NavigableItem>(
  items: readonly T[],
  cursor: LinePosition,
  direction: Direction,
): T | undefined {
  return moveToItem(items, cursor, direction)?.item;
}

/**
 * What the status bar says after a move: `Item 2 of 4`, and when it wrapped, from which end it came
 * back (`Item 1 of 4 (wrapped from the last item)`), so that a user who keeps pressing Next knows
 * the letter has gone round once.
 */
export function moveMessage(move: ItemMove<unknown>, direction: Direction): string {
  const where = `Item ${move.place} of ${move.count}`;
  if (!move.wrapped || move.count === 1) return where;
  return `${where} (wrapped from the ${direction === 'next' ? 'last' : 'first'} item)`;
}
