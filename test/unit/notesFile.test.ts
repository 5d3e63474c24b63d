// The notes file as a database: its text read strictly and written in one stable order, the
// operations users make, and the note-by-note merge of changes made meanwhile by others.

import * as assert from 'assert';
import { merge } from '../../server/src/notes/merge';
import { EMPTY_NOTES_FILE, NotesFile, Target } from '../../server/src/notes/model';
import { allNotes, parseNotesFile, serializeNotesFile } from '../../server/src/notes/notesFile';
import {
  addNote,
  applyOperation,
  changeTags,
  deleteNote,
  editNote,
  findNote,
  OpResult,
  Operation,
  reattach,
  renameLetterPath,
  restoreNote,
  setStatus,
  setTags,
  deleteScope,
  moveScope,
} from '../../server/src/notes/operations';
import { resolveNotes } from '../../server/src/notes/resolve';
import { parseLetter } from '../../server/src/engine/parse';
import { fixtureText } from './helpers';

const LETTER = 'case:CM16-0247274';
const RIGHT_ESI: Target = {
  letter: LETTER,
  item: 'right l5 s1 epidural steroid injection',
  itemName: 'Right L5-S1 epidural steroid injection',
};
const WHOLE: Target = { letter: LETTER };
const T1 = '2026-12-07T10:00:00.000Z';
const T2 = '2026-12-07T11:00:00.000Z';
const T3 = '2026-12-07T12:00:00.000Z';

function ok(r: OpResult): NotesFile {
  if (!r.ok) throw new Error(r.error);
  return r.file;
}

function apply(file: NotesFile, ...ops: Operation[]): NotesFile {
  return ops.reduce((f, op) => ok(applyOperation(f, op)), file);
}

/** A file with a letter note, an item note with tags and a status. */
function sample(): NotesFile {
  return apply(
    EMPTY_NOTES_FILE,
    { kind: 'add', target: RIGHT_ESI, text: 'Ask for the **MRI** report.', stamp: { now: T1, id: 'a1' } },
    { kind: 'add', target: WHOLE, text: 'Appeal by mid-January.', stamp: { now: T2, id: 'b2' } },
    { kind: 'setTags', target: RIGHT_ESI, tags: ['#appeal', 'esi'] },
    { kind: 'setStatus', letter: LETTER, value: 'In review', stamp: { now: T2 } },
  );
}

const SAMPLE_TEXT = `{
  "version": 1,
  "letters": {
    "case:CM16-0247274": {
      "status": {
        "value": "In review",
        "updated": "2026-12-07T11:00:00.000Z"
      },
      "notes": [
        {
          "id": "b2",
          "created": "2026-12-07T11:00:00.000Z",
          "updated": "2026-12-07T11:00:00.000Z",
          "text": "Appeal by mid-January."
        }
      ],
      "items": {
        "right l5 s1 epidural steroid injection": {
          "name": "Right L5-S1 epidural steroid injection",
          "tags": [
            "appeal",
            "esi"
          ],
          "notes": [
            {
              "id": "a1",
              "created": "2026-12-07T10:00:00.000Z",
              "updated": "2026-12-07T10:00:00.000Z",
              "text": "Ask for the **MRI** report."
            }
          ]
        }
      }
    }
  }
}
`;

function parseOk(text: string): NotesFile {
  const r = parseNotesFile(text);
  if (!r.ok) throw new Error(r.error);
  return r.file;
}

function parseError(text: string): string {
  const r = parseNotesFile(text);
  assert.ok(!r.ok, 'expected the file to be refused');
  return r.error;
}

