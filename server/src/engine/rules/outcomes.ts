// What the outcome repairs need to know beside the words (outcomeWords.ts): the outcome a
// rationale's conclusion supports, and the letter's way of writing one.

import type { DisputedItem, Layout } from '../model';
import { LAYOUTS } from '../layouts';
import type { Outcome } from '../vocabulary';

/** Layouts whose items are `<item>: <Outcome>` lines followed by labelled parts. */
export const DECISION_LINE_LAYOUTS: ReadonlySet<Layout> = new Set(
  (Object.keys(LAYOUTS) as Layout[]).filter((l) => LAYOUTS[l].outcomeForm === 'decision-line'),
);

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
