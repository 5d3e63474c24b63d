// The case at a glance, on a hover over a header field (`Case Number:`, `Decision Date:`, ...):
// the header's dates read as dates, the patient as the clinical case summary states them, the
// reviewer, the items by treatment category, and the last day to appeal with the rule it came
// from. Short lines; every piece of letter text escaped.

import {
  APPEAL_CAVEAT,
  appealStatus,
  appealWindowOf,
  DEFAULT_APPEAL_OPTIONS,
  type AppealOptions,
} from '../engine/appeal';
import { localToday } from '../engine/calendar';
import type { Letter } from '../engine/model';
import { treatmentCategoryOf } from '../engine/treatmentCategories';
import { escapeMarkdown, quoteText } from './markdown';

/** Diagnoses listed before the rest are counted. */
const DIAGNOSES_SHOWN = 3;

/** What the appeal window is counted with: the user's settings, and today where the server runs. */
export interface AppealContext {
  readonly options: AppealOptions;
  /** ISO date. */
  readonly today: string;
}

export function caseHover(letter: Letter, appeal?: AppealContext): string {
  const md: string[] = [letter.caseNumber ? `**Case ${escapeMarkdown(letter.caseNumber)}**` : '**This case**'];
  const f = letter.facts;
  const dated = (label: string, value: string | undefined) => (value ? [`${label} ${value}`] : []);
  const when = [
    ...dated('assigned', f.dateAssigned),
    ...dated('decided', f.decisionDate),
    ...dated('injured', f.dateOfInjury),
    ...dated('UR denial', f.urDenialDate),
    ...dated('application received', f.applicationReceived),
  ];
  if (f.priority) when.push(`${escapeMarkdown(f.priority)} priority`);
  const lines: string[] = [];
  if (when.length > 0) lines.push(when.join(' · '));
  const window = appealWindowOf(f, appeal?.options ?? DEFAULT_APPEAL_OPTIONS);
  if (window) {
    const { daysLeft, open } = appealStatus(window, appeal?.today ?? localToday());
    const left = !open ? 'closed' : daysLeft === 0 ? 'today' : `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
    lines.push(`Last day to appeal: **${window.lastDay}** (${left})`, escapeMarkdown(window.rule));
  }
  const p = letter.patient;
  const who = [p.age !== undefined ? `${p.age} years old` : '', p.sex ?? ''].filter((x) => x !== '').join(', ');
  if (who || p.diagnoses.length > 0) {
    const shown = p.diagnoses.slice(0, DIAGNOSES_SHOWN).map((d) => quoteText(d, 60));
    const more = p.diagnoses.length - shown.length;
    const diagnoses = shown.length > 0 ? `; ${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}` : '';
    lines.push(`Patient: ${who || 'age and sex not stated'}${diagnoses}`);
  }
  const r = letter.reviewer;
  if (r && (r.specialties.length > 0 || r.licensure.length > 0)) {
    const licensed =
      r.licensure.length > 0 ? `, licensed in ${r.licensure.map((s) => quoteText(s, 30)).join(', ')}` : '';
    lines.push(
      `Reviewer: ${r.specialties.map((s) => quoteText(s, 60)).join(', ') || 'specialty not stated'}${licensed}`,
    );
  }
  if (letter.items.length > 0) {
    const counts = new Map<string, number>();
    for (const item of letter.items) {
      const c = treatmentCategoryOf(item.name).category;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    lines.push(`Items: ${[...counts].map(([c, n]) => `${escapeMarkdown(c)} ${n}`).join(', ')}`);
  }
  if (lines.length > 0) md.push(lines.join('  \n'));
  if (window) md.push(`*${escapeMarkdown(APPEAL_CAVEAT)}*`);
  return md.join('\n\n');
}
