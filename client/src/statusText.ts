// The status bar summary of an open letter. Pure: no vscode import, so the unit tests run it
// without an editor.

import type { ItemsResult } from '../../server/src/protocol';

export interface LetterCounts {
  readonly letters: number;
  readonly items: number;
  readonly upheld: number;
  readonly overturned: number;
  /** Items whose outcome is unknown (a word that is neither Upheld nor Overturned) or missing. */
  readonly withoutValidOutcome: number;
  /** Diagnostics the extension reports for the document. */
  readonly problems: number;
}

export function countLetter(result: Pick<ItemsResult, 'letters' | 'items'>, problems: number): LetterCounts {
  let upheld = 0;
  let overturned = 0;
  for (const item of result.items) {
    if (item.outcome === 'upheld') upheld++;
    else if (item.outcome === 'overturned') overturned++;
  }
  const items = result.items.length;
  return {
    letters: result.letters,
    items,
    upheld,
    overturned,
    withoutValidOutcome: items - upheld - overturned,
    problems,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `$(law) 4 items: 3 upheld · 1 overturned · 1 problem`: counts of zero are left out. */
export function statusBarText(c: LetterCounts): string {
  const head = (c.letters > 1 ? plural(c.letters, 'letter', 'letters') + ', ' : '') + plural(c.items, 'item', 'items');
  const parts: string[] = [];
  if (c.upheld > 0) parts.push(`${c.upheld} upheld`);
  if (c.overturned > 0) parts.push(`${c.overturned} overturned`);
  if (c.withoutValidOutcome > 0) parts.push(`${c.withoutValidOutcome} without a valid outcome`);
  if (c.problems > 0) parts.push(plural(c.problems, 'problem', 'problems'));
  return `$(law) ${head}${parts.length > 0 ? ': ' + parts.join(' · ') : ''}`;
}

export function statusBarTooltip(c: LetterCounts): string {
  const lines = [
    c.letters > 1 ? `IMR letters: ${c.letters} in this file` : 'IMR letter',
    `${plural(c.items, 'disputed item', 'disputed items')}: ${c.upheld} upheld, ${c.overturned} overturned` +
      (c.withoutValidOutcome > 0 ? `, ${c.withoutValidOutcome} without a valid outcome (Upheld or Overturned)` : ''),
    c.problems > 0 ? plural(c.problems, 'problem', 'problems') : 'No problems',
    'Click to show the outline',
  ];
  return lines.join('\n');
}
