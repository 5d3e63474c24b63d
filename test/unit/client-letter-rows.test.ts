// The Letters view's rows: what they read at the side bar's default width, and their ids, which
// must differ for a letter listed in two groups.

import * as assert from 'assert';
import { groupId, itemId, itemRow, letterId, letterRow, summaryRow } from '../../client/src/letterRows';
import type { LetterListEntry } from '../../server/src/protocol';

/** About what the side bar shows of a row at its default width, after the indent and the icon. */
const DEFAULT_WIDTH_CHARS = 38;

const LETTER: LetterListEntry = {
  uri: 'file:///letters/CM16-0248698.pdf',
  letterIndex: 0,
  fileName: 'CM16-0248698.pdf',
  caseNumber: 'CM16-0248698',
  problems: 1,
  items: [
    {
      name: 'Norco 10/325mg #90',
      outcome: 'upheld',
      sources: ['MTUS/CPMTG'],
      problems: 0,
      decision: { line: 40, character: 0 },
    },
    { name: 'Lyrica 75mg #60', outcome: 'overturned', sources: [], problems: 1, decision: { line: 60, character: 0 } },
  ],
};

describe('Letters view rows', () => {
  it('leads the summary with the outcomes and keeps it within the default width', () => {
    const row = summaryRow({
      letters: 57,
      items: 123,
      upheld: 98,
      overturned: 25,
      lettersWithProblems: 3,
      pending: 0,
      indexing: false,
    });
    assert.strictEqual(row.label, '98 upheld \u00b7 25 overturned');
    assert.strictEqual(row.description, 'of 123 items');
    assert.ok(`${row.label} ${row.description}`.length <= DEFAULT_WIDTH_CHARS);
    assert.strictEqual(
      row.tooltip,
      '57 letters, 123 disputed items\n98 upheld, 25 overturned\n3 letters with problems',
    );
  });

  it('says "1 item", "1 problem" and "1 letter" in the singular', () => {
    const one = summaryRow({
      letters: 1,
      items: 1,
      upheld: 1,
      overturned: 0,
      lettersWithProblems: 1,
      pending: 1,
      indexing: true,
    });
    assert.strictEqual(one.description, 'indexing, 1 file to go');
    assert.strictEqual(one.tooltip.split('\n')[0], '1 letter, 1 disputed item');
    assert.strictEqual(
      letterRow({ ...LETTER, items: LETTER.items.slice(0, 1) }).description,
      '1 item \u00b7 1 problem',
    );
  });

  it('names a letter by its case number, the file and outcomes in the tooltip', () => {
    const row = letterRow(LETTER);
    assert.deepStrictEqual(row, {
      label: 'CM16-0248698',
      description: '2 items \u00b7 1 problem',
      tooltip: 'CM16-0248698.pdf\nUpheld, Overturned',
    });
    assert.strictEqual(
      letterRow({ ...LETTER, caseNumber: undefined, letterIndex: 1 }).label,
      'CM16-0248698.pdf (letter 2)',
    );
  });

  it('keeps an item short: its outcome and problems, its sources in the tooltip', () => {
    assert.deepStrictEqual(itemRow(LETTER.items[1]), {
      label: 'Lyrica 75mg #60',
      description: 'Overturned \u00b7 1 problem',
      tooltip: 'Lyrica 75mg #60\nOverturned\nNo guideline cited\n1 problem',
    });
    assert.strictEqual(itemRow(LETTER.items[0]).tooltip, 'Norco 10/325mg #90\nUpheld\nBased on: MTUS/CPMTG');
  });

  it('gives a letter in two groups two ids, and its items too', () => {
    const upheld = letterId('outcome', 'upheld', LETTER);
    const overturned = letterId('outcome', 'overturned', LETTER);
    assert.notStrictEqual(upheld, overturned);
    assert.notStrictEqual(itemId(upheld, 0), itemId(overturned, 0));
    assert.notStrictEqual(letterId('source', 'MTUS/CPMTG', LETTER), letterId('source', 'ODG', LETTER));
    assert.notStrictEqual(groupId('source', 'ODG'), groupId('specialty', 'ODG'));
  });
});
