// reparseLetter: after an edit, the model must be exactly the one parseLetter gives for the new
// text; the letters the edit did not reach are taken from the previous model (the language server
// relies on this to keep a 10 MB file responsive while it is edited).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LetterDocument } from '../../server/src/engine/model';
import { partCitations } from '../../server/src/engine/lazy';
import { computeLineStarts } from '../../server/src/engine/lines';
import { lineStartsOf, parseLetter, reparseLetter } from '../../server/src/engine/parse';
import { allLetters, fixtureText, ROOT, toCrlf } from './helpers';

/** Deterministic pseudo-random numbers, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** Asserts equal models, pointing at the first difference of their JSON (key order included). */
function assertSameModel(actual: LetterDocument, expected: LetterDocument, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) return;
  let k = 0;
  while (a[k] === e[k]) k++;
  assert.fail(
    `${what}: reparseLetter differs from parseLetter at JSON offset ${k}:\n  reparse: ...${a.slice(Math.max(0, k - 120), k + 120)}\n  parse:   ...${e.slice(Math.max(0, k - 120), k + 120)}`,
  );
}

const SNIPPETS = [
  'x',
  '\n',
  '\n\n',
  ' \n',
  ':',
  ': Upheld',
  'Overturned',
  '\r\n',
  'HOW THE IMR FINAL DETERMINATION WAS MADE\n',
  'IMR ISSUES, DECISIONS AND RATIONALES\n',
  'Decision rationale: ',
  'Claims Administrator guideline: ',
  'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 24.\n',
  'Case Number: CM13-0001234\n',
  'is not medically necessary. ',
  'Page 2 of 5\n',
];

function malformedTexts(): string[] {
  const dir = path.join(ROOT, 'test', 'fixtures', 'malformed');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fixtureText('malformed', f));
}

