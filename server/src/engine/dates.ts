// Dates as letters write them (`05/12/2014`, `5-12-14`, `May 12, 2014`, `2014-05-12`) in the one
// form reports sort and group by: ISO `YYYY-MM-DD`. A value that is not one valid calendar date is
// no date (undefined), never a guess.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const NUMERIC = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WRITTEN = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})$/;

/**
 * A two-digit year: letters are from 2013 on, and a date of injury may be decades earlier, so
 * `99` is 1999 and `16` is 2016 (years up to 49 in this century).
 */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 50 ? 2000 + n : 1900 + n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a value states, ISO `YYYY-MM-DD`; undefined when the value is not one date (US order, month first). */
export function isoDate(value: string): string | undefined {
  const v = value.trim().replace(/\.$/, '');
  if (v.length > 30) return undefined;
  let m = NUMERIC.exec(v);
  if (m) return iso(fullYear(m[4]), Number(m[1]), Number(m[3]));
  m = ISO.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = WRITTEN.exec(v);
  if (m) {
    const word = m[1].toLowerCase();
    // The month's name in full or its three-letter abbreviation (`Sept` too).
    const month = MONTHS.findIndex((name) => name === word || name.slice(0, 3) === word || name.slice(0, 4) === word);
    if (month < 0) return undefined;
    return iso(Number(m[3]), month + 1, Number(m[2]));
  }
  return undefined;
}

const DAY_MS = 86_400_000;

/** Days from one ISO date to another (negative when `to` is earlier); undefined unless both are ISO dates. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (!ISO.test(from) || !ISO.test(to) || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / DAY_MS);
}
