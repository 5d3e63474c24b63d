// What the outcome repairs need to know about outcome words: the outcome a misspelt or synonymous
// word means, the outcome a rationale's conclusion supports, and the letter's way of writing one.

import type { DisputedItem, Layout } from '../model';
import { LAYOUTS } from '../layouts';
import { editDistance } from '../text';

export type Outcome = 'Upheld' | 'Overturned';

/** Layouts whose items are `<item>: <Outcome>` lines followed by labelled parts. */
export const DECISION_LINE_LAYOUTS: ReadonlySet<Layout> = new Set(
  (Object.keys(LAYOUTS) as Layout[]).filter((l) => LAYOUTS[l].outcomeForm === 'decision-line'),
);

/** Words reviewers write for an outcome, mapped to the outcome they mean. */
const SYNONYMS: Record<string, Outcome> = {
  uphold: 'Upheld',
  upholds: 'Upheld',
  upheld: 'Upheld',
  affirmed: 'Upheld',
  denied: 'Upheld',
  overturn: 'Overturned',
  overturns: 'Overturned',
  overturned: 'Overturned',
  overruled: 'Overturned',
  reversed: 'Overturned',
  approved: 'Overturned',
  certified: 'Overturned',
};

/**
 * The outcome a written word is nearest to, when one clearly is: a known synonym, or a typo within
 * a third of the outcome's length that is at least two edits closer to it than to the other outcome.
 */
export function nearestOutcome(word: string): Outcome | undefined {
  const w = word.replace(/\.$/, '').toLowerCase();
  if (SYNONYMS[w]) return SYNONYMS[w];
  const up = editDistance(w, 'upheld');
  const over = editDistance(w, 'overturned');
  if (up <= 2 && over - up >= 2) return 'Upheld';
  if (over <= 3 && up - over >= 2) return 'Overturned';
  return undefined;
}

/** The outcome the rationale's conclusion supports, if it states one. */
export function supportedOutcome(item: DisputedItem): Outcome | undefined {
  if (item.conclusion.kind === 'not-medically-necessary') return 'Upheld';
  if (item.conclusion.kind === 'medically-necessary') return 'Overturned';
  return undefined;
}

export function conclusionWords(item: DisputedItem): string {
  return item.conclusion.kind === 'medically-necessary' ? 'medically necessary' : 'not medically necessary';
}

/** `(the rationale concludes: ...)` after a fix title, when the outcome is the one the rationale supports. */
export function becauseOf(item: DisputedItem, outcome: Outcome): string {
  return outcome === supportedOutcome(item) ? ` (the rationale concludes: ${conclusionWords(item)})` : '';
}

/** The outcome written the way the letter wrote the word it replaces: capitals stay capitals, a final period stays. */
export function styled(outcome: Outcome, like: string): string {
  const letters = like.replace(/[^A-Za-z]/g, '');
  const word = letters.length > 1 && letters === letters.toUpperCase() ? outcome.toUpperCase() : outcome;
  return like.endsWith('.') ? word + '.' : word;
}
