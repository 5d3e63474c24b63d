// The letter engine on the real letters. Every expectation here was written by reading the letter
// text in test/fixtures/letters/, not by running the parser.

import * as assert from 'assert';
import { checkLetter } from '../../server/src/engine/check';
import type { DisputedItem, LetterDocument } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { headingAt, partLabelAt } from '../../server/src/engine/parser/recognize';
import { HEADINGS, PART_LABELS } from '../../server/src/engine/vocabulary';
import { allLetters, FIXTURES, letterText, replaceOnce, singleSpaced, slice, toCrlf } from './helpers';

const PARTS = ['claims-administrator-guideline', 'reviewer-guideline', 'rationale'];

function items(doc: LetterDocument): DisputedItem[] {
  return doc.letters.flatMap((l) => l.items);
}

function summary(doc: LetterDocument): Array<[string, string]> {
  return items(doc).map((i) => [i.name, i.outcome.kind]);
}

/** The item text as it stands in the document, white space folded. */
function written(doc: LetterDocument, i: DisputedItem): string {
  return slice(doc, i.nameRange).replace(/\s+/g, ' ');
}

const EXPECTED: Record<string, Array<[string, string]>> = {
  [FIXTURES.psychiatry]: [
    ['PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS', 'upheld'],
    ['XANAX 0.5MG #90', 'upheld'],
  ],
  [FIXTURES.familyPractice]: [
    ['Lexapro 20mg, 1 daily for 12 months', 'upheld'],
    ['Buspar 15mg, 1 three times a day as needed for 12 months', 'upheld'],
    ['Xanax 2mg, 1 twice a day as needed for 12 months', 'upheld'],
    ['12 Sessions of medication management with a psychiatrist', 'upheld'],
  ],
  [FIXTURES.xanaxRefill]: [['Refill of Xanax 1mg, QTY: 90', 'upheld']],
  [FIXTURES.wrappedOutcome]: [
    ['Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions', 'upheld'],
  ],
};

