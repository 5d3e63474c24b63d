// Benchmark of PDF letters: `imr-letters check` on a folder of posted letters as PDFs, with one
// worker (--jobs 1) and with one per core, next to poppler's `pdftotext` run once per file on the
// same PDFs in the same run (what a user does today before this tool can help), on the 39 posted
// PDFs and on a bigger set (the 39 copied --copies times, 195 by default). Each figure is the
// whole command, process start included, as a user runs it. Also: how long the PDF reader bundle
// takes to load and to read its first letter (what the first PDF adds), how long the client bundle
// takes to load (what activation costs before any PDF), and the size of each bundle.
//
//   node bench/pdf.mjs [--copies 5] [--runs 3]     (bench/run.mjs calls benchPdf())
//
// No test asserts on these figures: machines are shared and noisy.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The posted letters, copied `copies` times into one folder (so that process start is a small share). */
function corpus(copies) {
  const from = path.join(root, 'test', 'fixtures', 'letters-pdf');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-bench-pdf-'));
  const names = fs.readdirSync(from).filter((f) => f.endsWith('.pdf'));
  for (let c = 0; c < copies; c++)
    for (const n of names) fs.copyFileSync(path.join(from, n), path.join(dir, `${c}-${n}`));
  return { dir, files: fs.readdirSync(dir).map((f) => path.join(dir, f)) };
}

function timed(run) {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function checkRun(dir, jobs) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'imr-letters.js'), 'check', '--jobs', String(jobs), dir],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`imr-letters check --jobs ${jobs} exited ${r.status}: ${r.stderr}`);
}

function pdftotextRun(files) {
  for (const f of files) {
    const r = spawnSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext ${f}: ${r.error?.message ?? r.stderr}`);
  }
}

/** Loads a bundle with a stand-in `vscode` module (only its load is timed: nothing of it is called). */
function loadTime(file) {
  const script = `
    const Module = require('module');
    const original = Module._load;
    Module._load = function (request, ...rest) {
      const stub = () => new Proxy(function () {}, { get: (_t, key) => (key === 'prototype' ? {} : stub()) });
      if (request === 'vscode') return stub();
      return original.call(this, request, ...rest);
    };
    const t0 = process.hrtime.bigint();
    require(${JSON.stringify(file)});
    process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${file} failed: ${r.stderr.split('\n').slice(-4).join(' ')}`);
  return Number(r.stdout);
}

/** The reader's load and its first letter, in a fresh process: what opening the first PDF costs. */
function firstPdfTime(letter) {
  const script = `
    const t0 = process.hrtime.bigint();
    const reader = require(${JSON.stringify(path.join(root, 'dist', 'pdf.js'))});
    const t1 = process.hrtime.bigint();
    reader.readPdfText(new Uint8Array(require('fs').readFileSync(${JSON.stringify(letter)}))).then(() => {
      const t2 = process.hrtime.bigint();
      process.stdout.write(JSON.stringify({ load: Number(t1 - t0) / 1e6, firstLetter: Number(t2 - t1) / 1e6 }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

/** Letters per second of pdftotext, one worker and all cores on `copies` copies of the posted PDFs, in rounds. */
function measureSet(copies, runs, log) {
  const { dir, files } = corpus(copies);
  try {
    log(
      `${files.length} PDF letters (${copies === 1 ? 'the 39 posted ones' : `the 39 posted ones copied ${copies} times`}), ${runs} runs each`,
    );
    // One warm-up of each, so the file cache holds the PDFs.
    pdftotextRun(files);
    checkRun(dir, 1);
    const pdftotext = [];
    const one = [];
    const all = [];
    for (let i = 0; i < runs; i++) {
      pdftotext.push(timed(() => pdftotextRun(files)));
      one.push(timed(() => checkRun(dir, 1)));
      all.push(timed(() => checkRun(dir, cores)));
    }
    const perSecond = (ms) => round((files.length * 1000) / ms);
    const rates = {
      pdftotext: perSecond(median(pdftotext)),
      oneWorker: perSecond(median(one)),
      allCores: perSecond(median(all)),
    };
    return {
      files: files.length,
      lettersPerSecond: rates,
      msPerLetter: {
        pdftotext: round(median(pdftotext) / files.length),
        oneWorker: round(median(one) / files.length),
        allCores: round(median(all) / files.length),
      },
      ratios: {
        oneWorkerToPdftotext: round(rates.oneWorker / rates.pdftotext, 2),
        allCoresToPdftotext: round(rates.allCores / rates.pdftotext, 2),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `copies`: the bigger set, the 39 posted PDFs copied that many times (a worker's start-up, loading
 * pdf.js and warming it, is then a smaller share, as in a real folder); the 39 are measured too.
 */
export async function benchPdf({ copies = 5, runs = 3, log = (...a) => console.error('bench pdf:', ...a) } = {}) {
  if (!fs.existsSync(path.join(root, 'dist', 'pdf.js'))) throw new Error('dist/pdf.js is missing: run `npm run build`');
  const loadAverageAtStart = os.loadavg().map((x) => round(x, 2));
  const sets = [measureSet(1, runs, log), ...(copies > 1 ? [measureSet(copies, runs, log)] : [])];
  const letter = path.join(root, 'test', 'fixtures', 'letters-pdf', 'CM16-0248698.pdf');
  const first = [];
  const clientLoad = [];
  for (let i = 0; i < runs; i++) {
    first.push(firstPdfTime(letter));
    clientLoad.push(loadTime(path.join(root, 'dist', 'client.js')));
  }
  const size = (f) => {
    try {
      return fs.statSync(path.join(root, f)).size;
    } catch {
      return null;
    }
  };
  const targets = [];
  for (const set of sets) {
    const note = `${set.files} PDFs; letters/s: pdftotext ${set.lettersPerSecond.pdftotext}, one worker ${set.lettersPerSecond.oneWorker}, ${cores} cores ${set.lettersPerSecond.allCores}`;
    targets.push(
      {
        name: `PDF (${set.files} files): one worker / pdftotext letters per second`,
        value: set.ratios.oneWorkerToPdftotext,
        target: '>= 0.33',
        met: set.ratios.oneWorkerToPdftotext >= 1 / 3,
        note,
      },
      {
        name: `PDF (${set.files} files): all cores / pdftotext letters per second`,
        value: set.ratios.allCoresToPdftotext,
        target: '>= 0.5',
        met: set.ratios.allCoresToPdftotext >= 0.5,
        note,
      },
    );
  }
  const [posted, bigger] = sets;
  return {
    cores,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    loadAverageAtStart,
    // The 39 posted PDFs first (the issue's figures), then the bigger set.
    ...posted,
    bigger,
    readerBundleLoadMs: round(median(first.map((f) => f.load))),
    firstTenPageLetterMs: round(median(first.map((f) => f.firstLetter))),
    clientBundleLoadMs: round(median(clientLoad)),
    bundleBytes: {
      'dist/client.js': size('dist/client.js'),
      'dist/server.js': size('dist/server.js'),
      'dist/cli.js': size('dist/cli.js'),
      'dist/pdf.js': size('dist/pdf.js'),
      'imr-letters.vsix': size('imr-letters.vsix'),
    },
    targets,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opt = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? fallback : Number(process.argv[i + 1]);
  };
  const result = await benchPdf({ copies: opt('copies', 5), runs: opt('runs', 3) });
  console.log(JSON.stringify(result, null, 2));
}
