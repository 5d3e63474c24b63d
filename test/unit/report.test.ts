// The decisions report's model (server/src/report) on real letters: the four letters of
// test/fixtures/letters and the editor workspace's letter whose outcome is Overturned. The counts
// below are from reading the letters: their decision lines, their "Certification(s)/Specialty" or
// "Board Certified in" lines, and the DWC's taxonomy (docs/treatment-categories.md).
//
//   000 Psychiatry: psychotropic medication sessions (Psych Services), Xanax #90 (Pharmaceuticals,
//       Benzodiazepines)
//   001 Family Practice: Lexapro (Antidepressant), Buspar (AntiAnxiety), Xanax (Benzodiazepines),
//       medication management with a psychiatrist (Psych Services)
//   002 Physical Medicine & Rehabilitation: Xanax refill (Benzodiazepines)
//   004 Preventive Medicine, Occupational Medicine: psychotropic med management consultation
//       (Psych Services)
// Every one of those 8 items is Upheld; malformed_004 is letter 004 with its item Overturned.

import * as assert from 'assert';
import { analyzeText } from '../../server/src/export/analyze';
import type { ExportRecord } from '../../server/src/export/records';
import { DEFAULT_SEVERITIES } from '../../server/src/engine/check';
import { renderHtml } from '../../server/src/report/html';
import { renderMarkdown } from '../../server/src/report/markdown';
import { buildReport, median, NO_DATE, NO_PRIORITY, NO_SOURCE, ReportRow } from '../../server/src/report/model';
import { lettersOfIndex, rowOfRecord, rowsOfIndex } from '../../server/src/report/rows';
import type { IndexEntry } from '../../server/src/workspace/letterIndex';
import { allLetters, fixtureText, indexEntry } from './helpers';

const OVERTURNED = 'malformed_004_outcome_contradicts_rationale.txt';

function letters(): Array<{ name: string; text: string }> {
  return [...allLetters(), { name: OVERTURNED, text: fixtureText('editor-workspace', OVERTURNED) }];
}

function records(): ExportRecord[] {
  return letters().flatMap(
    ({ name, text }) => analyzeText(text, name, name, 'export', DEFAULT_SEVERITIES).records ?? [],
  );
}

function entries(): IndexEntry[] {
  return letters().map(({ name, text }, i) => indexEntry(`file:///letters/${name}`, name, text, i));
}

/** The report's rows of one letter of test/fixtures/extraction/, from its export records and from its index summary. */
function rowsOfExtraction(name: string): { fromExport: ReportRow[]; fromIndex: ReportRow[] } {
  const text = fixtureText('extraction', name);
  const fromExport = (analyzeText(text, name, name, 'export', DEFAULT_SEVERITIES).records ?? []).map(rowOfRecord);
  const entry = indexEntry(`file:///${name}`, name, text);
  return { fromExport, fromIndex: rowsOfIndex([entry], () => name) };
}

function row(overrides: Partial<ReportRow>): ReportRow {
  return {
    file: 'a.txt',
    letter: 1,
    caseNumber: null,
    item: 'Item',
    outcome: 'Upheld',
    line: 1,
    category: 'Other',
    subcategory: null,
    drugClass: null,
    drug: null,
    sources: [],
    specialties: [],
    decisionDate: null,
    priority: null,
    daysToDecision: null,
    ...overrides,
  };
}

