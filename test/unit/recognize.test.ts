// engine/parser/recognize.ts: the heading and label lookups over the tables of vocabulary.ts.

import * as assert from 'assert';
import { headingAt, partLabelAt } from '../../server/src/engine/parser/recognize';
import { HEADINGS, PART_LABELS } from '../../server/src/engine/vocabulary';
import { allLetters } from './helpers';

describe('the first-characters filter before the heading and label patterns', () => {
  // headingAt and partLabelAt try a pattern only on lines that begin with one of the words the
  // pattern declares (HeadingSpec.starts): a word left out would silently lose a heading. Each
  // must give what trying every pattern in order gives.
  const bruteHeading = (t: string) => (t.length > 140 ? undefined : HEADINGS.find((h) => h.re.test(t)));
  const bruteLabel = (t: string) => {
    for (const p of PART_LABELS) {
      const m = p.re.exec(t);
      if (m) return { kind: p.kind, length: m[0].length };
    }
    return undefined;
  };
  // One line for every alternative of every pattern, as letters write them and in other cases.
  const SAMPLES = [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'How the IMR Final Determination was made:',
    'CLINICAL CASE SUMMARY',
    'Clinical Case Summary: a 52 year old',
    'CASE SUMMARY',
    'case summary: text',
    'DOCUMENTS REVIEWED',
    'Documents Reviewed for Determination:',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'IMR ISSUE, DECISION AND RATIONALE:',
    'IMR DECISION(S) AND RATIONALE(S)',
    'imr decision and rationale',
    'INDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES',
    'Independent Medical Review Decision and Rationale:',
    'ISSUE AT DISPUTE: Zolpidem',
    'Issues at Dispute:',
    'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
    'Medical Treatment Guidelines Relied Upon by the Professional Reviewer and Why: MTUS',
    'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
    'MEDICAL REVIEWER QUALIFICATIONS:',
    'Medical Qualifications of the Expert Reviewer:',
    'Claims Administrator guideline: Decision based on MTUS',
    "Claim Administrator's guidelines:",
    'CLAIMS ADMINISTRATOR GUIDELINE:',
    'MAXIMUS guideline: Decision based on MTUS',
    "Expert Reviewer's guideline:",
    'Expert Reviewer guidelines:',
    'Reviewer guideline:',
    "Reviewer's guideline: none",
    'IMR guideline:',
    'Decision rationale: According to the guidelines',
    'DECISION RATIONALE:',
    'Medical Treatment Guideline(s) used by the Claims Administrator:',
    'Medical Treatment Guidelines used by the Expert Reviewer:',
    'Rationale for the Decision:',
    // Lines that begin with a filter word and are not headings or labels.
    'Medical records from 2013 were reviewed: none',
    'Claims of pain: Upheld',
    'Rationale: none',
    'Imrie Clinic notes',
    'Casey summary',
  ];

  it('finds every heading and label that trying every pattern finds, on every line of every fixture', () => {
    const lines = new Set(SAMPLES);
    for (const { text } of allLetters()) for (const line of text.split(/\r\n|\r|\n/)) lines.add(line.trim());
    for (const s of SAMPLES) {
      lines.add(s.toUpperCase());
      lines.add(s.toLowerCase());
    }
    let headings = 0;
    let labels = 0;
    for (const t of lines) {
      assert.strictEqual(headingAt(t), bruteHeading(t), JSON.stringify(t));
      assert.deepStrictEqual(partLabelAt(t), bruteLabel(t), JSON.stringify(t));
      if (bruteHeading(t)) headings++;
      if (bruteLabel(t)) labels++;
    }
    // The samples reach every pattern: a pattern no line matches would test nothing.
    for (const h of HEADINGS)
      assert.ok(
        [...lines].some((t) => h.re.test(t)),
        `no sample for ${h.re}`,
      );
    for (const p of PART_LABELS)
      assert.ok(
        [...lines].some((t) => p.re.test(t)),
        `no sample for ${p.re}`,
      );
    assert.ok(headings > 40 && labels > 40, `${headings} headings, ${labels} labels`);
  });
});
