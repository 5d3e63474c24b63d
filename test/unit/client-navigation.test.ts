// Next/Previous Disputed Item: which item the cursor moves to. The decision lines are located in the
// real letters by their text (read from the fixture, not computed by the parser).

import * as assert from 'assert';
import { LinePosition, moveMessage, moveToItem, NavigableItem, pickItem } from '../../client/src/itemNavigation';
import { FIXTURES, letterText } from './helpers';

interface Item extends NavigableItem {
  readonly name: string;
}

function lineOf(lines: string[], prefix: string): number {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starts with ${prefix}`);
  return i;
}

function itemAt(name: string, line: number, endLine = line): Item {
  return { name, decisionRange: { start: { line, character: 0 }, end: { line: endLine, character: 10 } } };
}

function at(line: number, character = 0): LinePosition {
  return { line, character };
}

describe('client: next/previous disputed item', () => {
  // 001: four items, each decision on one line (53, 89, 121, 151 counted from 1).
  const lines = letterText(FIXTURES.familyPractice).split(/\r?\n/);
  const lexapro = itemAt('Lexapro', lineOf(lines, 'Lexapro 20mg, 1 daily for 12 months: Upheld'));
  const buspar = itemAt('Buspar', lineOf(lines, 'Buspar 15mg, 1 three times a day'));
  const xanax = itemAt('Xanax', lineOf(lines, 'Xanax 2mg, 1 twice a day'));
  const sessions = itemAt('Sessions', lineOf(lines, '12 Sessions of medication management'));
  const items = [lexapro, buspar, xanax, sessions];
  const xanaxRationale = lineOf(lines, 'Decision rationale: Benzodiazepines are not recommended');

  it('finds the decision lines where the letter has them', () => {
    assert.deepStrictEqual(
      items.map((i) => i.decisionRange.start.line + 1),
      [53, 89, 121, 151],
    );
  });

  it('Next from the top of the letter goes to the first item', () => {
    assert.strictEqual(pickItem(items, at(0), 'next')?.name, 'Lexapro');
  });

  it('Next from anywhere on a decision line goes to the following item', () => {
    assert.strictEqual(pickItem(items, at(lexapro.decisionRange.start.line, 0), 'next')?.name, 'Buspar');
    assert.strictEqual(pickItem(items, at(lexapro.decisionRange.start.line, 40), 'next')?.name, 'Buspar');
  });

  it("Next from inside an item's rationale goes to the following item", () => {
    assert.strictEqual(pickItem(items, at(xanaxRationale, 5), 'next')?.name, 'Sessions');
  });

  it('Next wraps from the last item (and from below it) to the first', () => {
    assert.strictEqual(pickItem(items, at(sessions.decisionRange.start.line), 'next')?.name, 'Lexapro');
    assert.strictEqual(pickItem(items, at(lines.length - 1), 'next')?.name, 'Lexapro');
  });

  it('Previous from a decision line goes to the item before it', () => {
    assert.strictEqual(pickItem(items, at(xanax.decisionRange.start.line, 12), 'previous')?.name, 'Buspar');
  });

  it("Previous from inside an item's parts goes back to that item's decision line", () => {
    assert.strictEqual(pickItem(items, at(xanaxRationale, 5), 'previous')?.name, 'Xanax');
  });

  it('Previous wraps from the first item (and from above it) to the last', () => {
    assert.strictEqual(pickItem(items, at(lexapro.decisionRange.start.line), 'previous')?.name, 'Sessions');
    assert.strictEqual(pickItem(items, at(0), 'previous')?.name, 'Sessions');
  });

  it('a decision whose outcome wrapped to a later line counts as one stop', () => {
    // 004: the item on line 44, `Upheld` alone on line 45 (counted from 1).
    const lines004 = letterText(FIXTURES.wrappedOutcome).split(/\r?\n/);
    const start = lineOf(lines004, 'Psychotropic Med Management consultation');
    const end = lineOf(lines004, 'Upheld');
    assert.deepStrictEqual([start + 1, end + 1], [44, 45]);
    const earlier = itemAt('earlier', 10);
    const wrapped = itemAt('wrapped', start, end);
    const later = itemAt('later', 70);
    const three = [earlier, wrapped, later];
    assert.strictEqual(pickItem(three, at(end, 3), 'previous')?.name, 'earlier');
    assert.strictEqual(pickItem(three, at(start), 'next')?.name, 'later');
    assert.strictEqual(pickItem(three, at(end), 'next')?.name, 'later');
  });

  it('items of several letters are visited in document order whatever order they come in', () => {
    const shuffled = [sessions, lexapro, xanax, buspar];
    assert.strictEqual(pickItem(shuffled, at(lexapro.decisionRange.start.line), 'next')?.name, 'Buspar');
    assert.strictEqual(pickItem(shuffled, at(0), 'next')?.name, 'Lexapro');
    assert.strictEqual(pickItem(shuffled, at(0), 'previous')?.name, 'Sessions');
  });

  it('a single item is the target in both directions; no items, no target', () => {
    assert.strictEqual(pickItem([xanax], at(xanax.decisionRange.start.line), 'next')?.name, 'Xanax');
    assert.strictEqual(pickItem([xanax], at(xanax.decisionRange.start.line), 'previous')?.name, 'Xanax');
    assert.strictEqual(pickItem([], at(0), 'next'), undefined);
    assert.strictEqual(pickItem([], at(0), 'previous'), undefined);
  });

  it('says where a move landed: "Item 2 of 4", and from which end it wrapped', () => {
    const next = moveToItem(items, at(lexapro.decisionRange.start.line), 'next')!;
    assert.deepStrictEqual([next.item.name, next.place, next.count, next.wrapped], ['Buspar', 2, 4, false]);
    assert.strictEqual(moveMessage(next, 'next'), 'Item 2 of 4');
    const wrappedNext = moveToItem(items, at(sessions.decisionRange.start.line), 'next')!;
    assert.deepStrictEqual([wrappedNext.item.name, wrappedNext.place, wrappedNext.wrapped], ['Lexapro', 1, true]);
    assert.strictEqual(moveMessage(wrappedNext, 'next'), 'Item 1 of 4 (wrapped from the last item)');
    const wrappedPrevious = moveToItem(items, at(0), 'previous')!;
    assert.deepStrictEqual([wrappedPrevious.item.name, wrappedPrevious.place], ['Sessions', 4]);
    assert.strictEqual(moveMessage(wrappedPrevious, 'previous'), 'Item 4 of 4 (wrapped from the first item)');
    // Going round a letter of one item is no news.
    assert.strictEqual(moveMessage(moveToItem([xanax], at(0), 'next')!, 'next'), 'Item 1 of 1');
  });
});
