// `imr-letters report`: the decisions report of the 39 posted letters (test/fixtures/letters-pdf) in
// its three formats, against what the letters say (test/fixtures/letters-pdf/expected, written by
// reading each letter: its items and outcomes, its reviewer's specialties, its header dates; and
// test/fixtures/letters-pdf/categories.json, each item's category and drug class labelled by hand);
// and the same export loaded into DuckDB, whose GROUP BY of category and outcome gives the report's
// category table. The PDFs are read by the tool's own PDF reader.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DecisionsReport, GroupRow, GROUPINGS } from '../../server/src/report/model';
import { POSTED_APPEALS } from '../unit/appealDates';
import { ROOT, runCliAsync, tempDir } from './helpers';

const PDFS = 'test/fixtures/letters-pdf';

interface ExpectedLetter {
  caseNumber: string;
  /** As the header prints it: `12/09/2016`. */
  decisionDate: string;
  applicationReceived: string;
  priority: string;
  specialties: string[];
  items: Array<{ name: string; outcome: 'Upheld' | 'Overturned' }>;
}

function expectedLetters(): ExpectedLetter[] {
  const dir = path.join(ROOT, PDFS, 'expected');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ExpectedLetter);
}

interface Label {
  category: string;
  drugClass: string | null;
  drug: string | null;
}

function labels(): Record<string, Label[]> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, PDFS, 'categories.json'), 'utf8')) as Record<string, Label[]>;
}

