// Notes are never lost: whatever tool re-extracts a letter, however its text is edited or
// reformatted, every note of the letter is either attached to an item or detached, each once, and
// their number never changes; and changes made by two writers merge to the same notes whatever
// order they reach the file in.

import * as assert from 'assert';
import * as fc from 'fast-check';
import * as path from 'path';
import { formatLetter } from '../../server/src/engine/format';
import { parseLetter } from '../../server/src/engine/parse';
import { itemKeyOf, letterKeyOf } from '../../server/src/notes/keys';
import { merge } from '../../server/src/notes/merge';
import { EMPTY_NOTES_FILE, NotesFile, Target } from '../../server/src/notes/model';
import { allNotes, serializeNotesFile } from '../../server/src/notes/notesFile';
import { applyOperation, Operation } from '../../server/src/notes/operations';
import { resolveNotes } from '../../server/src/notes/resolve';
import { extractText, Tool } from '../extraction/tools';
import { applyMutations, mutation, params, ROOT } from './arbitraries';

const PDFS = ['CM16-0247274', 'CM16-0247802', 'CM17-0006634', 'CM17-0012582'];
const TOOLS: readonly Tool[] = ['pdftotext', 'pdftotext-layout', 'pdftotext-raw', 'mutool', 'pdfjs'];

function ok(file: NotesFile, op: Operation): NotesFile {
  const r = applyOperation(file, op);
  if (!r.ok) throw new Error(r.error);
  return r.file;
}

describe('property: notes are never lost', () => {
  const texts = new Map<string, string>();

  before(async function () {
    this.timeout(120_000);
    for (const pdf of PDFS)
      for (const tool of TOOLS)
        texts.set(
          `${pdf}/${tool}`,
          await extractText(tool, path.join(ROOT, 'test/fixtures/letters-pdf', `${pdf}.pdf`)),
        );
  });

  it('through re-extraction, edits and Format Document, every note is attached or detached, once', () => {
    const recipe = fc.record({
      pdf: fc.constantFrom(...PDFS),
      from: fc.constantFrom(...TOOLS),
      to: fc.constantFrom(...TOOLS),
      // Which items get notes (indices taken modulo the item count), and how many on the letter.
      noted: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      letterNotes: fc.nat({ max: 2 }),
      edits: fc.array(mutation, { maxLength: 4 }),
      format: fc.boolean(),
    });
    fc.assert(
      fc.property(recipe, (r) => {
        const first = parseLetter(texts.get(`${r.pdf}/${r.from}`)!).letters[0];
        const key = letterKeyOf(first, `letters/${r.pdf}.txt`);
        let file = EMPTY_NOTES_FILE;
        let n = 0;
        const stamp = () => ({ now: `2026-12-07T10:00:${String(n % 60).padStart(2, '0')}.000Z`, id: `n${n++}` });
        for (const i of r.noted) {
          const item = first.items[i % first.items.length];
          const target: Target = { letter: key, item: itemKeyOf(item), itemName: item.name };
          file = ok(file, { kind: 'add', target, text: `on ${item.name}`, stamp: stamp() });
        }
        for (let k = 0; k < r.letterNotes; k++)
          file = ok(file, { kind: 'add', target: { letter: key }, text: 'letter', stamp: stamp() });
        const before = serializeNotesFile(file);
        const all = allNotes(file)
          .map((x) => x.note.id)
          .sort();

        let text = applyMutations(texts.get(`${r.pdf}/${r.to}`)!, r.edits);
        if (r.format) text = formatLetter(text);
        for (const letter of parseLetter(text).letters) {
          const view = resolveNotes(letter, file, `archive/${r.pdf}.txt`);
          if (view.key !== key) continue;
          const seen = [
            ...view.notes,
            ...view.items.flatMap((i) => i.notes),
            ...view.detached.flatMap((d) => d.notes),
          ].map((x) => x.id);
          assert.deepStrictEqual(seen.sort(), all);
          // Attached notes are on an item of the letter that has their item's key.
          for (const i of view.items) assert.strictEqual(itemKeyOf(letter.items[i.itemIndex]), i.key);
        }
        // Re-extracted or reformatted but not edited: nothing is detached.
        if (r.edits.length === 0) {
          const [letter] = parseLetter(text).letters;
          assert.deepStrictEqual(resolveNotes(letter, file, 'x').detached, []);
        }
        // Reading never changes the notes.
        assert.strictEqual(serializeNotesFile(file), before);
      }),
      params(80),
    );
  });
});

