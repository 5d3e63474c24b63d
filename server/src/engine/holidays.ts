// California's state holidays (Government Code 6700) as rules, for moving a last day that falls on
// one. The ones whose effect on a WCAB filing is not settled are options the user turns on; a rule
// with no option always applies.

import { dayFromParts, weekdayOf, yearOfDay } from './calendar';

export interface HolidayOptions {
  /** A holiday on a Saturday observed the Friday before (state offices do so; unverified for the board). */
  readonly saturdayObservedFriday: boolean;
  /** Native American Day, the 4th Friday in September (a judicial holiday since 2014). */
  readonly nativeAmericanDay: boolean;
  /** Lincoln's Birthday, February 12 (still in Government Code 6700; state offices no longer close). */
  readonly lincolnsBirthday: boolean;
  /** Juneteenth in the years before 2022, when it was not yet a state holiday. */
  readonly juneteenthBefore2022: boolean;
}

export type HolidayOption = Exclude<keyof HolidayOptions, 'saturdayObservedFriday'>;

export const DEFAULT_HOLIDAY_OPTIONS: HolidayOptions = {
  saturdayObservedFriday: false,
  nativeAmericanDay: false,
  lincolnsBirthday: false,
  juneteenthBefore2022: false,
};

interface HolidayRule {
  readonly name: string;
  /** 1 to 12. */
  readonly month: number;
  /** A fixed day of the month ... */
  readonly date?: number;
  /** ... or the nth weekday (0 Sunday) of the month, -1 the last. */
  readonly weekday?: number;
  readonly nth?: number;
  /** Days after the date the rule names (the day after Thanksgiving). */
  readonly after?: number;
  readonly fromYear?: number;
  readonly untilYear?: number;
  /** Applies only when this option is on. */
  readonly option?: HolidayOption;
}

export const CALIFORNIA_HOLIDAYS: readonly HolidayRule[] = [
  { name: "New Year's Day", month: 1, date: 1 },
  { name: 'Martin Luther King Jr. Day', month: 1, weekday: 1, nth: 3 },
  { name: "Lincoln's Birthday", month: 2, date: 12, option: 'lincolnsBirthday' },
  { name: "Presidents' Day", month: 2, weekday: 1, nth: 3 },
  { name: 'Cesar Chavez Day', month: 3, date: 31 },
  { name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
  { name: 'Juneteenth', month: 6, date: 19, fromYear: 2022 },
  { name: 'Juneteenth', month: 6, date: 19, untilYear: 2021, option: 'juneteenthBefore2022' },
  { name: 'Independence Day', month: 7, date: 4 },
  { name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
  { name: 'Native American Day', month: 9, weekday: 5, nth: 4, option: 'nativeAmericanDay' },
  { name: 'Veterans Day', month: 11, date: 11 },
  { name: 'Thanksgiving', month: 11, weekday: 4, nth: 4 },
  { name: 'the day after Thanksgiving', month: 11, weekday: 4, nth: 4, after: 1 },
  { name: 'Christmas', month: 12, date: 25 },
];

function ruleDay(rule: HolidayRule, year: number): number {
  if (rule.date !== undefined) return dayFromParts(year, rule.month, rule.date);
  const weekday = rule.weekday ?? 1;
  const nth = rule.nth ?? 1;
  let day: number;
  if (nth > 0) {
    const first = dayFromParts(year, rule.month, 1);
    day = first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
  } else {
    const last = dayFromParts(year, rule.month + 1, 0);
    day = last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  return day + (rule.after ?? 0);
}

/** The days state offices are closed in a year, with the holiday's name (`Christmas (observed)`). */
function holidaysOfYear(year: number, options: HolidayOptions): Map<number, string> {
  const out = new Map<number, string>();
  for (const rule of CALIFORNIA_HOLIDAYS) {
    if (rule.option && !options[rule.option]) continue;
    if (
      (rule.fromYear !== undefined && year < rule.fromYear) ||
      (rule.untilYear !== undefined && year > rule.untilYear)
    )
      continue;
    const day = ruleDay(rule, year);
    out.set(day, rule.name);
    const weekday = weekdayOf(day);
    if (weekday === 0) out.set(day + 1, `${rule.name} (observed)`);
    else if (weekday === 6 && options.saturdayObservedFriday) out.set(day - 1, `${rule.name} (observed)`);
  }
  return out;
}

/** Years of holidays kept, per set of options: letters span a few years; a bound all the same. */
const MAX_YEARS_KEPT = 256;
const byYear = new Map<string, Map<number, string>>();

/** The holiday a day is (its name), or undefined. */
export function holidayOn(day: number, options: HolidayOptions): string | undefined {
  const year = yearOfDay(day);
  // A New Year's Day on a Saturday may be observed on the 31st of December before it.
  for (const y of [year, year + 1]) {
    const key = `${y}:${options.saturdayObservedFriday ? 1 : 0}${options.nativeAmericanDay ? 1 : 0}${
      options.lincolnsBirthday ? 1 : 0
    }${options.juneteenthBefore2022 ? 1 : 0}`;
    let days = byYear.get(key);
    if (!days) {
      if (byYear.size >= MAX_YEARS_KEPT) byYear.clear();
      days = holidaysOfYear(y, options);
      byYear.set(key, days);
    }
    const name = days.get(day);
    if (name !== undefined) return name;
  }
  return undefined;
}
