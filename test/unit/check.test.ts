// checkLetter on real letters with one problem put in by hand: each finding's code and range.

import * as assert from 'assert';
import { checkLetter } from '../../server/src/engine/check';
import { parseLetter } from '../../server/src/engine/parse';
import { EXPECTED, FIXTURES, items, letterText, replaceOnce, slice } from './helpers';

describe('checkLetter on malformed letters', () => {
  const base = letterText(FIXTURES.familyPractice);
  const codes = (text: string) => checkLetter(parseLetter(text)).map((f) => f.code);

  it('unknown-decision on a typo, with the range on the word', () => {
    const text = replaceOnce(
      base,
      'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld',
      'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled',
    );
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['unknown-decision'],
    );
    assert.strictEqual(slice(doc, findings[0].range), 'Uphled');
    assert.strictEqual(items(doc).length, 4);
  });

  it('missing-decision when the outcome is gone but the colon stays', () => {
    const text = replaceOnce(
      base,
      'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld',
      'Buspar 15mg, 1 three times a day as needed for 12 months:',
    );
    const doc = parseLetter(text);
    assert.deepStrictEqual(codes(text), ['missing-decision']);
    assert.strictEqual(items(doc)[1].name, 'Buspar 15mg, 1 three times a day as needed for 12 months');
  });

  it('missing-decision when the whole ": Upheld" is gone', () => {
    const text = replaceOnce(
      base,
      'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld',
      'Buspar 15mg, 1 three times a day as needed for 12 months',
    );
    const doc = parseLetter(text);
    assert.deepStrictEqual(codes(text), ['missing-decision']);
    assert.deepStrictEqual(
      items(doc).map((i) => i.name),
      EXPECTED[FIXTURES.familyPractice].map(([n]) => n),
    );
    // The previous item's rationale does not swallow the name.
    assert.doesNotMatch(items(doc)[0].rationale!.text, /Buspar 15mg, 1 three/);
  });

  it('missing-rationale when the rationale paragraph is deleted', () => {
    const start = base.indexOf('Decision rationale: According to the guidelines, BuSpar');
    const end = base.indexOf('Xanax 2mg, 1 twice a day');
    const text = base.slice(0, start) + base.slice(end);
    const doc = parseLetter(text);
    assert.deepStrictEqual(codes(text), ['missing-rationale']);
    assert.strictEqual(items(doc)[1].rationale, undefined);
    assert.strictEqual(items(doc).length, 4);
  });

  it('missing-reviewer-guideline when the MAXIMUS guideline is empty or absent', () => {
    const emptied = replaceOnce(
      base,
      /MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines \n\nBenzodiazepines Page\(s\): 24\. {3}\n/,
      'MAXIMUS guideline: \n',
    );
    assert.deepStrictEqual(codes(emptied), ['missing-reviewer-guideline']);
    const start = base.indexOf(
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines \n\nBenzodiazepines',
    );
    const end = base.indexOf('Decision rationale: Benzodiazepines are not recommended');
    assert.ok(start > 0 && end > start);
    const removed = base.slice(0, start) + base.slice(end);
    assert.deepStrictEqual(codes(removed), ['missing-reviewer-guideline']);
  });

  it('missing-claims-administrator-guideline when that line is absent', () => {
    const start = base.indexOf(
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines',
    );
    const end = base.indexOf(
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines \n\nBenzodiazepines',
    );
    const text = base.slice(0, start) + base.slice(end);
    assert.deepStrictEqual(codes(text), ['missing-claims-administrator-guideline']);
    assert.deepStrictEqual(
      items(parseLetter(text)).map((i) => i.name),
      EXPECTED[FIXTURES.familyPractice].map(([n]) => n),
    );
  });

  it('decision-contradicts-rationale for Overturned with a "not medically necessary" rationale, and the reverse', () => {
    const overturned = replaceOnce(
      base,
      'Lexapro 20mg, 1 daily for 12 months: Upheld',
      'Lexapro 20mg, 1 daily for 12 months: Overturned',
    );
    const findings = checkLetter(parseLetter(overturned));
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['decision-contradicts-rationale'],
    );
    assert.ok(findings[0].related);
    const necessary = replaceOnce(
      base,
      'The 12 month supply of Lexapro is not medically necessary',
      'The 12 month supply of Lexapro is medically necessary',
    );
    assert.deepStrictEqual(codes(necessary), ['decision-contradicts-rationale']);
  });

  it('duplicate-item when an item is decided twice', () => {
    const block = base.slice(
      base.indexOf('Xanax 2mg, 1 twice a day'),
      base.indexOf('12 Sessions of medication management'),
    );
    const text = base + '\n \n\n' + block;
    const doc = parseLetter(text);
    assert.strictEqual(items(doc).length, 5);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['duplicate-item'],
    );
    assert.strictEqual(findings[0].itemIndex, 4);
    assert.deepStrictEqual(findings[0].related?.range, items(doc)[2].nameRange);
  });

  it('duplicate-item whatever the case and punctuation of the second name (past ASCII too), not for another item', () => {
    const first = 'Klonopin 2mg, 1 twice a day as needed for 12 months';
    const letter = replaceOnce(base, 'Xanax 2mg, 1 twice a day as needed for 12 months', first);
    const block = letter.slice(letter.indexOf(first), letter.indexOf('12 Sessions of medication management'));
    const cases: Array<[string, boolean]> = [
      ['KLONOPIN 2MG 1 TWICE A DAY AS NEEDED FOR 12 MONTHS', true],
      // The Kelvin sign is a K in lower case; the en dash a space, as the comma is.
      ['\u212Alonopin 2mg \u2013 1 twice a day as needed for 12 months', true],
      // As many letters and digits as the first name, another item all the same.
      ['Klonopin 3mg, 1 twice a day as needed for 12 months', false],
    ];
    for (const [name, duplicate] of cases) {
      const doc = parseLetter(letter + '\n \n\n' + block.replace(first, name));
      assert.strictEqual(items(doc)[4].name, name);
      const found = checkLetter(doc).filter((f) => f.code === 'duplicate-item');
      assert.deepStrictEqual(
        found.map((f) => f.itemIndex),
        duplicate ? [4] : [],
        name,
      );
    }
  });

  it('no-disputed-items for a letter without a decisions section, or an empty one', () => {
    const cut = base.slice(0, base.indexOf('IMR ISSUES, DECISIONS AND RATIONALES'));
    assert.deepStrictEqual(codes(cut), ['no-disputed-items']);
    const empty = base.slice(0, base.indexOf('Lexapro 20mg, 1 daily'));
    assert.deepStrictEqual(codes(empty), ['no-disputed-items']);
  });

  it('a half-written item: only its decision line so far', () => {
    const text = base + '\n \n\nTrazodone 50mg #30: Overturned\n';
    const doc = parseLetter(text);
    assert.strictEqual(items(doc).length, 5);
    assert.deepStrictEqual(codes(text).sort(), [
      'missing-claims-administrator-guideline',
      'missing-rationale',
      'missing-reviewer-guideline',
    ]);
  });
});