describe('notes file: text', () => {
  it('is written in one stable shape: 2-space JSON, fields in order, a final line break', () => {
    assert.strictEqual(serializeNotesFile(sample()), SAMPLE_TEXT);
  });

  it('reads back to the same data, and writes what it read byte for byte', () => {
    assert.deepStrictEqual(parseOk(SAMPLE_TEXT), sample());
    assert.strictEqual(serializeNotesFile(parseOk(SAMPLE_TEXT)), SAMPLE_TEXT);
  });

  it('does not depend on the order changes were made in', () => {
    const other = apply(
      EMPTY_NOTES_FILE,
      { kind: 'setStatus', letter: LETTER, value: 'In review', stamp: { now: T2 } },
      { kind: 'setTags', target: RIGHT_ESI, tags: ['esi', 'appeal', 'esi'] },
      { kind: 'add', target: WHOLE, text: 'Appeal by mid-January.', stamp: { now: T2, id: 'b2' } },
      { kind: 'add', target: RIGHT_ESI, text: 'Ask for the **MRI** report.', stamp: { now: T1, id: 'a1' } },
    );
    assert.strictEqual(serializeNotesFile(other), SAMPLE_TEXT);
  });

  it('sorts letters and items by key and notes oldest first, so a new note is a few added lines', () => {
    const more = apply(
      sample(),
      { kind: 'add', target: { letter: 'case:CM16-0213037' }, text: 'first letter', stamp: { now: T3, id: 'c3' } },
      { kind: 'add', target: RIGHT_ESI, text: 'older', stamp: { now: '2026-12-06T09:00:00.000Z', id: 'z0' } },
    );
    const text = serializeNotesFile(more);
    assert.ok(text.indexOf('case:CM16-0213037') < text.indexOf('case:CM16-0247274'));
    assert.ok(text.indexOf('"older"') < text.indexOf('Ask for the'));
    // Every line of the old file is still there, in the same order.
    const oldLines = SAMPLE_TEXT.split('\n');
    const newLines = text.split('\n');
    let j = 0;
    for (const line of newLines) if (line === oldLines[j]) j++;
    assert.strictEqual(j, oldLines.length);
  });

  it('keeps a note text as written: Markdown, HTML and command links are data, not changed', () => {
    const text = 'See [run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>\n\n* two';
    const file = ok(addNote(EMPTY_NOTES_FILE, WHOLE, text, { now: T1, id: 'x' }));
    assert.strictEqual(findNote(parseOk(serializeNotesFile(file)), 'x')?.note.text, text);
  });

  it('accepts a byte order mark and leaves out what is empty', () => {
    assert.deepStrictEqual(parseOk('\uFEFF{"version": 1, "letters": {}}'), EMPTY_NOTES_FILE);
    const emptied = ok(deleteNote(ok(addNote(EMPTY_NOTES_FILE, RIGHT_ESI, 'x', { now: T1, id: 'x' })), 'x'));
    assert.strictEqual(serializeNotesFile(emptied), '{\n  "version": 1,\n  "letters": {}\n}\n');
  });

  describe('refuses a damaged file with one message saying what is wrong', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['cut off', SAMPLE_TEXT.slice(0, 200), /^not valid JSON/],
      [
        'a merge conflict left in it',
        SAMPLE_TEXT.replace('"version": 1,', '<<<<<<< HEAD\n"version": 1,'),
        /^not valid JSON/,
      ],
      [
        'a newer version',
        '{"version": 2, "letters": {}}',
        /^version 2 is not one this version of imr-letters reads \(it reads 1\)$/,
      ],
      ['no version', '{"letters": {}}', /^no "version" \(expected 1\)$/],
      ['a list', '[]', /^expected an object/],
      ['an unknown field', '{"version": 1, "letters": {}, "extra": 1}', /^the file: unknown field "extra"/],
      ['a key that is not a letter', '{"version": 1, "letters": {"CM16": {}}}', /^letters: "CM16" is not a letter key/],
      [
        'a note without text',
        '{"version":1,"letters":{"case:X1":{"notes":[{"id":"a","created":"2026-12-07T10:00:00.000Z","updated":"2026-12-07T10:00:00.000Z"}]}}}',
        /^letters\["case:X1"\]\.notes\[0\]\.text: expected a string$/,
      ],
      [
        'a bad time',
        '{"version":1,"letters":{"case:X1":{"notes":[{"id":"a","created":"yesterday","updated":"2026-12-07T10:00:00.000Z","text":"t"}]}}}',
        /^letters\["case:X1"\]\.notes\[0\]\.created: expected a UTC time/,
      ],
      [
        'two notes with one id',
        SAMPLE_TEXT.replace('"id": "b2"', '"id": "a1"'),
        /items\["right l5 s1 epidural steroid injection"\]\.notes\[0\]\.id: the id "a1" is used by another note$/,
      ],
      [
        'an empty status',
        SAMPLE_TEXT.replace('"value": "In review"', '"value": " "'),
        /status\.value: must not be empty$/,
      ],
      [
        'tags that are not a list',
        SAMPLE_TEXT.replace(/"tags": \[[^\]]*\]/, '"tags": "appeal"'),
        /\.tags: expected a list of tags$/,
      ],
    ];
    for (const [what, text, message] of cases)
      it(what, () => {
        assert.match(parseError(text), message);
      });
  });
});

