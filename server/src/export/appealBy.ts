// The last day to appeal a letter, for the export's `appealBy` (ISO date): engine/appeal.ts with
// the default options (5 days for mail to an address in California, no uncertain holidays).

import { appealWindowOf } from '../engine/appeal';
import type { Letter } from '../engine/model';

export function appealByOf(letter: Letter): string | null {
  return appealWindowOf(letter.facts)?.lastDay ?? null;
}
