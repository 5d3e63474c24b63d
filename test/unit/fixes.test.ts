// The repairs, applied to real letters made malformed (test/fixtures/malformed/README.md): each
// one's edit makes the targeted diagnostic go and brings no new one, in the letter's own spacing.

import * as assert from 'assert';
import { checkLetter, DiagnosticCode, Finding } from '../../server/src/engine/check';
import {
  applyEdits,
  Fix,
  fixAll,
  fixAllApplies,
  fixAllEdits,
  fixAllResult,
  fixesFor,
  nearestOutcome,
  paragraphBreak,
} from '../../server/src/engine/fixes';
import { editDistance } from '../../server/src/engine/editDistance';
import type { LetterDocument } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { FIXTURES, fixtureText, letterText, MALFORMED, replaceOnce, toCrlf } from './helpers';

function load(name: string): { text: string; doc: LetterDocument; findings: Finding[] } {
  const text = fixtureText('malformed', name);
  const doc = parseLetter(text);
  return { text, doc, findings: checkLetter(doc) };
}

function codes(text: string): DiagnosticCode[] {
  return checkLetter(parseLetter(text)).map((f) => f.code);
}

/** The fixture holds exactly the one problem it is named for. */
function only(
  name: string,
  code: DiagnosticCode,
): { text: string; doc: LetterDocument; finding: Finding; fixes: Fix[] } {
  const { text, doc, findings } = load(name);
  assert.deepStrictEqual(
    findings.map((f) => f.code),
    [code],
    `${name} holds exactly one ${code}`,
  );
  return { text, doc, finding: findings[0], fixes: fixesFor(doc, findings[0]) };
}

function apply(text: string, fix: Fix): string {
  assert.ok(fix.edits.length > 0, `${fix.title} has an edit`);
  return applyEdits(text, fix.edits);
}

function titles(fixes: Fix[]): string[] {
  return fixes.map((f) => (f.preferred ? '* ' : '') + f.title);
}

/**
 * A repair that leaves a placeholder leaves one problem: the same code, squiggling exactly the
 * placeholder. Written over, the letter is clean. Returns the letter with `written` in its place.
 */
function placeholderStays(fixed: string, code: DiagnosticCode, placeholder: string, written: string): string {
  const findings = checkLetter(parseLetter(fixed));
  assert.deepStrictEqual(
    findings.map((f) => f.code),
    [code],
    'the placeholder is a problem of the same code',
  );
  const [finding] = findings;
  assert.strictEqual(fixed.slice(finding.range.start, finding.range.end), placeholder);
  assert.match(finding.message, /still the placeholder|with the placeholder/);
  const written_ = fixed.slice(0, finding.range.start) + written + fixed.slice(finding.range.end);
  assert.deepStrictEqual(codes(written_), [], 'clean once the placeholder is written over');
  return written_;
}

