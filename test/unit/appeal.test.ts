// The last day to appeal (engine/appeal.ts, engine/holidays.ts): 30 days from the letter's date,
// + the days for mail, moved off weekends and California state holidays. Every expected day here
// was counted by hand on a calendar (the month lengths and the weekday of a known day, such as
// Sunday 2017-01-01), never taken from the program. With 5 days for mail the count is 35 days,
// five weeks, so it lands on the letter date's own weekday: a letter dated on a weekday only
// moves for a holiday.

import * as assert from 'assert';
import {
  appealStatus,
  appealStatusText,
  appealWindow,
  appealWindowOf,
  DEFAULT_APPEAL_OPTIONS,
  type AppealOptions,
} from '../../server/src/engine/appeal';
import { dayOf } from '../../server/src/engine/calendar';
import { DEFAULT_HOLIDAY_OPTIONS, holidayOn, type HolidayOptions } from '../../server/src/engine/holidays';
import { parseLetter } from '../../server/src/engine/parse';
import { appealOptionsFrom } from '../../server/src/features/appealSettings';
import { isoOfPrinted, postedLetters } from '../extraction/expected';
import { POSTED_APPEALS as POSTED } from './appealDates';
import { allLetters, fixtureText } from './helpers';

function withHolidays(holidays: Partial<HolidayOptions>, mailDays = 5): AppealOptions {
  return { mailDays, holidays: { ...DEFAULT_HOLIDAY_OPTIONS, ...holidays } };
}

function lastDay(from: string, options: AppealOptions = DEFAULT_APPEAL_OPTIONS): string | undefined {
  return appealWindow(from, options)?.lastDay;
}

describe('appeal window: the real letters', () => {
  it("each posted letter's date is the one its expected values read from the letter", () => {
    const letters = postedLetters();
    assert.strictEqual(letters.length, POSTED.length);
    assert.deepStrictEqual(
      letters.map((l) => [l.name, l.expected.decisionDate]),
      POSTED.map(([name, printed]) => [name, printed]),
    );
  });

  for (const [name, printed, expected] of POSTED)
    it(`${name}, dated ${printed}: last day ${expected}`, () => {
      assert.strictEqual(lastDay(isoOfPrinted(printed)), expected);
    });

  it('a letter dated 02/24/2017: the rule says the count landed on Cesar Chavez Day and moved', () => {
    assert.strictEqual(
      appealWindow('2017-02-24')!.rule,
      '30 days from 02/24/2017 + 5 for mail: Friday 2017-03-31, moved to Monday 2017-04-03 (Cesar Chavez Day, weekend)',
    );
  });

  it('from the header the parser reads, in each extraction the fixtures hold', () => {
    // pdftotext default (labels then values), pdftotext -raw (two fields on a line).
    const cases: Array<[string, string, string]> = [
      ['CM16-0213037.pdftotext.txt', '2017-01-13', '30 days from 12/09/2016 + 5 for mail: Friday 2017-01-13'],
      ['CM16-0245796.pdftotext-raw.txt', '2017-03-06', '30 days from 01/30/2017 + 5 for mail: Monday 2017-03-06'],
      ['CM16-0247274.pdftotext-raw.txt', '2017-03-10', '30 days from 02/03/2017 + 5 for mail: Friday 2017-03-10'],
    ];
    for (const [file, last, rule] of cases) {
      const letter = parseLetter(fixtureText('extraction', file)).letters[0];
      const window = appealWindowOf(letter.facts)!;
      assert.deepStrictEqual([window.lastDay, window.rule, window.fromWhat], [last, rule, 'letter date'], file);
    }
  });

  it('the 2013 notice counts from its `Dated:` (9/26/2013, a Thursday): Thursday 2013-10-31', () => {
    const letter = parseLetter(fixtureText('extraction', 'notice-2013-web.txt')).letters[0];
    assert.strictEqual(appealWindowOf(letter.facts)?.rule, '30 days from 09/26/2013 + 5 for mail: Thursday 2013-10-31');
  });

  it('the four letter texts state no date: no window, rather than a guess', () => {
    const texts = allLetters();
    assert.strictEqual(texts.length, 4);
    for (const { name, text } of texts)
      for (const letter of parseLetter(text).letters) assert.strictEqual(appealWindowOf(letter.facts), undefined, name);
  });

  it('a date of mailing the letter states is counted from instead of its date', () => {
    const text = fixtureText('extraction', 'notice-2013-web.txt').replace(
      'Date of Injury: 2/14/2011',
      'Date of Injury: 2/14/2011\nDate Mailed: 9/30/2013',
    );
    const letter = parseLetter(text).letters[0];
    assert.strictEqual(letter.facts.decisionDate, '2013-09-26');
    assert.strictEqual(letter.facts.mailingDate, '2013-09-30');
    // 9/30/2013 (a Monday) + 35: 31 days to 10/31, 4 more: Monday 2013-11-04.
    const window = appealWindowOf(letter.facts)!;
    assert.strictEqual(window.fromWhat, 'date of mailing');
    assert.strictEqual(window.rule, '30 days from mailing on 09/30/2013 + 5 for mail: Monday 2013-11-04');
  });
});

