// Benchmark of `imr-letters check` on a folder of 2,000 letter files: letters per second with one
// worker (--jobs 1, everything on the main thread) and with one worker per core. Each run is the
// whole command as a user runs it (process start, folder walk, reading, checking, output), so the
// figures include the fixed start-up cost; a `--version` run is timed too so it can be told apart.
//
//   node bench/cli.mjs [--files 2000] [--runs 5]
//
// Standalone (bench/run.mjs calls it); figures go to stdout and to bench/cli-results.json, and also
// to $IMR_BENCH_JSON when set. No test asserts on them: machines are shared and noisy.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench/cli.mjs: --${name} needs a positive whole number`);
    process.exit(2);
  }
  return n;
}
const FILES = option('files', 2000);
const RUNS = option('runs', 5);
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return undefined;
  }
}

// What ships: the bundle when there is one, else tsc's output.
const bundle = path.join(root, 'dist', 'cli.js');
const compiled = path.join(root, 'out', 'server', 'src', 'cli.js');
const entry = mtime(bundle) !== undefined ? bundle : compiled;
if (mtime(entry) === undefined) {
  console.error(
    'bench/cli.mjs: neither dist/cli.js nor out/server/src/cli.js exists; run `npm run build` (or `npx tsc -p .`) first.',
  );
  process.exit(1);
}
if (entry === bundle && (mtime(compiled) ?? 0) > mtime(bundle) + 60_000) {
  console.warn(
    'bench/cli.mjs: dist/cli.js is older than out/server/src/cli.js; `npm run build` measures the current code.',
  );
}

// The corpus: the real letters and the broken copies of test/fixtures/cli, in turn, so that the
// run has diagnostics to print as well as clean letters to pass.
const sources = [
  ...fs
    .readdirSync(path.join(root, 'test/fixtures/letters'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(root, 'test/fixtures/letters', f)),
  ...fs
    .readdirSync(path.join(root, 'test/fixtures/cli/malformed'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(root, 'test/fixtures/cli/malformed', f)),
].map((p) => ({ name: path.basename(p, '.txt'), text: fs.readFileSync(p) }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-cli-bench-'));
let bytes = 0;
for (let i = 0; i < FILES; i++) {
  const src = sources[i % sources.length];
  // Spread over sub-folders, as a claims team's archive would be.
  const sub = path.join(dir, `batch-${String(Math.floor(i / 250)).padStart(2, '0')}`);
  if (i % 250 === 0) fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, `${String(i).padStart(5, '0')}_${src.name}.txt`), src.text);
  bytes += src.text.length;
}

function run(cliArgs) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [entry, ...cliArgs], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

console.log(`imr-letters check: ${FILES} files (${round(bytes / 1e6, 2)} MB) in ${dir}`);
console.log(
  `entry ${path.relative(root, entry)}, node ${process.version}, ${cores} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const startup = stats(Array.from({ length: RUNS }, () => run(['--version']).ms));
const jobSettings = [...new Set([1, cores])];
const results = [];
let expectedSummary;
try {
  for (const jobs of jobSettings) {
    const cliArgs = ['check', dir, '--jobs', String(jobs), '--no-progress'];
    const warm = run(cliArgs);
    const summary = warm.stdout.trim().split('\n').pop();
    // Exit 1: the corpus holds the broken letters on purpose. Anything else means the run is not a measurement.
    if (warm.code !== 1 || !summary.startsWith(`${FILES} letters checked`)) {
      throw new Error(`unexpected result with --jobs ${jobs}: exit ${warm.code}, ${summary}\n${warm.stderr}`);
    }
    expectedSummary ??= summary;
    if (summary !== expectedSummary)
      throw new Error(`--jobs ${jobs} reports "${summary}", --jobs 1 reported "${expectedSummary}"`);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(run(cliArgs).ms);
    const s = stats(times);
    results.push({
      jobs,
      medianMs: round(s.median),
      minMs: round(s.min),
      maxMs: round(s.max),
      lettersPerSecond: Math.round(FILES / (s.median / 1000)),
      // Without the fixed cost of starting node and loading the tool once.
      lettersPerSecondAfterStartup: Math.round(FILES / (Math.max(1, s.median - startup.median) / 1000)),
    });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const one = results.find((r) => r.jobs === 1);
const all = results.find((r) => r.jobs === cores) ?? one;
const figures = {
  date: new Date().toISOString(),
  node: process.version,
  cores,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
  entry: path.relative(root, entry),
  files: FILES,
  megabytes: round(bytes / 1e6, 2),
  runs: RUNS,
  summary: expectedSummary,
  startupMs: round(startup.median),
  results,
  speedup: round(one.medianMs / all.medianMs, 2),
};

console.log(`start-up (--version): ${figures.startupMs} ms median`);
console.log('jobs  median ms   min ms   max ms   letters/s   letters/s after start-up');
for (const r of results) {
  console.log(
    `${String(r.jobs).padStart(4)}  ${String(r.medianMs).padStart(9)}  ${String(r.minMs).padStart(7)}  ${String(r.maxMs).padStart(7)}  ${String(r.lettersPerSecond).padStart(10)}  ${String(r.lettersPerSecondAfterStartup).padStart(10)}`,
  );
}
console.log(`speed-up, ${cores} workers over 1: ${figures.speedup}x`);

const json = JSON.stringify(figures, null, 2) + '\n';
fs.writeFileSync(path.join(root, 'bench', 'cli-results.json'), json);
if (process.env.IMR_BENCH_JSON) {
  fs.mkdirSync(path.dirname(process.env.IMR_BENCH_JSON), { recursive: true });
  fs.writeFileSync(process.env.IMR_BENCH_JSON, json);
}