describe('property: changes by two writers merge to the same notes in any order', () => {
  const LETTERS = ['case:CM16-0247274', 'path:inbox/a.txt'];
  const ITEMS = ['mri of the lumbar spine', 'tens unit', 'physical therapy'];
  const BASE_IDS = ['base0', 'base1', 'base2', 'base3'];

  const target = fc.record({
    letter: fc.constantFrom(...LETTERS),
    item: fc.option(fc.constantFrom(...ITEMS), { nil: undefined }),
  });

  /** A base file both writers start from: four notes on random targets. */
  const base = fc.array(target, { minLength: 4, maxLength: 4 }).map((targets) =>
    targets.reduce(
      (file, t, i) =>
        ok(file, {
          kind: 'add',
          target: t,
          text: `base ${i}`,
          stamp: { now: '2026-12-01T09:00:00.000Z', id: BASE_IDS[i] },
        }),
      EMPTY_NOTES_FILE,
    ),
  );

  /**
   * One writer's operations. Each writer owns half of the base notes and its own tags and letter,
   * so that the two writers' changes commute (as two users' changes to different notes do); each
   * writer's ops run in its own order.
   */
  function writer(side: 'a' | 'b') {
    const own = side === 'a' ? ['base0', 'base1'] : ['base2', 'base3'];
    const letter = side === 'a' ? LETTERS[0] : LETTERS[1];
    const op = fc.oneof(
      target.map((t) => ({ kind: 'add', target: t, text: 'x' }) as const),
      fc.constantFrom(...own).map((id) => ({ kind: 'edit', id, text: `edited by ${side}` }) as const),
      fc.constantFrom(...own).map((id) => ({ kind: 'delete', id }) as const),
      fc
        .tuple(target, fc.constantFrom(`${side}1`, `${side}2`), fc.boolean())
        .map(
          ([t, tag, add]) =>
            ({ kind: 'changeTags', target: t, ...(add ? { add: [tag] } : { remove: [tag] }) }) as const,
        ),
      fc.constantFrom('New', 'Done').map((value) => ({ kind: 'setStatus', letter, value }) as const),
    );
    return fc.array(op, { maxLength: 8 }).map((ops) =>
      ops.map((o, i): Operation => {
        // Each writer's clock: its ops in order, distinct from the other writer's times and ids.
        const stamp = {
          now: `2026-12-07T1${side === 'a' ? 0 : 1}:00:${String(i).padStart(2, '0')}.000Z`,
          id: `${side}${i}`,
        };
        return o.kind === 'add' || o.kind === 'edit' || o.kind === 'setStatus' ? { ...o, stamp } : o;
      }),
    );
  }

  /** Applies ops that may refer to a note deleted meanwhile: such an op does nothing, as in the editor. */
  function run(file: NotesFile, ops: readonly Operation[]): NotesFile {
    return ops.reduce((f, op) => {
      const r = applyOperation(f, op);
      return r.ok ? r.file : f;
    }, file);
  }

  it('merge(base, a, b) is merge(base, b, a) is the writes applied one by one to the latest file, in any interleaving', () => {
    fc.assert(
      fc.property(
        base,
        writer('a'),
        writer('b'),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (b, opsA, opsB, coin) => {
          const a = run(b, opsA);
          const c = run(b, opsB);
          const merged = serializeNotesFile(merge(b, a, c));
          assert.strictEqual(serializeNotesFile(merge(b, c, a)), merged);
          // The same ops reaching one file under its lock, interleaved as the coins say.
          let file = b;
          let i = 0;
          let j = 0;
          for (const heads of coin) {
            if (heads && i < opsA.length) file = run(file, [opsA[i++]]);
            else if (j < opsB.length) file = run(file, [opsB[j++]]);
          }
          file = run(run(file, opsA.slice(i)), opsB.slice(j));
          assert.strictEqual(serializeNotesFile(file), merged);
          // Every note either writer added is there.
          const ids = new Set(allNotes(merge(b, a, c)).map((x) => x.note.id));
          const inBase = new Set(allNotes(b).map((x) => x.note.id));
          for (const side of [a, c])
            for (const { note } of allNotes(side)) if (!inBase.has(note.id)) assert.ok(ids.has(note.id), note.id);
        },
      ),
      params(200),
    );
  });
});
