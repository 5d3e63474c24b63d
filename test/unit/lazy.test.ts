// The model values computed on first use (engine/lazy.ts) and the shortcuts the parser takes for
// the diagnostics: each must give exactly what the plain computation gives, on the real letters,
// the malformed ones, and variants with lines lost, doubled and blanked.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isEmptyPart } from '../../server/src/engine/lazy';
import type { ItemPart, LetterDocument } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { conclusionIn } from '../../server/src/engine/parser/conclusions';
import { fold } from '../../server/src/engine/fold';
import { JoinedText } from '../../server/src/engine/joinedText';
import { splitLines } from '../../server/src/engine/lineTable';
import { ROOT, toCrlf } from './helpers';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** The fixture letters and malformed letters, in CRLF too, and 60 damaged variants of them. */
function texts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of ['letters', 'malformed']) {
    const full = path.join(ROOT, 'test', 'fixtures', dir);
    for (const f of fs
      .readdirSync(full)
      .filter((x) => x.endsWith('.txt'))
      .sort()) {
      const text = fs.readFileSync(path.join(full, f), 'utf8');
      out.push({ name: `${dir}/${f}`, text }, { name: `${dir}/${f} (CRLF)`, text: toCrlf(text) });
    }
  }
  const next = random(8);
  const originals = out.slice();
  for (let k = 0; k < 60; k++) {
    const base = originals[Math.floor(next() * originals.length)];
    const lines = base.text.split('\n');
    for (let m = 0; m < 4; m++) {
      const i = Math.floor(next() * lines.length);
      const r = next();
      if (r < 0.4) lines.splice(i, 1);
      else if (r < 0.7) lines.splice(i, 0, lines[i] ?? '');
      else lines[i] = r < 0.85 ? '' : '   ';
    }
    out.push({ name: `${base.name} damaged #${k}`, text: lines.join('\n') });
  }
  // Empty parts: a label with nothing after it, or only white space that is not a line break to
  // the parser (U+2028) but is white space to fold().
  const label = /^\s*(?:MAXIMUS guideline|Claims Administrator guideline|Decision rationale):/;
  for (const base of originals.filter((o) => o.name.startsWith('letters/'))) {
    for (const [which, rest] of [
      ['MAXIMUS guideline:', ''],
      ['Decision rationale:', ' \u2028 '],
      ['Claims Administrator guideline:', '\t'],
    ] as const) {
      const lines = base.text.split('\n');
      const i = lines.findIndex((l) => l.trim().startsWith(which));
      if (i < 0) continue;
      lines[i] = which + rest;
      let j = i + 1;
      while (j < lines.length && !label.test(lines[j]) && !/:\s*(Upheld|Overturned)\s*$/.test(lines[j])) j++;
      lines.splice(i + 1, j - i - 1, '');
      out.push({ name: `${base.name} with an empty ${which}`, text: lines.join('\n') });
    }
  }
  return out;
}

/** A part's text the plain way: its lines from splitLines (neither blank nor noise) joined by JoinedText, folded. */
function plainPartText(doc: LetterDocument, part: ItemPart): string {
  const lines = splitLines(doc.text).filter(
    (l) => !l.blank && !l.noise && l.end >= part.labelRange.start && l.start < part.body.end,
  );
  return fold(JoinedText.of(lines, part.labelRange.end).text);
}

function parts(doc: LetterDocument): ItemPart[] {
  return doc.letters.flatMap((l) => l.items.flatMap((it) => it.parts));
}

describe('lazy model values', () => {
  const all = texts();

  it('are ordinary enumerable properties: a model read in full equals one never read', () => {
    for (const { name, text } of all) {
      const read = parseLetter(text);
      JSON.stringify(read);
      const unread = parseLetter(text);
      assert.deepStrictEqual(unread, read, name);
      assert.deepStrictEqual(Object.keys(unread.letters[0] ?? {}), Object.keys(read.letters[0] ?? {}), name);
    }
  });

  it('say whether a part is empty without its text, as its text would', () => {
    let empty = 0;
    for (const { name, text } of all) {
      const doc = parseLetter(text);
      const answers = parts(doc).map((p) => isEmptyPart(p));
      assert.deepStrictEqual(
        answers,
        parts(doc).map((p) => p.text.length === 0),
        name,
      );
      empty += answers.filter(Boolean).length;
    }
    assert.ok(empty > 0, 'the malformed letters have empty parts');
  });

  it('give each part the text of its lines joined and folded', () => {
    for (const { name, text } of all) {
      const doc = parseLetter(text);
      for (const p of parts(doc)) assert.strictEqual(p.text, plainPartText(doc, p), `${name}: ${p.label}`);
    }
  });

  it('give each item the conclusion of its whole rationale, found from its last lines', () => {
    let stated = 0;
    for (const { name, text } of all) {
      const doc = parseLetter(text);
      for (const item of doc.letters.flatMap((l) => l.items)) {
        const r = item.parts.find((p) => p.kind === 'rationale');
        if (!r || doc.letters.some((l) => l.layout !== 'standard')) continue;
        const lines = splitLines(doc.text).filter(
          (l) => !l.blank && !l.noise && l.end >= r.labelRange.start && l.start < r.body.end,
        );
        const whole = conclusionIn(JoinedText.of(lines, r.labelRange.end));
        assert.deepStrictEqual(item.conclusion, whole, `${name}: ${item.name}`);
        if (whole.kind !== 'not-stated') stated++;
      }
    }
    assert.ok(stated > 20, `conclusions stated: ${stated}`);
  });
});
