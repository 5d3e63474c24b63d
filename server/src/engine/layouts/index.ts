// The layouts a letter can have, and what each means to the parser, the checks, the fixes and the
// formatter. Adding a layout: a module in this folder that finds its items, an entry below, and
// the `Layout` type in model.ts (see ARCHITECTURE.md).

import type { DisputedItem, Layout } from '../model';
import type { LogicalLines } from '../parser/logicalLines';
import type { RawLetter } from '../parser/splitLetters';
import { decisionItems } from './decisionLines';
import { noticeItems } from './notice2013';
import { professionalReviewItems } from './professionalReview';

/**
 * How a layout writes an item's outcome:
 * - `decision-line`: a word after the item's name, `PHYSICAL THERAPY X 6: Upheld` (a fix rewrites
 *   the word; the formatter joins a word that wrapped onto the next line);
 * - `numbered-sentence`: `... has determined the request for X is not medically necessary` (a fix
 *   adds or drops the "not");
 * - `rationale-conclusion`: no outcome of its own; the rationale's conclusion is the outcome, so
 *   it cannot contradict it.
 */
export type OutcomeForm = 'decision-line' | 'numbered-sentence' | 'rationale-conclusion';

export interface LayoutSpec {
  outcomeForm: OutcomeForm;
  /** The letter's disputed items, read from its lines. */
  items(lines: LogicalLines, letter: RawLetter): DisputedItem[];
}

/** Items on decision lines in the letter's decisions section. */
function decisionSectionItems(lines: LogicalLines, letter: RawLetter): DisputedItem[] {
  const s = letter.sections.find((x) => x.kind === 'decisions');
  return s ? decisionItems(lines, s.headingLast + 1, s.end) : [];
}

export const LAYOUTS: Readonly<Record<Layout, LayoutSpec>> = {
  standard: { outcomeForm: 'decision-line', items: decisionSectionItems },
  'case-header': { outcomeForm: 'decision-line', items: decisionSectionItems },
  letterhead: { outcomeForm: 'decision-line', items: decisionSectionItems },
  'notice-2013': { outcomeForm: 'numbered-sentence', items: noticeItems },
  'professional-review': { outcomeForm: 'rationale-conclusion', items: professionalReviewItems },
};

/** The letter's layout: what its markers told splitLetters, refined by the sections it has. */
export function layoutOf(letter: RawLetter): Layout {
  const decisions = letter.sections.find((s) => s.kind === 'decisions');
  const has = (k: RawLetter['sections'][number]['kind']) => letter.sections.some((s) => s.kind === k);
  let layout: Layout = letter.layoutHint ?? 'standard';
  // The 2013 notice on the letterhead: its decisions heading says INDEPENDENT MEDICAL REVIEW.
  if (layout === 'letterhead' && decisions && /INDEPENDENT/i.test(decisions.title)) layout = 'notice-2013';
  // The professional review form without its title: an issue and a rationale, no decisions section.
  if (layout !== 'professional-review' && !decisions && has('issue') && has('rationale'))
    layout = 'professional-review';
  return layout;
}
