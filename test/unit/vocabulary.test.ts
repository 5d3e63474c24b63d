// engine/vocabulary.ts: the letter terms every module reads, checked against the real letters.

import * as assert from 'assert';
import { parseLetter } from '../../server/src/engine/parse';
import {
  isLetterLanguageFile,
  mayHoldLetters,
  PAGE_NOISE,
  PAGE_NOISE_IN_TEXT,
  PART_LABELS,
  PARTS,
  REMOVABLE_PAGE_NOISE,
} from '../../server/src/engine/vocabulary';
import { allLetters, fixtureText, items } from './helpers';

describe('vocabulary', () => {
  it('orders the parts as the real letters write them', () => {
    for (const { name, text } of [
      ...allLetters(),
      { name: 'notice-2013.txt', text: fixtureText('layouts', 'notice-2013.txt') },
    ]) {
      for (const item of items(parseLetter(text))) {
        const orders = item.parts.map((p) => PARTS[p.kind].order);
        // The notice's second item has no discussion, so no parts.
        assert.deepStrictEqual(orders, item.name === 'a lumbar MRI' ? [] : [0, 1, 2], `${name}: ${item.name}`);
      }
    }
  });

  it('has a name, a label and a placeholder for every kind of part a label opens', () => {
    for (const { kind } of PART_LABELS) {
      const part = PARTS[kind];
      assert.ok(part.title && part.name && part.placeholder, kind);
      // The label a fix inserts is one the parser reads back as the same kind.
      assert.ok(
        PART_LABELS.some((l) => l.kind === kind && l.re.test(part.label)),
        part.label,
      );
    }
  });

  it('tells page noise from text, the formatter keeping a lone score such as 6/10', () => {
    for (const line of ['Page 2 of 5', 'page 12 / 40', 'CM13-0012345', '- 3 -', '6/10'])
      assert.ok(PAGE_NOISE.test(line), line);
    for (const line of ['Page 2 of 5', 'CM13-0012345', '- 3 -']) assert.ok(REMOVABLE_PAGE_NOISE.test(line), line);
    assert.ok(!REMOVABLE_PAGE_NOISE.test('6/10'));
    for (const line of ['Page 2', 'CM13', 'Case Number: CM13-0012345', '-3']) assert.ok(!PAGE_NOISE.test(line), line);
    assert.strictEqual(
      'Lumbar MRI Page 2 of 5 without contrast - 3 - CM13-0012345'.replace(PAGE_NOISE_IN_TEXT, ' '),
      'Lumbar MRI   without contrast   ',
    );
  });

  it('says which file names can hold letters, and which are letters whatever they hold', () => {
    assert.deepStrictEqual(['a.txt', 'B.TXT', 'c.imr', 'd.IMR', 'e.pdf', 'f.txt.bak', 'imr'].map(mayHoldLetters), [
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    assert.deepStrictEqual(['a.txt', 'c.imr', 'd.IMR'].map(isLetterLanguageFile), [false, true, true]);
  });
});