describe('parseLetter on the real letters', () => {
  for (const { name, text } of allLetters()) {
    describe(name, () => {
      const doc = parseLetter(text);

      it('finds one standard letter with its three sections in order', () => {
        assert.strictEqual(doc.letters.length, 1);
        const letter = doc.letters[0];
        assert.strictEqual(letter.layout, 'standard');
        assert.deepStrictEqual(
          letter.sections.map((s) => s.kind),
          ['determination', 'summary', 'decisions'],
        );
        assert.strictEqual(slice(doc, letter.sections[2].heading), 'IMR ISSUES, DECISIONS AND RATIONALES');
      });

      it('finds every disputed item with its outcome', () => {
        assert.deepStrictEqual(summary(doc), EXPECTED[name]);
      });

      it('gives exact ranges: the name, the outcome word and the part labels as written', () => {
        for (const item of items(doc)) {
          assert.strictEqual(written(doc, item), item.name);
          assert.strictEqual(slice(doc, item.outcome.range), 'Upheld');
          assert.deepStrictEqual(
            item.parts.map((p) => p.kind),
            PARTS,
          );
          assert.deepStrictEqual(
            item.parts.map((p) => slice(doc, p.labelRange)),
            ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'],
          );
          assert.ok(item.range.start <= item.decisionRange.start && item.decisionRange.end <= item.range.end);
        }
      });

      it('reads every rationale as concluding "not medically necessary"', () => {
        for (const item of items(doc)) {
          assert.strictEqual(item.conclusion.kind, 'not-medically-necessary', item.name);
          assert.match(slice(doc, item.conclusion.range!), /not\b[\s\S]*medically\s+necessary$/);
        }
      });

      it('raises no finding', () => {
        assert.deepStrictEqual(checkLetter(doc), []);
      });
    });
  }

  it('000: reviewer credentials from the prose, and the odd "Non-MTUS Citation MTUS:" clause split by source', () => {
    const doc = parseLetter(letterText(FIXTURES.psychiatry));
    assert.deepStrictEqual(doc.letters[0].reviewer?.specialties, ['Psychiatry']);
    assert.deepStrictEqual(doc.letters[0].reviewer?.licensure, ['Illinois', 'Wisconsin']);
    assert.strictEqual(doc.doubleSpaced, true);
    const [sessions, xanax] = items(doc);
    assert.match(
      sessions.claimsAdministratorGuideline!.text,
      /^The Claims Administrator did not cite any medical evidence for its decision\.$/,
    );
    assert.deepStrictEqual(
      sessions.citations
        .filter((c) => c.part === 'reviewer-guideline')
        .map((c) => [c.source, c.document, c.mtus, c.pages]),
      [
        ['ACOEM', undefined, false, []],
        ['MTUS', 'CPMTG', false, ['24']],
      ],
    );
    const ca = xanax.citations.filter((c) => c.part === 'claims-administrator-guideline');
    assert.deepStrictEqual(
      ca.map((c) => [c.source, c.document, c.topic]),
      [['MTUS', 'CPMTG', 'BENZODIAZEPINES']],
    );
    // The rationale ends "...is not medically necessary according to the MTUS."
    assert.ok(xanax.citations.some((c) => c.part === 'rationale' && c.source === 'MTUS'));
  });

  it('001: MTUS pages and topics, ODG and an unnamed national guideline', () => {
    const doc = parseLetter(letterText(FIXTURES.familyPractice));
    const r = doc.letters[0].reviewer!;
    assert.deepStrictEqual(
      [r.specialties, r.subspecialties, r.licensure],
      [['Family Practice'], ['Preventative Medicine'], ['California']],
    );
    const [lexapro, buspar, xanax, sessions] = items(doc);
    const reviewer = (i: DisputedItem) => i.citations.filter((c) => c.part === 'reviewer-guideline');
    assert.deepStrictEqual(
      reviewer(lexapro).map((c) => [c.source, c.document, c.mtus, c.topic, c.pages]),
      [
        ['MTUS', 'CPMTG', true, 'Antidepressants', ['14']],
        ['ODG', undefined, false, 'Mental Disorders and Depression', []],
      ],
    );
    assert.deepStrictEqual(
      reviewer(buspar).map((c) => [c.source, c.mtus, c.topic]),
      [['other', false, 'National guidelines for Anxiety Disorders']],
    );
    assert.deepStrictEqual(
      xanax.citations.filter((c) => c.part === 'claims-administrator-guideline').map((c) => [c.source, c.pages]),
      [['MTUS', ['24']]],
    );
    assert.deepStrictEqual(
      reviewer(xanax).map((c) => [c.topic, c.pages]),
      [['Benzodiazepines', ['24']]],
    );
    assert.deepStrictEqual(
      reviewer(sessions).map((c) => [c.source, c.topic, c.pages]),
      [
        ['MTUS', 'Cognitive behavioral therapy', ['23']],
        ['ODG', 'Cognitive behavioral therapy and Office Visits', []],
      ],
    );
    // Each citation's range covers its text in the document.
    for (const c of items(doc).flatMap((i) => i.citations)) {
      assert.strictEqual(slice(doc, c.range).replace(/\s+/g, ' '), c.text);
    }
  });

  it('002: an item name holding a colon, and two sources in one non-MTUS clause', () => {
    const doc = parseLetter(letterText(FIXTURES.xanaxRefill));
    const [refill] = items(doc);
    const ca = refill.citations.filter((c) => c.part === 'claims-administrator-guideline');
    assert.deepStrictEqual(
      ca.map((c) => [c.source, c.topic]),
      [
        ['MTUS', 'Benzodiazepines'],
        ['ODG', 'Pain (Chronic), Methadone; Mental Illness & Stress'],
      ],
    );
    const mentions = refill.citations.filter((c) => c.part === 'rationale');
    assert.deepStrictEqual(mentions[0].text, 'MTUS Guidelines page 24');
    assert.deepStrictEqual(mentions[0].pages, ['24']);
    assert.ok(mentions.some((c) => c.source === 'ODG'));
  });

  it('004: the outcome wrapped onto its own line, a credentials block, MTUS sections and ACOEM chapter pages', () => {
    const text = letterText(FIXTURES.wrappedOutcome);
    const doc = parseLetter(text);
    assert.strictEqual(doc.doubleSpaced, false);
    const [item] = items(doc);
    const outcomeLine = text.slice(0, item.outcome.range.start).split('\n').length;
    const nameLine = text.slice(0, item.nameRange.start).split('\n').length;
    assert.strictEqual(outcomeLine, nameLine + 1);
    const r = doc.letters[0].reviewer!;
    assert.deepStrictEqual(r.specialties, ['Preventive Medicine', 'Occupational Medicine']);
    assert.deepStrictEqual(r.licensure, ['Texas', 'New York', 'California']);
    const [guideline] = item.citations.filter((c) => c.part === 'reviewer-guideline');
    assert.deepStrictEqual(
      [guideline.source, guideline.document, guideline.mtus, guideline.sections],
      ['MTUS', 'ACOEM', true, ['Follow-up']],
    );
    const chapter = item.citations.filter((c) => c.part === 'rationale');
    assert.strictEqual(chapter.length, 3);
    assert.deepStrictEqual(
      chapter.map((c) => [c.document, c.chapter, c.pages]),
      Array(3).fill(['ACOEM', '15', ['405']]),
    );
  });
});

