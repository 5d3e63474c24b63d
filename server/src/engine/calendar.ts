// Calendar days as whole numbers (days since 1970-01-01), so that counting a period is adding, and
// a weekday or an ISO date is one step away. UTC throughout: a calendar day has no time zone.

const MS_PER_DAY = 86_400_000;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of an ISO `YYYY-MM-DD` date; undefined when it is not one valid calendar date. */
export function dayOf(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function dayFromParts(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** `12/09/2016`, the way the letters write their dates. */
export function usDateOfDay(day: number): string {
  const [year, month, date] = isoOfDay(day).split('-');
  return `${month}/${date}/${year}`;
}

/** Today where the caller runs, as an ISO date (the local calendar day, not UTC's). */
export function localToday(now: Date = new Date()): string {
  return isoOfDay(dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}
