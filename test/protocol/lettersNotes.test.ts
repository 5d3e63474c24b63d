// The Letters view's requests with the notes the client sends (imrLetters/notes): each letter's
// status, tags and appeal window, and the filter's terms, through the server as the view asks.
// Real letters' headers (dated 01/30/2017, 02/03/2017, 12/09/2016): every window is long closed.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  LetterGroupsRequest,
  LettersInGroupRequest,
  NotesNotification,
  type LetterGroupsResult,
  type LettersInGroupParams,
  type LettersInGroupResult,
} from '../../server/src/protocol';
import type { NotesFile } from '../../server/src/notes/model';
import type { SymbolInformation } from 'vscode-languageserver';
import { ROOT, startServer, TestServer, waitForIndex } from './client';

const FILES = ['CM16-0245796.pdftotext-raw.txt', 'CM16-0247274.pdftotext-raw.txt', 'CM16-0213037.pdftotext.txt'];
const AT = '2026-12-07T11:00:00.000Z';

const NOTES: NotesFile = {
  version: 1,
  letters: {
    'case:CM16-0245796': {
      status: { value: 'In review', updated: AT },
      tags: ['appeal'],
      notes: [{ id: 'n1', created: AT, updated: AT, text: 'Ask for the records' }],
      items: {},
    },
  },
};

describe('Letters view requests with notes', function () {
  let dir: string;
  let server: TestServer;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr letters notes-'));
    for (const f of FILES) fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'extraction', f), path.join(dir, f));
    server = await startServer({ workspaceFolders: [pathToFileURL(dir).toString()] });
    await waitForIndex(server);
    await server.connection.sendNotification(NotesNotification, {
      folders: [{ folder: pathToFileURL(dir).toString(), file: NOTES }],
    });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const inGroup = async (p: LettersInGroupParams) =>
    (await server.connection.sendRequest(LettersInGroupRequest, p)) as LettersInGroupResult;
  const groups = async (groupBy: string, filter?: string) =>
    (await server.connection.sendRequest(LetterGroupsRequest, { groupBy, filter })) as LetterGroupsResult;

  it("sends each letter's status, tags and appeal window", async () => {
    const { letters } = await inGroup({ groupBy: 'outcome', key: 'upheld' });
    assert.strictEqual(letters.length, 3);
    const a = letters.find((l) => l.caseNumber === 'CM16-0245796')!;
    assert.deepStrictEqual([a.status, a.tags, a.notes], ['In review', ['appeal'], 1]);
    assert.deepStrictEqual([a.appeal?.lastDay, a.appeal?.open], ['2017-03-06', false]);
    assert.strictEqual(a.appeal?.rule, '30 days from 01/30/2017 + 5 for mail: Monday 2017-03-06');
    const c = letters.find((l) => l.caseNumber === 'CM16-0213037')!;
    assert.deepStrictEqual([c.status, c.tags, c.appeal?.lastDay], [undefined, undefined, '2017-01-13']);
  });

  it('filters by tag, status, outcome and open window', async () => {
    assert.strictEqual((await groups('outcome', '#appeal')).totals.letters, 1);
    assert.strictEqual((await groups('outcome', 'status:"in review"')).totals.letters, 1);
    assert.strictEqual((await groups('outcome', 'status:done')).totals.letters, 0);
    assert.strictEqual((await groups('outcome', 'outcome:upheld')).totals.letters, 3);
    assert.strictEqual((await groups('outcome', 'appeal:open')).totals.letters, 0);
    assert.strictEqual((await groups('outcome', 'appeal:closed')).totals.letters, 3);
    const tagged = await inGroup({ groupBy: 'outcome', key: 'upheld', filter: '#appeal' });
    assert.deepStrictEqual(
      tagged.letters.map((l) => l.caseNumber),
      ['CM16-0245796'],
    );
  });

  it('groups by appeal deadline, the most recently closed first', async () => {
    const r = await groups('appeal');
    assert.deepStrictEqual(
      r.groups.map((g) => [g.key, g.letters]),
      [['closed', 3]],
    );
    const { letters } = await inGroup({ groupBy: 'appeal', key: 'closed' });
    assert.deepStrictEqual(
      letters.map((l) => l.appeal?.lastDay),
      ['2017-03-10', '2017-03-06', '2017-01-13'],
    );
  });

  it('Go to Symbol in Workspace finds the items by tag and by the words of their notes', async () => {
    const symbols = async (query: string) =>
      ((await server.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[])
        .map((s) => s.name.split(' \u00b7 ')[0])
        .sort();
    // The tag and the note are on the letter as a whole: both its items.
    assert.deepStrictEqual(await symbols('#appeal'), ['Anecream cream 4% #30', 'Salonpas pad #60']);
    // Every word: one in the letter's note, one in the item's name.
    assert.deepStrictEqual(await symbols('records anecream'), ['Anecream cream 4% #30']);
    assert.deepStrictEqual(await symbols('records'), ['Anecream cream 4% #30', 'Salonpas pad #60']);
    const named = (await server.connection.sendRequest('workspace/symbol', {
      query: '#appeal',
    })) as SymbolInformation[];
    assert.ok(named[0].name.endsWith('#appeal \u00b7 \u201cAsk for the records\u201d'), named[0].name);
  });

  it('forgets the status and tags when the notes are gone', async () => {
    await server.connection.sendNotification(NotesNotification, { folders: [] });
    assert.strictEqual((await groups('outcome', '#appeal')).totals.letters, 0);
    await server.connection.sendNotification(NotesNotification, {
      folders: [{ folder: pathToFileURL(dir).toString(), file: NOTES }],
    });
    assert.strictEqual((await groups('outcome', '#appeal')).totals.letters, 1);
  });
});
