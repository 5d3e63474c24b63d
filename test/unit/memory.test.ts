// The objects that keep the model's hidden classes alive (engine/memory.ts): the sample letter they
// are built from, and what they are for, that a full garbage collection after the last model died
// does not throw away the parser's optimized code.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { checkLetter } from '../../server/src/engine/check';
import { computeLineStarts } from '../../server/src/engine/lines';
import { lineStartsOf, parseLetter } from '../../server/src/engine/parse';
import { keptShapes, SAMPLE_LETTER } from '../../server/src/engine/memory';
import * as modelObjects from '../../server/src/engine/parser/modelObjects';
import { LineTable } from '../../server/src/engine/lineTable';
import { allLetters, layoutSamples } from './helpers';

describe('the sample letter kept for its shapes', () => {
  // Expectations written from the sample's text in memory.ts: it must make the parser build every
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

/** Every object reachable from `roots` through own data properties (getters are not run: reading a lazy value would change what is kept). */
function reachable(roots: readonly unknown[]): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    if (ArrayBuffer.isView(value) || typeof value === 'string') continue;
    seen.add(value);
    for (const key of Object.getOwnPropertyNames(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      if ('value' in d) stack.push(d.value);
    }
  }
  return seen;
}

/** The keys of `obj`'s lazy values: its own accessor properties. */
function lazyKeys(obj: object): string[] {
  return Object.getOwnPropertyNames(obj).filter((key) => Object.getOwnPropertyDescriptor(obj, key)!.get !== undefined);
}

/** An object's own properties in order, each a data property or an accessor: what its hidden class records. */
function shapeOf(obj: object): string[] {
  return Object.getOwnPropertyNames(obj).map((key) => {
    const d = Object.getOwnPropertyDescriptor(obj, key)!;
    return `${key}:${'value' in d ? 'data' : 'accessor'}:${d.enumerable ? 'e' : ''}${d.writable ? 'w' : ''}`;
  });
}

/** A class, as a constructor. */
type Class = abstract new (...args: never[]) => unknown;

/** The objects by their class, plain objects and arrays left out. */
function classes(objects: Iterable<object>): Map<Class, object[]> {
  const out = new Map<Class, object[]>();
  for (const o of objects) {
    const c = (Object.getPrototypeOf(o) as { constructor?: Class } | null)?.constructor;
    if (!c || c === (Object as unknown) || c === (Array as unknown)) continue;
    out.set(c, [...(out.get(c) ?? []), o]);
  }
  return out;
}

describe('the shapes kept (engine/memory.ts rule for a new model class)', () => {
  const kept = classes(reachable(keptShapes()));
  const exported = (Object.values(modelObjects) as unknown[]).filter(
    (v): v is Class => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v)),
  );

  it('hold an object of every class exported from parser/modelObjects.ts', () => {
    assert.deepStrictEqual(
      exported.map((c) => c.name).sort(),
      ['DocumentObject', 'ItemObject', 'LetterObject', 'PartObject'],
      'the model classes this test knows of',
    );
    for (const c of exported)
      assert.ok(kept.has(c), `no ${c.name} is kept: SAMPLE_LETTER must make the parser build one`);
  });

  it('hold every class with lazy values, and reading those values changes no object shape (lazy.ts)', () => {
    for (const name of ['PartObject', 'ItemObject', 'LetterObject']) {
      const objects = [...kept].find(([c]) => c.name === name)?.[1] ?? [];
      assert.ok(
        objects.some((o) => lazyKeys(o).length > 0),
        `a kept ${name} with lazy values`,
      );
    }
    // A getter that replaced itself on first read moved its object to another hidden class, one
    // the sample would have to keep too; a value read twice is computed once.
    const models = [...allLetters().map((l) => l.text), ...layoutSamples()].map((t) => parseLetter(t));
    const lazy = [...reachable(models)].filter((o) => lazyKeys(o).length > 0);
    const before = lazy.map(shapeOf);
    JSON.stringify(models);
    assert.deepStrictEqual(lazy.map(shapeOf), before);
    for (const o of lazy)
      for (const key of lazyKeys(o)) {
        const value = (o as Record<string, unknown>)[key];
        if (typeof value === 'object' && value !== null)
          assert.strictEqual((o as Record<string, unknown>)[key], value, `${key} read twice is one value`);
      }
    // Not a test of nothing: parts, items and letters of every layout.
    assert.deepStrictEqual([...new Set(lazy.map((o) => o.constructor.name))].sort(), [
      'ItemObject',
      'LetterObject',
      'PartObject',
    ]);
  });

  it('hold an object of every class found in the models of real letters of every layout', () => {
    // A class added anywhere (a layout module, a new stage) shows up here when a model holds it.
    const texts = [...allLetters().map((l) => l.text), ...layoutSamples()];
    const found = classes(reachable(texts.map((t) => parseLetter(t))));
    const layouts = new Set(texts.flatMap((t) => parseLetter(t).letters.map((l) => l.layout)));
    assert.deepStrictEqual([...layouts].sort(), [
      'case-header',
      'letterhead',
      'notice-2013',
      'professional-review',
      'standard',
    ]);
    for (const c of found.keys()) assert.ok(kept.has(c), `${c.name} is in a model but not among the kept shapes`);
  });
});

describe('the line arrays lent to one parse at a time (engine/memory.ts, 2)', () => {
  it('are read by no model after its parse: letters parsed one after another read as each read at once', () => {
    // Each model is read (every lazy value, through JSON) only after every other letter was parsed
    // with the same lent arrays: a value that read the parser's lines would read another letter's.
    const texts = [...new Set([...allLetters().map((l) => l.text), ...layoutSamples()])];
    const readAtOnce = texts.map((t) => JSON.stringify(parseLetter(t)));
    const models = texts.map((t) => parseLetter(t));
    assert.deepStrictEqual(
      models.map((m) => JSON.stringify(m)),
      readAtOnce,
    );
    models.forEach((m, i) => assert.deepStrictEqual(Array.from(lineStartsOf(m)!), computeLineStarts(texts[i])));
    // Not a test of nothing: eight different letters, so the arrays held other lines at each parse.
    assert.strictEqual(texts.length, 8);
  });

  it('go to one table at a time; a table built meanwhile, or too large for them, has arrays of its own', () => {
    const first = new LineTable(SAMPLE_LETTER, true);
    const meanwhile = new LineTable(SAMPLE_LETTER, true);
    assert.notStrictEqual(meanwhile.arrays, first.arrays);
    meanwhile.release();
    assert.notStrictEqual(new LineTable(SAMPLE_LETTER, true).arrays, first.arrays, 'still out');
    first.release();
    const again = new LineTable(SAMPLE_LETTER, true);
    assert.strictEqual(again.arrays, first.arrays, 'given back, lent again');
    again.release();
    // Short lines: more lines than the text's length foretold, and than the lent arrays hold.
    const many = 'a\n'.repeat(5000);
    const grown = new LineTable(many, true);
    assert.notStrictEqual(grown.arrays, first.arrays);
    assert.deepStrictEqual(Array.from(grown.starts), computeLineStarts(many));
    assert.strictEqual(grown.contentEnd[4999], 4999 * 2 + 1);
    grown.release();
    assert.strictEqual(new LineTable(SAMPLE_LETTER, true).arrays, first.arrays, 'given back when outgrown');
  });
});
