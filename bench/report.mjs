#!/usr/bin/env node
// The decisions report (issue 19) over a folder of 50,000 letters (bench/folders.mjs makes it),
// next to the export of the same folder, each pair measured in alternation in one run:
//
//   cli       imr-letters report <folder> -f html  vs  imr-letters export <folder> -f jsonl (wall time)
//   index     imrLetters/decisionsReport  vs  imrLetters/exportDecisions (jsonl) on the server
//             once its index holds the folder; plus the webview's page rendered from the answer
//
// Target: the report within 1.5x of the export. No test asserts on it.
//
//   node bench/report.mjs [count] [runs]     runnable alone (after npm run build)
// bench/run.mjs --only=report calls benchReport() and keeps its figures under `report`.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, makeFolder, waitIndexed } from './folders.mjs';
import { BenchClient } from './lib/lsp.mjs';
import { round, summarize } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (name) => path.join(root, 'bench', '.data', name);

function timeCli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args, '--no-progress'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`imr-letters ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
}

function ratio(a, b) {
  return round(a.median / b.median, 2);
}

export async function benchReport({
  count = 50000,
  runs = 3,
  log = (...a) => console.error('bench report:', ...a),
} = {}) {
  const dir = makeFolder(count);

  log(`${count} letters: command line, export (jsonl) and report (html) in alternation, ${runs} runs`);
  const cliExport = [];
  const cliReport = [];
  for (let i = 0; i < runs; i++) {
    cliExport.push(timeCli(['export', dir, '-f', 'jsonl', '-o', out('report-bench.jsonl')]));
    cliReport.push(timeCli(['report', dir, '-f', 'html', '-o', out('report-bench.html')]));
  }

  log(`${count} letters: the server's index, then the report and the export from it`);
  const client = new BenchClient([path.join(root, 'dist', 'server.js'), '--stdio'], () => undefined, {
    MALLOC_MMAP_THRESHOLD_: '131072',
  });
  await client.start({ initializationOptions: { clientListsFiles: true } });
  client.notify('imrLetters/workspaceFiles', { uris: listFiles(dir), limitReached: false });
  await waitIndexed(client);
  const { renderHtml } = require(path.join(root, 'out', 'server', 'src', 'report', 'html.js'));
  const indexExport = [];
  const indexReport = [];
  const page = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const [exportMs] = await client.timed('imrLetters/exportDecisions', {
      format: 'jsonl',
      path: out('report-bench-server.jsonl'),
    });
    indexExport.push(exportMs);
    // As the webview asks: every item counted, the first 5,000 sent.
    const [reportMs, result] = await client.timed('imrLetters/decisionsReport', { maxItems: 5000 });
    indexReport.push(reportMs);
    items = result.report.totals.items;
    const t0 = performance.now();
    renderHtml(result.report, { webview: { nonce: 'bench', cspSource: 'vscode-resource:' } });
    page.push(performance.now() - t0);
  }
  await client.stop();

  const figures = {
    letters: count,
    items,
    cli: { exportJsonl: summarize(cliExport), reportHtml: summarize(cliReport) },
    index: { exportJsonl: summarize(indexExport), report: summarize(indexReport), webviewPage: summarize(page) },
  };
  figures.cli.ratio = ratio(figures.cli.reportHtml, figures.cli.exportJsonl);
  figures.index.ratio = ratio(figures.index.report, figures.index.exportJsonl);
  log(
    `cli: report ${round(figures.cli.reportHtml.median)} ms, export ${round(figures.cli.exportJsonl.median)} ms, ` +
      `ratio ${figures.cli.ratio} (target <= 1.5); index: report ${round(figures.index.report.median)} ms ` +
      `(+ page ${round(figures.index.webviewPage.median)} ms), export ${round(figures.index.exportJsonl.median)} ms, ratio ${figures.index.ratio}`,
  );
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [count, runs] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchReport({ count: count || 50000, runs: runs || 3 }), null, 2));
}
