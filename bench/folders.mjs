#!/usr/bin/env node
// Folders of letters (issue 16): the language server's workspace index on 5,000 and 50,000 letters
// made from the fixture letters, with varied names and items, in bench/.data (gitignored).
//
//   cold index     the file list sent -> every listed file read (as the extension's client lists them)
//   reopen         the same with the index saved by the first session (nothing changed on disk); also
//                  from the server's start, since the saved index loads while the client lists files
//   query p95      Go to Symbol in Workspace for item words, outcomes, sources, file names
//   open letter    document symbols and hovers of an open letter while the cold index runs (p95)
//   index memory   the server's resident memory after the index, less before it (and after the
//                  queries, and once the server has been idle for a while)
//
//   node bench/folders.mjs [5000 50000]     runnable alone (after npm run build); prints each figure
//                                          next to its target, with the machine and its load
//   IMR_LETTERS_INDEX_WORKERS=0            the server reads on its own thread (no worker threads)
//   IMR_BENCH_PROFILE=<dir>                the server writes CPU profiles there (node --cpu-prof)
// bench/run.mjs calls benchFolders() and keeps its figures under `folders`, its targets with the others.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchClient, cpuMs, residentMB } from './lib/lsp.mjs';
import { round, sleep, summarize } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverScript = path.join(root, 'dist', 'server.js');
const FIXTURES = path.join(root, 'test', 'fixtures', 'letters');
const DRUGS = ['Xanax', 'Klonopin', 'Norco', 'Tramadol', 'Lyrica', 'Ambien', 'Cymbalta', 'Neurontin', 'Soma', 'Valium'];
const log = (...a) => console.error('bench folders:', ...a);

/** `count` letters in folders of 1,000, each a fixture letter with its drug and its file name varied. */
export function makeFolder(count) {
  const dir = path.join(root, 'bench', '.data', `folders-${count}`);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const letters = fs.readdirSync(FIXTURES).map((n) => fs.readFileSync(path.join(FIXTURES, n), 'utf8'));
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    const text = letters[i % letters.length].replace(/Xanax/g, DRUGS[i % DRUGS.length]);
    const name = `${i % 7 === 0 ? 'IMR ' : ''}${String(i).padStart(6, '0')}_${(i * 2654435761) % 4294967296}${i % 5 === 0 ? '.imr' : '.txt'}`;
    fs.writeFileSync(path.join(sub, name), text);
  }
  fs.writeFileSync(marker, '');
  return dir;
}

/** The letters of a folder makeFolder made, as the client would list them. */
export function listFiles(dir) {
  const out = [];
  for (const sub of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, sub);
    if (!fs.statSync(p).isDirectory()) continue;
    for (const name of fs.readdirSync(p).sort()) out.push(pathToFileURL(path.join(p, name)).toString());
  }
  return out;
}

/** Waits until the server's index is built; its stats then. */
export async function waitIndexed(client) {
  for (;;) {
    const [, stats] = await client.timed('imrLetters/indexStats', {});
    if (!stats.indexing) return stats;
    await sleep(20);
  }
}

/** One session: start, list, wait for the index; optionally time an open letter's requests meanwhile. */
async function session(dir, uris, storageDir, { openLetter = false } = {}) {
  const started = performance.now();
  // IMR_BENCH_PROFILE is honoured by BenchClient.start (lib/lsp.mjs) for every server it starts.
  const client = new BenchClient([serverScript, '--stdio'], () => undefined, {
    MALLOC_MMAP_THRESHOLD_: '131072',
  });
  await client.start({ initializationOptions: { clientListsFiles: true, storageDir } });
  await sleep(300);
  const before = residentMB(client.pid);
  const openUri = pathToFileURL(path.join(root, 'bench', '.data', 'open-letter.txt')).toString();
  const text = fs.readFileSync(path.join(FIXTURES, '001_95d645f4881bb0c4.txt'), 'utf8');
  if (openLetter) {
    client.open(openUri, 'imr-letter', text);
    await client.timed('textDocument/documentSymbol', { textDocument: { uri: openUri } });
  }
  const t0 = performance.now();
  const cpu0 = cpuSeconds(client.pid);
  client.notify('imrLetters/workspaceFiles', { uris, limitReached: false });
  const latencies = [];
  let stats;
  if (openLetter) {
    const hoverLine = text.split(/\r?\n/).findIndex((l) => l.startsWith('Benzodiazepines Page(s): 24'));
    let indexing = true;
    const poll = (async () => {
      stats = await waitIndexed(client);
      indexing = false;
    })();
    while (indexing) {
      const [a] = await client.timed('textDocument/documentSymbol', { textDocument: { uri: openUri } });
      const [b] = await client.timed('textDocument/hover', {
        textDocument: { uri: openUri },
        position: { line: hoverLine, character: 2 },
      });
      latencies.push(a, b);
      await sleep(25);
    }
    await poll;
  } else stats = await waitIndexed(client);
  const indexMs = performance.now() - t0;
  const cpuS = cpuSeconds(client.pid) - cpu0;
  return {
    cpuS,
    client,
    indexMs,
    fromStartMs: performance.now() - started,
    stats,
    latencies,
    before,
    memoryMB: residentMB(client.pid) - before,
  };
}

/** CPU seconds a process (all its threads) has used: less moved by other work on the machine than wall time. */
function cpuSeconds(pid) {
  return (cpuMs(pid) ?? NaN) / 1000;
}

/** Waits until the server has written its saved index after `since` (it saves a few seconds after a build). */
async function waitSaved(storageDir, since) {
  const file = path.join(storageDir, 'letters-index.jsonl');
  for (let i = 0; i < 1200; i++) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs >= since) return;
    await sleep(50);
  }
  throw new Error(`the server did not save its index in ${storageDir}`);
}

