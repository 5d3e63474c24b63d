// The appeal window's settings (`imrLetters.appeal.*`) as the engine's options: a value of the
// wrong type falls back to its default rather than giving a wrong date.

import { DEFAULT_APPEAL_OPTIONS, type AppealOptions } from '../engine/appeal';
import { DEFAULT_HOLIDAY_OPTIONS, type HolidayOptions } from '../engine/holidays';

export interface AppealSettings {
  mailDays?: unknown;
  holidays?: { [K in keyof HolidayOptions]?: unknown };
}

/** The most days 8 CCR 10605 adds (service outside the United States). */
const MAX_MAIL_DAYS = 20;

export function appealOptionsFrom(settings: AppealSettings | undefined): AppealOptions {
  const m = settings?.mailDays;
  const mailDays =
    typeof m === 'number' && Number.isInteger(m) && m >= 0 && m <= MAX_MAIL_DAYS ? m : DEFAULT_APPEAL_OPTIONS.mailDays;
  const h = settings?.holidays ?? {};
  const flag = (k: keyof HolidayOptions) =>
    typeof h[k] === 'boolean' ? (h[k] as boolean) : DEFAULT_HOLIDAY_OPTIONS[k];
  return {
    mailDays,
    holidays: {
      saturdayObservedFriday: flag('saturdayObservedFriday'),
      nativeAmericanDay: flag('nativeAmericanDay'),
      lincolnsBirthday: flag('lincolnsBirthday'),
      juneteenthBefore2022: flag('juneteenthBefore2022'),
    },
  };
}