describe("appeal window: appeals.md's worked examples", () => {
  it('12/09/2016 by mail in California: Friday 2017-01-13, a business day', () => {
    const w = appealWindow('2016-12-09')!;
    assert.strictEqual(w.lastDay, '2017-01-13');
    assert.deepStrictEqual(w.movedFor, []);
    assert.strictEqual(w.rule, '30 days from 12/09/2016 + 5 for mail: Friday 2017-01-13');
  });

  it('12/21/2016: Wednesday 2017-01-25', () => {
    assert.strictEqual(appealWindow('2016-12-21')!.rule, '30 days from 12/21/2016 + 5 for mail: Wednesday 2017-01-25');
  });

  it('12/24/2016: Saturday 2017-01-28, moved to Monday 2017-01-30 (weekend)', () => {
    const w = appealWindow('2016-12-24')!;
    assert.strictEqual(w.lastDay, '2017-01-30');
    assert.strictEqual(
      w.rule,
      '30 days from 12/24/2016 + 5 for mail: Saturday 2017-01-28, moved to Monday 2017-01-30 (weekend)',
    );
  });
});

describe('appeal window: weekends and holidays', () => {
  it('electronic service (0 days): 12/09/2016 + 30 is Sunday 2017-01-08, moved to Monday 2017-01-09', () => {
    const w = appealWindow('2016-12-09', withHolidays({}, 0))!;
    assert.strictEqual(
      w.rule,
      '30 days from 12/09/2016 (electronic service): Sunday 2017-01-08, moved to Monday 2017-01-09 (weekend)',
    );
  });

  it('10 days for mail elsewhere in the US: 12/09/2016 + 40 is Wednesday 2017-01-18', () => {
    assert.strictEqual(lastDay('2016-12-09', withHolidays({}, 10)), '2017-01-18');
  });

  it('on Martin Luther King Jr. Day (3rd Monday in January: 2017-01-16), to Tuesday', () => {
    // 12/12/2016 + 35: 19 days to 12/31, 16 more.
    assert.strictEqual(
      appealWindow('2016-12-12')!.rule,
      '30 days from 12/12/2016 + 5 for mail: Monday 2017-01-16, moved to Tuesday 2017-01-17 (Martin Luther King Jr. Day)',
    );
  });

  it("a Sunday holiday observed the Monday after: New Year's Day 2017 and Christmas 2016", () => {
    // 11/28/2016 + 35: 2 days to 11/30, 31 to 12/31, 2 more: Monday 2017-01-02.
    assert.deepStrictEqual(appealWindow('2016-11-28')!.movedFor, ["New Year's Day (observed)"]);
    assert.strictEqual(lastDay('2016-11-28'), '2017-01-03');
    // 11/21/2016 + 35: 9 days to 11/30, 26 more: Monday 2016-12-26.
    assert.strictEqual(lastDay('2016-11-21'), '2016-12-27');
  });

  it("a weekend then Presidents' Day (2017-02-20): Saturday 2017-02-18 to Tuesday 2017-02-21", () => {
    // 01/14/2017 + 35: 17 days to 01/31, 18 more.
    assert.strictEqual(
      appealWindow('2017-01-14')!.rule,
      "30 days from 01/14/2017 + 5 for mail: Saturday 2017-02-18, moved to Tuesday 2017-02-21 (weekend, Presidents' Day)",
    );
  });

  it('Thanksgiving and the day after (2016-11-24, 25): Friday 2016-11-25 to Monday 2016-11-28', () => {
    // 10/21/2016 + 35: 10 days to 10/31, 25 more.
    assert.strictEqual(lastDay('2016-10-21'), '2016-11-28');
    assert.deepStrictEqual(appealWindow('2016-10-21')!.movedFor, ['the day after Thanksgiving', 'weekend']);
  });

  it('Juneteenth from 2022 (Monday 2023-06-19); before 2022 only when turned on', () => {
    // 05/15/2023 + 35: 16 days to 05/31, 19 more.
    assert.strictEqual(lastDay('2023-05-15'), '2023-06-20');
    // 05/15/2020 + 35: Friday 2020-06-19.
    assert.strictEqual(lastDay('2020-05-15'), '2020-06-19');
    assert.strictEqual(lastDay('2020-05-15', withHolidays({ juneteenthBefore2022: true })), '2020-06-22');
  });

  it('a Saturday holiday observed the Friday before, when turned on: Christmas 2021', () => {
    // 11/19/2021 + 35: 11 days to 11/30, 24 more: Friday 2021-12-24.
    assert.strictEqual(lastDay('2021-11-19'), '2021-12-24');
    const w = appealWindow('2021-11-19', withHolidays({ saturdayObservedFriday: true }))!;
    assert.strictEqual(w.lastDay, '2021-12-27');
    assert.deepStrictEqual(w.movedFor, ['Christmas (observed)', 'weekend']);
  });

  it('Native American Day (4th Friday in September: 2016-09-23), when turned on', () => {
    // 08/19/2016 + 35: 12 days to 08/31, 23 more.
    assert.strictEqual(lastDay('2016-08-19'), '2016-09-23');
    assert.strictEqual(lastDay('2016-08-19', withHolidays({ nativeAmericanDay: true })), '2016-09-26');
  });

  it("Lincoln's Birthday (Friday 2016-02-12), when turned on, then the weekend and Presidents' Day", () => {
    // 01/08/2016 + 35: 23 days to 01/31, 12 more. Presidents' Day 2016 is Monday 02-15.
    assert.strictEqual(lastDay('2016-01-08'), '2016-02-12');
    assert.deepStrictEqual(appealWindow('2016-01-08', withHolidays({ lincolnsBirthday: true }))!.movedFor, [
      "Lincoln's Birthday",
      'weekend',
      "Presidents' Day",
    ]);
    assert.strictEqual(lastDay('2016-01-08', withHolidays({ lincolnsBirthday: true })), '2016-02-16');
  });

  it("a Saturday New Year's Day observed on the Friday before, across the year: 2021-12-31", () => {
    // 2022-01-01 was a Saturday.
    assert.strictEqual(holidayOn(dayOf('2021-12-31')!, DEFAULT_HOLIDAY_OPTIONS), undefined);
    assert.strictEqual(
      holidayOn(dayOf('2021-12-31')!, { ...DEFAULT_HOLIDAY_OPTIONS, saturdayObservedFriday: true }),
      "New Year's Day (observed)",
    );
  });

  it("the 2017 holidays by rule, and Columbus Day and Lincoln's Birthday not by default", () => {
    const holidays = [
      ['2017-01-01', "New Year's Day"],
      ['2017-01-02', "New Year's Day (observed)"],
      ['2017-01-16', 'Martin Luther King Jr. Day'],
      ['2017-02-20', "Presidents' Day"],
      ['2017-03-31', 'Cesar Chavez Day'],
      ['2017-05-29', 'Memorial Day'],
      ['2017-07-04', 'Independence Day'],
      ['2017-09-04', 'Labor Day'],
      ['2017-11-11', 'Veterans Day'],
      ['2017-11-23', 'Thanksgiving'],
      ['2017-11-24', 'the day after Thanksgiving'],
      ['2017-12-25', 'Christmas'],
    ];
    for (const [iso, name] of holidays) assert.strictEqual(holidayOn(dayOf(iso)!, DEFAULT_HOLIDAY_OPTIONS), name, iso);
    for (const iso of ['2017-02-12', '2017-02-13', '2017-10-09', '2017-06-19', '2017-09-22', '2017-01-03'])
      assert.strictEqual(holidayOn(dayOf(iso)!, DEFAULT_HOLIDAY_OPTIONS), undefined, iso);
  });
});

