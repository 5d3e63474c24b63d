// Reading a written outcome word: the outcome it states, whether it is meant as one, and the outcome
// a typo or a reviewer's synonym means. The words and distances are vocabulary.ts's.

import { editDistance } from './editDistance';
import type { OutcomeKind } from './model';
import {
  Outcome,
  OUTCOME_CLEAR_LEAD,
  OUTCOME_LOOKALIKES,
  OUTCOME_NEAR_MISS,
  OUTCOME_SYNONYMS,
  OUTCOME_WORDS,
} from './vocabulary';

/** The word as outcomes are compared: lower case, a trailing period dropped. */
function bare(word: string): string {
  return word.replace(/\.$/, '').toLowerCase();
}

/** The outcome a reviewer's word stands for, if it is one of OUTCOME_SYNONYMS. */
function synonymOf(w: string): Outcome | undefined {
  if (OUTCOME_SYNONYMS.Upheld.includes(w)) return 'Upheld';
  if (OUTCOME_SYNONYMS.Overturned.includes(w)) return 'Overturned';
  return undefined;
}

/** How many edits the word is from each outcome's word. */
function editsFrom(w: string): Record<Outcome, number> {
  return { Upheld: editDistance(w, OUTCOME_WORDS.Upheld), Overturned: editDistance(w, OUTCOME_WORDS.Overturned) };
}

/** What an outcome word means: the two valid words (any case, a trailing period allowed), else unknown. */
export function outcomeOf(word: string): OutcomeKind {
  const w = bare(word);
  if (w === OUTCOME_WORDS.Upheld) return 'upheld';
  if (w === OUTCOME_WORDS.Overturned) return 'overturned';
  return 'unknown';
}

/** A word that is plainly meant as an outcome: a valid one, a near miss, or a word reviewers use for one. */
export function looksLikeOutcome(word: string): boolean {
  const w = bare(word);
  if (synonymOf(w) || OUTCOME_LOOKALIKES.includes(w)) return true;
  const edits = editsFrom(w);
  return edits.Upheld <= OUTCOME_NEAR_MISS.Upheld || edits.Overturned <= OUTCOME_NEAR_MISS.Overturned;
}

/**
 * The outcome a written word is nearest to, when one clearly is: a known synonym, or a near miss
 * that is clearly nearer to one outcome than to the other.
 */
export function nearestOutcome(word: string): Outcome | undefined {
  const w = bare(word);
  const synonym = synonymOf(w);
  if (synonym) return synonym;
  const { Upheld: up, Overturned: over } = editsFrom(w);
  if (up <= OUTCOME_NEAR_MISS.Upheld && over - up >= OUTCOME_CLEAR_LEAD) return 'Upheld';
  if (over <= OUTCOME_NEAR_MISS.Overturned && up - over >= OUTCOME_CLEAR_LEAD) return 'Overturned';
  return undefined;
}

/** Both outcomes, the one fewer edits from the word first (Upheld on a tie). */
export function outcomesByNearness(word: string): Outcome[] {
  const edits = editsFrom(bare(word));
  return edits.Overturned < edits.Upheld ? ['Overturned', 'Upheld'] : ['Upheld', 'Overturned'];
}