/** Days between two printed dates (`11/03/2016`), counted on the calendar. */
function printedDays(from: string, to: string): number {
  const utc = (d: string) => {
    const [m, day, y] = d.split('/').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return (utc(to) - utc(from)) / 86_400_000;
}

function medianOf(values: number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/** `12/09/2016` → `2016-12`. */
function monthOf(letter: ExpectedLetter): string {
  const [month, , year] = letter.decisionDate.split('/');
  return `${year}-${month}`;
}

describe('imr-letters report', function () {
  // 39 PDFs read by pdf.js on a loaded machine.
  this.timeout(180000);
  let json: DecisionsReport;
  let dir: string;

  before(async () => {
    dir = tempDir('imr-report-');
    const r = await runCliAsync(['report', PDFS, '--format', 'json', '-o', path.join(dir, 'report.json')]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /reported 84 items from 39 letters to .*report\.json/);
    json = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as DecisionsReport;
  });

  it('--format json: totals and overturn rate by reviewer specialty as the letters state them', () => {
    const letters = expectedLetters();
    const items = letters.flatMap((l) => l.items);
    const overturned = items.filter((i) => i.outcome === 'Overturned').length;
    assert.deepStrictEqual(json.totals, {
      items: items.length,
      upheld: items.length - overturned,
      overturned,
      unknown: 0,
      missing: 0,
      overturnRate: overturned / items.length,
      letters: letters.length,
    });
    assert.strictEqual(json.totals.items, 84);
    assert.strictEqual(json.totals.overturned, 10);
    const bySpecialty = new Map<string, [number, number]>();
    for (const l of letters)
      for (const s of l.specialties) {
        const counts = bySpecialty.get(s) ?? [0, 0];
        counts[0] += l.items.length;
        counts[1] += l.items.filter((i) => i.outcome === 'Overturned').length;
        bySpecialty.set(s, counts);
      }
    assert.deepStrictEqual(
      Object.fromEntries(json.bySpecialty.map((g) => [g.key, [g.items, g.overturned]])),
      Object.fromEntries(bySpecialty),
    );
    assert.deepStrictEqual(json.items.map((i) => i.item).sort(), items.map((i) => i.name).sort());
  });

  it('--format json: each letter\u2019s last day to appeal, counted by hand; on the day it runs every window is closed', () => {
    const byCase = new Map(POSTED_APPEALS.map(([caseNumber, , lastDay]) => [caseNumber, lastDay]));
    for (const item of json.items) assert.strictEqual(item.appealBy, byCase.get(item.caseNumber!), item.caseNumber!);
    assert.strictEqual(byCase.size, 39);
    const a = json.appeals!;
    // The letters are from 2016 and 2017.
    assert.deepStrictEqual([a.open, a.closed, a.undated], [[], 39, 0]);
    assert.match(a.today, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(a.today >= '2026-12-07', a.today);
  });

  it('--format json: overturn rate by decision month, from the dates the letters print', () => {
    const byMonth = new Map<string, [number, number]>();
    for (const l of expectedLetters().sort((a, b) => monthOf(a).localeCompare(monthOf(b)))) {
      const counts = byMonth.get(monthOf(l)) ?? [0, 0];
      counts[0] += l.items.length;
      counts[1] += l.items.filter((i) => i.outcome === 'Overturned').length;
      byMonth.set(monthOf(l), counts);
    }
    assert.deepStrictEqual(
      json.byMonth.map((g) => [g.key, g.items, g.overturned]),
      [...byMonth].map(([month, [items, overturned]]) => [month, items, overturned]),
    );
    assert.deepStrictEqual(
      json.byMonth.map((g) => g.key),
      ['2016-12', '2017-01', '2017-02'],
    );
  });

  it('--format json: share, overturn rate and median days by category, drug classes and top drugs, as labelled', () => {
    const letters = expectedLetters();
    const byCase = labels();
    const category = new Map<string, { items: number; overturned: number; days: number[] }>();
    const drugClass = new Map<string, [number, number]>();
    const drugs = new Map<string, number>();
    for (const l of letters) {
      const days = printedDays(l.applicationReceived, l.decisionDate);
      const seen = new Set<string>();
      l.items.forEach((item, i) => {
        const label = byCase[l.caseNumber][i];
        const c = category.get(label.category) ?? { items: 0, overturned: 0, days: [] };
        c.items++;
        if (item.outcome === 'Overturned') c.overturned++;
        // Each letter's days once per category it has items in.
        if (!seen.has(label.category)) c.days.push(days);
        seen.add(label.category);
        category.set(label.category, c);
        if (label.drugClass) {
          const d = drugClass.get(label.drugClass) ?? [0, 0];
          d[0]++;
          if (item.outcome === 'Overturned') d[1]++;
          drugClass.set(label.drugClass, d);
        }
        if (label.drug) drugs.set(label.drug, (drugs.get(label.drug) ?? 0) + 1);
      });
    }
    assert.deepStrictEqual(
      Object.fromEntries(json.byCategory.map((g) => [g.key, [g.items, g.share, g.overturned, g.medianDays]])),
      Object.fromEntries([...category].map(([k, c]) => [k, [c.items, c.items / 84, c.overturned, medianOf(c.days)]])),
    );
    assert.deepStrictEqual(
      Object.fromEntries(json.byDrugClass.map((g) => [g.key, [g.items, g.overturned]])),
      Object.fromEntries(drugClass),
    );
    // Every posted letter is Standard priority.
    assert.deepStrictEqual(
      json.byPriority.map((g) => [g.key, g.items, g.letters, g.medianDays]),
      [['Standard', 84, 39, medianOf(letters.map((l) => printedDays(l.applicationReceived, l.decisionDate)))]],
    );
    assert.ok(letters.every((l) => l.priority === 'Standard'));
    // Four drugs are disputed twice (in two letters each), the rest once.
    assert.deepStrictEqual(
      json.topDrugs.slice(0, 4).map((d) => [d.key, d.items]),
      [
        ['Cyclobenzaprine', 2],
        ['Lidocaine', 2],
        ['Norco', 2],
        ['Ultram', 2],
      ],
    );
    assert.deepStrictEqual(
      json.topDrugs.map((d) => d.items),
      json.topDrugs.map((d) => drugs.get(d.key)),
    );
  });

  it('--format md and --format html: the same totals, the HTML self-contained with its table script', async () => {
    const md = await runCliAsync(['report', PDFS, '-f', 'md']);
    assert.strictEqual(md.code, 0, md.stderr);
    assert.match(
      md.stdout,
      /^# IMR decisions report\n\nLetters in test\/fixtures\/letters-pdf, made [-\d]{10} \d\d:\d\d UTC\n\n39 letters, 84 disputed items: 74 upheld, 10 overturned; overturn rate 12%/,
    );
    for (const g of json.byCategory)
      assert.ok(md.stdout.includes(`| ${g.key} | ${g.items} | ${g.upheld} | ${g.overturned} |`), g.key);
    const html = await runCliAsync(['report', PDFS, '--format=html', '-o', path.join(dir, 'report.html')]);
    assert.strictEqual(html.code, 0, html.stderr);
    const page = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.strictEqual((page.match(/<tr data-outcome="/g) ?? []).length, 84);
    assert.strictEqual((page.match(/<tr data-outcome="Overturned"/g) ?? []).length, 10);
    assert.strictEqual((page.match(/<svg class="chart"/g) ?? []).length, 6);
    assert.match(page, /<h2>Items and days to decision by request category<\/h2>/);
    assert.match(page, /<h2>Top drugs<\/h2>.*<td>Norco<\/td><td>Opioids<\/td><td class="n">2<\/td>/s);
    assert.match(md.stdout, /\n## Days to decision by priority\n[^#]*\n\| Standard \| 84 \| 10 \| 12% \| 39 \| /);
    assert.ok(!/<script[^>]+src=|<link[^>]+href=|@import|url\(/.test(page), 'nothing loaded from elsewhere');
    assert.match(page, /<script>\(function\(\)\{/);
  });

  it('--format html: names its folder and date, lists files relative to it, no control characters', () => {
    const page = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(page), 'a control character in the page');
    assert.match(
      page,
      /<div class="made">Letters in test\/fixtures\/letters-pdf, made \d{4}-\d\d-\d\d \d\d:\d\d UTC<\/div>/,
    );
    const files = [...page.matchAll(/<td data-sort="\d+">([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.strictEqual(files.length, 84);
    for (const f of files) assert.match(f, /^CM\d\d-\d{7}\.pdf:\d+$/);
    // Every posted PDF holds one letter: no column of 1s.
    assert.ok(!page.includes('>Letter</th>'), 'a Letter column');
  });

  it('--format html and md: a group of fewer than five decided items has counts, no bar and no rate', async () => {
    const page = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    // Every grouping the page charts.
    const groupings = GROUPINGS.map((g) => json[g.key] as GroupRow[]);
    const charted = groupings.flatMap((groups) => groups.slice(0, 12));
    const few = charted.filter((g) => g.upheld + g.overturned < 5);
    // Home Health (the DWC's category), one item, overturned; Emergency Medicine and the month 2016-12 among others.
    assert.ok(few.some((g) => g.key === 'Home Health' && g.overturned === 1 && g.items === 1));
    assert.ok(few.some((g) => g.key === '2016-12'));
    assert.strictEqual((page.match(/<rect class="bar"/g) ?? []).length, charted.length - few.length);
    assert.strictEqual((page.match(/<g class="few">/g) ?? []).length, few.length);
    assert.ok(page.includes('>1 overturned, 0 upheld: too few to judge</text>'), 'Home Health in words');
    assert.ok(!page.includes('100% of 1'), 'a rate of one item');
    const md = await runCliAsync(['report', PDFS, '-f', 'md']);
    assert.ok(md.stdout.includes('| Home Health | 1 | 0 | 1 | too few |'), 'the Markdown table');
    assert.ok(md.stdout.includes('| Rehabilitation | 16 | 13 | 3 | 19% |'), 'a rate where there are enough');
    for (const text of [page, md.stdout]) assert.ok(!/\b1 (items|letters|groups)\b/.test(text), 'a wrong plural');
  });

  it('numbers the letters of a file that holds several, and lists files relative to the folder', async () => {
    const folder = path.join(tempDir('imr-report-several-'), 'letters');
    fs.mkdirSync(path.join(folder, '2014'), { recursive: true });
    const letter = (name: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'letters', name), 'utf8');
    // Letters 001 (four items) and 002 (one) in one file, letter 000 (two items) in a subfolder.
    fs.writeFileSync(
      path.join(folder, 'two.txt'),
      letter('001_95d645f4881bb0c4.txt') + letter('002_5ad3443a4d2d1746.txt'),
    );
    fs.writeFileSync(path.join(folder, '2014', 'one.txt'), letter('000_ccd83326e20498fa.txt'));
    const md = await runCliAsync(['report', 'letters', '-f', 'md'], { cwd: path.dirname(folder) });
    assert.strictEqual(md.code, 0, md.stderr);
    assert.match(
      md.stdout,
      /^# IMR decisions report\n\nLetters in letters, made \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\n3 letters, 7 disputed items:/,
    );
    assert.ok(md.stdout.includes('| File | Letter | Case |'), 'a Letter column');
    const rows = md.stdout.split('\n').filter((l) => /^\| (two|2014)/.test(l));
    assert.deepStrictEqual(
      rows.map((l) => l.split(' | ').slice(0, 2).join(' ')),
      [
        '| 2014/one.txt:51 1',
        '| 2014/one.txt:93 1',
        '| two.txt:53 1',
        '| two.txt:89 1',
        '| two.txt:121 1',
        '| two.txt:151 1',
        '| two.txt:254 2',
      ],
    );
    const files = await runCliAsync(['report', 'letters/two.txt', 'letters/2014/one.txt', '-f', 'json'], {
      cwd: path.dirname(folder),
    });
    const report = JSON.parse(files.stdout) as DecisionsReport & { heading: { of: string[]; folder: boolean } };
    assert.deepStrictEqual(report.heading.of, ['letters/two.txt', 'letters/2014/one.txt']);
    assert.strictEqual(report.heading.folder, false);
    assert.ok(
      report.items.every((r) => r.file.startsWith('letters/')),
      'paths relative to the working folder',
    );
  });

  it('refuses a format it does not write, and options of other commands', async () => {
    const csv = await runCliAsync(['report', PDFS, '--format', 'csv']);
    assert.strictEqual(csv.code, 2);
    assert.match(csv.stderr, /option '--format' for 'report' must be html, md, json; got 'csv'/);
    const bom = await runCliAsync(['report', PDFS, '--bom']);
    assert.strictEqual(bom.code, 2);
    assert.match(bom.stderr, /option '--bom' does not apply to 'report'/);
  });

  it("the JSONL export in DuckDB: GROUP BY category, outcome gives the report's category table", async () => {
    const jsonl = path.join(dir, 'decisions.jsonl');
    const r = await runCliAsync(['export', PDFS, '--format', 'jsonl', '-o', jsonl]);
    assert.strictEqual(r.code, 0, r.stderr);
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const reader = await db.runAndReadAll(
        `SELECT category, outcome, count(*) AS items FROM read_json_auto('${jsonl.replace(/'/g, "''")}')
         GROUP BY category, outcome ORDER BY category, outcome`,
      );
      const fromDuckDb = reader
        .getRowObjectsJS()
        .map((row) => `${String(row.category)} ${String(row.outcome)} ${Number(row.items)}`);
      const fromReport = json.byCategory
        .flatMap((g) =>
          (
            [
              ['Overturned', g.overturned],
              ['Upheld', g.upheld],
              ['missing', g.missing],
              ['unknown', g.unknown],
            ] as const
          )
            .filter(([, n]) => n > 0)
            .map(([outcome, n]) => `${g.key} ${outcome} ${n}`),
        )
        .sort();
      assert.deepStrictEqual([...fromDuckDb].sort(), fromReport);
      assert.ok(fromReport.length >= 8, 'several categories');
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });
});
