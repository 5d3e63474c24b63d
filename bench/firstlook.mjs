#!/usr/bin/env node
// The first look at a folder without letters (issue 27): the extension now starts on any folder
// holding .txt, .imr or .pdf files, so a folder of other people's PDFs and notes must cost next to
// nothing. Measured as the language server started as the extension starts it, the file list sent
// as the client sends it, until the index is built: the server's CPU time (all its threads), for
// a folder of 1,000 files that are no letters (500 two-page PDFs of prose, 500 text files), next
// to the same for an empty folder (what any start costs).
//
//   node bench/firstlook.mjs [runs]     runnable alone (after npm run build)
// bench/run.mjs --only=firstlook calls benchFirstLook() and keeps its figures under `firstLook`.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { waitIndexed } from './folders.mjs';
import { BenchClient, cpuMs } from './lib/lsp.mjs';
import { round, summarize } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const serverScript = path.join(root, 'dist', 'server.js');
const FILES = 1000;
const log = (...a) => console.error('bench firstlook:', ...a);

/** Prose that is no letter: a meeting's notes, a report, a log. */
const PROSE = [
  'Quarterly planning meeting. Attendees reviewed the budget, the hiring plan and the office move.',
  'The contractor will deliver the revised drawings by Friday; the permit application is pending.',
  'Action items: confirm the venue, send the agenda, book travel for the March workshop.',
  '2026-11-02 10:14:03 INFO service started; 2026-11-02 10:14:05 WARN cache miss ratio 0.4',
];

function makeFolder() {
  const dir = path.join(root, 'bench', '.data', `firstlook-${FILES}`);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const { makePdf } = require(path.join(root, 'out', 'test', 'unit', 'pdfMaker.js'));
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, `part-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(sub, { recursive: true });
    const lines = Array.from({ length: 30 }, (_, k) => PROSE[(i + k) % PROSE.length]);
    if (i % 2 === 0) {
      const page = lines.map((text, k) => ({ text, x: 72, y: 720 - k * 20, size: 10 }));
      fs.writeFileSync(path.join(sub, `document-${i}.pdf`), makePdf([page, page]));
    } else fs.writeFileSync(path.join(sub, `notes-${i}.txt`), lines.join('\n') + '\n');
  }
  fs.writeFileSync(marker, '');
  return dir;
}

function listFiles(dir) {
  const out = [];
  for (const sub of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, sub);
    if (fs.statSync(p).isDirectory())
      for (const name of fs.readdirSync(p).sort()) out.push(pathToFileURL(path.join(p, name)).toString());
  }
  return out;
}

/** CPU milliseconds of one server from its start to the index of `uris` built, and what the index found. */
async function firstLook(uris, storageDir) {
  fs.rmSync(storageDir, { recursive: true, force: true });
  const client = new BenchClient([serverScript, '--stdio'], () => undefined, { MALLOC_MMAP_THRESHOLD_: '131072' });
  await client.start({ initializationOptions: { clientListsFiles: true, storageDir } });
  client.notify('imrLetters/workspaceFiles', { uris, limitReached: false });
  const stats = await waitIndexed(client);
  const cpu = cpuMs(client.pid);
  await client.stop();
  return { cpu, stats };
}

export async function benchFirstLook({ runs = 3 } = {}) {
  if (!fs.existsSync(serverScript)) throw new Error('no dist/server.js: run npm run build first');
  const dir = makeFolder();
  const uris = listFiles(dir);
  const storageDir = path.join(root, 'bench', '.data', 'firstlook-storage');
  const empty = [];
  const full = [];
  let stats;
  // The two take turns, so that a busy moment of the machine falls on both alike.
  for (let i = 0; i < runs; i++) {
    empty.push((await firstLook([], storageDir)).cpu);
    const r = await firstLook(uris, storageDir);
    full.push(r.cpu);
    stats = r.stats;
  }
  const e = summarize(empty);
  const f = summarize(full);
  const result = {
    files: uris.length,
    pdfs: uris.filter((u) => u.endsWith('.pdf')).length,
    listed: stats?.files ?? null,
    emptyCpuMs: round(e.median, 0),
    folderCpuMs: round(f.median, 0),
    perFileCpuMs: round((f.median - e.median) / uris.length, 2),
    ratio: round(f.median / e.median, 2),
    runs,
  };
  log(JSON.stringify(result));
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await benchFirstLook({ runs: Number(process.argv[2] ?? 3) });
