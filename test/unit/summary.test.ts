// The workspace index's summary of a letter (export/summary.ts): the header's dates and each
// item's treatment category, as the letters state them; nothing when they state none.

import * as assert from 'assert';
import { summarizeText } from '../../server/src/export/summarizeText';
import { FIXTURES, fixtureText, letterText } from './helpers';

describe('the index summary', () => {
  it("a posted letter: its decision and assignment dates, ISO, and each item's category", () => {
    // `Date Assigned: 11/09/2016`, `Decision Date: 12/09/2016`; two MRIs.
    const summary = summarizeText('CM16-0213037.txt', fixtureText('extraction', 'CM16-0213037.pdftotext.txt'));
    const letter = summary.letters[0];
    assert.strictEqual(letter.decisionDate, '2016-12-09');
    assert.strictEqual(letter.dateAssigned, '2016-11-09');
    assert.deepStrictEqual(
      letter.items.map((i) => [i.category, i.subcategory]),
      [
        ['Diagnostic imaging', 'MRI'],
        ['Diagnostic imaging', 'MRI'],
      ],
    );
  });

  it('a letter without a header block: no date keys; a row without a subcategory: no subcategory key', () => {
    const letter = summarizeText('004.txt', letterText(FIXTURES.wrappedOutcome)).letters[0];
    assert.ok(!('decisionDate' in letter) && !('dateAssigned' in letter));
    assert.deepStrictEqual(
      letter.items.map((i) => [i.category, i.subcategory]),
      [['Psychological services', 'Psychiatric care']],
    );
    const edited = letterText(FIXTURES.wrappedOutcome).replace(
      'Psychotropic Med Management consultation',
      'Hospital bed',
    );
    const item = summarizeText('004.txt', edited).letters[0].items[0];
    assert.strictEqual(item.category, 'Durable medical equipment');
    assert.ok(!('subcategory' in item));
  });
});
