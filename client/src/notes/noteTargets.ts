// Where a note goes in a document: which letter or item a line belongs to, and the line each
// target's comment thread sits on (an item's decision line, a letter's first line). Pure: no
// vscode import, so the unit tests run it.

import type { Target } from '../../../server/src/notes/model';
import type { ItemsResult } from '../../../server/src/protocol';

export interface PlacedTarget {
  /** 0-based line of the thread. */
  readonly line: number;
  readonly target: Target;
}

/** Every thread place of a document: each letter's first line, then each item's decision line. */
export function targetsOf(result: ItemsResult): PlacedTarget[] {
  const keys = result.letterKeys ?? [];
  const lines = result.letterLines ?? [];
  const itemKeys = result.itemKeys ?? [];
  const out: PlacedTarget[] = keys.map((letter, i) => ({ line: lines[i] ?? 0, target: { letter } }));
  result.items.forEach((item, i) => {
    const letter = keys[item.letterIndex];
    if (letter === undefined || itemKeys[i] === undefined) return;
    out.push({
      line: item.decisionRange.start.line,
      target: { letter, item: itemKeys[i], itemName: item.name },
    });
  });
  return out;
}

/**
 * The target a line belongs to: the item whose decision line is at or above it in the same letter
 * (its parts follow its decision line), else the letter as a whole.
 */
export function targetAt(result: ItemsResult, line: number): PlacedTarget | undefined {
  const targets = targetsOf(result);
  const letters = targets.filter((t) => t.target.item === undefined);
  let letter: PlacedTarget | undefined;
  for (const t of letters) if (t.line <= line && (!letter || t.line >= letter.line)) letter = t;
  letter ??= letters[0];
  if (!letter) return undefined;
  let item: PlacedTarget | undefined;
  for (const t of targets)
    if (t.target.item !== undefined && t.target.letter === letter.target.letter && t.line <= line)
      if (!item || t.line >= item.line) item = t;
  return item ?? letter;
}

/** The lines a user may start a note on: the threads' places. */
export function commentingLines(result: ItemsResult): number[] {
  return [...new Set(targetsOf(result).map((t) => t.line))].sort((a, b) => a - b);
}
