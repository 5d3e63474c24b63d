// The decisions report's model (server/src/report) on real letters: the four letters of
// test/fixtures/letters and the editor workspace's letter whose outcome is Overturned. The counts
// below are from reading the letters: their decision lines, their "Certification(s)/Specialty" or
// "Board Certified in" lines, and the table of treatment categories (docs/treatment-categories.md).
//
//   000 Psychiatry: psychotropic medication sessions (Psychological services), Xanax #90 (Pharmaceuticals)
//   001 Family Practice: Lexapro, Buspar, Xanax (Pharmaceuticals), medication management with a
//       psychiatrist (Psychological services)
//   002 Physical Medicine & Rehabilitation: Xanax refill (Pharmaceuticals)
//   004 Preventive Medicine, Occupational Medicine: psychotropic med management consultation
//       (Psychological services)
// Every one of those 8 items is Upheld; malformed_004 is letter 004 with its item Overturned.

import * as assert from 'assert';
import { analyzeText } from '../../server/src/export/analyze';
import type { ExportRecord } from '../../server/src/export/records';
import { DEFAULT_SEVERITIES } from '../../server/src/engine/check';
import { renderHtml } from '../../server/src/report/html';
import { renderMarkdown } from '../../server/src/report/markdown';
import { buildReport, NO_DATE, NO_SOURCE, ReportRow } from '../../server/src/report/model';
import { lettersOfIndex, rowOfRecord, rowsOfIndex } from '../../server/src/report/rows';
import type { IndexEntry } from '../../server/src/workspace/letterIndex';
import { summarizeText } from '../../server/src/export/summarizeText';
import { allLetters, fixtureText } from './helpers';

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
  return letters().map(({ name, text }, i) => ({
    uri: `file:///letters/${name}`,
    size: text.length,
    mtimeMs: 0,
    summary: summarizeText(name, text),
    fromEditor: false,
    stamp: i,
  }));
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
    sources: [],
    specialties: [],
    decisionDate: null,
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

  it('gives the overturn rate by treatment category and by reviewer specialty', () => {
    const report = buildReport(records().map(rowOfRecord));
    const byCategory = Object.fromEntries(report.byCategory.map((g) => [g.key, [g.items, g.overturned]]));
    assert.deepStrictEqual(byCategory, { Pharmaceuticals: [5, 0], 'Psychological services': [4, 1] });
    assert.strictEqual(report.byCategory.find((g) => g.key === 'Psychological services')?.overturnRate, 1 / 4);
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
    // CM16-0213037: decided 12/09/2016, two MRIs (Diagnostic imaging), both upheld.
    const name = 'CM16-0213037.pdftotext.txt';
    const text = fixtureText('extraction', name);
    const fromExport = buildReport(
      (analyzeText(text, name, name, 'export', DEFAULT_SEVERITIES).records ?? []).map(rowOfRecord),
    );
    const entry: IndexEntry = {
      uri: `file:///${name}`,
      size: 0,
      mtimeMs: 0,
      summary: summarizeText(name, text),
      fromEditor: false,
      stamp: 0,
    };
    const fromIndex = buildReport(rowsOfIndex([entry], () => name));
    for (const report of [fromExport, fromIndex]) {
      assert.deepStrictEqual(
        report.byMonth.map((g) => [g.key, g.items, g.upheld]),
        [['2016-12', 2, 2]],
      );
      assert.deepStrictEqual(
        report.byCategory.map((g) => [g.key, g.items]),
        [['Diagnostic imaging', 2]],
      );
    }
    assert.deepStrictEqual(
      fromIndex.items.map((i) => [i.decisionDate, i.subcategory]),
      fromExport.items.map((i) => [i.decisionDate, i.subcategory]),
    );
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
