// `imr-letters report --status/--tag`: the report kept to the items whose letter has a status, or
// which have a tag (on the item or its letter), in the notes file beside the letters, as the
// editor's report filters. A temp folder holds the four text letters of test/fixtures/letters
// (no case number: keyed by their path) and two posted PDFs (keyed by case number), and a notes
// file this test writes. From reading the letters: 000 has 2 items, 001 has 4 (Lexapro, Buspar,
// Xanax, medication management), 002 and 004 one each, all Upheld; CM16-0247274 has 6 (its right
// and left L5-S1 epidural steroid injections among them), all Upheld; CM16-0247802 has 5, the
// spine surgery evaluation Overturned. 6 letters, 19 items in all.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DecisionsReport } from '../../server/src/report/model';
import { hasStackTrace, ROOT, runCliAsync, tempDir } from './helpers';

const NOTES = {
  version: 1,
  letters: {
    'case:CM16-0247274': {
      status: { value: 'In review', updated: '2026-12-07T10:00:00.000Z' },
      items: {
        'left l5 s1 epidural steroid injection': { name: 'Left L5-S1 epidural steroid injection', tags: ['esi'] },
        'right l5 s1 epidural steroid injection': { name: 'Right L5-S1 epidural steroid injection', tags: ['esi'] },
      },
    },
    'case:CM16-0247802': {
      status: { value: 'Appeal', updated: '2026-12-07T10:00:00.000Z' },
      tags: ['qa'],
    },
    'path:000_ccd83326e20498fa.txt': { tags: ['<img src=x onerror=alert(1)>', 'QA'] },
    'path:001_95d645f4881bb0c4.txt': {
      // Lower case: a status matches whatever its case.
      status: { value: 'appeal', updated: '2026-12-07T10:00:00.000Z' },
      items: {
        'xanax 2mg 1 twice a day as needed for 12 months': {
          name: 'Xanax 2mg, 1 twice a day as needed for 12 months',
          tags: ['esi'],
        },
      },
    },
  },
};

function letterFolder(): string {
  const dir = tempDir('report-filter');
  for (const name of fs.readdirSync(path.join(ROOT, 'test/fixtures/letters')).filter((n) => n.endsWith('.txt')))
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/letters', name), path.join(dir, name));
  for (const name of ['CM16-0247274.pdf', 'CM16-0247802.pdf'])
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/letters-pdf', name), path.join(dir, name));
  fs.mkdirSync(path.join(dir, '.imr-letters'));
  fs.writeFileSync(path.join(dir, '.imr-letters/notes.json'), JSON.stringify(NOTES, null, 2) + '\n');
  return dir;
}