describe('fixesFor', () => {
  it('unknown-decision: a typo becomes the nearest outcome; the repaired letter is the original letter', () => {
    const { text, fixes } = only('unknown-outcome-typo.txt', 'unknown-decision');
    assert.deepStrictEqual(titles(fixes), [
      '* Change "Uphled" to "Upheld" (the rationale concludes: not medically necessary)',
    ]);
    const fixed = apply(text, fixes[0]);
    assert.strictEqual(fixed, letterText(FIXTURES.familyPractice));
    assert.deepStrictEqual(codes(fixed), []);
  });

  it('unknown-decision: "overturn" becomes "Overturned"', () => {
    const { text, fixes } = only('unknown-outcome-overturn.txt', 'unknown-decision');
    assert.deepStrictEqual(titles(fixes), [
      '* Change "overturn" to "Overturned" (the rationale concludes: medically necessary)',
    ]);
    const fixed = apply(text, fixes[0]);
    assert.ok(fixed.includes('Refill of Xanax 1mg, QTY: 90:  Overturned \n'));
    assert.deepStrictEqual(codes(fixed), []);
    assert.strictEqual(parseLetter(fixed).letters[0].items[0].outcome.kind, 'overturned');
  });

  it('unknown-decision: a word near neither outcome gets one action per outcome, the rationale deciding which is preferred', () => {
    const text = replaceOnce(letterText(FIXTURES.xanaxRefill), 'QTY: 90:  Upheld', 'QTY: 90:  Modified');
    const doc = parseLetter(text);
    const [finding] = checkLetter(doc);
    assert.strictEqual(finding.code, 'unknown-decision');
    const fixes = fixesFor(doc, finding);
    assert.deepStrictEqual(titles(fixes), [
      '* Change "Modified" to "Upheld" (the rationale concludes: not medically necessary)',
      'Change "Modified" to "Overturned"',
    ]);
    assert.deepStrictEqual(codes(apply(text, fixes[0])), []);
    // The other choice is a real outcome too; it contradicts the rationale, which the letter then says.
    assert.deepStrictEqual(codes(apply(text, fixes[1])), ['decision-contradicts-rationale']);
  });

  it('unknown-decision: a clear typo that disagrees with the rationale offers both, neither preferred', () => {
    const text = replaceOnce(letterText(FIXTURES.xanaxRefill), 'QTY: 90:  Upheld', 'QTY: 90:  OVERTURNDE.');
    const doc = parseLetter(text);
    const fixes = fixesFor(doc, checkLetter(doc)[0]);
    assert.deepStrictEqual(titles(fixes), [
      'Change "OVERTURNDE." to "OVERTURNED."',
      'Change "OVERTURNDE." to "UPHELD." (the rationale concludes: not medically necessary)',
    ]);
  });

  it("nearestOutcome: typos and reviewers' words, and nothing for a word near neither", () => {
    assert.strictEqual(nearestOutcome('Uphled'), 'Upheld');
    assert.strictEqual(nearestOutcome('Uphold'), 'Upheld');
    assert.strictEqual(nearestOutcome('UPHEL.'), 'Upheld');
    assert.strictEqual(nearestOutcome('overturn'), 'Overturned');
    assert.strictEqual(nearestOutcome('Overtruned'), 'Overturned');
    assert.strictEqual(nearestOutcome('Approved'), 'Overturned');
    assert.strictEqual(nearestOutcome('Denied'), 'Upheld');
    assert.strictEqual(nearestOutcome('Modified'), undefined);
    assert.strictEqual(nearestOutcome('Pending'), undefined);
    // A word that names a property of every object is no synonym.
    assert.strictEqual(nearestOutcome('constructor'), undefined);
    assert.strictEqual(nearestOutcome('toString'), undefined);
    assert.strictEqual(editDistance('uphled', 'upheld'), 2);
  });

  it('missing-decision: one action per outcome, the one the rationale supports preferred', () => {
    const { text, fixes } = only('missing-outcome.txt', 'missing-decision');
    assert.deepStrictEqual(titles(fixes), [
      '* Add the outcome "Upheld" (the rationale concludes: not medically necessary)',
      'Add the outcome "Overturned"',
    ]);
    const upheld = apply(text, fixes[0]);
    assert.ok(upheld.includes('\nXANAX 0.5MG #90: Upheld \n'), 'appended after the colon that is already there');
    assert.deepStrictEqual(codes(upheld), []);
    const overturned = apply(text, fixes[1]);
    assert.ok(overturned.includes('\nXANAX 0.5MG #90: Overturned \n'));
    assert.deepStrictEqual(codes(overturned), ['decision-contradicts-rationale']);
  });

  it('missing-decision: an item line without a colon gets ": Upheld"', () => {
    const text = replaceOnce(letterText(FIXTURES.psychiatry), 'XANAX 0.5MG #90:  Upheld', 'XANAX 0.5MG #90');
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['missing-decision'],
    );
    const fixed = apply(text, fixesFor(doc, findings[0])[0]);
    assert.ok(fixed.includes('\nXANAX 0.5MG #90: Upheld \n'));
    assert.deepStrictEqual(codes(fixed), []);
  });

  it('missing-decision: an item without a decision line gets one, with a placeholder for the item, above its first part', () => {
    const text = replaceOnce(letterText(FIXTURES.psychiatry), 'XANAX 0.5MG #90:  Upheld \n\n \n\n', '');
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['missing-decision'],
    );
    const fixes = fixesFor(doc, findings[0]);
    assert.deepStrictEqual(titles(fixes), [
      '* Add a decision line "[state the disputed item]: Upheld" (the rationale concludes: not medically necessary)',
      'Add a decision line "[state the disputed item]: Overturned"',
    ]);
    assert.strictEqual(fixes[0].placeholder, '[state the disputed item]');
    const fixed = apply(text, fixes[0]);
    assert.ok(
      fixed.includes(
        'medically necessary. \n\n \n\n[state the disputed item]: Upheld\n\n \n\nClaims Administrator guideline: The Claims Administrator did not base',
      ),
    );
    assert.deepStrictEqual(
      parseLetter(fixed).letters[0].items.map((i) => i.name),
      ['PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS', '[state the disputed item]'],
    );
    const written = placeholderStays(fixed, 'missing-decision', '[state the disputed item]', 'XANAX 0.5MG #90');
    assert.strictEqual(
      written,
      letterText(FIXTURES.psychiatry).replace('XANAX 0.5MG #90:  Upheld \n', 'XANAX 0.5MG #90: Upheld\n'),
    );
  });

  it('missing-rationale: inserts "Decision rationale:" with a placeholder after the guidelines, as its own paragraph', () => {
    const { text, fixes } = only('missing-rationale.txt', 'missing-rationale');
    assert.deepStrictEqual(titles(fixes), ['* Insert "Decision rationale:"']);
    const fixed = apply(text, fixes[0]);
    assert.ok(
      fixed.includes(
        'Guidelines (ODG); Mental Illness Chapter, Benzodiazepines.\n\n \n\nDecision rationale: [state the decision rationale] \n',
      ),
    );
    const item = parseLetter(fixed).letters[0].items[0];
    assert.deepStrictEqual(
      item.parts.map((p) => p.kind),
      ['claims-administrator-guideline', 'reviewer-guideline', 'rationale'],
    );
    assert.strictEqual(item.rationale!.text, '[state the decision rationale]');
    assert.strictEqual(
      item.reviewerGuideline!.text,
      'Decision based on MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG); Mental Illness Chapter, Benzodiazepines.',
    );
    placeholderStays(fixed, 'missing-rationale', '[state the decision rationale]', 'Xanax is not recommended.');
  });

  it('missing-reviewer-guideline: inserts "MAXIMUS guideline:" between the claims administrator guideline and the rationale', () => {
    const { text, fixes } = only('missing-reviewer-guideline.txt', 'missing-reviewer-guideline');
    assert.deepStrictEqual(titles(fixes), ['* Insert "MAXIMUS guideline:"']);
    const fixed = apply(text, fixes[0]);
    assert.ok(
      fixed.includes(
        'OFFICIAL DISABILITY GUIDELINES\n\n \n\nMAXIMUS guideline: [state the guideline source] \n\n \n\nDecision rationale: According to the guidelines, BuSpar',
      ),
    );
    const doc = parseLetter(fixed);
    assert.strictEqual(doc.doubleSpaced, true);
    const buspar = doc.letters[0].items[1];
    assert.deepStrictEqual(
      buspar.parts.map((p) => p.kind),
      ['claims-administrator-guideline', 'reviewer-guideline', 'rationale'],
    );
    assert.strictEqual(buspar.reviewerGuideline!.text, '[state the guideline source]');
    placeholderStays(fixed, 'missing-reviewer-guideline', '[state the guideline source]', 'Decision based on ODG.');
  });

  it("keeps CRLF: the inserted part uses the letter's line ending only", () => {
    const { text, fixes } = only('missing-reviewer-guideline-crlf.txt', 'missing-reviewer-guideline');
    const insert = fixes[0].edits[0].newText;
    assert.strictEqual(insert, '\r\n\r\n \r\n\r\nMAXIMUS guideline: [state the guideline source]');
    const fixed = apply(text, fixes[0]);
    assert.ok(!/[^\r]\n/.test(fixed) && !/\r(?!\n)/.test(fixed), 'every line break is CRLF');
    placeholderStays(fixed, 'missing-reviewer-guideline', '[state the guideline source]', 'Decision based on ODG.');
    assert.strictEqual(
      fixed,
      toCrlf(
        apply(
          fixtureText('malformed', 'missing-reviewer-guideline.txt'),
          only('missing-reviewer-guideline.txt', 'missing-reviewer-guideline').fixes[0],
        ),
      ),
    );
  });

  it('keeps single spacing: the inserted part is set off by one blank line', () => {
    const { text, fixes } = only('missing-reviewer-guideline-single-spaced.txt', 'missing-reviewer-guideline');
    const fixed = apply(text, fixes[0]);
    assert.ok(
      fixed.includes(
        'TREATMENT GUIDELINES, BENZODIAZEPINES,\n\nMAXIMUS guideline: [state the guideline source] \n \nDecision rationale: The patient has been on Xanax',
      ),
    );
    const doc = parseLetter(fixed);
    assert.strictEqual(doc.doubleSpaced, false);
    placeholderStays(fixed, 'missing-reviewer-guideline', '[state the guideline source]', 'Decision based on ODG.');
  });

  it('missing-claims-administrator-guideline: inserts it first, before the reviewer guideline, in a letter whose outcome wrapped', () => {
    const { text, fixes } = only(
      'missing-claims-administrator-guideline.txt',
      'missing-claims-administrator-guideline',
    );
    assert.deepStrictEqual(titles(fixes), ['* Insert "Claims Administrator guideline:"']);
    const fixed = apply(text, fixes[0]);
    assert.ok(
      fixed.includes(
        '6 sessions: \nUpheld \n\n\n\nClaims Administrator guideline: [state the claims administrator guideline]\n\nMAXIMUS guideline: Decision based on MTUS Stress-Related',
      ),
    );
    const item = parseLetter(fixed).letters[0].items[0];
    assert.deepStrictEqual(
      item.parts.map((p) => p.kind),
      ['claims-administrator-guideline', 'reviewer-guideline', 'rationale'],
    );
    assert.strictEqual(item.outcome.kind, 'upheld');
    placeholderStays(
      fixed,
      'missing-claims-administrator-guideline',
      '[state the claims administrator guideline]',
      'Decision based on MTUS.',
    );
  });

  it('an empty part gets the placeholder after its label', () => {
    const text = replaceOnce(
      letterText(FIXTURES.psychiatry),
      'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence \n\nfor its decision.   ',
      'Claims Administrator guideline:',
    );
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['missing-claims-administrator-guideline'],
    );
    const fixes = fixesFor(doc, findings[0]);
    assert.deepStrictEqual(titles(fixes), ['* Fill in the empty claims administrator guideline']);
    assert.strictEqual(fixes[0].placeholder, '[state the claims administrator guideline]');
    const fixed = apply(text, fixes[0]);
    assert.ok(fixed.includes('Claims Administrator guideline: [state the claims administrator guideline]\n'));
    placeholderStays(
      fixed,
      'missing-claims-administrator-guideline',
      '[state the claims administrator guideline]',
      'The Claims Administrator did not cite any medical evidence for its decision.',
    );
    // Fix All never writes a placeholder: the empty part stays for the user.
    assert.strictEqual(fixAll(doc, findings), text);
  });

  it('an item with no parts at all gets all three in order, one quick fix at a time; Fix All inserts none', () => {
    const text = letterText(FIXTURES.xanaxRefill);
    const doc0 = parseLetter(text);
    const item = doc0.letters[0].items[0];
    // Keep only the decision line: the item's parts go, the blank lines after it stay.
    const stripped = text.slice(0, item.decisionRange.end) + text.slice(item.range.end);
    const doc = parseLetter(stripped);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(findings.map((f) => f.code).sort(), [
      'missing-claims-administrator-guideline',
      'missing-rationale',
      'missing-reviewer-guideline',
    ]);
    assert.strictEqual(fixAll(doc, findings), stripped, 'Fix All writes no placeholder');
    // The rationale first, then the claims administrator guideline, then the reviewer's: each lands in its place.
    let fixed = stripped;
    for (const code of ['missing-rationale', 'missing-claims-administrator-guideline', 'missing-reviewer-guideline']) {
      const d = parseLetter(fixed);
      const finding = checkLetter(d).find((f) => f.code === code)!;
      fixed = apply(fixed, fixesFor(d, finding)[0]);
    }
    assert.ok(
      fixed.includes(
        'Refill of Xanax 1mg, QTY: 90:  Upheld\n\n \n\nClaims Administrator guideline: [state the claims administrator guideline]\n\n \n\nMAXIMUS guideline: [state the guideline source]\n\n \n\nDecision rationale: [state the decision rationale] \n',
      ),
    );
    // Each placeholder is still its part's problem.
    const left = checkLetter(parseLetter(fixed));
    assert.deepStrictEqual(
      left.map((f) => [f.code, fixed.slice(f.range.start, f.range.end)]),
      [
        ['missing-rationale', '[state the decision rationale]'],
        ['missing-reviewer-guideline', '[state the guideline source]'],
        ['missing-claims-administrator-guideline', '[state the claims administrator guideline]'],
      ],
    );
  });

  it('decision-contradicts-rationale: changes the outcome to the one the rationale supports, or goes to the rationale', () => {
    const { text, fixes, finding } = only('outcome-contradicts-rationale.txt', 'decision-contradicts-rationale');
    assert.deepStrictEqual(titles(fixes), [
      '* Change the outcome to "Upheld" (the rationale concludes: not medically necessary)',
      "Go to the rationale's conclusion",
    ]);
    assert.strictEqual(apply(text, fixes[0]), letterText(FIXTURES.psychiatry));
    const goTo = fixes[1];
    assert.deepStrictEqual(goTo.edits, []);
    assert.deepStrictEqual(goTo.reveal, finding.related!.range);
    assert.match(text.slice(goTo.reveal!.start, goTo.reveal!.end), /^not be considered as\s+medically necessary$/);
  });

  it('decision-contradicts-rationale in a 2013 notice: the decision sentence gains or loses its "not"', () => {
    // The 2013 layout of /work/shared/notes/letter-formats.md, reduced to one item.
    const text = [
      'MAXIMUS FEDERAL SERVICES, INC.',
      'Notice of Independent Medical Review Determination',
      '',
      'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
      '1) MAXIMUS Federal Services, Inc. has determined the request for physical therapy 12 sessions is medically necessary and appropriate.',
      '',
      '1) Regarding the request for physical therapy 12 sessions:',
      'Medical Treatment Guideline(s) used by the Claims Administrator:',
      'The Claims Administrator based its decision on the MTUS.',
      'Medical Treatment Guideline(s) used by the Expert Reviewer:',
      'The Expert Reviewer based the decision on the MTUS Chronic Pain Medical Treatment Guidelines, page 99.',
      'Rationale for the Decision:',
      'The patient already had 24 sessions. The request is not medically necessary.',
      '',
    ].join('\n');
    const doc = parseLetter(text);
    assert.strictEqual(doc.letters[0].layout, 'notice-2013');
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['decision-contradicts-rationale'],
    );
    const fixes = fixesFor(doc, findings[0]);
    assert.deepStrictEqual(titles(fixes), [
      '* Change the outcome to "Upheld" (the rationale concludes: not medically necessary)',
      "Go to the rationale's conclusion",
    ]);
    const fixed = apply(text, fixes[0]);
    assert.ok(
      fixed.includes('the request for physical therapy 12 sessions is not medically necessary and appropriate.'),
    );
    assert.deepStrictEqual(codes(fixed), []);
    assert.strictEqual(parseLetter(fixed).letters[0].items[0].outcome.kind, 'upheld');
  });

  it('duplicate-item: goes to the first occurrence, or removes the duplicate block with its blank lines', () => {
    const { text, fixes, doc } = only('duplicate-item.txt', 'duplicate-item');
    assert.deepStrictEqual(titles(fixes), ['Go to the first occurrence', '* Remove this duplicate item']);
    const first = doc.letters[0].items[1];
    assert.deepStrictEqual(fixes[0].reveal, first.nameRange);
    assert.strictEqual(text.slice(fixes[0].reveal!.start, fixes[0].reveal!.end), 'XANAX 0.5MG #90');
    const fixed = apply(text, fixes[1]);
    assert.strictEqual(fixed, letterText(FIXTURES.psychiatry));
  });

  it('duplicate-item: a duplicate in the middle of the letter goes with the blank lines after it, leaving the original', () => {
    const original = letterText(FIXTURES.familyPractice);
    const lexapro = original.slice(
      original.indexOf('Lexapro 20mg, 1 daily'),
      original.indexOf('Buspar 15mg, 1 three times'),
    );
    const xanax = original.indexOf('Xanax 2mg, 1 twice a day');
    const text = original.slice(0, xanax) + lexapro + original.slice(xanax);
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.itemIndex]),
      [['duplicate-item', 2]],
    );
    const remove = fixesFor(doc, findings[0]).find((f) => f.preferred)!;
    assert.strictEqual(apply(text, remove), original);
  });

  it('duplicate-item: a duplicate that differs from the first is not removed by Fix All', () => {
    const { text } = load('duplicate-item.txt');
    const last = text.lastIndexOf('XANAX 0.5MG #90:  Upheld');
    const changed = text.slice(0, last) + text.slice(last).replace('cites 4 weeks', 'cites 2 weeks');
    const doc = parseLetter(changed);
    const fixes = fixesFor(doc, checkLetter(doc)[0]);
    assert.deepStrictEqual(titles(fixes), [
      'Go to the first occurrence',
      'Remove this duplicate item (it differs from the first occurrence)',
    ]);
    assert.deepStrictEqual(fixAllEdits(doc, checkLetter(doc)), []);
    assert.deepStrictEqual(codes(apply(changed, fixes[1])), []);
  });

  it('no-disputed-items and a clean letter get no fixes', () => {
    const doc = parseLetter(letterText(FIXTURES.familyPractice));
    assert.deepStrictEqual(checkLetter(doc), []);
    assert.deepStrictEqual(fixAllEdits(doc, []), []);
    const none = parseLetter(
      'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nNothing here.\n',
    );
    const findings = checkLetter(none);
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ['no-disputed-items'],
    );
    assert.deepStrictEqual(fixesFor(none, findings[0]), []);
  });

  it('paragraphBreak follows the letter: blank line, blank + space line + blank, CRLF', () => {
    assert.strictEqual(paragraphBreak(parseLetter(letterText(FIXTURES.wrappedOutcome))), '\n\n');
    assert.strictEqual(paragraphBreak(parseLetter(letterText(FIXTURES.psychiatry))), '\n\n \n\n');
    assert.strictEqual(paragraphBreak(parseLetter(toCrlf(letterText(FIXTURES.psychiatry)))), '\r\n\r\n \r\n\r\n');
  });
});

