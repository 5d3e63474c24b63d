// The status bar summary of a letter: counts from the items the server reports and the problems
// VS Code holds for the document.

import * as assert from 'assert';
import { appealShown, countLetter, statusBarText, statusBarTooltip } from '../../client/src/statusText';
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

describe('client: the appeal window in the status bar', () => {
  // As the server sends them for letters dated 12/09/2016 and 12/24/2016 (5 days for mail).
  const jan13 = { lastDay: '2017-01-13', rule: '30 days from 12/09/2016 + 5 for mail: Friday 2017-01-13' };
  const jan30 = {
    lastDay: '2017-01-30',
    rule: '30 days from 12/24/2016 + 5 for mail: Saturday 2017-01-28, moved to Monday 2017-01-30 (weekend)',
  };
  const counts = countLetter({ letters: 1, items: items('upheld', 'upheld') }, 0);

  it('an open window: its last day and the days left, the rule and the caveat in the tooltip', () => {
    const shown = appealShown([jan13], '2017-01-01');
    assert.strictEqual(
      statusBarText(counts, shown.text),
      '$(law) 2 items: 2 upheld · appeal by 2017-01-13 · 12 days left',
    );
    const tip = statusBarTooltip(counts, shown.tooltip).split('\n');
    assert.deepStrictEqual(tip.slice(3, 5), [
      'Last day to appeal 2017-01-13: 30 days from 12/09/2016 + 5 for mail: Friday 2017-01-13',
      "Computed from the letter's date; check it against the proof of service. Not legal advice.",
    ]);
    assert.strictEqual(tip[tip.length - 1], 'Click to show the outline');
  });

  it('a closed window is marked closed', () => {
    assert.strictEqual(appealShown([jan13], '2017-01-14').text, 'appeal closed 2017-01-13');
  });

  it('several letters: the first window still open, each letter named in the tooltip', () => {
    const shown = appealShown([jan30, null, jan13], '2017-01-20');
    assert.strictEqual(shown.text, 'appeal by 2017-01-30 · 10 days left');
    assert.deepStrictEqual(shown.tooltip.slice(0, 2), [
      `Letter 1: last day to appeal 2017-01-30: ${jan30.rule}`,
      `Letter 3: last day to appeal 2017-01-13: ${jan13.rule}`,
    ]);
    assert.strictEqual(appealShown([jan30, jan13], '2017-01-05').text, 'appeal by 2017-01-13 · 8 days left');
    // All closed: the latest of them.
    assert.strictEqual(appealShown([jan13, jan30], '2017-02-01').text, 'appeal closed 2017-01-30');
  });

  it('no dated letter: nothing added', () => {
    const shown = appealShown([null], '2017-01-01');
    assert.deepStrictEqual({ ...shown }, { tooltip: [] });
    assert.strictEqual(appealShown(undefined, '2017-01-01').text, undefined);
    assert.strictEqual(statusBarText(counts, shown.text), '$(law) 2 items: 2 upheld');
  });
});