describe('notes file: operations', () => {
  it('adds several notes to one item, each with its own id and times', () => {
    let file = sample();
    file = ok(addNote(file, RIGHT_ESI, 'second', { now: T3 }));
    const item = file.letters[LETTER].items[RIGHT_ESI.item!];
    assert.deepStrictEqual(
      item.notes.map((n) => n.text),
      ['Ask for the **MRI** report.', 'second'],
    );
    assert.match(item.notes[1].id, /^[0-9a-f]{16}$/);
    assert.notStrictEqual(item.notes[1].id, (addNote(file, RIGHT_ESI, 'third') as { note?: { id: string } }).note?.id);
  });

  it('edits a note in place: text and updated change, id and created stay', () => {
    const r = editNote(sample(), 'a1', 'Asked on 12/07.', { now: T3 });
    assert.ok(r.ok);
    assert.deepStrictEqual(r.note, { id: 'a1', created: T1, updated: T3, text: 'Asked on 12/07.' });
    assert.strictEqual(findNote(r.file, 'a1')?.target.item, RIGHT_ESI.item);
  });

  it('deletes a note and restores it as it was, where it was (undo)', () => {
    const before = sample();
    const deleted = deleteNote(before, 'a1');
    assert.ok(deleted.ok && deleted.note && deleted.deletedFrom);
    assert.strictEqual(findNote(deleted.file, 'a1'), undefined);
    const restored = ok(restoreNote(deleted.file, deleted.deletedFrom, deleted.note));
    assert.strictEqual(serializeNotesFile(restored), SAMPLE_TEXT);
  });

  it('refuses an empty note and a note that is not there, with a message', () => {
    assert.deepStrictEqual(addNote(sample(), RIGHT_ESI, '  \n'), { ok: false, error: 'a note needs some text' });
    assert.deepStrictEqual(editNote(sample(), 'nope', 'x'), {
      ok: false,
      error: 'no note with id nope (deleted meanwhile?)',
    });
    assert.strictEqual(deleteNote(sample(), 'nope').ok, false);
  });

  it('normalizes tags (no #, one word, sorted, once) and changes them without losing one added meanwhile', () => {
    const file = ok(setTags(EMPTY_NOTES_FILE, WHOLE, ['#Appeal', ' QA check ', 'Appeal']));
    assert.deepStrictEqual(file.letters[LETTER].tags, ['Appeal', 'QA-check']);
    // This window saw [Appeal, QA-check] and removed QA-check; another added 'urgent' meanwhile.
    const meanwhile = ok(changeTags(file, WHOLE, { add: ['urgent'] }));
    const mine = ok(changeTags(meanwhile, WHOLE, { remove: ['QA-check'] }));
    assert.deepStrictEqual(mine.letters[LETTER].tags, ['Appeal', 'urgent']);
  });

  it('sets and clears a letter status', () => {
    let file = ok(setStatus(sample(), LETTER, 'Done', { now: T3 }));
    assert.deepStrictEqual(file.letters[LETTER].status, { value: 'Done', updated: T3 });
    file = ok(setStatus(file, LETTER, undefined));
    assert.strictEqual(file.letters[LETTER].status, undefined);
    assert.strictEqual(setStatus(file, LETTER, ' ').ok, false);
  });

  it('re-attaches a note to another item keeping its id, text and times', () => {
    const to: Target = {
      letter: LETTER,
      item: 'left l5 s1 epidural steroid injection',
      itemName: 'Left L5-S1 epidural steroid injection',
    };
    const file = ok(reattach(sample(), 'a1', to));
    const place = findNote(file, 'a1');
    assert.strictEqual(place?.target.item, to.item);
    assert.deepStrictEqual(place?.note, { id: 'a1', created: T1, updated: T1, text: 'Ask for the **MRI** report.' });
    assert.strictEqual(allNotes(file).length, 2);
  });

  it('moves the notes of a letter keyed by path with its file and its folder', () => {
    let file = ok(addNote(EMPTY_NOTES_FILE, { letter: 'path:inbox/a.txt' }, 'one', { now: T1, id: 'p1' }));
    file = ok(addNote(file, { letter: 'path:inbox/a.txt#2' }, 'two', { now: T1, id: 'p2' }));
    file = ok(addNote(file, { letter: 'path:inbox2/b.txt' }, 'other folder', { now: T1, id: 'p3' }));
    const renamed = ok(renameLetterPath(file, 'inbox/a.txt', 'done/a.txt'));
    assert.deepStrictEqual(Object.keys(renamed.letters).sort(), [
      'path:done/a.txt',
      'path:done/a.txt#2',
      'path:inbox2/b.txt',
    ]);
    const folder = ok(renameLetterPath(file, 'inbox', 'archive'));
    assert.deepStrictEqual(Object.keys(folder.letters).sort(), [
      'path:archive/a.txt',
      'path:archive/a.txt#2',
      'path:inbox2/b.txt',
    ]);
  });
});

