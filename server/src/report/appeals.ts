// The report's appeal windows: each letter of the report's items once, with its last day to appeal
// (ReportRow.appealBy), the open ones soonest first with their days left. `today` is the day the
// report is made, in the user's time zone: a window is open through its last day.

import { APPEAL_CAVEAT, appealStatus } from '../engine/appeal';
import type { ReportRow } from './model';

/** A letter whose window is open on the report's day. */
export interface AppealRow {
  file: string;
  /** Where the editor opens the letter (its first item); absent in the command-line report. */
  uri?: string;
  /** 1-based letter of the file. */
  letter: number;
  caseNumber: string | null;
  /** ISO date of the last day to appeal. */
  appealBy: string;
  /** Days from the report's day to the last: 0 on the last day. */
  daysLeft: number;
  /** 1-based line and 0-based character of the letter's first item. */
  line: number;
  character?: number;
}

export interface ReportAppeals {
  /** ISO date the days left count from. */
  today: string;
  /** Letters still open to appeal, soonest last day first. */
  open: AppealRow[];
  /** Letters whose last day has passed. */
  closed: number;
  /** Letters that state no date to count from. */
  undated: number;
  /** What the dates are, said with them. */
  caveat: string;
}

/** The windows of the items' letters on `today`. Rows without `appealBy` (undefined) are left out. */
export function appealsOf(items: readonly ReportRow[], today: string): ReportAppeals {
  const seen = new Set<string>();
  const open: AppealRow[] = [];
  let closed = 0;
  let undated = 0;
  for (const r of items) {
    if (r.appealBy === undefined) continue;
    const letter = `${r.letter}\u0000${r.uri ?? r.file}`;
    if (seen.has(letter)) continue;
    seen.add(letter);
    if (r.appealBy === null) {
      undated++;
      continue;
    }
    const status = appealStatus({ lastDay: r.appealBy }, today);
    if (!status.open) {
      closed++;
      continue;
    }
    const row: AppealRow = {
      file: r.file,
      letter: r.letter,
      caseNumber: r.caseNumber,
      appealBy: r.appealBy,
      daysLeft: status.daysLeft,
      line: r.line,
    };
    if (r.uri !== undefined) row.uri = r.uri;
    if (r.character !== undefined) row.character = r.character;
    open.push(row);
  }
  open.sort((a, b) => a.daysLeft - b.daysLeft || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.letter - b.letter));
  return { today, open, closed, undated, caveat: APPEAL_CAVEAT };
}

/** How the dates were counted, said under them. */
export const APPEAL_RULE =
  'The last day to appeal: 30 days from the date of mailing (the letter\u2019s date unless it states another), ' +
  'plus the days for service by mail, moved past weekends and state holidays (Labor Code 4610.6(h)).';

/**
 * `2 letters open to appeal on 2026-12-07; 37 closed, 1 with no date to count from.` or
 * `No letter is open to appeal on 2026-12-07: 39 closed.` (plain text).
 */
export function appealsSummary(a: ReportAppeals): string {
  const others: string[] = [];
  if (a.closed > 0) others.push(`${a.closed} closed`);
  if (a.undated > 0) others.push(`${a.undated} with no date to count from`);
  const head =
    a.open.length === 0
      ? `No letter is open to appeal on ${a.today}`
      : `${a.open.length} ${a.open.length === 1 ? 'letter' : 'letters'} open to appeal on ${a.today}`;
  return others.length === 0 ? `${head}.` : `${head}${a.open.length === 0 ? ':' : ';'} ${others.join(', ')}.`;
}