describe('reparseLetter', () => {
  const letters = allLetters().map((l) => l.text);

  it('gives the model parseLetter gives, after each of 1,500 random edits to files of one to four letters', function () {
    this.timeout(60_000);
    const rnd = random(20240601);
    const bases = [...letters, ...malformedTexts()];
    let edits = 0;
    for (let round = 0; round < 60; round++) {
      // A file of up to four letters, sometimes with CRLF line breaks.
      let text = '';
      const count = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < count; k++) text += bases[Math.floor(rnd() * bases.length)] + (rnd() < 0.5 ? '\n' : '');
      if (rnd() < 0.2) text = toCrlf(text);
      let previous = parseLetter(text);
      for (let e = 0; e < 25; e++) {
        const at = Math.floor(rnd() * (text.length + 1));
        const removed = rnd() < 0.5 ? 0 : Math.floor(rnd() * (rnd() < 0.9 ? 40 : 2000));
        const inserted =
          rnd() < 0.3
            ? ''
            : rnd() < 0.1
              ? bases[Math.floor(rnd() * bases.length)]
              : SNIPPETS[Math.floor(rnd() * SNIPPETS.length)];
        const next = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
        const model = reparseLetter(next, previous);
        assertSameModel(
          model,
          parseLetter(next),
          `round ${round}, edit ${e} (at ${at}, removed ${removed}, inserted ${JSON.stringify(inserted.slice(0, 40))})`,
        );
        text = next;
        previous = model;
        edits++;
      }
    }
    assert.strictEqual(edits, 1500);
  });

  it('keeps the letters before an edit as they are and moves the ones after it', () => {
    const text = letters.join('\n');
    const before = parseLetter(text);
    assert.strictEqual(before.letters.length, letters.length);
    // Type one character into the case summary of the second letter.
    const second = before.letters[1];
    const at = second.sections.find((s) => s.kind === 'summary')!.body.start + 10;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const after = reparseLetter(next, before);
    assertSameModel(after, parseLetter(next), 'one character typed');
    assert.strictEqual(after.letters[0], before.letters[0], 'the first letter is the same object');
    assert.notStrictEqual(after.letters[1], before.letters[1], 'the edited letter is built again');
    for (let k = 2; k < letters.length; k++) {
      assert.notStrictEqual(after.letters[k], before.letters[k]);
      assert.strictEqual(
        after.letters[k].range.start,
        before.letters[k].range.start + 1,
        `letter ${k} moved by the character typed`,
      );
      assert.strictEqual(after.letters[k].items[0].name, before.letters[k].items[0].name);
    }
  });

  it("finds a moved part's own citations where they now are, read before the edit or not (partCitations: the outline)", () => {
    const text = letters.join('\n');
    const partsOf = (doc: LetterDocument) =>
      doc.letters.flatMap((l) => l.items.flatMap((i) => i.parts.map((p) => ({ i, p }))));
    const own = (doc: LetterDocument) => JSON.stringify(partsOf(doc).map(({ i, p }) => partCitations(i, p)));
    const at = parseLetter(text).letters[1].sections.find((s) => s.kind === 'summary')!.body.start + 10;
    const next = text.slice(0, at) + 'xyz' + text.slice(at);
    const fresh = parseLetter(next);
    assert.ok(
      partsOf(fresh).some(({ i, p }) => partCitations(i, p).length > 0),
      'the letters cite guidelines',
    );
    // Each part's citations are those of its item that lie in the part.
    for (const { i, p } of partsOf(fresh))
      assert.deepStrictEqual(
        partCitations(i, p),
        i.citations.filter((c) => c.part === p.kind && c.range.start >= p.range.start && c.range.end <= p.range.end),
      );
    const unread = parseLetter(text);
    assert.strictEqual(own(reparseLetter(next, unread)), own(fresh), 'found after the edit');
    const read = parseLetter(text);
    own(read);
    assert.strictEqual(own(reparseLetter(next, read)), own(fresh), 'found before the edit, then moved');
  });

  it('parses from scratch without a previous model, or with one of an unrelated text', () => {
    const text = letters.join('');
    assertSameModel(reparseLetter(text, undefined), parseLetter(text), 'no previous model');
    assertSameModel(reparseLetter(text, parseLetter('unrelated')), parseLetter(text), 'unrelated previous model');
    const single = toCrlf(letters[0]).replace(/(\r\n)(?:\r\n)+/g, '$1');
    assertSameModel(reparseLetter(single, parseLetter(letters[0])), parseLetter(single), 'double spacing changed');
  });

  it('builds every letter again once many letters were edited, so that old versions of the text are let go', () => {
    // 40 letters; edit 34 of them one after the other, from the last one back.
    const text = Array.from({ length: 40 }, (_, k) => letters[k % letters.length]).join('\n');
    let current = text;
    let model = parseLetter(current);
    assert.strictEqual(model.letters.length, 40);
    let lastReused = -1;
    for (let k = 0; k < 34; k++) {
      const at = model.letters[39 - k].sections.find((s) => s.kind === 'summary')!.body.start + 5;
      const next = current.slice(0, at) + 'x' + current.slice(at);
      const reparsed = reparseLetter(next, model);
      assertSameModel(reparsed, parseLetter(next), `edit in letter ${39 - k}`);
      // The first letter, before every edit, stays the same object as long as letters are reused.
      if (reparsed.letters[0] === model.letters[0]) lastReused = k;
      current = next;
      model = reparsed;
    }
    // Reused while at most 32 letters have been built since the base text; the 34th edit builds all.
    assert.strictEqual(lastReused, 32);
  });
});

describe('the line buffers of large parses', () => {
  // A text of more than 4,096 lines has its line starts copied out of the parse's line buffers
  // (text.ts LineTable): a model keeps nothing another parse writes.
  const letters = allLetters().map((l) => l.text);
  const large = (order: number[]) => Array.from({ length: 60 }, (_, k) => letters[order[k % order.length]]).join('\n');

  it('a model reads the same after other large texts were parsed', () => {
    const first = large([0, 1, 2, 3]);
    assert.ok(first.split('\n').length > 4096, 'a large text');
    const kept = parseLetter(first);
    const lineStarts = Array.from(lineStartsOf(kept) ?? []);
    const unread = JSON.stringify(parseLetter(first));
    // The same letters in another order: as long, so its parse writes over the first one's buffers.
    parseLetter(large([3, 2, 1, 0]));
    parseLetter(toCrlf(large([3, 2, 1, 0])));
    reparseLetter(large([1, 3]), parseLetter(large([1, 3, 0])));
    parseLetter(large([2, 0]));
    // Read only now: the lazy values (part texts, citations, reviewers) and the line starts.
    assert.strictEqual(JSON.stringify(kept), unread);
    assert.deepStrictEqual(Array.from(lineStartsOf(kept) ?? []), lineStarts);
    assert.deepStrictEqual(lineStarts, computeLineStarts(first));
  });
});
