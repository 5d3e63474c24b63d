// parseLetter on the real letters, and on the noise PDF extraction leaves in them. Every
// expectation here was written by reading the letter text in test/fixtures/letters/, not by
// running the parser.

import * as assert from 'assert';
import { checkLetter } from '../../server/src/engine/check';
import type { DisputedItem } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import {
  allLetters,
  EXPECTED,
  FIXTURES,
  items,
  letterText,
  PARTS,
  replaceOnce,
  singleSpaced,
  slice,
  summary,
  toCrlf,
  written,
} from './helpers';

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
