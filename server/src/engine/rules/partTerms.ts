// The words the rules write into letters and messages for each part: labels, display names, the
// order parts come in, and the placeholders a repair leaves to be filled in. One table, so that the
// engine's letter vocabulary can take it over in one place.

import type { PartKind } from '../model';

/** The order parts come in within an item. */
export const PART_ORDER: Readonly<Record<PartKind, number>> = {
  'claims-administrator-guideline': 0,
  'reviewer-guideline': 1,
  rationale: 2,
};

/** The usual label of each part (a letter's own wording, found in another item, wins: see labelFor). */
export const PART_LABELS: Readonly<Record<PartKind, string>> = {
  'claims-administrator-guideline': 'Claims Administrator guideline:',
  'reviewer-guideline': 'MAXIMUS guideline:',
  rationale: 'Decision rationale:',
};

/** How messages name each part. */
export const PART_NAMES: Readonly<Record<PartKind, string>> = {
  'claims-administrator-guideline': 'claims administrator guideline',
  'reviewer-guideline': 'reviewer guideline',
  rationale: 'decision rationale',
};

/** What a repair writes where the user has to say what the part holds; a problem until replaced. */
export const PART_PLACEHOLDERS: Readonly<Record<PartKind, string>> = {
  'claims-administrator-guideline': '[state the claims administrator guideline]',
  'reviewer-guideline': '[state the guideline source]',
  rationale: '[state the decision rationale]',
};

/** What a repair writes for the name of an item that had no decision line. */
export const ITEM_PLACEHOLDER = '[state the disputed item]';

/** Every placeholder begins so: the document is searched for this once (placeholders.ts). */
export const PLACEHOLDER_START = '[state the ';