/** Each figure at 50,000 letters next to the issue's target (issue 16). */
export function folderTargets(results) {
  const r = results[50000];
  if (!r) return [];
  const t = (name, value, target, met) => ({ name, value, target, met });
  return [
    t('folders 50,000: cold index (s)', r.coldIndexMs / 1000, '< 20 s', r.coldIndexMs < 20_000),
    t('folders 50,000: reopen with the saved index (s)', r.reopenMs / 1000, '< 3 s', r.reopenMs < 3000),
    t('folders 50,000: workspace symbol query p95 (ms)', r.query.p95, '< 50 ms', r.query.p95 < 50),
    t(
      "folders 50,000: an open letter's requests while indexing p95 (ms)",
      r.openLetterWhileIndexing.p95,
      '< 50 ms',
      r.openLetterWhileIndexing.p95 < 50,
    ),
    t('folders 50,000: index memory (MB)', r.indexMemoryMB, '< 300 MB', r.indexMemoryMB < 300),
  ];
}

export async function benchFolders({ sizes = [5000, 50000] } = {}) {
  if (!fs.existsSync(serverScript)) throw new Error('no dist/server.js: run npm run build first');
  const results = {};
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  for (const count of sizes) {
    log(`${count} letters: making the folder`);
    const dir = makeFolder(count);
    const uris = listFiles(dir);
    const storageDir = path.join(root, 'bench', '.data', `folders-${count}-storage`);
    fs.rmSync(storageDir, { recursive: true, force: true });

    log(`${count} letters: cold index, an open letter's requests meanwhile`);
    const indexStarted = Date.now();
    const cold = await session(dir, uris, storageDir, { openLetter: true });
    const queries = [
      'xanax',
      'upheld',
      'overturned',
      'odg',
      'mtus cpmtg',
      'klonopin upheld',
      'norco odg',
      '000123',
      'psychotropic medication',
      'imr 0042',
    ];
    const queryMs = [];
    for (let round = 0; round < 5; round++)
      for (const query of queries) queryMs.push((await cold.client.timed('workspace/symbol', { query }))[0]);
    log(
      `${count} letters: slowest queries (ms): ${queryMs
        .map((ms, i) => `${queries[i % queries.length]} ${round(ms, 1)}`)
        .sort((a, b) => Number(b.split(' ').pop()) - Number(a.split(' ').pop()))
        .slice(0, 5)
        .join(', ')}`,
    );
    const afterQueriesMB = residentMB(cold.client.pid) - cold.before;
    // Stopped only once the index is saved: a server stopped while writing leaves the old copy.
    await waitSaved(storageDir, indexStarted);
    // Once idle: the server collects the build's garbage and gives pages back (node/garbageCollection.ts).
    await sleep(7000);
    const idleMB = residentMB(cold.client.pid) - cold.before;
    await cold.client.stop();

    log(`${count} letters: reopen with the saved index`);
    const reopen = await session(dir, uris, storageDir);
    await reopen.client.stop();

    results[count] = {
      files: cold.stats.files,
      coldIndexMs: round(cold.indexMs),
      coldIndexCpuS: round(cold.cpuS),
      reopenMs: round(reopen.indexMs),
      reopenFromStartMs: round(reopen.fromStartMs),
      reopenCpuS: round(reopen.cpuS),
      reopenFilesRead: reopen.stats.filesRead,
      query: summarize(queryMs),
      openLetterWhileIndexing: summarize(cold.latencies),
      indexMemoryMB: round(cold.memoryMB),
      memoryAfterQueriesMB: round(afterQueriesMB),
      memoryIdleMB: round(idleMB),
    };
    log(JSON.stringify(results[count]));
  }
  results.machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    indexWorkers: process.env.IMR_LETTERS_INDEX_WORKERS ?? 'default',
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)),
  };
  results.targets = folderTargets(results);
  return results;
}

function printReport(results) {
  const m = results.machine;
  console.log(`${m.cpus} cores (${m.cpu}), Node ${m.node}, index workers: ${m.indexWorkers}`);
  console.log(
    `load average (1, 5, 15 min): ${m.loadAverageAtStart.join(', ')} at start, ${m.loadAverageAtEnd.join(', ')} at end`,
  );
  for (const [count, r] of Object.entries(results)) {
    if (!/^\d+$/.test(count)) continue;
    console.log(
      `${count} letters: cold ${(r.coldIndexMs / 1000).toFixed(1)} s (server CPU ${r.coldIndexCpuS.toFixed(1)} s), ` +
        `reopen ${(r.reopenMs / 1000).toFixed(2)} s (CPU ${r.reopenCpuS.toFixed(2)} s) ` +
        `(${(r.reopenFromStartMs / 1000).toFixed(2)} s from the server's start, ${r.reopenFilesRead} files read), ` +
        `query p95 ${r.query.p95.toFixed(1)} ms, open letter p95 ${r.openLetterWhileIndexing.p95.toFixed(1)} ms, ` +
        `memory ${r.indexMemoryMB.toFixed(0)} MB (${r.memoryAfterQueriesMB.toFixed(0)} MB after the queries, ` +
        `${r.memoryIdleMB.toFixed(0)} MB once idle)`,
    );
  }
  for (const t of results.targets)
    console.log(`${t.name}: ${round(t.value, 2)} (target ${t.target}) ${t.met ? 'met' : 'MISSED'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const results = await benchFolders(sizes.length > 0 ? { sizes } : {});
  printReport(results);
  if (process.env.IMR_BENCH_JSON) fs.writeFileSync(process.env.IMR_BENCH_JSON, JSON.stringify(results));
}
