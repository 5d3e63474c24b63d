// How messages and fix titles name what the letter wrote (an item, an outcome word), and where a
// finding about an item points.

import type { DisputedItem, Span } from '../model';

/** Past this many characters a quoted name is shortened. */
const QUOTE_LIMIT = 60;

/**
 * `"name"`, shortened at a word boundary with an ellipsis when long, so that a message never cuts a
 * word in two. A single word longer than the limit (no item name is one: the fuzzer's 500-letter
 * outcome word is) is cut where the limit falls.
 */
export function quote(name: string): string {
  if (name.length === 0) return 'this item';
  if (name.length <= QUOTE_LIMIT) return `"${name}"`;
  const head = name.slice(0, QUOTE_LIMIT);
  const boundary = head.lastIndexOf(' ');
  const kept = boundary > 0 ? head.slice(0, boundary) : head;
  // A cut after "mon," or "for" would leave the comma or a dangling space before the ellipsis.
  return `"${kept.replace(/[\s,;:]+$/, '')}…"`;
}

/** Where a finding about the item as a whole points: its name, or its decision line when it has no name. */
export function nameRangeOf(item: DisputedItem): Span {
  return item.nameRange.end > item.nameRange.start ? item.nameRange : item.decisionRange;
}
