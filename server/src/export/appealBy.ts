// The last day to appeal a letter, for the export's `appealBy` (ISO date).
//
// INTEGRATION POINT (issue 30): the appeal window is computed by engine/appeal.ts, built on branch
// wt/appeal. When that branch is merged, this becomes:
//   return appealWindowOf(letter.facts)?.lastDay ?? null;
// (import { appealWindowOf } from '../engine/appeal'). Until then every record's appealBy is null.

import type { Letter } from '../engine/model';

export function appealByOf(_letter: Letter): string | null {
  return null;
}
