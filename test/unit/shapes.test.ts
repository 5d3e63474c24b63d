// The objects that keep the model's hidden classes alive (engine/shapes.ts): the sample letter they
// are built from, and what they are for, that a full garbage collection after the last model died
// does not throw away the parser's optimized code.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { checkLetter } from '../../server/src/engine/check';
import { parseLetter } from '../../server/src/engine/parse';
import { SAMPLE_LETTER } from '../../server/src/engine/shapes';
import { allLetters } from './helpers';

describe('the sample letter kept for its shapes', () => {
  // Expectations written from the sample's text in shapes.ts: it must make the parser build every
  // kind of object it builds for real letters, or the classes it leaves out are not kept.
  const doc = parseLetter(SAMPLE_LETTER);

  it('is one letter with a case number, reviewer credentials and three sections', () => {
    assert.strictEqual(doc.letters.length, 1);
    const letter = doc.letters[0];
    assert.strictEqual(letter.caseNumber, 'CM00-000000');
    assert.deepStrictEqual(
      letter.sections.map((s) => s.kind),
      ['determination', 'summary', 'decisions'],
    );
    assert.deepStrictEqual(letter.reviewer?.specialties, ['Orthopedic Surgery']);
    assert.deepStrictEqual(letter.reviewer?.licensure, ['California']);
  });

  it('has an overturned item with a wrapped outcome, an upheld one, and one cut short', () => {
    const items = doc.letters[0].items;
    assert.deepStrictEqual(
      items.map((i) => [i.name, i.outcome.kind, i.parts.map((p) => p.kind).join(' ')]),
      [
        ['SAMPLE MEDICATION 10MG #60', 'overturned', 'claims-administrator-guideline reviewer-guideline rationale'],
        ['PHYSICAL THERAPY X 6 VISITS', 'upheld', 'claims-administrator-guideline reviewer-guideline rationale'],
        ['SAMPLE DEVICE', 'upheld', 'claims-administrator-guideline'],
      ],
    );
    assert.deepStrictEqual(
      items.map((i) => i.conclusion.kind),
      ['medically-necessary', 'not-medically-necessary', 'not-stated'],
    );
  });

  it('cites MTUS, ODG and ACOEM, in guideline parts and in a rationale', () => {
    const cited = doc.letters[0].items.flatMap((i) => i.citations.map((c) => `${c.source} ${c.part}`));
    assert.deepStrictEqual(cited, [
      'MTUS claims-administrator-guideline',
      'ODG reviewer-guideline',
      'MTUS rationale',
      'ODG rationale',
      'ACOEM claims-administrator-guideline',
    ]);
  });

  it('has findings, as a half-written letter does', () => {
    assert.deepStrictEqual(
      checkLetter(doc).map((f) => f.code),
      ['missing-rationale', 'missing-reviewer-guideline', 'missing-claims-administrator-guideline'],
    );
  });
});

describe('the parser after a full garbage collection', function () {
  this.timeout(60_000);

  it('keeps its optimized code once the models it was optimized for are gone', () => {
    // In a process of its own, traced by V8: parse an export of real letters until the parser is
    // optimized, drop every model, collect, and parse again. Code V8 throws away because the hidden
    // classes it was made for died is traced as "reason: weak objects".
    const engine = path.join(__dirname, '..', '..', 'server', 'src', 'engine', 'parse.js');
    const text = allLetters()
      .map((l) => l.text)
      .join('\n');
    const script = `
      const { parseLetter } = require(${JSON.stringify(engine)});
      const text = require('fs').readFileSync(0, 'utf8');
      for (let i = 0; i < 40; i++) parseLetter(text);
      console.log('=== collect');
      gc();
      parseLetter(text);
      console.log('=== done');`;
    const big = Array.from({ length: Math.ceil(600_000 / text.length) }, () => text).join('\n');
    const run = spawnSync(process.execPath, ['--expose-gc', '--trace-opt', '--trace-deopt', '-e', script], {
      input: big,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.strictEqual(run.status, 0, run.stderr);
    const [before, after] = run.stdout.split('=== collect');
    assert.ok(after?.includes('=== done'), 'the child process ran to its end');
    // Not a test of nothing: the parser was optimized before the collection.
    assert.match(before, /completed optimizing .*<JSFunction (?:splitLetters|decisionItems|LineTable)\b/);
    const thrownAway = after.split('\n').filter((line) => /reason: weak objects/.test(line));
    assert.deepStrictEqual(thrownAway, []);
  });
});