describe('notes file: merge of changes made meanwhile', () => {
  const base = sample();

  function both(ours: NotesFile, theirs: NotesFile): NotesFile {
    const a = merge(base, ours, theirs);
    // The same rules read from either side.
    assert.strictEqual(serializeNotesFile(merge(base, theirs, ours)), serializeNotesFile(a));
    return a;
  }

  it('keeps notes added on both sides', () => {
    const ours = ok(addNote(base, RIGHT_ESI, 'ours', { now: T3, id: 'o' }));
    const theirs = ok(addNote(base, RIGHT_ESI, 'theirs', { now: T3, id: 't' }));
    const merged = both(ours, theirs);
    assert.deepStrictEqual(
      merged.letters[LETTER].items[RIGHT_ESI.item!].notes.map((n) => n.id),
      ['a1', 'o', 't'],
    );
  });

  it('takes an edit made on one side', () => {
    const theirs = ok(editNote(base, 'a1', 'edited', { now: T3 }));
    assert.strictEqual(findNote(both(base, theirs), 'a1')?.note.text, 'edited');
  });

  it('keeps a note edited on one side and deleted on the other (an edit beats a delete)', () => {
    const ours = ok(deleteNote(base, 'a1'));
    const theirs = ok(editNote(base, 'a1', 'still needed', { now: T3 }));
    assert.strictEqual(findNote(both(ours, theirs), 'a1')?.note.text, 'still needed');
  });

  it('deletes a note deleted on one side and left alone on the other', () => {
    const ours = ok(deleteNote(base, 'a1'));
    const theirs = ok(addNote(base, WHOLE, 'other', { now: T3, id: 't' }));
    const merged = both(ours, theirs);
    assert.strictEqual(findNote(merged, 'a1'), undefined);
    assert.strictEqual(allNotes(merged).length, 2);
  });

  it('where both edited one note, takes the later edit', () => {
    const ours = ok(editNote(base, 'a1', 'ours, later', { now: T3 }));
    const theirs = ok(editNote(base, 'a1', 'theirs, earlier', { now: T2 }));
    assert.strictEqual(findNote(both(ours, theirs), 'a1')?.note.text, 'ours, later');
  });

  it('combines a move on one side with an edit on the other', () => {
    const to: Target = { letter: LETTER, item: 'neuroplasty lumbar spine', itemName: 'Neuroplasty, lumbar spine' };
    const ours = ok(reattach(base, 'a1', to));
    const theirs = ok(editNote(base, 'a1', 'edited', { now: T3 }));
    const place = findNote(both(ours, theirs), 'a1');
    assert.strictEqual(place?.target.item, to.item);
    assert.strictEqual(place?.note.text, 'edited');
  });

  it('merges tags tag by tag and keeps the later status', () => {
    const ours = apply(
      base,
      { kind: 'changeTags', target: RIGHT_ESI, add: ['urgent'] },
      { kind: 'setStatus', letter: LETTER, value: 'Appeal', stamp: { now: T3 } },
    );
    const theirs = apply(
      base,
      { kind: 'changeTags', target: RIGHT_ESI, remove: ['esi'] },
      { kind: 'setStatus', letter: LETTER, value: 'Done', stamp: { now: T2.replace('11:', '11:30') } },
    );
    const merged = both(ours, theirs);
    assert.deepStrictEqual(merged.letters[LETTER].items[RIGHT_ESI.item!].tags, ['appeal', 'urgent']);
    assert.deepStrictEqual(merged.letters[LETTER].status, { value: 'Appeal', updated: T3 });
  });
});