describe('every fix on every malformed fixture', () => {
  for (const [name, code] of MALFORMED) {
    it(`${name}: the preferred fix leaves a letter that reads as before, clean once any placeholder is written over; Fix All only where allowed`, () => {
      const { text, doc, fixes } = only(name, code);
      const preferred = fixes.filter((f) => f.preferred);
      assert.strictEqual(preferred.length, 1, 'one preferred fix');
      const fix = preferred[0];
      let fixed = apply(text, fix);
      if (fix.placeholder !== undefined) {
        assert.ok(fix.edits[0].newText.includes(fix.placeholder), 'the placeholder is in the inserted text');
        fixed = placeholderStays(fixed, code, fix.placeholder, 'Written by the reviewer.');
      } else assert.deepStrictEqual(codes(fixed), []);
      const after = parseLetter(fixed);
      const kept = doc.letters[0].items.filter((_, i) => !(code === 'duplicate-item' && i === 2));
      assert.deepStrictEqual(
        after.letters[0].items.map((i) => i.name),
        kept.map((i) => i.name),
      );
      assert.strictEqual(after.eol, doc.eol);
      assert.strictEqual(after.doubleSpaced, doc.doubleSpaced);
      // Fix All does the same where its rule allows it; never where the repair decides the item or leaves a placeholder.
      assert.strictEqual(fixAll(doc, checkLetter(doc)), fixAllApplies(code) ? apply(text, fix) : text);
      if (fix.placeholder !== undefined) assert.strictEqual(fixAllApplies(code), false);
    });
  }
});

