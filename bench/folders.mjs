#!/usr/bin/env node
// Folders of letters (issue 16): the language server's workspace index on 5,000 and 50,000 letters
// made from the fixture letters, with varied names and items, in bench/.data (gitignored).
//
//   cold index     initialized -> every listed file read (as the extension's client lists them)
//   reopen         the same with the index saved by the first session (nothing changed on disk)
//   query p95      Go to Symbol in Workspace for item words, outcomes, sources, file names
//   open letter    document symbols and hovers of an open letter while the cold index runs (p95)
//   index memory   the server's resident memory after the index, less before it
//
//   node bench/folders.mjs [5000 50000]     runnable alone (after npm run build)
// bench/run.mjs calls benchFolders() and keeps its figures under `folders`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchClient, residentMB } from './lib/lsp.mjs';
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

function listFiles(dir) {
  const out = [];
  for (const sub of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, sub);
    if (!fs.statSync(p).isDirectory()) continue;
    for (const name of fs.readdirSync(p).sort()) out.push(pathToFileURL(path.join(p, name)).toString());
  }
  return out;
}

async function waitIndexed(client) {
  for (;;) {
    const [, stats] = await client.timed('imrLetters/indexStats', {});
    if (!stats.indexing) return stats;
    await sleep(20);
  }
}

/** One session: start, list, wait for the index; optionally time an open letter's requests meanwhile. */
async function session(dir, uris, storageDir, { openLetter = false } = {}) {
  const profile = process.env.IMR_BENCH_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.IMR_BENCH_PROFILE}`] : [];
  const client = new BenchClient([...profile, serverScript, '--stdio'], () => undefined, {
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
  return { client, indexMs, stats, latencies, memoryMB: residentMB(client.pid) - before };
}

export async function benchFolders({ sizes = [5000, 50000] } = {}) {
  if (!fs.existsSync(serverScript)) throw new Error('no dist/server.js: run npm run build first');
  const results = {};
  for (const count of sizes) {
    log(`${count} letters: making the folder`);
    const dir = makeFolder(count);
    const uris = listFiles(dir);
    const storageDir = path.join(root, 'bench', '.data', `folders-${count}-storage`);
    fs.rmSync(storageDir, { recursive: true, force: true });

    log(`${count} letters: cold index, an open letter's requests meanwhile`);
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
    await cold.client.stop();

    log(`${count} letters: reopen with the saved index`);
    const reopen = await session(dir, uris, storageDir);
    await reopen.client.stop();

    results[count] = {
      files: cold.stats.files,
      coldIndexMs: round(cold.indexMs),
      reopenMs: round(reopen.indexMs),
      reopenFilesRead: reopen.stats.filesRead,
      query: summarize(queryMs),
      openLetterWhileIndexing: summarize(cold.latencies),
      indexMemoryMB: round(cold.memoryMB),
    };
    log(JSON.stringify(results[count]));
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const results = await benchFolders(sizes.length > 0 ? { sizes } : {});
  console.log(JSON.stringify(results, null, 2));
  if (process.env.IMR_BENCH_JSON) fs.writeFileSync(process.env.IMR_BENCH_JSON, JSON.stringify(results));
}
