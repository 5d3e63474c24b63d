// Citations read once per distinct wording (engine/citations.ts readingOf): a citation found in the
// table must be the one read afresh, whatever was read before it, and own its lists. Expected
// values are written from the made-up guideline lines below.

import * as assert from 'assert';
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