describe('Fix All', () => {
  it('repairs what is unambiguous and complete, and leaves decisions and missing parts to the user', () => {
    let text = letterText(FIXTURES.familyPractice);
    text = replaceOnce(
      text,
      '12 months: Upheld \n\n \n\nClaims Administrator guideline: Decision based on MTUS',
      '12 months: Uphled \n\n \n\nClaims Administrator guideline: Decision based on MTUS',
    );
    text = replaceOnce(
      text,
      'Lexapro 20mg, 1 daily for 12 months: Upheld',
      'Lexapro 20mg, 1 daily for 12 months: Overturned',
    );
    text = replaceOnce(
      text,
      'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.  \n\nDecision based on Non-MTUS Citation National guidelines for Anxiety Disorders \n\n \n\n',
      '',
    );
    text = replaceOnce(
      text,
      'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence \n\nfor its decision.   \n\n \n\n',
      '',
    );
    const doc = parseLetter(text);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(findings.map((f) => f.code).sort(), [
      'decision-contradicts-rationale',
      'missing-claims-administrator-guideline',
      'missing-reviewer-guideline',
      'unknown-decision',
    ]);
    const result = fixAllResult(doc, findings);
    // The typo only: one fix, one edit.
    assert.deepStrictEqual(result.edits, [
      { range: findings.find((f) => f.code === 'unknown-decision')!.range, newText: 'Upheld' },
    ]);
    assert.strictEqual(result.fixed, 1);
    const fixed = applyEdits(text, result.edits);
    // The contradiction stays (changing a decision is the user's call), and so do the missing parts
    // (inserting them would leave placeholders in the letter without a word).
    assert.deepStrictEqual(codes(fixed).sort(), [
      'decision-contradicts-rationale',
      'missing-claims-administrator-guideline',
      'missing-reviewer-guideline',
    ]);
    const items = parseLetter(fixed).letters[0].items;
    assert.deepStrictEqual(
      items.map((i) => i.outcome.raw),
      ['Overturned', 'Upheld', 'Upheld', 'Upheld'],
    );
  });

  it('leaves what is ambiguous: an outcome with no stated conclusion is not guessed, a missing rationale not stamped in', () => {
    const { text } = load('missing-rationale.txt');
    const noOutcome = replaceOnce(text, 'Refill of Xanax 1mg, QTY: 90:  Upheld', 'Refill of Xanax 1mg, QTY: 90:');
    const doc = parseLetter(noOutcome);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(findings.map((f) => f.code).sort(), ['missing-decision', 'missing-rationale']);
    assert.deepStrictEqual(fixAllResult(doc, findings), { edits: [], fixed: 0 });
  });

  it('removes an identical duplicate and corrects a typo in the same letter, counting two fixes', () => {
    const { text } = load('duplicate-item.txt');
    const typo = replaceOnce(text, '6 MONTHS:  Upheld', '6 MONTHS:  Uphled');
    const doc = parseLetter(typo);
    const findings = checkLetter(doc);
    assert.deepStrictEqual(findings.map((f) => f.code).sort(), ['duplicate-item', 'unknown-decision']);
    const result = fixAllResult(doc, findings);
    assert.strictEqual(result.fixed, 2);
    assert.strictEqual(applyEdits(typo, result.edits), letterText(FIXTURES.psychiatry));
  });
});
