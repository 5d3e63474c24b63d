// Outcomes in words, as every workspace feature shows them.

import type { OutcomeKind } from '../engine/model';

export const OUTCOME_LABELS: Readonly<Record<OutcomeKind, string>> = {
  upheld: 'Upheld',
  overturned: 'Overturned',
  unknown: 'unknown outcome',
  missing: 'no outcome',
};
