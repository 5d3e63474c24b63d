// A letter's header facts (dates and priority) from its header fields, whatever layout and
// extraction tool wrote them: the field's name matched against CASE_FACT_LABELS, dates made ISO.

import { daysBetween, isoDate } from './dates';
import type { CaseFacts, HeaderField } from './model';
import { CASE_FACT_LABELS, CaseFactName } from './vocabulary';

/** The labels as one pattern, a group each (theirs are non-capturing): one match a field, not one a label. */
const ANY_LABEL = new RegExp(
  `^(?:${CASE_FACT_LABELS.map(([, label]) => `(${label.source.replace(/^\^|\$$/g, '')})`).join('|')})$`,
  'i',
);

export function caseFactsOf(header: readonly HeaderField[]): CaseFacts {
  const facts: { -readonly [K in CaseFactName]?: string } = {};
  for (const field of header) {
    const m = ANY_LABEL.exec(field.name);
    if (!m) continue;
    const k = m.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const name = CASE_FACT_LABELS[k][0];
    if (facts[name] !== undefined) continue;
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

/**
 * Days to decision as the DWC's annual report counts them: from the application's receipt (or,
 * where the letter states none, the date the case was assigned) to the decision date. Undefined
 * when the letter states neither start or no decision date, or its decision date comes before the
 * start (a misprint is no figure).
 */
export function daysToDecisionOf(facts: CaseFacts): number | undefined {
  const start = facts.applicationReceived ?? facts.dateAssigned;
  if (start === undefined || facts.decisionDate === undefined) return undefined;
  const days = daysBetween(start, facts.decisionDate);
  return days !== undefined && days >= 0 ? days : undefined;
}
