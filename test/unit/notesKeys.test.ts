// Notes keyed by what identifies a letter and an item, never by a line: the same note is found on
// the same item after an edit above it, Format Document, a rename and a move, and on the letter
// read from its PDF, from pdftotext and from mutool (each puts the decision lines on other lines);
// a note whose item is gone is detached, kept and counted, never dropped.

import * as assert from 'assert';
import * as path from 'path';
import { formatLetter } from '../../server/src/engine/format';
import { LineIndex } from '../../server/src/engine/lines';
import type { Letter } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { itemBlock } from '../../server/src/engine/rules/letterEdits';
import { caseKey, itemKeyOf, letterKeyOf, normalizeCaseNumber, pathKey } from '../../server/src/notes/keys';
import { EMPTY_NOTES_FILE, NotesFile, Target } from '../../server/src/notes/model';
import { addNote, OpResult, renameLetterPath } from '../../server/src/notes/operations';
import { countNotes, LetterNotesView, resolveNotes } from '../../server/src/notes/resolve';
import { readLetterText } from '../../server/src/pdf/letterText';
import { extractText, Tool } from '../extraction/tools';
import { FIXTURES, letterText } from './helpers';
import { PDF_LETTERS } from './pdfTools';

const PDF = path.join(PDF_LETTERS, 'CM16-0247274.pdf');

function ok(r: OpResult): NotesFile {
  if (!r.ok) throw new Error(r.error);
  return r.file;
}

function onlyLetter(text: string): Letter {
  const doc = parseLetter(text);
  assert.strictEqual(doc.letters.length, 1);
  return doc.letters[0];
}

async function readerText(): Promise<string> {
  const read = await readLetterText(PDF, () => ({ kind: 'binary' }));
  if (read.kind !== 'text') throw new Error(`${PDF}: ${read.kind}`);
  return read.text;
}

/** Each attached note as `item number: name => text`, as a user would check it. */
function attached(view: LetterNotesView): string[] {
  return view.items.flatMap((i) => i.notes.map((n) => `${i.itemIndex + 1}: ${i.item.name} => ${n.text}`));
}

/** The text of the line a view's item decision starts on. */
function decisionLine(text: string, view: LetterNotesView, itemNumber: number): { line: number; text: string } {
  const item = view.items.find((i) => i.itemIndex === itemNumber - 1)!;
  const line = new LineIndex(text).positionAt(item.item.decisionRange.start).line;
  return { line, text: text.split(/\r?\n|\r/)[line].trim() };
}

// Read off the letter (pdftotext -layout): case number CM16-0247274, six items, the third
// "Right L5-S1 epidural steroid injection: Upheld", the sixth "Physical therapy, 6 sessions,
// cervical and thoracic spine: Upheld".
const CASE = 'CM16-0247274';
const RIGHT_ESI = 'Right L5-S1 epidural steroid injection';
const PT_SESSIONS = 'Physical therapy, 6 sessions, cervical and thoracic spine';
const EXPECTED = [
  `3: ${RIGHT_ESI} => Ask for the MRI report.`,
  `6: ${PT_SESSIONS} => Six sessions were already given.`,
];