describe('parseLetter on extraction noise', () => {
  for (const { name, text } of allLetters()) {
    it(`${name}: CRLF gives the same items, with ranges still exact`, () => {
      const crlf = parseLetter(toCrlf(text));
      assert.deepStrictEqual(summary(crlf), EXPECTED[name]);
      assert.strictEqual(crlf.eol, '\r\n');
      for (const item of items(crlf)) {
        assert.strictEqual(written(crlf, item), item.name);
        assert.strictEqual(slice(crlf, item.outcome.range), 'Upheld');
      }
      assert.deepStrictEqual(checkLetter(crlf), []);
    });

    it(`${name}: single-spaced gives the same items and parts`, () => {
      const doc = parseLetter(singleSpaced(text));
      assert.deepStrictEqual(summary(doc), EXPECTED[name]);
      assert.deepStrictEqual(
        items(doc).map((i) => i.parts.map((p) => p.text)),
        items(parseLetter(text)).map((i) => i.parts.map((p) => p.text)),
      );
      assert.deepStrictEqual(checkLetter(doc), []);
    });
  }

  it('ignores a page break, footer and page header inside an item', () => {
    const text = letterText(FIXTURES.familyPractice);
    const broken = replaceOnce(
      replaceOnce(
        text,
        'monitoring behavior and medication \n',
        'monitoring behavior and medication \n\n\fPage 2 of 3\n\nCM14-0123456\n\n',
      ),
      'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld \n',
      'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld \n\nPage 3 of 3\n\n',
    );
    const doc = parseLetter(broken);
    assert.deepStrictEqual(summary(doc), EXPECTED[FIXTURES.familyPractice]);
    const lexapro = items(doc)[0];
    assert.match(lexapro.rationale!.text, /monitoring behavior and medication response requires/);
    assert.doesNotMatch(lexapro.rationale!.text, /Page 2|CM14/);
    assert.deepStrictEqual(checkLetter(doc), []);
  });

  it('joins an item name wrapped over two lines before its outcome', () => {
    const text = replaceOnce(
      letterText(FIXTURES.wrappedOutcome),
      'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions: \nUpheld',
      'Psychotropic Med Management consultation, 1 time per month for 6 months,\n6 sessions: Upheld',
    );
    const doc = parseLetter(text);
    assert.deepStrictEqual(summary(doc), EXPECTED[FIXTURES.wrappedOutcome]);
    assert.strictEqual(written(doc, items(doc)[0]), items(doc)[0].name);
    assert.deepStrictEqual(checkLetter(doc), []);
  });

  it('reads curly quotes and tabs without losing items', () => {
    const text = letterText(FIXTURES.xanaxRefill).replace(/"/g, '\u201c').replace(/ {2}/g, '\t');
    const doc = parseLetter(text);
    assert.deepStrictEqual(summary(doc), EXPECTED[FIXTURES.xanaxRefill]);
  });

  it('splits several letters in one file', () => {
    const names = [FIXTURES.psychiatry, FIXTURES.familyPractice, FIXTURES.wrappedOutcome];
    const doc = parseLetter(names.map(letterText).join('\n\f\n'));
    assert.strictEqual(doc.letters.length, 3);
    assert.deepStrictEqual(
      doc.letters.map((l) => l.items.length),
      [2, 4, 1],
    );
    assert.deepStrictEqual(
      summary(doc),
      names.flatMap((n) => EXPECTED[n]),
    );
    for (let i = 1; i < doc.letters.length; i++) assert.ok(doc.letters[i - 1].range.end <= doc.letters[i].range.start);
    assert.deepStrictEqual(checkLetter(doc), []);
  });
});

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
    const text = [
      'MAXIMUS FEDERAL SERVICES, INC.',
      'Notice of Independent Medical Review Determination',
      '',
      'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
      '1) MAXIMUS Federal Services, Inc. has determined the request for physical therapy',
      'twice a week for six weeks is not medically necessary and appropriate.',
      '2) MAXIMUS Federal Services, Inc. has determined the request for a lumbar MRI is medically',
      'necessary and appropriate.',
      '',
      '1) Regarding the request for physical therapy twice a week for six weeks:',
      'Medical Treatment Guideline(s) used by the Claims Administrator:',
      'The Claims Administrator based its decision on the MTUS Chronic Pain Medical Treatment Guidelines, page 98-99.',
      'Medical Treatment Guideline(s) used by the Expert Reviewer:',
      'The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.',
      'Rationale for the Decision:',
      'The patient has completed 24 sessions without documented functional improvement. The request is not medically necessary and appropriate.',
      '',
      'Medical Qualifications of the Expert Reviewer:',
      'The expert reviewer is Board Certified in Orthopedic Surgery and is licensed to practice in California.',
    ].join('\n');
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
    const text = [
      'MEDICAL PROFESSIONAL REVIEW',
      '',
      'ISSUE AT DISPUTE:',
      'Lumbar epidural steroid injection at L4-L5.',
      '',
      'CASE SUMMARY:',
      'The applicant is a 44-year-old with chronic low back pain.',
      '',
      'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL',
      'REVIEWER AND WHY:',
      'MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections, page 46.',
      '',
      'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
      'There is no radiculopathy corroborated by imaging. The injection is not medically necessary.',
      '',
      'MEDICAL REVIEWER QUALIFICATIONS:',
      'Board Certified in Anesthesiology.',
    ].join('\n');
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
