// The last day to appeal an IMR determination (Labor Code 4610.6(h)): 30 days from the date of
// mailing, plus the days service by mail adds (Matute v. LAUSD, 2015; 8 CCR 10605), and a last
// day on a weekend or a state holiday moved to the next business day (Code of Civil Procedure 12a).
// The rule applied is returned in words, so that a user can check it: this is computed, not advice.

import type { CaseFacts } from './model';
import { dayOf, isoOfDay, usDateOfDay, WEEKDAYS, weekdayOf } from './calendar';
import { DEFAULT_HOLIDAY_OPTIONS, holidayOn, type HolidayOptions } from './holidays';

/** Days from the date of mailing that 4610.6(h) allows. */
export const APPEAL_DAYS = 30;

export interface AppealOptions {
  /** Days service by mail adds: 5 for an address in California, 10 elsewhere in the US, 20 abroad, 0 electronic. */
  readonly mailDays: number;
  readonly holidays: HolidayOptions;
}

export const DEFAULT_APPEAL_OPTIONS: AppealOptions = { mailDays: 5, holidays: DEFAULT_HOLIDAY_OPTIONS };

export interface AppealWindow {
  /** The date counted from, ISO. */
  readonly from: string;
  /** Whether that is the letter's own date or a date of mailing it states. */
  readonly fromWhat: 'letter date' | 'date of mailing';
  readonly mailDays: number;
  /** The last day to appeal, ISO: a business day. */
  readonly lastDay: string;
  /** Why the count's day was not the last: `weekend` and the holidays passed over. */
  readonly movedFor: readonly string[];
  /** The rule applied, in words: `30 days from 12/09/2016 + 5 for mail: Friday 2017-01-13`. */
  readonly rule: string;
}

export interface AppealStatus {
  /** Days from today to the last day: 0 on the last day, negative once it has passed. */
  readonly daysLeft: number;
  readonly open: boolean;
}

/** Said wherever the window shows: the letter gives the date, the user checks the service. */
export const APPEAL_CAVEAT =
  "Computed from the letter's date; check it against the proof of service. Not legal advice.";

function dated(day: number): string {
  return `${WEEKDAYS[weekdayOf(day)]} ${isoOfDay(day)}`;
}

/** The window counted from an ISO date; undefined when the date is not one. */
export function appealWindow(
  from: string,
  options: AppealOptions = DEFAULT_APPEAL_OPTIONS,
  fromWhat: AppealWindow['fromWhat'] = 'letter date',
): AppealWindow | undefined {
  const start = dayOf(from);
  if (start === undefined) return undefined;
  const mailDays = Number.isInteger(options.mailDays) && options.mailDays > 0 ? options.mailDays : 0;
  const counted = start + APPEAL_DAYS + mailDays;
  let last = counted;
  const movedFor: string[] = [];
  for (;;) {
    // A holiday on a weekend day is named by its weekday observance, not twice.
    const weekday = weekdayOf(last);
    if (weekday === 0 || weekday === 6) {
      if (!movedFor.includes('weekend')) movedFor.push('weekend');
    } else {
      const holiday = holidayOn(last, options.holidays);
      if (holiday === undefined) break;
      movedFor.push(holiday);
    }
    last++;
  }
  const head =
    `${APPEAL_DAYS} days from ${fromWhat === 'date of mailing' ? 'mailing on ' : ''}${usDateOfDay(start)}` +
    (mailDays > 0 ? ` + ${mailDays} for mail` : ' (electronic service)');
  const moved = last === counted ? '' : `, moved to ${dated(last)} (${movedFor.join(', ')})`;
  return { from, fromWhat, mailDays, lastDay: isoOfDay(last), movedFor, rule: `${head}: ${dated(counted)}${moved}` };
}

/** A letter's window: from the date of mailing it states, else from its own date. */
export function appealWindowOf(
  facts: Pick<CaseFacts, 'mailingDate' | 'decisionDate'>,
  options: AppealOptions = DEFAULT_APPEAL_OPTIONS,
): AppealWindow | undefined {
  if (facts.mailingDate) return appealWindow(facts.mailingDate, options, 'date of mailing');
  return facts.decisionDate ? appealWindow(facts.decisionDate, options, 'letter date') : undefined;
}

export function appealStatus(window: Pick<AppealWindow, 'lastDay'>, today: string): AppealStatus {
  const last = dayOf(window.lastDay);
  const now = dayOf(today);
  const daysLeft = last === undefined || now === undefined ? 0 : last - now;
  return { daysLeft, open: daysLeft >= 0 };
}

/** `appeal by 2017-01-13 · 12 days left`, `· last day today`, or `appeal closed 2017-01-13`. */
export function appealStatusText(window: Pick<AppealWindow, 'lastDay'>, today: string): string {
  const { daysLeft, open } = appealStatus(window, today);
  if (!open) return `appeal closed ${window.lastDay}`;
  return `appeal by ${window.lastDay} · ${daysLeftText(daysLeft)}`;
}

/** `12 days left`, `1 day left`, `last day today`. */
export function daysLeftText(daysLeft: number): string {
  return daysLeft === 0 ? 'last day today' : `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
}
