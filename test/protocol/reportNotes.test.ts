// The decisions report's pickers through the server, as the editor asks (imrLetters/decisionsReport
// with the notes the client sent): the statuses offered (the user's setting first, then those the
// letters have) and the tags the letters have, whatever the filter keeps; and the filter applied.
// From reading the letters: CM16-0245796 has 2 items (Salonpas, Anecream), CM16-0247274 has 6 (its
// right and left L5-S1 epidural steroid injections among them), CM16-0213037 has 2; all Upheld.

import * as assert from 'assert';
import { serveLettersWithNotes, type TestServer } from './client';
import {
  DecisionsReportRequest,
  type DecisionsReportParams,
  type DecisionsReportResult,
} from '../../server/src/protocol';
import { itemKeyOf } from '../../server/src/notes/keys';
import type { LetterNotes, NotesFile } from '../../server/src/notes/model';

/** A letter's status and tags, and its items' tags by name (keyed as the notes file keys them). */
function letter(status: string, tags: string[], items: Record<string, string[]> = {}): LetterNotes {
  return {
    status: { value: status, updated: '2026-12-07T11:00:00.000Z' },
    tags,
    notes: [],
    items: Object.fromEntries(
      Object.entries(items).map(([name, t]) => [itemKeyOf(name), { name, tags: t, notes: [] }]),
    ),
  };
}

const NOTES: NotesFile = {
  version: 1,
  letters: {
    'case:CM16-0245796': letter('In review', ['appeal']),
    'case:CM16-0247274': letter('Appeal', [], {
      'Left L5-S1 epidural steroid injection': ['esi'],
      'Right L5-S1 epidural steroid injection': ['esi'],
    }),
  },
};

/** Three posted letters as the extraction tools give them. */
const LETTERS = ['CM16-0213037.pdftotext.txt', 'CM16-0245796.pdftotext-raw.txt', 'CM16-0247274.pdftotext-raw.txt'];

describe('decisions report pickers through the server', function () {
  let server: TestServer;
  let stop: () => Promise<void>;
  before(async () => ({ server, stop } = await serveLettersWithNotes(LETTERS, NOTES)));
  after(() => stop());

  const report = async (params: DecisionsReportParams | Record<string, unknown>) =>
    (await server.connection.sendRequest(DecisionsReportRequest, params)) as DecisionsReportResult;

  it('offers the known statuses in their order, then the others the letters have, and their tags', async () => {
    const all = await report({ knownStatuses: ['New', 'In review', 'Appeal', 'Done'] });
    assert.deepStrictEqual([all.report.totals.letters, all.report.totals.items], [3, 10]);
    assert.deepStrictEqual(all.choices, { statuses: ['New', 'In review', 'Appeal', 'Done'], tags: ['appeal', 'esi'] });
    // A setting that lists neither: the letters' statuses after it, sorted; what is not a string ignored.
    assert.deepStrictEqual((await report({ knownStatuses: [1, 'New'] })).choices.statuses, [
      'New',
      'Appeal',
      'In review',
    ]);
    assert.deepStrictEqual((await report({})).choices.statuses, ['Appeal', 'In review']);
  });

  it('keeps the items picked, says of how many, and offers the same choices', async () => {
    const esi = await report({ tag: 'esi', knownStatuses: ['New'] });
    assert.deepStrictEqual(
      esi.report.items.map((i) => i.item),
      ['Right L5-S1 epidural steroid injection', 'Left L5-S1 epidural steroid injection'],
    );
    assert.deepStrictEqual(esi.report.filter, { statuses: [], tags: ['esi'], of: { items: 10, letters: 3 } });
    assert.deepStrictEqual(esi.choices, { statuses: ['New', 'Appeal', 'In review'], tags: ['appeal', 'esi'] });
    // A status and a tag: both apply (case and `#` ignored).
    const both = await report({ status: 'in review', tag: '#APPEAL' });
    assert.deepStrictEqual([both.report.totals.letters, both.report.totals.items], [1, 2]);
    assert.strictEqual((await report({ status: 'Appeal', tag: 'appeal' })).report.totals.items, 0);
  });
});

describe('decisions report: appeal windows through the server, with the user\u2019s days for mail', function () {
  let server: TestServer;
  let stop: () => Promise<void>;
  before(async () => ({ server, stop } = await serveLettersWithNotes(LETTERS, NOTES, { appeal: { mailDays: 0 } })));
  after(() => stop());

  it('counts each letter\u2019s last day with no days for mail, and closes all three today', async () => {
    const { report } = (await server.connection.sendRequest(DecisionsReportRequest, {})) as DecisionsReportResult;
    // 30 days from 12/09/2016 is Sunday 01/08 (so Monday), from 01/30/2017 Wednesday 03/01, from
    // 02/03/2017 Sunday 03/05 (so Monday): by hand, as test/unit/appealDates.ts counts with 5 days.
    assert.deepStrictEqual(
      [...new Set(report.items.map((i) => `${i.caseNumber} ${i.appealBy}`))],
      ['CM16-0213037 2017-01-09', 'CM16-0245796 2017-03-01', 'CM16-0247274 2017-03-06'],
    );
    assert.deepStrictEqual([report.appeals!.open, report.appeals!.closed, report.appeals!.undated], [[], 3, 0]);
  });
});
