// Each diagnostic rule (server/src/engine/rules/<code>.ts) on real letters: the malformed fixtures
// (test/fixtures/malformed/README.md says what was changed in each), with the message and the place
// each finding points at written from the letter's own text. Then the placeholders the repairs
// leave, which stay a problem of the same code until written over.

import * as assert from 'assert';
import { checkLetter, DEFAULT_SEVERITIES, DiagnosticCode, Finding, RULES } from '../../server/src/engine/check';
import { applyEdits, fixesFor } from '../../server/src/engine/fixes';
import { parseLetter } from '../../server/src/engine/parse';
import { quote } from '../../server/src/engine/rules/naming';
import { PARTS } from '../../server/src/engine/vocabulary';
import { createContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { FIXTURES, fixtureText, letterText, replaceOnce } from './helpers';

interface Expected {
  fixture: string;
  code: DiagnosticCode;
  message: string;
  /** The text the finding's range covers. */
  at: string;
  itemIndex?: number;
  related?: { at: RegExp; message: string };
}

/** One row per malformed fixture: what its one problem reads like. */
const EXPECTED: Expected[] = [
  {
    fixture: 'unknown-outcome-typo.txt',
    code: 'unknown-decision',
    message: '"Uphled" is not an IMR outcome: expected "Upheld" or "Overturned".',
    at: 'Uphled',
    itemIndex: 2,
  },
  {
    fixture: 'unknown-outcome-overturn.txt',
    code: 'unknown-decision',
    message: '"overturn" is not an IMR outcome: expected "Upheld" or "Overturned".',
    at: 'overturn',
    itemIndex: 0,
  },
  {
    fixture: 'missing-outcome.txt',
    code: 'missing-decision',
    message: 'The decision for "XANAX 0.5MG #90" has no outcome: expected "Upheld" or "Overturned".',
    at: 'XANAX 0.5MG #90',
    itemIndex: 1,
  },
  {
    fixture: 'missing-rationale.txt',
    code: 'missing-rationale',
    message: '"Refill of Xanax 1mg, QTY: 90" has no "Decision rationale:".',
    at: 'Refill of Xanax 1mg, QTY: 90',
    itemIndex: 0,
  },
  {
    fixture: 'missing-reviewer-guideline.txt',
    code: 'missing-reviewer-guideline',
    message:
      '"Buspar 15mg, 1 three times a day as needed for 12 months" has no "MAXIMUS guideline:": the decision states no guideline source.',
    at: 'Buspar 15mg, 1 three times a day as needed for 12 months',
    itemIndex: 1,
  },
  {
    fixture: 'missing-reviewer-guideline-single-spaced.txt',
    code: 'missing-reviewer-guideline',
    message: '"XANAX 0.5MG #90" has no "MAXIMUS guideline:": the decision states no guideline source.',
    at: 'XANAX 0.5MG #90',
    itemIndex: 1,
  },
  {
    // The item's 84-character name is shortened where a word ends ("month", not "month f").
    fixture: 'missing-claims-administrator-guideline.txt',
    code: 'missing-claims-administrator-guideline',
    message: '"Psychotropic Med Management consultation, 1 time per month…" has no "Claims Administrator guideline:".',
    at: 'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions',
    itemIndex: 0,
  },
  {
    fixture: 'outcome-contradicts-rationale.txt',
    code: 'decision-contradicts-rationale',
    message:
      '"PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS" is Overturned but its rationale concludes it is not medically necessary.',
    at: 'Overturned',
    itemIndex: 0,
    related: {
      at: /^not be considered as\s+medically necessary$/,
      message: 'The rationale concludes: not medically necessary.',
    },
  },
  {
    fixture: 'duplicate-item.txt',
    code: 'duplicate-item',
    message: '"XANAX 0.5MG #90" is decided twice in this letter.',
    at: 'XANAX 0.5MG #90',
    itemIndex: 2,
    related: { at: /^XANAX 0\.5MG #90$/, message: 'First decided here.' },
  },
];

function findingsOf(text: string): Finding[] {
  return checkLetter(parseLetter(text));
}

function covered(text: string, f: { range: { start: number; end: number } }): string {
  return text.slice(f.range.start, f.range.end);
}

describe('rules: each rule on the malformed letters', () => {
  for (const e of EXPECTED) {
    it(`${e.code} on ${e.fixture}`, () => {
      const text = fixtureText('malformed', e.fixture);
      const findings = findingsOf(text);
      assert.strictEqual(findings.length, 1, findings.map((f) => f.message).join('\n'));
      const [f] = findings;
      assert.strictEqual(f.code, e.code);
      assert.strictEqual(f.message, e.message);
      assert.strictEqual(covered(text, f), e.at);
      assert.strictEqual(f.letterIndex, 0);
      assert.strictEqual(f.itemIndex, e.itemIndex);
      if (e.related) {
        assert.ok(f.related);
        assert.match(text.slice(f.related.range.start, f.related.range.end), e.related.at);
        assert.strictEqual(f.related.message, e.related.message);
      } else assert.strictEqual(f.related, undefined);
    });
  }

  it('every rule that looks at items is exercised by a fixture above, and no-disputed-items by the letters below', () => {
    const exercised = new Set(EXPECTED.map((e) => e.code));
    assert.deepStrictEqual(
      RULES.map((r) => r.code).filter((c) => !exercised.has(c)),
      ['no-disputed-items'],
    );
  });

  it('no-disputed-items: letter 001 with its decisions taken out, and with its decisions heading gone too', () => {
    const text = letterText(FIXTURES.familyPractice);
    const letter = parseLetter(text).letters[0];
    const decisions = letter.decisions!;
    const emptied = text.slice(0, decisions.heading.end) + '\n\n' + text.slice(decisions.range.end);
    const [f, ...rest] = findingsOf(emptied);
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(f.code, 'no-disputed-items');
    assert.strictEqual(f.message, 'The decisions section holds no disputed items.');
    assert.strictEqual(covered(emptied, f), 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.strictEqual(f.itemIndex, undefined);
    assert.deepStrictEqual(fixesFor(parseLetter(emptied), f), [], 'what a letter decided is not guessed');

    const headless = replaceOnce(emptied, 'IMR ISSUES, DECISIONS AND RATIONALES', '');
    const [g] = findingsOf(headless);
    assert.strictEqual(g.code, 'no-disputed-items');
    assert.strictEqual(g.message, 'This letter has no decisions section ("IMR ISSUES, DECISIONS AND RATIONALES").');
  });

  it('the clean letters give no finding from any rule', () => {
    for (const name of Object.values(FIXTURES)) assert.deepStrictEqual(findingsOf(letterText(name)), [], name);
  });

  it('the records: codes unique, one-line descriptions, the defaults the README states', () => {
    const codes = RULES.map((r) => r.code);
    assert.strictEqual(new Set(codes).size, codes.length);
    for (const r of RULES) {
      assert.ok(!/\n/.test(r.description) && r.description.endsWith('.'), r.code);
      assert.ok(r.description.length <= 140, `${r.code}: ${r.description.length} characters`);
    }
    assert.deepStrictEqual(DEFAULT_SEVERITIES, {
      'missing-decision': 'error',
      'unknown-decision': 'error',
      'missing-rationale': 'error',
      'missing-reviewer-guideline': 'warning',
      'missing-claims-administrator-guideline': 'warning',
      'decision-contradicts-rationale': 'warning',
      'duplicate-item': 'warning',
      'no-disputed-items': 'warning',
    });
  });
});

describe('rules: placeholders stay a problem until written over', () => {
  const parts: Array<[string, DiagnosticCode, string]> = [
    ['missing-rationale.txt', 'missing-rationale', PARTS.rationale.placeholder],
    ['missing-reviewer-guideline.txt', 'missing-reviewer-guideline', PARTS['reviewer-guideline'].placeholder],
    [
      'missing-claims-administrator-guideline.txt',
      'missing-claims-administrator-guideline',
      PARTS['claims-administrator-guideline'].placeholder,
    ],
  ];
  for (const [fixture, code, placeholder] of parts) {
    it(`${code}: the inserted "${placeholder}" is reported by ${code}, at the severity of the missing part, whatever the setting`, () => {
      const text = fixtureText('malformed', fixture);
      const doc = parseLetter(text);
      const [missing] = checkLetter(doc);
      const [insert] = fixesFor(doc, missing);
      assert.strictEqual(insert.placeholder, placeholder);
      const fixed = applyEdits(text, insert.edits);
      const [left, ...rest] = findingsOf(fixed);
      assert.deepStrictEqual(rest, []);
      assert.strictEqual(left.code, code);
      assert.strictEqual(covered(fixed, left), placeholder);
      assert.strictEqual(left.itemIndex, missing.itemIndex);
      assert.strictEqual(
        left.message,
        `The ${{ 'missing-rationale': 'decision rationale', 'missing-reviewer-guideline': 'reviewer guideline', 'missing-claims-administrator-guideline': 'claims administrator guideline' }[code as string]} for ${quote(parseLetter(text).letters[0].items[missing.itemIndex!].name)} is still the placeholder "${placeholder}": write it in its place.`,
      );
      // As severe as the missing part, by default and as the user sets it: it is the same check.
      for (const settings of [undefined, { [code]: 'error' }, { [code]: 'hint' }]) {
        const before = diagnostics(createContext('file:///a.txt', 1, text, 'imr-letter'), settings);
        const after = diagnostics(createContext('file:///a.txt', 2, fixed, 'imr-letter'), settings);
        assert.strictEqual(after.length, 1);
        assert.strictEqual(after[0].severity, before[0].severity, JSON.stringify(settings));
      }
      assert.deepStrictEqual(
        diagnostics(createContext('file:///a.txt', 2, fixed, 'imr-letter'), { [code]: 'off' }),
        [],
      );
      // Written over, the part is there and the letter is clean.
      const typed = fixed.slice(0, left.range.start) + 'Decision based on MTUS.' + fixed.slice(left.range.end);
      assert.deepStrictEqual(findingsOf(typed), []);
    });
  }

  it('missing-decision: a decision line written with "[state the disputed item]" is reported at the placeholder until the item is named', () => {
    const text = replaceOnce(letterText(FIXTURES.psychiatry), 'XANAX 0.5MG #90:  Upheld \n\n \n\n', '');
    const doc = parseLetter(text);
    const [missing] = checkLetter(doc);
    assert.strictEqual(missing.code, 'missing-decision');
    const preferred = fixesFor(doc, missing).find((f) => f.preferred)!;
    const fixed = applyEdits(text, preferred.edits);
    const [left, ...rest] = findingsOf(fixed);
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(left.code, 'missing-decision');
    assert.strictEqual(covered(fixed, left), '[state the disputed item]');
    assert.strictEqual(
      left.message,
      'This decision line still names its item with the placeholder "[state the disputed item]": write the item as requested.',
    );
  });

  it('a placeholder in a part of another kind, or bracketed text of the letter, is no finding', () => {
    const text = letterText(FIXTURES.xanaxRefill);
    const inRationale = replaceOnce(text, 'Decision rationale: ', 'Decision rationale: [state the guideline source] ');
    assert.deepStrictEqual(findingsOf(inRationale), []);
    const bracketed = replaceOnce(text, 'Decision rationale: ', 'Decision rationale: [sic] ');
    assert.deepStrictEqual(findingsOf(bracketed), []);
  });
});

describe('rules: messages never cut a name mid-word', () => {
  it('a name up to 60 characters is quoted whole', () => {
    assert.strictEqual(quote('XANAX 0.5MG #90'), '"XANAX 0.5MG #90"');
    const sixty = 'Buspar 15mg, 1 three times a day as needed for 12 months ab';
    assert.strictEqual(quote(sixty.padEnd(60, 'c')), `"${sixty.padEnd(60, 'c')}"`);
    assert.strictEqual(quote(''), 'this item');
  });

  it('a longer one is shortened at the last word that fits, without a dangling comma, with an ellipsis', () => {
    // Letter 001's first item with its wording doubled (a wrapped name joined with the next line's text).
    assert.strictEqual(
      quote('Lexapro 20mg, 1 daily for 12 months, Lexapro 20mg, 1 daily for 12 months'),
      '"Lexapro 20mg, 1 daily for 12 months, Lexapro 20mg, 1 daily…"',
    );
    assert.strictEqual(
      quote('12 Sessions of medication management with a psychiatrist, monthly, for one year'),
      '"12 Sessions of medication management with a psychiatrist…"',
    );
  });
});