/** The item as an earlier extraction named it: the letter now reads "Right L5-S1 ...". */
const OLD_ESI: Target = { letter: LETTER, item: 'l5 s1 esi', itemName: 'L5-S1 ESI' };
/** Two notes and a tag on an item name the letter does not have, one note on the item it has. */
function detachedSample(): NotesFile {
  return apply(
    EMPTY_NOTES_FILE,
    { kind: 'add', target: OLD_ESI, text: 'Ask for the **MRI** report.', stamp: { now: T1, id: 'a1' } },
    { kind: 'add', target: OLD_ESI, text: 'Second opinion?', stamp: { now: T3, id: 'a3' } },
    { kind: 'changeTags', target: OLD_ESI, add: ['appeal'] },
    { kind: 'add', target: RIGHT_ESI, text: 'Already on the item.', stamp: { now: T2, id: 'b2' } },
  );
}

// Detached notes re-attached or deleted from the Letters view: a detached item's notes moved onto
// another item with their ids, text and times; a letter no file holds any more (renamed outside
// the editor) moved whole onto the letter that holds it now; a deletion put back by undo.
describe('notes file: detached notes re-attached and deleted', () => {
  it('moves a detached item onto an item of its letter, keeping ids, text, times and tags', () => {
    const file = detachedSample();
    const r = moveScope(file, { letter: LETTER, item: OLD_ESI.item }, RIGHT_ESI);
    const moved = ok(r);
    assert.strictEqual(r.ok && r.count, 2);
    const entry = moved.letters[LETTER];
    assert.deepStrictEqual(Object.keys(entry.items), [RIGHT_ESI.item]);
    const item = entry.items[RIGHT_ESI.item!];
    assert.deepStrictEqual(
      item.notes.map((n) => [n.id, n.created, n.text]),
      [
        ['a1', T1, 'Ask for the **MRI** report.'],
        ['b2', T2, 'Already on the item.'],
        ['a3', T3, 'Second opinion?'],
      ],
    );
    assert.deepStrictEqual(item.tags, ['appeal']);
    assert.strictEqual(item.name, 'Right L5-S1 epidural steroid injection');
    // Nothing lost, nothing doubled.
    assert.strictEqual(allNotes(moved).length, allNotes(file).length);
  });

  it('moves a detached item onto the letter as a whole', () => {
    const moved = ok(moveScope(detachedSample(), { letter: LETTER, item: OLD_ESI.item }, { letter: LETTER }));
    assert.deepStrictEqual(
      moved.letters[LETTER].notes.map((n) => n.id),
      ['a1', 'a3'],
    );
    assert.deepStrictEqual(moved.letters[LETTER].tags, ['appeal']);
  });

  it('re-attached on the letter as the engine reads it, the note is no longer detached', () => {
    const letter = parseLetter(fixtureText('extraction', 'CM16-0247274.pdftotext-raw.txt')).letters[0];
    const before = resolveNotes(letter, detachedSample(), 'CM16-0247274.txt');
    assert.deepStrictEqual(
      before.detached.map((d) => [d.name, d.notes.length]),
      [['L5-S1 ESI', 2]],
    );
    const after = resolveNotes(
      letter,
      ok(moveScope(detachedSample(), { letter: LETTER, item: OLD_ESI.item }, RIGHT_ESI)),
      'CM16-0247274.txt',
    );
    assert.deepStrictEqual(after.detached, []);
    assert.deepStrictEqual(
      after.items.map((i) => [i.item.name, i.notes.length]),
      [['Right L5-S1 epidural steroid injection', 3]],
    );
  });

  it('moves a letter renamed outside the editor whole onto the letter that holds it now', () => {
    const old = 'path:inbox/001.txt';
    const XANAX: Target = {
      letter: old,
      item: 'xanax 2mg 1 twice a day as needed for 12 months',
      itemName: 'Xanax 2mg, 1 twice a day as needed for 12 months',
    };
    const file = apply(
      EMPTY_NOTES_FILE,
      { kind: 'add', target: { letter: old }, text: 'Letter note', stamp: { now: T1, id: 'l1' } },
      { kind: 'add', target: XANAX, text: 'Refill history', stamp: { now: T2, id: 'x2' } },
      { kind: 'setStatus', letter: old, value: 'In review', stamp: { now: T1 } },
      { kind: 'add', target: { letter: 'path:done/001.txt' }, text: 'Already here', stamp: { now: T3, id: 'd3' } },
    );
    const moved = ok(moveScope(file, { letter: old, whole: true }, { letter: 'path:done/001.txt' }));
    assert.deepStrictEqual(Object.keys(moved.letters), ['path:done/001.txt']);
    const entry = moved.letters['path:done/001.txt'];
    assert.deepStrictEqual(
      entry.notes.map((n) => n.id),
      ['l1', 'd3'],
    );
    assert.deepStrictEqual(entry.items[XANAX.item!].notes[0].id, 'x2');
    assert.strictEqual(entry.status?.value, 'In review');
  });

  it('deletes only the notes the user was shown, and undo puts them back byte for byte', () => {
    const file = detachedSample();
    const scope = { letter: LETTER, item: OLD_ESI.item };
    const r = deleteScope(file, scope, ['a1', 'a3']);
    const deleted = ok(r);
    assert.ok(r.ok && r.removed && r.count === 2);
    assert.strictEqual(deleted.letters[LETTER].items[OLD_ESI.item!], undefined);
    assert.deepStrictEqual(Object.keys(deleted.letters[LETTER].items), [RIGHT_ESI.item]);
    const restored = apply(deleted, { kind: 'restoreScope', letter: LETTER, removed: r.removed! });
    assert.strictEqual(serializeNotesFile(restored), serializeNotesFile(file));
    // Undo twice does not double a note.
    const twice = apply(restored, { kind: 'restoreScope', letter: LETTER, removed: r.removed! });
    assert.strictEqual(serializeNotesFile(twice), serializeNotesFile(file));
  });

  it('keeps a note added meanwhile by someone else, with the item tags it needs', () => {
    const file = apply(detachedSample(), {
      kind: 'add',
      target: OLD_ESI,
      text: 'Added in another window',
      stamp: { now: T3, id: 'zz' },
    });
    const deleted = ok(deleteScope(file, { letter: LETTER, item: OLD_ESI.item }, ['a1', 'a3']));
    const kept = deleted.letters[LETTER].items[OLD_ESI.item!];
    assert.deepStrictEqual(
      kept.notes.map((n) => n.id),
      ['zz'],
    );
    assert.deepStrictEqual(kept.tags, ['appeal']);
  });

  it('deletes a whole letter no file holds, status included, and brings it back', () => {
    const old = 'path:inbox/001.txt';
    const file = apply(
      EMPTY_NOTES_FILE,
      { kind: 'add', target: { letter: old }, text: 'Letter note', stamp: { now: T1, id: 'l1' } },
      { kind: 'setStatus', letter: old, value: 'Done', stamp: { now: T1 } },
    );
    const r = deleteScope(file, { letter: old, whole: true });
    assert.deepStrictEqual(ok(r).letters, {});
    const back = apply(ok(r), {
      kind: 'restoreScope',
      letter: old,
      removed: r.ok ? r.removed! : EMPTY_NOTES_FILE.letters[old],
    });
    assert.strictEqual(serializeNotesFile(back), serializeNotesFile(file));
  });

  it('says so when the notes are gone already', () => {
    const r = moveScope(EMPTY_NOTES_FILE, { letter: LETTER, item: OLD_ESI.item }, RIGHT_ESI);
    assert.ok(!r.ok);
    assert.match(r.ok ? '' : r.error, /no notes on CM16-0247274, item "l5 s1 esi"/);
  });
});