describe('imr-letters report --status/--tag', function () {
  // Each run reads two PDFs.
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = letterFolder()));

  async function json(...filter: string[]): Promise<DecisionsReport> {
    const r = await runCliAsync(['report', '.', '--format', 'json', ...filter], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as DecisionsReport;
  }

  function counts(report: DecisionsReport): [number, number, number] {
    return [report.totals.letters, report.totals.items, report.totals.overturned];
  }

  it('without a filter: every item, each with its status and tags', async () => {
    const report = await json();
    assert.deepStrictEqual(counts(report), [6, 19, 1]);
    assert.strictEqual(report.filter, undefined);
    const esi = report.items.filter((i) => /L5-S1 epidural/.test(i.item));
    assert.deepStrictEqual(
      esi.map((i) => [i.status, i.tags]),
      [
        ['In review', ['esi']],
        ['In review', ['esi']],
      ],
    );
  });

  it('--status keeps the items of letters with that status, whatever its case; repeated, any of them', async () => {
    const appeal = await json('--status', 'Appeal');
    // 001 (4 items, its status written `appeal`) and CM16-0247802 (5, one overturned).
    assert.deepStrictEqual(counts(appeal), [2, 9, 1]);
    assert.deepStrictEqual(appeal.filter, { statuses: ['Appeal'], tags: [], of: { items: 19, letters: 6 } });
    const either = await json('--status', 'appeal', '--status', 'IN REVIEW');
    assert.deepStrictEqual(counts(either), [3, 15, 1]);
  });

  it('--tag keeps the items tagged, on the item or its letter (# and case ignored); with --status, both apply', async () => {
    // The two ESI items of CM16-0247274 and 001's Xanax.
    const esi = await json('--tag', 'esi');
    assert.deepStrictEqual(counts(esi), [2, 3, 0]);
    assert.deepStrictEqual(esi.items.map((i) => i.item.split(',')[0]).sort(), [
      'Left L5-S1 epidural steroid injection',
      'Right L5-S1 epidural steroid injection',
      'Xanax 2mg',
    ]);
    // And every item of 000 (`QA` on the letter) and of CM16-0247802 (`qa` on the letter).
    assert.deepStrictEqual(counts(await json('--tag', '#ESI', '--tag', 'qa')), [4, 10, 1]);
    // Appeal and esi: 001's Xanax only (CM16-0247274's injections are In review).
    const both = await json('--status', 'Appeal', '--tag', 'esi');
    assert.deepStrictEqual(counts(both), [1, 1, 0]);
    assert.match(both.items[0].item, /^Xanax 2mg/);
  });

  it('a status no letter has: an empty report, not an error', async () => {
    const r = await runCliAsync(['report', '.', '--format', 'json', '--status', 'Done'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(counts(JSON.parse(r.stdout) as DecisionsReport), [0, 0, 0]);
    assert.match(r.stderr, /reported 0 of 19 items from 0 of 6 letters/);
  });

  it('Markdown and HTML say what the report is kept to, the notes\u2019 words escaped', async () => {
    const md = await runCliAsync(['report', '.', '--format', 'md', '--status', 'Appeal', '--tag', 'esi'], { cwd: dir });
    assert.strictEqual(md.code, 0, md.stderr);
    assert.ok(md.stdout.includes('**Status: Appeal \u00b7 Tag: esi \u00b7 1 of 19 items**'), md.stdout.slice(0, 400));
    assert.match(md.stdout, /\| Status \u00b7 tags \|/);
    const html = await runCliAsync(['report', '.', '--tag', 'qa'], { cwd: dir });
    assert.strictEqual(html.code, 0, html.stderr);
    assert.ok(html.stdout.includes('<div class="filtered">Tag: qa \u00b7 7 of 19 items</div>'));
    // The export writes a tag's spaces as dashes; its markup characters are escaped.
    assert.ok(html.stdout.includes('#&#60;img-src=x-onerror=alert(1)&#62; \u00b7 #QA'));
    assert.ok(!html.stdout.includes('<img'), 'a tag is never markup');
  });

  it('a damaged notes file: with --status/--tag, exit 2 naming it and no report; without, a warning', async () => {
    const damaged = tempDir('report-damaged');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/letters/001_95d645f4881bb0c4.txt'), path.join(damaged, 'a.txt'));
    fs.mkdirSync(path.join(damaged, '.imr-letters'));
    const notes = path.join(damaged, '.imr-letters/notes.json');
    fs.writeFileSync(notes, '{"version": 1, "letters": {');
    const filtered = await runCliAsync(['report', '.', '--tag', 'esi', '--output', 'out.html'], { cwd: damaged });
    assert.strictEqual(filtered.code, 2);
    assert.match(
      filtered.stderr,
      /^imr-letters: \.imr-letters\/notes\.json: damaged notes file, left as it is: .*; --status and --tag need it: no report written\n$/,
    );
    assert.ok(!hasStackTrace(filtered.stderr));
    assert.ok(!fs.existsSync(path.join(damaged, 'out.html')), 'no report written');
    const plain = await runCliAsync(['report', '.', '--format', 'json'], { cwd: damaged });
    assert.strictEqual(plain.code, 0, plain.stderr);
    assert.match(plain.stderr, /warning: .*notes\.json: damaged notes file.*; reported without notes/);
    assert.strictEqual((JSON.parse(plain.stdout) as DecisionsReport).totals.items, 4);
    assert.strictEqual(fs.readFileSync(notes, 'utf8'), '{"version": 1, "letters": {', 'the file left as it was');
  });

  it('refuses --status or --tag without a value, and on other commands', async () => {
    for (const [args, message] of [
      [['report', '.', '--status'], `option '--status' needs a value (argument 3)`],
      [['report', '.', '--tag', ' '], `option '--tag' needs a value (argument 3)`],
      [['export', '.', '--tag', 'esi'], `option '--tag' does not apply to 'export' (argument 3)`],
    ] as const) {
      const r = await runCliAsync(args, { cwd: dir });
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.strictEqual(r.stderr, `imr-letters: ${message}\n`);
    }
  });
});
