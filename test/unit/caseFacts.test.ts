// The header's dates and priority (engine/caseFacts.ts, engine/dates.ts) in each header layout and
// extraction tool's text. Expected values read from the letters' header blocks.

import * as assert from 'assert';
import { daysToDecisionOf } from '../../server/src/engine/caseFacts';
import { daysBetween, isoDate } from '../../server/src/engine/dates';
import { parseLetter } from '../../server/src/engine/parse';
import { FIXTURES, fixtureText, letterText } from './helpers';

describe('isoDate', () => {
  it('reads the ways letters write a date', () => {
    assert.strictEqual(isoDate('05/12/2014'), '2014-05-12');
    assert.strictEqual(isoDate('5/12/14'), '2014-05-12');
    assert.strictEqual(isoDate('10-13-16'), '2016-10-13');
    assert.strictEqual(isoDate('11-2-16'), '2016-11-02');
    assert.strictEqual(isoDate('9/13/99'), '1999-09-13');
    assert.strictEqual(isoDate('May 12, 2014'), '2014-05-12');
    assert.strictEqual(isoDate('November 02, 2016'), '2016-11-02');
    assert.strictEqual(isoDate('Sept. 3, 2015'), '2015-09-03');
    assert.strictEqual(isoDate('Nov 2 2016'), '2016-11-02');
    assert.strictEqual(isoDate('2014-05-12'), '2014-05-12');
    assert.strictEqual(isoDate(' 12/09/2016. '), '2016-12-09');
  });

  it('gives no date for what is not one valid date', () => {
    for (const v of [
      '',
      'Standard',
      '13/01/2016',
      '02/30/2016',
      '2/29/2015',
      '12/09/2016 and later',
      'Mayday 1, 2014',
      '1/2',
    ])
      assert.strictEqual(isoDate(v), undefined, v);
    assert.strictEqual(isoDate('2/29/2016'), '2016-02-29');
  });
});

describe('header facts', () => {
  it("a posted letter's block as pdftotext's default mode writes it, all labels then all values", () => {
    // Case Number CM16-0213037; Date Assigned 11/09/2016; Decision Date 12/09/2016; Priority Standard;
    // Date of Injury 10/13/2016; UR Denial Date 11/03/2016; Application Received 11/03/2016.
    const letter = parseLetter(fixtureText('extraction', 'CM16-0213037.pdftotext.txt')).letters[0];
    assert.deepStrictEqual(
      { ...letter.facts },
      {
        dateAssigned: '2016-11-09',
        decisionDate: '2016-12-09',
        priority: 'Standard',
        dateOfInjury: '2016-10-13',
        urDenialDate: '2016-11-03',
        applicationReceived: '2016-11-03',
      },
    );
  });

  it('pdftotext -raw, two fields on a line', () => {
    // Date Assigned: 12/28/2016 Date of Injury: 10/26/2016; Decision Date: 01/30/2017 UR Denial Date:
    // 12/21/2016; Priority: Standard Application Received: 12/22/2016.
    const letter = parseLetter(fixtureText('extraction', 'CM16-0245796.pdftotext-raw.txt')).letters[0];
    const f = letter.facts;
    assert.deepStrictEqual(
      [f.dateAssigned, f.dateOfInjury, f.decisionDate, f.urDenialDate, f.priority, f.applicationReceived],
      ['2016-12-28', '2016-10-26', '2017-01-30', '2016-12-21', 'Standard', '2016-12-22'],
    );
  });

  it("the 2013 notice: the date after its title, two fields on one line, the application's date", () => {
    // `... Determination Dated: 9/26/2013`, `IMR Case Number: CM13-0012345 Date of UR Decision: 7/18/2013`,
    // `Date of Injury: 2/14/2011`, `IMR Application Received: 8/5/2013`.
    const text = fixtureText('extraction', 'notice-2013-web.txt');
    const letter = parseLetter(text).letters[0];
    assert.deepStrictEqual(
      { ...letter.facts },
      {
        decisionDate: '2013-09-26',
        urDenialDate: '2013-07-18',
        dateOfInjury: '2011-02-14',
        applicationReceived: '2013-08-05',
      },
    );
    const fields = letter.header.map((h) => [h.name, h.value, text.slice(h.valueRange.start, h.valueRange.end)]);
    assert.deepStrictEqual(fields.slice(0, 3), [
      ['Dated', '9/26/2013', '9/26/2013'],
      ['IMR Case Number', 'CM13-0012345', 'CM13-0012345'],
      ['Date of UR Decision', '7/18/2013', '7/18/2013'],
    ]);
  });

  it('a letter without a header block states none', () => {
    const letter = parseLetter(letterText(FIXTURES.psychiatry)).letters[0];
    assert.deepStrictEqual({ ...letter.facts }, {});
  });

  it('a value that is no date is left out, not guessed', () => {
    const text = fixtureText('extraction', 'CM16-0213037.pdftotext.txt').replace('12/09/2016', '13/45/2016');
    const letter = parseLetter(text).letters[0];
    assert.strictEqual(letter.facts.decisionDate, undefined);
    assert.strictEqual(letter.facts.dateAssigned, '2016-11-09');
  });
});

describe('days to decision', () => {
  const facts = (text: string) => parseLetter(text).letters[0].facts;

  it('days between two ISO dates, across months, years and a leap day', () => {
    assert.strictEqual(daysBetween('2016-11-03', '2016-12-09'), 36);
    assert.strictEqual(daysBetween('2016-12-22', '2017-01-30'), 39);
    assert.strictEqual(daysBetween('2016-02-28', '2016-03-01'), 2);
    assert.strictEqual(daysBetween('2016-12-09', '2016-11-03'), -36);
    assert.strictEqual(daysBetween('2016-12-09', '2016-12-09'), 0);
    assert.strictEqual(daysBetween('12/09/2016', '2016-12-09'), undefined);
  });

  it("from the application's receipt to the decision date, on real letters' headers", () => {
    // CM16-0213037: Application Received 11/03/2016, Decision Date 12/09/2016.
    assert.strictEqual(daysToDecisionOf(facts(fixtureText('extraction', 'CM16-0213037.pdftotext.txt'))), 36);
    // CM16-0245796 (pdftotext -raw): received 12/22/2016 (assigned 12/28/2016), decided 01/30/2017.
    assert.strictEqual(daysToDecisionOf(facts(fixtureText('extraction', 'CM16-0245796.pdftotext-raw.txt'))), 39);
    // The 2013 notice: IMR Application Received 8/5/2013, Determination Dated 9/26/2013.
    assert.strictEqual(daysToDecisionOf(facts(fixtureText('extraction', 'notice-2013-web.txt'))), 52);
  });

  it('from the date assigned where the letter states no receipt; none without a decision date', () => {
    // CM16-0213037 without its Application Received field: assigned 11/09/2016, decided 12/09/2016.
    const text = fixtureText('extraction', 'CM16-0213037.pdftotext.txt');
    const f = facts(text);
    assert.strictEqual(daysToDecisionOf({ ...f, applicationReceived: undefined }), 30);
    assert.strictEqual(daysToDecisionOf({ ...f, decisionDate: undefined }), undefined);
    assert.strictEqual(daysToDecisionOf({ decisionDate: '2016-12-09' }), undefined);
    // A decision dated before the application (a misprint) gives no figure rather than a negative one.
    assert.strictEqual(daysToDecisionOf({ ...f, decisionDate: '2016-10-01' }), undefined);
  });
});
