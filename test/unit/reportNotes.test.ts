// The decisions report filtered by the user's work: each item's letter status and tags from the
// notes file, on the real letters of test/fixtures/letters (none states a case number: each is
// keyed by its path). From reading them: 000 has two items, 001 four (Lexapro, Buspar, Xanax,
// medication management), 002 one, 004 one; all Upheld.

import * as assert from 'assert';
import { decisionsReport } from '../../server/src/features/decisionsReport';
import { pathKey } from '../../server/src/notes/keys';
import { EMPTY_NOTES_FILE, type NotesFile } from '../../server/src/notes/model';
import { changeTags, setStatus } from '../../server/src/notes/operations';
import { renderHtml } from '../../server/src/report/html';
import { filterText } from '../../server/src/report/notesFilter';
import { allLetters, indexEntry } from './helpers';

const ROOT = 'file:///letters';
const L000 = '000_ccd83326e20498fa.txt';
const L001 = '001_95d645f4881bb0c4.txt';
const XANAX = 'Xanax 2mg, 1 twice a day as needed for 12 months';

function must(r: { ok: boolean; file?: NotesFile; error?: string }): NotesFile {
  assert.ok(r.ok, r.error);
  return r.file!;
}

const entries = allLetters().map(({ name, text }, i) => indexEntry(`${ROOT}/${name}`, name, text, i));

let notes = must(setStatus(EMPTY_NOTES_FILE, pathKey(L001), 'Appeal', { now: '2026-12-07T10:00:00.000Z' }));
notes = must(
  changeTags(
    notes,
    { letter: pathKey(L001), item: 'xanax 2mg 1 twice a day as needed for 12 months', itemName: XANAX },
    { add: ['appeal'] },
  ),
);
notes = must(changeTags(notes, { letter: pathKey(L000) }, { add: ['#qa', '<b>bold</b>'] }));

const placeOf = (uri: string) =>
  uri.startsWith(`${ROOT}/`) ? { file: notes, relativePath: uri.slice(ROOT.length + 1) } : undefined;

function report(filter: { status?: string; tag?: string }) {
  return decisionsReport(entries, filter, [ROOT], false, placeOf).report;
}

function webviewPage(filter: { status?: string; tag?: string }, knownStatuses?: string[]): string {
  const result = decisionsReport(entries, { ...filter, knownStatuses }, [ROOT], false, placeOf);
  return renderHtml(result.report, {
    webview: { nonce: 'n0nce', cspSource: 'vscode-resource:' },
    pickers: { choices: result.choices, ...filter },
  });
}

