// The words the outline and the hovers show for the model's kinds: parts, outcomes and guideline
// sources (outcome labels are vocabulary.ts's). Kept in one place so that every feature names a thing the same way.

import type { Citation, DisputedItem, PartKind } from './model';
import { OUTCOME_LABELS, PARTS } from './vocabulary';

/** Each part's title, as the vocabulary defines it. */
export const PART_NAMES = Object.fromEntries(
  (Object.keys(PARTS) as PartKind[]).map((k) => [k, PARTS[k].title]),
) as Readonly<Record<PartKind, string>>;

/** The outcome as a user reads it first: `Upheld`, `Overturned`, `No outcome`, `Not an outcome: "Uphled"`. */
export function outcomeName(item: DisputedItem): string {
  switch (item.outcome.kind) {
    case 'upheld':
    case 'overturned':
      return OUTCOME_LABELS[item.outcome.kind];
    case 'missing':
      return 'No outcome';
    default:
      return `Not an outcome: "${item.outcome.raw}"`;
  }
}

const DOCUMENT_NAMES: Record<NonNullable<Citation['document']>, string> = {
  CPMTG: 'MTUS Chronic Pain guidelines',
  Opioids: 'MTUS Opioids guidelines',
  Formulary: 'MTUS Drug Formulary',
  ACOEM: 'ACOEM (in the MTUS)',
};

const OTHER_NAME_LENGTH = 48;

/** A short plain name of what a citation cites; a source the letter names only in words keeps its words. */
export function citedSourceName(citation: Citation): string {
  if (citation.document) return DOCUMENT_NAMES[citation.document];
  if (citation.source !== 'other') return citation.source;
  const words = (citation.topic ?? citation.text).replace(/\s+/g, ' ').trim();
  if (words.length <= OTHER_NAME_LENGTH) return words;
  // Cut at a word boundary, never mid-word.
  const cut = words.slice(0, OTHER_NAME_LENGTH);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut) + '\u2026';
}
