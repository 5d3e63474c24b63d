// The status bar summary of a letter: counts from the items the server reports and the problems
// VS Code holds for the document.

import * as assert from 'assert';
import { countLetter, statusBarText, statusBarTooltip } from '../../client/src/statusText';
import type { ItemSummary } from '../../server/src/protocol/requests';

function items(...outcomes: string[]): ItemSummary[] {
  return outcomes.map((outcome, i) => ({
    name: `item ${i + 1}`,
    outcome,
    letterIndex: 0,
    decisionRange: { start: { line: i, character: 0 }, end: { line: i, character: 5 } },
  }));
}

describe('client: status bar text', () => {
  it('four upheld items and one problem (letter 001 with one diagnostic)', () => {
    const c = countLetter({ letters: 1, items: items('upheld', 'upheld', 'upheld', 'upheld') }, 1);
    assert.deepStrictEqual(c, { letters: 1, items: 4, upheld: 4, overturned: 0, withoutValidOutcome: 0, problems: 1 });
    assert.strictEqual(statusBarText(c), '$(law) 4 items: 4 upheld · 1 problem');
  });

  it('leaves out counts of zero and says "problems" for more than one', () => {
    assert.strictEqual(
      statusBarText(countLetter({ letters: 1, items: items('upheld', 'upheld') }, 0)),
      '$(law) 2 items: 2 upheld',
    );
    assert.strictEqual(
      statusBarText(countLetter({ letters: 1, items: items('overturned') }, 3)),
      '$(law) 1 item: 1 overturned · 3 problems',
    );
  });

  it('counts unknown and missing outcomes together, and says what they are: without a valid outcome', () => {
    const c = countLetter({ letters: 1, items: items('upheld', 'overturned', 'unknown', 'missing') }, 2);
    assert.deepStrictEqual(c, { letters: 1, items: 4, upheld: 1, overturned: 1, withoutValidOutcome: 2, problems: 2 });
    assert.strictEqual(
      statusBarText(c),
      '$(law) 4 items: 1 upheld · 1 overturned · 2 without a valid outcome · 2 problems',
    );
  });

  it('a letter without items still shows its problems', () => {
    assert.strictEqual(statusBarText(countLetter({ letters: 1, items: [] }, 1)), '$(law) 0 items: 1 problem');
    assert.strictEqual(statusBarText(countLetter({ letters: 1, items: [] }, 0)), '$(law) 0 items');
  });

  it('names the number of letters when a file holds several', () => {
    assert.strictEqual(
      statusBarText(countLetter({ letters: 2, items: items('upheld', 'upheld', 'overturned') }, 0)),
      '$(law) 2 letters, 3 items: 2 upheld · 1 overturned',
    );
  });

  it('the tooltip spells the counts out and says what a click does', () => {
    const tip = statusBarTooltip(countLetter({ letters: 1, items: items('upheld', 'missing') }, 1)).split('\n');
    assert.deepStrictEqual(tip, [
      'IMR letter',
      '2 disputed items: 1 upheld, 0 overturned, 1 without a valid outcome (Upheld or Overturned)',
      '1 problem',
      'Click to show the outline',
    ]);
    assert.strictEqual(
      statusBarTooltip(countLetter({ letters: 3, items: [] }, 0)).split('\n')[0],
      'IMR letters: 3 in this file',
    );
  });
});