describe('decisions report: status and tags from the notes', () => {
  it('gives each item its letter status and its tags, the letter\u2019s and the item\u2019s', () => {
    const items = report({}).items;
    assert.strictEqual(items.length, 8);
    const of001 = items.filter((r) => r.file === L001);
    assert.deepStrictEqual(
      of001.map((r) => [r.item.split(',')[0], r.status, r.tags]),
      [
        ['Lexapro 20mg', 'Appeal', undefined],
        ['Buspar 15mg', 'Appeal', undefined],
        ['Xanax 2mg', 'Appeal', ['appeal']],
        ['12 Sessions of medication management with a psychiatrist', 'Appeal', undefined],
      ],
    );
    assert.deepStrictEqual(
      items.filter((r) => r.file === L000).map((r) => [r.status, r.tags]),
      [
        [undefined, ['<b>bold</b>', 'qa']],
        [undefined, ['<b>bold</b>', 'qa']],
      ],
    );
  });

  it('keeps the items of a tag (# and case ignored) or of a status, and counts only their letters', () => {
    const tagged = report({ tag: '#Appeal' });
    assert.deepStrictEqual(
      tagged.items.map((r) => r.item),
      [XANAX],
    );
    assert.deepStrictEqual([tagged.totals.letters, tagged.totals.items, tagged.totals.upheld], [1, 1, 1]);
    const inAppeal = report({ status: 'appeal' });
    assert.deepStrictEqual([inAppeal.totals.letters, inAppeal.totals.items], [1, 4]);
    assert.strictEqual(report({ tag: 'qa' }).totals.items, 2);
    assert.strictEqual(report({ tag: 'qa', status: 'Appeal' }).totals.items, 0);
    // No filter: every letter of the folder.
    assert.deepStrictEqual([report({}).totals.letters, report({}).totals.items], [4, 8]);
  });

  it('shows a status and tags column in the items table, the user\u2019s words escaped', () => {
    const html = renderHtml(report({}));
    assert.match(html, /<th>Status \u00b7 tags<\/th>/);
    assert.match(html, /<td>Appeal \u00b7 #appeal<\/td>/);
    assert.match(html, /<td>#&#60;b&#62;bold&#60;\/b&#62; \u00b7 #qa<\/td>/);
    assert.doesNotMatch(html, /<b>bold/);
    // Without notes, no such column.
    assert.doesNotMatch(renderHtml(decisionsReport(entries, {}, [ROOT], false).report), /Status \u00b7 tags/);
  });

  it('offers the pickers the known statuses, then those in use, and the tags in use, whatever the filter keeps', () => {
    const known = ['New', 'In review', 'APPEAL', 'Done'];
    const all = decisionsReport(entries, { knownStatuses: known }, [ROOT], false, placeOf);
    // `Appeal` in use is `APPEAL` known (case ignored); the tags of 000 and of 001's Xanax.
    assert.deepStrictEqual(all.choices, { statuses: known, tags: ['<b>bold</b>', 'appeal', 'qa'] });
    // Filtered to one item, the pickers still offer everything the folder's letters have.
    const one = decisionsReport(entries, { tag: 'appeal' }, [ROOT], false, placeOf);
    assert.strictEqual(one.report.totals.items, 1);
    assert.deepStrictEqual(one.choices, { statuses: ['Appeal'], tags: ['<b>bold</b>', 'appeal', 'qa'] });
    // No notes: nothing to offer but the known statuses.
    assert.deepStrictEqual(decisionsReport(entries, { knownStatuses: ['New'] }, [ROOT], false).choices, {
      statuses: ['New'],
      tags: [],
    });
  });

  it('says what the report is kept to, of how many items', () => {
    const filtered = report({ status: 'Appeal', tag: '#appeal' });
    assert.deepStrictEqual(filtered.filter, {
      statuses: ['Appeal'],
      tags: ['appeal'],
      of: { items: 8, letters: 4 },
    });
    assert.strictEqual(
      filterText(filtered.filter!, filtered.totals.items),
      'Status: Appeal \u00b7 Tag: appeal \u00b7 1 of 8 items',
    );
    assert.strictEqual(
      filterText({ statuses: ['Appeal', 'Done'], tags: ['esi', 'qa'], of: { items: 1200, letters: 9 } }, 12),
      'Status: Appeal or Done \u00b7 Tag: esi or qa \u00b7 12 of 1,200 items',
    );
    assert.strictEqual(report({}).filter, undefined);
  });

  it('draws the pickers in the webview, the picked ones selected, every word of the notes escaped', () => {
    const page = webviewPage({ status: 'appeal', tag: '#qa' }, ['New', 'Appeal']);
    const status = page.match(/<select id="status-filter">(.*?)<\/select>/)?.[1];
    assert.strictEqual(
      status,
      '<option value="">All</option><option value="New">New</option><option value="Appeal" selected>Appeal</option>',
    );
    const tag = page.match(/<select id="tag-filter">(.*?)<\/select>/)?.[1];
    assert.strictEqual(
      tag,
      '<option value="">All</option><option value="&#60;b&#62;bold&#60;/b&#62;">#&#60;b&#62;bold&#60;/b&#62;</option>' +
        '<option value="appeal">#appeal</option><option value="qa" selected>#qa</option>',
    );
    assert.match(page, /<span class="filtered">Status: appeal \u00b7 Tag: qa \u00b7 0 of 8 items<\/span>/);
    assert.doesNotMatch(page, /<b>bold/);
    // Picking posts the filter from the page's own script, under the same nonce'd policy.
    assert.match(page, /script-src 'nonce-n0nce'/);
    assert.match(page, /postMessage\(\{type:'filter',status:status\.value,tag:tag\.value\}\)/);
    // A status picked that no letter has (a command's argument) is still shown as picked.
    assert.match(webviewPage({ status: 'Gone' }), /<option value="Gone" selected>Gone<\/option>/);
    // Unfiltered: All picked in both; the command line's page has no pickers.
    const plain = webviewPage({});
    assert.strictEqual((plain.match(/<option value="" selected>All<\/option>/g) ?? []).length, 2);
    assert.doesNotMatch(renderHtml(report({ tag: 'qa' })), /<select id="(status|tag)-filter"/);
    assert.match(renderHtml(report({ tag: 'qa' })), /<div class="filtered">Tag: qa \u00b7 2 of 8 items<\/div>/);
  });
});
