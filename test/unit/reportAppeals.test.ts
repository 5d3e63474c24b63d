// The decisions report's appeal windows, on real letters: CM16-0213037 (Decision Date 12/09/2016:
// 30 days + 5 for mail is Friday 2017-01-13, or Monday 2017-01-09 with no days for mail, the
// 8th being a Sunday), CM16-0229336 (12/30/2016: Friday 2017-02-03), both as pdftotext gives
// them, and letter 000 of the text fixtures, which states no date (test/unit/appealDates.ts).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_APPEAL_OPTIONS } from '../../server/src/engine/appeal';
import { decisionsReport } from '../../server/src/features/decisionsReport';
import { appealsOf } from '../../server/src/report/appeals';
import { renderHtml } from '../../server/src/report/html';
import { renderMarkdown } from '../../server/src/report/markdown';
import type { DecisionsReport } from '../../server/src/report/model';
import { indexEntry } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const ROOT = 'file:///letters';
const FILES = [
  ['CM16-0213037.txt', 'extraction/CM16-0213037.pdftotext.txt'],
  ['CM16-0229336.txt', 'extraction/CM16-0229336.pdftotext-raw.txt'],
  ['000.txt', 'letters/000_ccd83326e20498fa.txt'],
];

const entries = FILES.map(([name, fixture], i) =>
  indexEntry(`${ROOT}/${name}`, name, fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), i),
);

function reportOn(today: string, mailDays = 5): DecisionsReport {
  return decisionsReport(entries, {}, [ROOT], false, undefined, {
    options: { ...DEFAULT_APPEAL_OPTIONS, mailDays },
    today,
  }).report;
}

const openRows = (r: DecisionsReport) => r.appeals!.open.map((a) => [a.caseNumber, a.appealBy, a.daysLeft]);

describe('the decisions report: appeal windows', () => {
  it('lists the letters still open, soonest last day first, each once however many items it has', () => {
    const report = reportOn('2017-01-01');
    // CM16-0213037 decides two items: one row.
    assert.deepStrictEqual(openRows(report), [
      ['CM16-0213037', '2017-01-13', 12],
      ['CM16-0229336', '2017-02-03', 33],
    ]);
    assert.deepStrictEqual([report.appeals!.closed, report.appeals!.undated], [0, 1]);
    // A row opens the letter at its first item's decision line.
    const first = report.appeals!.open[0];
    assert.deepStrictEqual([first.uri, first.file], [`${ROOT}/CM16-0213037.txt`, 'CM16-0213037.txt']);
    assert.strictEqual(first.line, report.items.find((r) => r.caseNumber === 'CM16-0213037')!.line);
  });

  it('keeps a window open through its last day, and closes it the day after', () => {
    assert.deepStrictEqual(openRows(reportOn('2017-01-13'))[0], ['CM16-0213037', '2017-01-13', 0]);
    const after = reportOn('2017-01-14');
    assert.deepStrictEqual(openRows(after), [['CM16-0229336', '2017-02-03', 20]]);
    assert.strictEqual(after.appeals!.closed, 1);
  });

  it("counts with the user's days for mail", () => {
    assert.deepStrictEqual(openRows(reportOn('2017-01-01', 0))[0], ['CM16-0213037', '2017-01-09', 8]);
  });

  it('says it in the HTML and Markdown reports, with the rule and that it should be checked', () => {
    const report = reportOn('2017-01-13');
    const md = renderMarkdown(report);
    assert.match(md, /## Appeal windows\n\n2 letters open to appeal on 2017-01-13; 1 with no date to count from\.\n/);
    assert.match(md, /\| CM16-0213037 \| CM16-0213037\.txt:\d+ \| 2017-01-13 \| last day today \|/);
    assert.match(md, /check it against the proof of service/);
    const page = renderHtml(report, { webview: { nonce: 'n', cspSource: 'vscode-resource:' } });
    assert.match(
      page,
      /<tr data-uri="file:\/\/\/letters\/CM16-0229336\.txt" data-line="\d+"[^>]*><td>CM16-0229336<\/td>/,
    );
    assert.match(page, /<td>2017-02-03<\/td><td>21 days left<\/td>/);
    // Outside the editor no row links anywhere.
    assert.doesNotMatch(renderHtml(report), /<tr data-uri/);
  });

  it('says so when none is open, and leaves out rows that carry no appeal date at all', () => {
    const md = renderMarkdown(reportOn('2026-12-07'));
    assert.match(md, /No letter is open to appeal on 2026-12-07: 2 closed, 1 with no date to count from\./);
    assert.doesNotMatch(md, /\| Appeal by \|/);
    const bare = appealsOf(
      reportOn('2017-01-01').items.map(({ appealBy: _appealBy, ...row }) => row),
      '2017-01-01',
    );
    assert.deepStrictEqual([bare.open.length, bare.closed, bare.undated], [0, 0, 0]);
  });
});
