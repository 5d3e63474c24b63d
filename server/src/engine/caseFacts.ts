// A letter's header facts (dates and priority) from its header fields, whatever layout and
// extraction tool wrote them: the field's name matched against CASE_FACT_LABELS, dates made ISO.

import { isoDate } from './dates';
import type { CaseFacts, HeaderField } from './model';
import { CASE_FACT_LABELS, CaseFactName } from './vocabulary';

export function caseFactsOf(header: readonly HeaderField[]): CaseFacts {
  const facts: { -readonly [K in CaseFactName]?: string } = {};
  for (const field of header) {
    const entry = CASE_FACT_LABELS.find(([, label]) => label.test(field.name));
    if (!entry || facts[entry[0]] !== undefined) continue;
    const [name] = entry;
    const value = name === 'priority' ? priorityOf(field.value) : isoDate(field.value);
    if (value !== undefined) facts[name] = value;
  }
  return facts;
}

/** The priority's word as written (`Standard`), without what an extraction ran into it. */
function priorityOf(value: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z-]*/.exec(value.trim());
  return m ? m[0] : undefined;
}
