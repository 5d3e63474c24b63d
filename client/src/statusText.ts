// The status bar summary of an open letter. Pure: no vscode import, so the unit tests run it
// without an editor.

import { APPEAL_CAVEAT, appealStatus, appealStatusText } from '../../server/src/engine/appeal';
import type { ItemsResult, LetterAppeal } from '../../server/src/protocol';

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

/** `$(law) 4 items: 3 upheld · 1 overturned · 1 problem`: counts of zero are left out; the appeal window last. */
export function statusBarText(c: LetterCounts, appeal?: string): string {
  const head = (c.letters > 1 ? plural(c.letters, 'letter', 'letters') + ', ' : '') + plural(c.items, 'item', 'items');
  const parts: string[] = [];
  if (c.upheld > 0) parts.push(`${c.upheld} upheld`);
  if (c.overturned > 0) parts.push(`${c.overturned} overturned`);
  if (c.withoutValidOutcome > 0) parts.push(`${c.withoutValidOutcome} without a valid outcome`);
  if (c.problems > 0) parts.push(plural(c.problems, 'problem', 'problems'));
  return `$(law) ${head}${parts.length > 0 ? ': ' + parts.join(' · ') : ''}${appeal ? ` · ${appeal}` : ''}`;
}

export interface AppealShown {
  /** `appeal by 2017-01-13 · 12 days left` or `appeal closed 2017-01-13`: the first open window, else the last closed one. */
  readonly text?: string;
  /** Each letter's rule, and what it rests on. */
  readonly tooltip: readonly string[];
}

export function appealShown(appeals: ItemsResult['appeals'], today: string): AppealShown {
  const dated = (appeals ?? []).flatMap((a, i) => (a ? [{ ...a, letter: i + 1 }] : []));
  if (dated.length === 0) return { tooltip: [] };
  const open = dated.filter((a) => appealStatus(a, today).open).sort((a, b) => a.lastDay.localeCompare(b.lastDay));
  const shown: LetterAppeal = open[0] ?? [...dated].sort((a, b) => b.lastDay.localeCompare(a.lastDay))[0];
  const several = (appeals ?? []).length > 1;
  return {
    text: appealStatusText(shown, today),
    tooltip: [
      ...dated.map((a) => `${several ? `Letter ${a.letter}: last` : 'Last'} day to appeal ${a.lastDay}: ${a.rule}`),
      APPEAL_CAVEAT,
    ],
  };
}

export function statusBarTooltip(c: LetterCounts, appeal: readonly string[] = []): string {
  const lines = [
    c.letters > 1 ? `IMR letters: ${c.letters} in this file` : 'IMR letter',
    `${plural(c.items, 'disputed item', 'disputed items')}: ${c.upheld} upheld, ${c.overturned} overturned` +
      (c.withoutValidOutcome > 0 ? `, ${c.withoutValidOutcome} without a valid outcome (Upheld or Overturned)` : ''),
    c.problems > 0 ? plural(c.problems, 'problem', 'problems') : 'No problems',
    ...appeal,
    'Click to show the outline',
  ];
  return lines.join('\n');
}
