// The workspace index's summary of a letter (export/summary.ts): the header's dates, priority
// and days to decision, and each item's place in the DWC's taxonomy, as the letters state them;
// nothing when they state none.

import * as assert from 'assert';
import { summarizeText } from '../../server/src/export/summarizeText';
import { FIXTURES, fixtureText, letterText } from './helpers';

describe('the index summary', () => {
  it("a posted letter: its dates, ISO, priority, days to decision and each item's category", () => {
    // `Date Assigned: 11/09/2016`, `Decision Date: 12/09/2016`, `Application Received: 11/03/2016`,
    // `Priority: Standard`; two MRIs.
    const summary = summarizeText('CM16-0213037.txt', fixtureText('extraction', 'CM16-0213037.pdftotext.txt'));
    const letter = summary.letters[0];
    assert.strictEqual(letter.decisionDate, '2016-12-09');
    assert.strictEqual(letter.dateAssigned, '2016-11-09');
    assert.strictEqual(letter.priority, 'Standard');
    assert.strictEqual(letter.daysToDecision, 36);
    assert.deepStrictEqual(
      letter.items.map((i) => [i.category, i.subcategory, i.drugClass]),
      [
        ['Diagnostic Testing', 'Imaging', undefined],
        ['Diagnostic Testing', 'Imaging', undefined],
      ],
    );
  });

  it("a pharmaceutical: its drug class and drug, the category's subcategory left out", () => {
    // CM16-0245796: Salonpas pad #60 and Anecream cream 4% #30, both topical analgesics.
    const letter = summarizeText('x.txt', fixtureText('extraction', 'CM16-0245796.pdftotext-raw.txt')).letters[0];
    assert.deepStrictEqual(
      letter.items.map((i) => [i.category, i.subcategory, i.drugClass, i.drug]),
      [
        ['Pharmaceuticals', undefined, 'Topical Analgesics', 'Salonpas'],
        ['Pharmaceuticals', undefined, 'Topical Analgesics', 'Anecream'],
      ],
    );
  });

  it('a letter without a header block: no date keys; a category without a subcategory: no subcategory key', () => {
    const letter = summarizeText('004.txt', letterText(FIXTURES.wrappedOutcome)).letters[0];
    assert.ok(!('decisionDate' in letter) && !('dateAssigned' in letter) && !('daysToDecision' in letter));
    assert.deepStrictEqual(
      letter.items.map((i) => [i.category, i.subcategory]),
      [['Psych Services', 'Evaluation & Management']],
    );
    const edited = letterText(FIXTURES.wrappedOutcome).replace(
      'Psychotropic Med Management consultation',
      'Purchase of a recliner',
    );
    const item = summarizeText('004.txt', edited).letters[0].items[0];
    assert.strictEqual(item.category, 'Other');
    assert.ok(!('subcategory' in item) && !('drugClass' in item) && !('drug' in item));
  });
});
