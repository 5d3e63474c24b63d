// The editor's notes write (no lock through vscode.workspace.fs): written, read back, and merged
// note by note when another writer's file replaced it meanwhile, on a fake file system where that
// other writer interleaves between our rename and our read-back.

import * as assert from 'assert';
import type { NotesFile, Target } from '../../server/src/notes/model';
import { parseNotesFile, serializeNotesFile } from '../../server/src/notes/notesFile';
import { addNote, deleteNote, setStatus } from '../../server/src/notes/operations';
import { MAX_WRITES, writeVerified, type NotesFileIo } from '../../server/src/notes/verifiedWrite';

const LETTER: Target = { letter: 'case:CM16-0213037' };
const XANAX: Target = { ...LETTER, item: 'xanax 2mg', itemName: 'Xanax 2mg' };
const SHOWN = '.imr-letters/notes.json';

/** A notes file in memory; `after` runs once after each of our renames, as another writer would. */
class FakeFile implements NotesFileIo {
  replaces = 0;
  after: (() => void) | undefined;
  constructor(public text: string | undefined) {}
  read = async () => this.text;
  replace = async (text: string) => {
    this.replaces++;
    this.text = text;
    this.after?.();
  };
}

function fileOf(text: string | undefined): NotesFile {
  const parsed = parseNotesFile(text ?? '');
  assert.ok(parsed.ok, 'the notes file parses');
  return parsed.file;
}

function must(r: { ok: boolean; file?: NotesFile; error?: string }): NotesFile {
  assert.ok(r.ok, r.error);
  return r.file!;
}

function noteTexts(file: NotesFile): string[] {
  const l = file.letters[LETTER.letter];
  return [...l.notes, ...Object.values(l.items).flatMap((i) => i.notes)].map((n) => n.text).sort();
}

const base = must(
  addNote({ version: 1, letters: {} }, LETTER, 'letter received', { id: 'a0', now: '2026-12-01T09:00:00.000Z' }),
);

describe('notes written by the editor, verified and merged', () => {
  it('writes a change once and reads it back', async () => {
    const fs = new FakeFile(serializeNotesFile(base));
    const r = await writeVerified(fs, (f) => addNote(f, XANAX, 'appeal this', { id: 'b1' }), SHOWN);
    assert.strictEqual(r.kind, 'written');
    assert.strictEqual(fs.replaces, 1);
    assert.deepStrictEqual(noteTexts(fileOf(fs.text)), ['appeal this', 'letter received']);
  });

  it('creates the file when there is none, and writes nothing for a change that changes nothing', async () => {
    const fs = new FakeFile(undefined);
    assert.strictEqual((await writeVerified(fs, (f) => setStatus(f, LETTER.letter, undefined), SHOWN)).kind, 'written');
    assert.strictEqual(fs.replaces, 0);
    assert.strictEqual(fs.text, undefined);
    await writeVerified(fs, (f) => addNote(f, LETTER, 'first', { id: 'c1' }), SHOWN);
    assert.deepStrictEqual(noteTexts(fileOf(fs.text)), ['first']);
  });

  it('keeps both notes when another writer, who read the file before us, renames theirs over ours', async () => {
    const fs = new FakeFile(serializeNotesFile(base));
    // The other window read the base and writes its note after our rename: our note is gone from
    // the disk until the read-back sees it and merges.
    fs.after = () => {
      fs.after = undefined;
      const theirs = must(addNote(base, LETTER, 'called the examiner', { id: 't1', now: '2026-12-07T10:00:00.000Z' }));
      fs.text = serializeNotesFile(
        must(setStatus(theirs, LETTER.letter, 'In review', { now: '2026-12-07T10:00:00.000Z' })),
      );
    };
    const r = await writeVerified(fs, (f) => addNote(f, XANAX, 'appeal this', { id: 'b1' }), SHOWN);
    assert.strictEqual(r.kind, 'written');
    assert.strictEqual(fs.replaces, 2);
    const onDisk = fileOf(fs.text);
    assert.deepStrictEqual(noteTexts(onDisk), ['appeal this', 'called the examiner', 'letter received']);
    assert.strictEqual(onDisk.letters[LETTER.letter].status?.value, 'In review');
    assert.ok(r.kind === 'written' && noteTexts(r.file).length === 3, 'the store keeps the merged file');
  });

  it('keeps a delete of ours and a note of theirs made at the same time', async () => {
    const fs = new FakeFile(serializeNotesFile(base));
    fs.after = () => {
      fs.after = undefined;
      fs.text = serializeNotesFile(must(addNote(base, XANAX, 'from the command line', { id: 't2' })));
    };
    const r = await writeVerified(fs, (f) => deleteNote(f, 'a0'), SHOWN);
    assert.strictEqual(r.kind, 'written');
    assert.deepStrictEqual(noteTexts(fileOf(fs.text)), ['from the command line']);
  });

  it('gives up with a clear message, after a bounded number of writes, when the file never holds still', async () => {
    const fs = new FakeFile(serializeNotesFile(base));
    let n = 0;
    fs.after = () => {
      const latest = fileOf(fs.text);
      // Each time from the base: our note never survives on the disk.
      fs.text = serializeNotesFile(must(addNote(base, LETTER, `sync ${n++}`, { id: `s${n}` })));
      assert.ok(noteTexts(latest).includes('appeal this'));
    };
    const r = await writeVerified(fs, (f) => addNote(f, XANAX, 'appeal this', { id: 'b1' }), SHOWN);
    assert.strictEqual(r.kind, 'failed');
    assert.strictEqual(fs.replaces, MAX_WRITES);
    assert.match(
      r.kind === 'failed' ? r.error : '',
      /^\.imr-letters\/notes\.json: the notes file kept changing .*your change was not written, try again$/,
    );
  });

  it('refuses a damaged file and leaves it as it is', async () => {
    const damaged = '{"version": 1, "letters": {"case:X": {"notes": [}}}';
    const fs = new FakeFile(damaged);
    const r = await writeVerified(fs, (f) => addNote(f, LETTER, 'x'), SHOWN);
    assert.strictEqual(r.kind, 'damaged');
    assert.match(r.kind === 'damaged' ? r.error : '', /^\.imr-letters\/notes\.json: damaged notes file, left as it is/);
    assert.strictEqual(fs.replaces, 0);
    assert.strictEqual(fs.text, damaged);
  });

  it('does not write over a damaged file another writer put in place of ours', async () => {
    const fs = new FakeFile(serializeNotesFile(base));
    const damaged = '{"version": 1, "letters": ';
    fs.after = () => {
      fs.text = damaged;
    };
    const r = await writeVerified(fs, (f) => addNote(f, LETTER, 'x', { id: 'd1' }), SHOWN);
    assert.strictEqual(r.kind, 'damaged');
    assert.match(r.kind === 'damaged' ? r.error : '', /your change was not written$/);
    assert.strictEqual(fs.replaces, 1);
    assert.strictEqual(fs.text, damaged);
  });

  it('reports a write that fails, and a change the operation refuses, without writing', async () => {
    const fs = new FakeFile(serializeNotesFile(base));
    fs.replace = async () => {
      throw new Error('read-only file system');
    };
    const failed = await writeVerified(fs, (f) => addNote(f, LETTER, 'x'), SHOWN);
    assert.deepStrictEqual(failed, {
      kind: 'failed',
      error: `${SHOWN}: cannot write the notes file (read-only file system)`,
    });
    const refused = await writeVerified(fs, (f) => addNote(f, LETTER, '   '), SHOWN);
    assert.deepStrictEqual(refused, { kind: 'refused', error: 'a note needs some text' });
  });
});