describe('decisions report model', () => {
  it('counts the letters, items and outcomes the letters state', () => {
    const report = buildReport(records().map(rowOfRecord), letters().length);
    assert.deepStrictEqual(report.totals, {
      letters: 5,
      items: 9,
      upheld: 8,
      overturned: 1,
      unknown: 0,
      missing: 0,
      overturnRate: 1 / 9,
    });
    assert.strictEqual(report.items.length, 9);
  });

  it('gives the overturn rate by request category, drug class and reviewer specialty, and the top drugs', () => {
    const report = buildReport(records().map(rowOfRecord));
    const byCategory = Object.fromEntries(report.byCategory.map((g) => [g.key, [g.items, g.overturned, g.share]]));
    assert.deepStrictEqual(byCategory, { Pharmaceuticals: [5, 0, 5 / 9], 'Psych Services': [4, 1, 4 / 9] });
    assert.strictEqual(report.byCategory.find((g) => g.key === 'Psych Services')?.overturnRate, 1 / 4);
    assert.deepStrictEqual(
      report.byDrugClass.map((g) => [g.key, g.items]),
      [
        ['Benzodiazepines', 3],
        ['AntiAnxiety', 1],
        ['Antidepressant', 1],
      ],
    );
    // Xanax in three letters, one of them in capitals, counted as one drug.
    assert.deepStrictEqual(
      report.topDrugs.map((g) => [g.key.toLowerCase(), g.drugClass, g.items, g.upheld]),
      [
        ['xanax', 'Benzodiazepines', 3, 3],
        ['buspar', 'AntiAnxiety', 1, 1],
        ['lexapro', 'Antidepressant', 1, 1],
      ],
    );
    const bySpecialty = Object.fromEntries(report.bySpecialty.map((g) => [g.key, [g.items, g.overturned]]));
    assert.deepStrictEqual(bySpecialty, {
      'Family Practice': [4, 0],
      Psychiatry: [2, 0],
      'Preventive Medicine': [2, 1],
      'Occupational Medicine': [2, 1],
      'Physical Medicine & Rehabilitation': [1, 0],
    });
    // Letter 004 rests its decision on the MTUS alone ("Decision based on MTUS Stress-Related Conditions").
    const mtus = report.bySource.find((g) => g.key === 'MTUS');
    assert.strictEqual(mtus?.overturned, 1);
  });

  it('reads the same report from the workspace index as from the export', () => {
    const fromExport = buildReport(records().map(rowOfRecord), letters().length);
    const index = entries();
    const fromIndex = buildReport(
      rowsOfIndex(index, (uri) => uri.slice('file:///letters/'.length)),
      lettersOfIndex(index),
    );
    const comparable = (r: ReportRow) => ({ ...r, uri: undefined, character: undefined });
    assert.deepStrictEqual(fromIndex.items.map(comparable), fromExport.items.map(comparable));
    assert.deepStrictEqual({ ...fromIndex, items: [] }, { ...fromExport, items: [] });
  });

  it("carries a posted letter's decision date from the index as from the export", () => {
    // CM16-0213037: decided 12/09/2016, Standard, two MRIs (Diagnostic Testing), both upheld.
    const { fromExport: exported, fromIndex: indexed } = rowsOfExtraction('CM16-0213037.pdftotext.txt');
    const fromExport = buildReport(exported);
    const fromIndex = buildReport(indexed);
    for (const report of [fromExport, fromIndex]) {
      assert.deepStrictEqual(
        report.byMonth.map((g) => [g.key, g.items, g.upheld]),
        [['2016-12', 2, 2]],
      );
      // Application Received 11/03/2016: 36 days to the decision, the one letter counted once.
      assert.deepStrictEqual(
        report.byCategory.map((g) => [g.key, g.items, g.share, g.letters, g.medianDays]),
        [['Diagnostic Testing', 2, 1, 1, 36]],
      );
      assert.deepStrictEqual(
        report.byPriority.map((g) => [g.key, g.items, g.letters, g.medianDays]),
        [['Standard', 2, 1, 36]],
      );
    }
    assert.deepStrictEqual(
      fromIndex.items.map((i) => [i.decisionDate, i.subcategory]),
      fromExport.items.map((i) => [i.decisionDate, i.subcategory]),
    );
  });

  it("carries a partly authorized item's request and authorized part from the index as from the export, escaped in the table", () => {
    // CM16-0234202: "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized
    // by the Claims Administrator. The remaining IMR eligible portion of the original request, Norco
    // 10/325mg #35 is: Upheld".
    const { fromExport, fromIndex } = rowsOfExtraction('CM16-0234202.pdftotext-raw.txt');
    for (const rows of [fromExport, fromIndex])
      assert.deepStrictEqual(
        rows.map((r) => [r.item, r.requested, r.authorized]),
        [['Norco 10/325mg #35', 'Norco 10/325mg #60', 'Norco 10/325mg #25']],
      );
    const md = renderMarkdown(buildReport(fromExport));
    assert.ok(
      md.includes('| Norco 10/325mg \\#35 \\(requested Norco 10/325mg \\#60; authorized Norco 10/325mg \\#25\\) |'),
      md,
    );
    const html = renderHtml(buildReport([row({ item: 'A #2', requested: '<b>A</b> #4', authorized: 'A #2' })]));
    assert.ok(html.includes('A #2<br><small>requested &#60;b&#62;A&#60;/b&#62; #4; authorized A #2</small>'), html);
  });

  it('counts an item under each source it cites, puts undated and uncited items last and months in order', () => {
    const report = buildReport([
      row({ sources: ['MTUS', 'ODG'], decisionDate: '2017-02-03', outcome: 'Overturned' }),
      row({ sources: ['ODG'], decisionDate: '2016-12-09', line: 2 }),
      row({ sources: [], decisionDate: null, line: 3, outcome: 'unknown' }),
      row({ sources: ['ODG'], decisionDate: 'not a date', line: 4, outcome: 'missing' }),
    ]);
    assert.deepStrictEqual(
      report.bySource.map((g) => [g.key, g.items]),
      [
        ['ODG', 3],
        ['MTUS', 1],
        [NO_SOURCE, 1],
      ],
    );
    assert.deepStrictEqual(
      report.byMonth.map((g) => g.key),
      ['2016-12', '2017-02', NO_DATE],
    );
    // Unclear outcomes count as items, not in the rate: one overturned of two decided.
    assert.strictEqual(report.totals.overturnRate, 1 / 2);
    assert.strictEqual(report.byMonth.find((g) => g.key === NO_DATE)?.overturnRate, null);
    assert.strictEqual(report.totals.letters, 1);
  });

  it('median days to decision by category and by priority, each letter counted once in a group', () => {
    const report = buildReport([
      // a.txt: Standard, 30 days, two pharmaceuticals and a test.
      row({
        category: 'Pharmaceuticals',
        drugClass: 'Opioids',
        drug: 'Norco',
        priority: 'Standard',
        daysToDecision: 30,
      }),
      row({
        category: 'Pharmaceuticals',
        drugClass: 'Opioids',
        drug: 'NORCO',
        priority: 'Standard',
        daysToDecision: 30,
        line: 2,
        outcome: 'Overturned',
      }),
      row({
        category: 'Diagnostic Testing',
        subcategory: 'Imaging',
        priority: 'Standard',
        daysToDecision: 30,
        line: 3,
      }),
      // b.txt: Standard, 40 days; c.txt: Expedited, 3 days; d.txt: no priority or dates.
      row({
        file: 'b.txt',
        category: 'Pharmaceuticals',
        drugClass: 'NSAID',
        drug: 'Celebrex',
        priority: 'Standard',
        daysToDecision: 40,
      }),
      row({
        file: 'c.txt',
        category: 'Surgery',
        subcategory: 'Spine',
        priority: 'Expedited',
        daysToDecision: 3,
        outcome: 'Overturned',
      }),
      row({ file: 'd.txt', category: 'Pharmaceuticals', drugClass: 'Opioids', drug: 'Norco' }),
    ]);
    assert.deepStrictEqual(
      report.byCategory.map((g) => [g.key, g.items, g.share, g.letters, g.medianDays]),
      [
        // a (30), b (40) and d (no days): letters 3, median of 30 and 40.
        ['Pharmaceuticals', 4, 4 / 6, 3, 35],
        ['Diagnostic Testing', 1, 1 / 6, 1, 30],
        ['Surgery', 1, 1 / 6, 1, 3],
      ],
    );
    assert.deepStrictEqual(
      report.byPriority.map((g) => [g.key, g.items, g.overturned, g.overturnRate, g.letters, g.medianDays]),
      [
        ['Standard', 4, 1, 1 / 4, 2, 35],
        ['Expedited', 1, 1, 1, 1, 3],
        [NO_PRIORITY, 1, 0, 0, 1, null],
      ],
    );
    assert.deepStrictEqual(
      report.byDrugClass.map((g) => [g.key, g.items, g.overturned]),
      [
        ['Opioids', 3, 1],
        ['NSAID', 1, 0],
      ],
    );
    assert.deepStrictEqual(
      report.topDrugs.map((g) => [g.key, g.drugClass, g.items, g.overturned]),
      [
        ['Norco', 'Opioids', 3, 1],
        ['Celebrex', 'NSAID', 1, 0],
      ],
    );
    assert.strictEqual(median([]), null);
    assert.strictEqual(median([5, 1, 3]), 3);
  });

  it("counts reviewers by the DWC's names for their specialties", () => {
    const report = buildReport([
      row({ specialties: ['Physical Medicine and Rehabilitation', 'Pain Management'] }),
      row({ specialties: ['Physical Medicine & Rehabilitation'], line: 2 }),
      row({ specialties: ['Pediatric Rehabilitation Medicine'], line: 3 }),
    ]);
    assert.deepStrictEqual(
      report.bySpecialty.map((g) => [g.key, g.items]),
      [
        ['Physical Medicine & Rehabilitation', 2],
        ['Pain Management', 1],
        ['Pediatric Rehabilitation Medicine', 1],
      ],
    );
  });

  it('writes letter text into HTML and Markdown as text, never as markup', () => {
    const report = buildReport([
      row({ item: '<img src=x onerror=alert(1)> | [link](http://x)', specialties: ['<b>Psychiatry</b>'] }),
    ]);
    const html = renderHtml(report);
    assert.ok(!html.includes('<img src=x'), 'the item name is escaped');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(!html.includes('<b>Psychiatry'));
    assert.ok(!/<script[^>]+src=|<link[^>]+href=|@import/.test(html), 'nothing loaded from elsewhere');
    const md = renderMarkdown(report);
    assert.ok(md.includes('\\<img src=x onerror=alert\\(1\\)\\> \\| \\[link\\]\\(http://x\\)'), md);
  });

  it("gives the webview's page a nonce'd policy and rows that open their letter", () => {
    const report = buildReport([row({ uri: 'file:///a.txt', line: 12, character: 3 })]);
    const html = renderHtml(report, { webview: { nonce: 'abc123', cspSource: 'vscode-resource:' }, maxRows: 10 });
    assert.match(html, /script-src 'nonce-abc123'/);
    assert.ok(!html.includes('unsafe-inline'));
    assert.match(html, /<script nonce="abc123">/);
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /data-uri="file:\/\/\/a\.txt" data-line="11" data-character="3"/);
    assert.match(html, /var\(--vscode-foreground\)/);
  });
});
