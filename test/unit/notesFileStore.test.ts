// The notes file on disk: found upward, written atomically under its lock, a damaged file never
// written over, and nothing written (or created) for a change that changes nothing.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findNotesFile, notesFilePath, readNotesFile, updateNotesFile } from '../../server/src/notes/fileStore';
import type { Target } from '../../server/src/notes/model';
import { addNote, setStatus } from '../../server/src/notes/operations';

const WHOLE: Target = { letter: 'case:CM16-0213037' };

describe('notes file store', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-notes-store-'));
    file = notesFilePath(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates nothing, not even its folder, for a change that changes nothing', () => {
    const r = updateNotesFile(file, (latest) => setStatus(latest, WHOLE.letter, undefined));
    assert.ok(r.ok && !r.written);
    assert.strictEqual(fs.existsSync(path.dirname(file)), false);
  });

  it('writes a change, reads it back, and leaves only the notes file in its folder', () => {
    const r = updateNotesFile(file, (latest) => addNote(latest, WHOLE, 'first', { id: 'n1' }));
    assert.ok(r.ok && r.written);
    const read = readNotesFile(file);
    assert.strictEqual(read.kind, 'ok');
    assert.strictEqual(read.kind === 'ok' && read.file.letters[WHOLE.letter].notes[0].text, 'first');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['notes.json']);
    // The same status twice: the second writes nothing.
    assert.ok(updateNotesFile(file, (f) => setStatus(f, WHOLE.letter, 'Done')).ok);
    const mtime = fs.statSync(file).mtimeMs;
    const again = updateNotesFile(file, (f) => setStatus(f, WHOLE.letter, 'Done'));
    assert.ok(again.ok && !again.written);
    assert.strictEqual(fs.statSync(file).mtimeMs, mtime);
  });

  it('is found from a folder below its workspace folder', () => {
    updateNotesFile(file, (latest) => addNote(latest, WHOLE, 'x'));
    fs.mkdirSync(path.join(dir, 'letters', '2017'), { recursive: true });
    assert.strictEqual(findNotesFile(path.join(dir, 'letters', '2017')), file);
  });

  it('refuses to change a damaged file, names it, and leaves it byte for byte', () => {
    fs.mkdirSync(path.dirname(file));
    const bytes = Buffer.from('{"version": 1, "letters": {"case:X": {"notes": [}}}\r\n\u00ff', 'latin1');
    fs.writeFileSync(file, bytes);
    const r = updateNotesFile(file, (latest) => addNote(latest, WHOLE, 'x'), { shown: '.imr-letters/notes.json' });
    assert.ok(!r.ok);
    assert.match(r.error, /^\.imr-letters\/notes\.json: damaged notes file, left as it is: not valid JSON/);
    assert.ok(fs.readFileSync(file).equals(bytes));
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['notes.json']);
  });

  it('waits for a live lock and then says who holds it, without writing', () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(`${file}.lock`, 'another process');
    const r = updateNotesFile(file, (latest) => addNote(latest, WHOLE, 'x'), { waitMs: 50, shown: 'notes.json' });
    assert.ok(!r.ok);
    assert.match(
      r.error,
      /^notes\.json: the notes file is locked by another process \(.*notes\.json\.lock\); if none is running, delete the lock file$/,
    );
    assert.strictEqual(fs.existsSync(file), false);
    assert.strictEqual(fs.readFileSync(`${file}.lock`, 'utf8'), 'another process');
  });

  it('takes over a lock older than the stale time', () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(`${file}.lock`, 'a process that died');
    const old = new Date(Date.now() - 30_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const r = updateNotesFile(file, (latest) => addNote(latest, WHOLE, 'x'), { waitMs: 2_000 });
    assert.ok(r.ok && r.written);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['notes.json']);
  });
});
