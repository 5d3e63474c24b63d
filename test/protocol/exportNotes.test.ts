// The editor's Export (`imrLetters/exportDecisions`) carries the user's notes and tags from the
// notes file beside the letters, for a letter read from disk and for one open in the editor alike,
// and from the client's copy of the file when the server cannot see it (VS Code for the Web).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { pathKey, itemKeyOf } from '../../server/src/notes/keys';
import { EMPTY_NOTES_FILE, type NotesFile } from '../../server/src/notes/model';
import { serializeNotesFile } from '../../server/src/notes/notesFile';
import { addNote, setTags } from '../../server/src/notes/operations';
import { ExportDecisionsRequest, ExportDecisionsResult, NotesNotification } from '../../server/src/protocol/requests';
import { openDocument, ROOT, startServer, TestServer, waitForIndex } from './client';

const LETTER = '001_95d645f4881bb0c4.txt';
const XANAX = 'Xanax 2mg, 1 twice a day as needed for 12 months';

describe('the editor\u2019s Export carries the notes file\u2019s notes and tags', function () {
  let server: TestServer;
  let dir: string;
  let clientCopy: NotesFile;
  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-ws-export-notes-'));
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'letters', LETTER), path.join(dir, LETTER));
    const target = { letter: pathKey(LETTER), item: itemKeyOf(XANAX), itemName: XANAX };
    const noted = addNote(EMPTY_NOTES_FILE, target, 'Ask for the *prescriber*\u2019s records');
    assert.ok(noted.ok);
    const tagged = setTags(noted.file, target, ['appeal']);
    assert.ok(tagged.ok);
    clientCopy = tagged.file;
    fs.mkdirSync(path.join(dir, '.imr-letters'));
    fs.writeFileSync(path.join(dir, '.imr-letters', 'notes.json'), serializeNotesFile(tagged.file));
    server = await startServer({ workspaceFolders: [pathToFileURL(dir).toString()] });
    await waitForIndex(server);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function xanaxRecord(): Promise<{ notes: string[]; tags: string[] }> {
    const result = (await server.connection.sendRequest(ExportDecisionsRequest, {
      format: 'jsonl',
      path: path.join(dir, 'decisions.jsonl'),
      inline: true,
    })) as ExportDecisionsResult;
    const records = result
      .content!.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { item: string; notes: string[]; tags: string[] });
    const xanax = records.find((r) => r.item === XANAX);
    assert.ok(xanax, records.map((r) => r.item).join(' | '));
    return xanax;
  }

  it('for a letter read from disk', async () => {
    const xanax = await xanaxRecord();
    assert.deepStrictEqual([xanax.notes, xanax.tags], [['Ask for the *prescriber*\u2019s records'], ['appeal']]);
  });

  it('for the same letter open in the editor', async () => {
    const file = path.join(dir, LETTER);
    await openDocument(server, pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
    const xanax = await xanaxRecord();
    assert.deepStrictEqual([xanax.notes, xanax.tags], [['Ask for the *prescriber*\u2019s records'], ['appeal']]);
  });

  it('from the notes file the client sent, when none is on disk beside the letter', async () => {
    // As in VS Code for the Web: the client reads the notes file through workspace.fs and sends it.
    fs.rmSync(path.join(dir, '.imr-letters'), { recursive: true });
    const before = await xanaxRecord();
    assert.deepStrictEqual([before.notes, before.tags], [[], []], 'no notes file on disk, none sent yet');
    await server.connection.sendNotification(NotesNotification, {
      folders: [{ folder: pathToFileURL(dir).toString(), file: clientCopy }],
    });
    const xanax = await xanaxRecord();
    assert.deepStrictEqual([xanax.notes, xanax.tags], [['Ask for the *prescriber*\u2019s records'], ['appeal']]);
  });
});