describe('notes keying: the same note on the same item', () => {
  let text: string;
  let notes: NotesFile;

  before(async () => {
    text = await readerText();
    const letter = onlyLetter(text);
    const key = letterKeyOf(letter, 'letters/CM16-0247274.pdf');
    assert.strictEqual(key, `case:${CASE}`);
    const target = (n: number): Target => ({
      letter: key,
      item: itemKeyOf(letter.items[n - 1]),
      itemName: letter.items[n - 1].name,
    });
    notes = ok(addNote(EMPTY_NOTES_FILE, target(3), 'Ask for the MRI report.', { now: '2026-12-07T10:00:00.000Z' }));
    notes = ok(addNote(notes, target(6), 'Six sessions were already given.', { now: '2026-12-07T10:01:00.000Z' }));
    notes = ok(addNote(notes, { letter: key }, 'Whole letter: appeal?', { now: '2026-12-07T10:02:00.000Z' }));
  });

  function check(view: LetterNotesView): void {
    assert.deepStrictEqual(attached(view), EXPECTED);
    assert.deepStrictEqual(
      view.notes.map((n) => n.text),
      ['Whole letter: appeal?'],
    );
    assert.deepStrictEqual(view.detached, []);
  }

  it('on the letter read from its PDF, on the decision line of its item', () => {
    const view = resolveNotes(onlyLetter(text), notes, 'letters/CM16-0247274.pdf');
    check(view);
    assert.strictEqual(decisionLine(text, view, 3).text, `${RIGHT_ESI}: Upheld`);
  });

  for (const tool of ['pdftotext', 'pdftotext-layout', 'mutool'] as Tool[])
    it(`on the same letter's text from ${tool}`, async () => {
      const other = await extractText(tool, PDF);
      const view = resolveNotes(onlyLetter(other), notes, 'letters/CM16-0247274.txt');
      check(view);
      assert.match(decisionLine(other, view, 3).text, /^Right L5-S1 epidural steroid injection: +Upheld$/);
    });

  it('whatever line each tool puts the decision on', async () => {
    const lines = new Set<number>();
    for (const t of [
      text,
      ...(await Promise.all((['pdftotext', 'mutool'] as Tool[]).map((tool) => extractText(tool, PDF)))),
    ])
      lines.add(decisionLine(t, resolveNotes(onlyLetter(t), notes, 'a.txt'), 3).line);
    // The PDF reader, pdftotext and mutool each put "Right L5-S1 ...: Upheld" on its own line (84, 85, 109 counted from 1).
    assert.strictEqual(lines.size, 3);
  });

  it('after an edit above its item (three lines into the case summary)', () => {
    const at = text.indexOf('CLINICAL CASE SUMMARY');
    assert.ok(at > 0);
    const edited = text.slice(0, at) + 'Added one.\nAdded two.\nAdded three.\n\n' + text.slice(at);
    const before = decisionLine(text, resolveNotes(onlyLetter(text), notes, 'a.txt'), 3).line;
    const view = resolveNotes(onlyLetter(edited), notes, 'a.txt');
    check(view);
    assert.strictEqual(decisionLine(edited, view, 3).line, before + 4);
  });

  it('after Format Document', async () => {
    const raw = await extractText('pdftotext', PDF);
    const formatted = formatLetter(raw);
    assert.notStrictEqual(formatted, raw, 'the formatter changes this text');
    check(resolveNotes(onlyLetter(formatted), notes, 'letters/CM16-0247274.txt'));
  });

  it('after a rename and a move of the file (the case number is the key)', () => {
    check(resolveNotes(onlyLetter(text), notes, 'archive/2017/appeal-CM16-0247274.txt'));
  });

  it('with the case number written in another case and spacing', () => {
    assert.strictEqual(normalizeCaseNumber(' cm16 \u2013 0247274 '), CASE);
    assert.strictEqual(caseKey('cm16-0247274'), `case:${CASE}`);
  });

  it('leaves the note of a removed item detached: kept, counted, with the name it had', () => {
    const letter = onlyLetter(text);
    const block = itemBlock(text, letter.items[2]);
    const removed = text.slice(0, block.start) + text.slice(block.end);
    const after = onlyLetter(removed);
    assert.strictEqual(after.items.length, 5);
    const view = resolveNotes(after, notes, 'letters/CM16-0247274.pdf');
    assert.deepStrictEqual(attached(view), [`5: ${PT_SESSIONS} => Six sessions were already given.`]);
    assert.deepStrictEqual(
      view.detached.map((d) => [d.name, d.notes.map((n) => n.text)]),
      [[RIGHT_ESI, ['Ask for the MRI report.']]],
    );
    assert.strictEqual(countNotes(view), 3);
  });

  it('leaves the note of a renamed item detached, and finds it again when the name comes back', () => {
    const renamed = text.replace(`${RIGHT_ESI}: Upheld`, 'Right L4-L5 epidural steroid injection: Upheld');
    const view = resolveNotes(onlyLetter(renamed), notes, 'a.txt');
    assert.deepStrictEqual(
      view.detached.map((d) => d.name),
      [RIGHT_ESI],
    );
    const back = resolveNotes(onlyLetter(renamed.replace('Right L4-L5', 'RIGHT L5 S1')), notes, 'a.txt');
    assert.deepStrictEqual(attached(back)[0], '3: RIGHT L5 S1 epidural steroid injection => Ask for the MRI report.');
    assert.deepStrictEqual(back.detached, []);
  });
});

describe('notes keying: a letter without a case number', () => {
  const text = letterText(FIXTURES.psychiatry);
  const letter = onlyLetter(text);

  it('is keyed by its path in the folder, the same on every platform', () => {
    assert.strictEqual(letter.caseNumber, undefined);
    assert.strictEqual(letterKeyOf(letter, 'inbox\\000.txt'), 'path:inbox/000.txt');
    assert.strictEqual(letterKeyOf(letter, './inbox/000.txt'), pathKey('inbox/000.txt'));
  });

  it('finds its notes again after the editor reports a rename', () => {
    // Read off the letter: its second item is "XANAX 0.5MG #90: Upheld".
    const target: Target = {
      letter: pathKey('inbox/000.txt'),
      item: itemKeyOf('XANAX 0.5MG #90'),
      itemName: 'XANAX 0.5MG #90',
    };
    const notes = ok(addNote(EMPTY_NOTES_FILE, target, 'Taper plan?', { now: '2026-12-07T10:00:00.000Z' }));
    assert.deepStrictEqual(attached(resolveNotes(letter, notes, 'inbox/000.txt')), [
      '2: XANAX 0.5MG #90 => Taper plan?',
    ]);
    // Not yet told of the move: nothing attaches to the letter at its new path.
    assert.strictEqual(countNotes(resolveNotes(letter, notes, 'done/000.txt')), 0);
    const moved = ok(renameLetterPath(notes, 'inbox/000.txt', 'done/000.txt'));
    assert.deepStrictEqual(attached(resolveNotes(letter, moved, 'done/000.txt')), [
      '2: XANAX 0.5MG #90 => Taper plan?',
    ]);
  });
});

describe('notes keying: item names as extraction tools write them', () => {
  it('folds ligatures, case, punctuation and white space as the engine compares names', () => {
    assert.strictEqual(
      itemKeyOf('Orphenadrine Citrate ER 100mg tabs #30'),
      itemKeyOf('ORPHENADRINE  CITRATE ER\n100mg tabs #30'),
    );
    assert.strictEqual(itemKeyOf('Physical therapy, 6 sessions'), itemKeyOf('Physical therapy 6 sessions'));
    assert.strictEqual(itemKeyOf('Modi\uFB01ed duty'), itemKeyOf('Modified duty'));
    assert.notStrictEqual(itemKeyOf('Norco 10/325mg #60'), itemKeyOf('Norco 10/325mg #90'));
  });
});
