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

/**
 * The item to move to from the cursor, wrapping around at either end; undefined when there are none.
 *
 * Lines decide, not characters: the cursor anywhere on an item's decision line(s) is "at" that item,
 * so Next goes to the item after it and Previous to the item before it. From inside an item's
 * parts (below its decision line), Previous goes back to that item's own decision line.
 */
export function pickItem<T extends NavigableItem>(
  items: readonly T[],
  cursor: LinePosition,
  direction: Direction,
): T | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort(compareStart);
  if (direction === 'next') {
    return sorted.find((item) => item.decisionRange.start.line > cursor.line) ?? sorted[0];
  }
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i].decisionRange.end.line < cursor.line) return sorted[i];
  }
  return sorted[sorted.length - 1];
}