describe('appeal window: days left', () => {
  const w = appealWindow('2016-12-09')!;

  it('counts from today to the last day, and closes the day after', () => {
    assert.deepStrictEqual(appealStatus(w, '2017-01-01'), { daysLeft: 12, open: true });
    assert.strictEqual(appealStatusText(w, '2017-01-01'), 'appeal by 2017-01-13 · 12 days left');
    assert.strictEqual(appealStatusText(w, '2017-01-12'), 'appeal by 2017-01-13 · 1 day left');
    assert.strictEqual(appealStatusText(w, '2017-01-13'), 'appeal by 2017-01-13 · last day today');
    assert.deepStrictEqual(appealStatus(w, '2017-01-14'), { daysLeft: -1, open: false });
    assert.strictEqual(appealStatusText(w, '2017-01-14'), 'appeal closed 2017-01-13');
    // Across a year: 2016-12-20 to 2017-01-13 is 11 days of December and 13 of January.
    assert.strictEqual(appealStatus(w, '2016-12-20').daysLeft, 24);
  });

  it('no window for a date that is not one', () => {
    assert.strictEqual(appealWindow('2017-02-30'), undefined);
    assert.strictEqual(appealWindow('02/03/2017'), undefined);
  });

  it('an odd mail days value counts as none rather than a fraction of a day', () => {
    assert.strictEqual(lastDay('2016-12-09', withHolidays({}, -3)), '2017-01-09');
    assert.strictEqual(lastDay('2016-12-09', withHolidays({}, 2.5)), '2017-01-09');
  });
});

describe('appeal window: the settings', () => {
  it('imrLetters.appeal.* as options, and a value of the wrong type as its default', () => {
    assert.deepStrictEqual(appealOptionsFrom(undefined), DEFAULT_APPEAL_OPTIONS);
    assert.deepStrictEqual(appealOptionsFrom({ mailDays: 10, holidays: { lincolnsBirthday: true } }), {
      mailDays: 10,
      holidays: { ...DEFAULT_HOLIDAY_OPTIONS, lincolnsBirthday: true },
    });
    for (const mailDays of ['5', -1, 2.5, 365, null])
      assert.strictEqual(appealOptionsFrom({ mailDays }).mailDays, 5, String(mailDays));
    assert.deepStrictEqual(appealOptionsFrom({ holidays: 'all' as never }).holidays, DEFAULT_HOLIDAY_OPTIONS);
    assert.strictEqual(appealOptionsFrom({ holidays: { nativeAmericanDay: 'yes' } }).holidays.nativeAmericanDay, false);
  });
});
