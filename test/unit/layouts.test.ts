// The layouts other than the standard one (engine/layouts/): a case header, the letterhead, the
// 2013 notice and the professional review form. Expectations written from the letters' text.

import * as assert from 'assert';
import { checkLetter } from '../../server/src/engine/check';
import { parseLetter } from '../../server/src/engine/parse';
import { LAYOUTS } from '../../server/src/engine/layouts';
import { EXPECTED, FIXTURES, fixtureText, items, layoutSamples, letterText, PARTS, slice, summary } from './helpers';

describe('parseLetter on other layouts', () => {
  it('a posted letter with a case header', () => {
    const text =
      'Case Number: CM14-0187654\n\nDate Assigned: 11/3/2014\n\nUR Denial Date: 10/13/2014\n\n' +
      letterText(FIXTURES.xanaxRefill);
    const doc = parseLetter(text);
    assert.strictEqual(doc.letters.length, 1);
    const letter = doc.letters[0];
    assert.strictEqual(letter.layout, 'case-header');
    assert.strictEqual(letter.caseNumber, 'CM14-0187654');
    assert.deepStrictEqual(
      letter.header.map((f) => [f.name, f.value]),
      [
        ['Case Number', 'CM14-0187654'],
        ['Date Assigned', '11/3/2014'],
        ['UR Denial Date', '10/13/2014'],
      ],
    );
    assert.deepStrictEqual(summary(doc), EXPECTED[FIXTURES.xanaxRefill]);
  });

  it('two posted letters back to back, each with its case header', () => {
    const a = 'Case Number: CM14-0000001\n\n' + letterText(FIXTURES.psychiatry);
    const b = 'Case Number: CM15-0000002\n\n' + letterText(FIXTURES.wrappedOutcome);
    const doc = parseLetter(a + b);
    assert.deepStrictEqual(
      doc.letters.map((l) => [l.caseNumber, l.items.length]),
      [
        ['CM14-0000001', 2],
        ['CM15-0000002', 1],
      ],
    );
  });

  it('the review organization letterhead with its own headings', () => {
    const body = letterText(FIXTURES.familyPractice)
      .replace('IMR ISSUES, DECISIONS AND RATIONALES', 'IMR DECISION(S) AND RATIONALE(S)')
      .replace(
        ' HOW THE IMR FINAL DETERMINATION WAS MADE',
        'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nDOCUMENTS REVIEWED\n\nMedical records, 1/2/2013 - 10/1/2013\n',
      );
    const doc = parseLetter('MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n\n' + body);
    const letter = doc.letters[0];
    assert.strictEqual(letter.layout, 'letterhead');
    assert.deepStrictEqual(
      letter.sections.map((s) => s.kind),
      ['determination', 'documents', 'summary', 'decisions'],
    );
    assert.deepStrictEqual(summary(doc), EXPECTED[FIXTURES.familyPractice]);
  });

  it('a 2013 notice: numbered decision sentences give the outcomes', () => {
    const text = fixtureText('layouts', 'notice-2013.txt');
    const doc = parseLetter(text);
    assert.strictEqual(doc.letters.length, 1);
    assert.strictEqual(doc.letters[0].layout, 'notice-2013');
    assert.deepStrictEqual(summary(doc), [
      ['physical therapy twice a week for six weeks', 'upheld'],
      ['a lumbar MRI', 'overturned'],
    ]);
    const [pt, mri] = items(doc);
    assert.deepStrictEqual(
      pt.parts.map((p) => p.kind),
      PARTS,
    );
    assert.strictEqual(pt.conclusion.kind, 'not-medically-necessary');
    assert.strictEqual(slice(doc, mri.outcome.range).replace(/\s+/g, ' '), 'is medically necessary and appropriate');
    assert.deepStrictEqual(doc.letters[0].reviewer?.specialties, ['Orthopedic Surgery']);
  });

  it('a professional review form: one issue, its outcome from the rationale, wrapped headings', () => {
    const text = fixtureText('layouts', 'professional-review.txt');
    const doc = parseLetter(text);
    const letter = doc.letters[0];
    assert.strictEqual(letter.layout, 'professional-review');
    assert.deepStrictEqual(
      letter.sections.map((s) => s.kind),
      ['issue', 'summary', 'guidelines', 'rationale', 'qualifications'],
    );
    assert.strictEqual(
      letter.sections[2].title,
      'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
    );
    assert.deepStrictEqual(summary(doc), [['Lumbar epidural steroid injection at L4-L5', 'upheld']]);
    assert.deepStrictEqual(checkLetter(doc), []);
  });
});

describe('the layout table', () => {
  // What LAYOUTS says of each layout's outcomes, checked on a letter of each (test/unit/helpers.ts layoutSamples).
  for (const text of layoutSamples()) {
    const doc = parseLetter(text);
    const letter = doc.letters[0];
    it(`${letter.layout}: its items' outcomes are written as its outcome form says`, () => {
      assert.ok(letter.items.length > 0);
      for (const item of letter.items) {
        const written = slice(doc, item.outcome.range).replace(/\s+/g, ' ');
        const form = LAYOUTS[letter.layout].outcomeForm;
        if (form === 'decision-line') assert.match(written, /^(?:Upheld|Overturned)$/);
        else if (form === 'numbered-sentence') assert.match(written, /^is (?:not )?medically necessary/);
        else assert.deepStrictEqual(item.outcome.range, item.conclusion.range);
      }
    });
  }
});
