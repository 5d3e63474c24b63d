// Citations read once per distinct wording (engine/citations.ts readingOf): a citation found in the
// table must be the one read afresh, whatever was read before it, and own its lists. Expected
// values are written from the made-up guideline lines below.

import * as assert from 'assert';
import { keptReadings } from '../../server/src/engine/citations';
import type { Citation } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { SAMPLE_LETTER } from '../../server/src/engine/memory';

/** A letter of the sample's header with one item per claims administrator guideline given. */
function letterWith(guidelines: readonly string[]): string {
  const header = SAMPLE_LETTER.slice(0, SAMPLE_LETTER.indexOf('SAMPLE MEDICATION'));
  const items = guidelines.map((g, i) =>
    [
      `ITEM ${i + 1}: Upheld`,
      `Claims Administrator guideline: ${g}`,
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 24',
      'Decision rationale: The request is not medically necessary.',
    ].join('\n'),
  );
  return header + items.join('\n') + '\n';
}

function administratorCitations(text: string): Citation[] {
  return parseLetter(text).letters[0].items.flatMap((i) =>
    i.citations.filter((c) => c.part === 'claims-administrator-guideline'),
  );
}

const fields = (c: Citation) => [c.source, c.document, c.mtus, c.topic, c.pages, c.sections, c.text];

describe('citations read once per wording (citations.ts)', () => {
  const asMtus = 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies';
  const asOther = 'Decision based on Non-MTUS Citation MTUS Low Back Complaints 2004, Section(s): Special Studies';

  it('read the same words as an MTUS clause and as a non-MTUS citation each their own way, in either order', () => {
    // Both cite `MTUS Low Back Complaints 2004, Section(s): Special Studies`: in an MTUS clause an
    // ACOEM chapter adopted into the MTUS; in a non-MTUS clause no source the reader knows.
    const mtus = ['MTUS', 'ACOEM', true, 'Low Back Complaints 2004', [], ['Special Studies']];
    const other = ['other', undefined, false, 'Low Back Complaints 2004', [], ['Special Studies']];
    const words = 'MTUS Low Back Complaints 2004, Section(s): Special Studies';
    for (const order of [
      [asMtus, asOther],
      [asOther, asMtus],
    ]) {
      const found = administratorCitations(letterWith([...order, ...order]));
      const expected = order.map((g) => [...(g === asMtus ? mtus : other), words]);
      assert.deepStrictEqual(found.map(fields), [...expected, ...expected]);
    }
  });

  it('give each place its own range and its own lists', () => {
    const text = letterWith([asMtus, asMtus]);
    const [first, second] = administratorCitations(text);
    for (const c of [first, second])
      assert.strictEqual(
        text.slice(c.range.start, c.range.end),
        'MTUS Low Back Complaints 2004, Section(s): Special Studies',
      );
    assert.ok(first.range.start < second.range.start);
    assert.notStrictEqual(first.sections, second.sections);
    assert.notStrictEqual(first.pages, second.pages);
  });

  it('keep at most 2,048 readings in each table, however many wordings a folder cites', () => {
    // 3,000 different wordings of each clause, letter after letter as a folder's check reads them.
    for (const [clause, table] of [
      ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): ', 'mtus'],
      ['Decision based on Non-MTUS Citation Official Disability Guidelines, Pain Chapter, page ', 'other'],
    ] as const) {
      let most = 0;
      for (let letter = 0; letter < 30; letter++) {
        const wordings = Array.from({ length: 100 }, (_, i) => `${clause}${letter * 100 + i + 1}`);
        assert.strictEqual(administratorCitations(letterWith(wordings)).length, 100);
        most = Math.max(most, keptReadings()[table]);
      }
      // Without the emptying the table would hold all 3,000 (and what earlier tests read).
      assert.ok(most <= 2048, `${table}: ${most} readings kept`);
      assert.ok(keptReadings()[table] > 0, table);
    }
  });

  it('read right after the table was emptied, and for a guideline part too long to be kept', () => {
    // 2,500 different page numbers: more wordings than the table holds.
    const pages = Array.from({ length: 2500 }, (_, i) => i + 1);
    const wording = (n: number) => `Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): ${n}`;
    for (let pass = 0; pass < 2; pass++)
      assert.deepStrictEqual(
        administratorCitations(letterWith(pages.map(wording))).map((c) => [c.document, c.pages]),
        pages.map((n) => ['CPMTG', [String(n)]]),
      );
    const long = `${wording(7)}. ${'The reviewer notes the history at length. '.repeat(40)}`;
    assert.ok(long.length > 1024);
    assert.deepStrictEqual(
      administratorCitations(letterWith([long, wording(7)])).map((c) => [c.document, c.pages]),
      [
        ['CPMTG', ['7']],
        ['CPMTG', ['7']],
      ],
    );
  });
});
