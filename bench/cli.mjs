// Benchmark of the command-line tool over a folder (issue 18 item 1): `imr-letters check` on 20,000
// letter files in 20 sub-folders with one worker (--jobs 1: everything on the main thread) and with
// one worker per core, `export --format jsonl` with one worker per core, and ripgrep, one thread,
// counting decision lines in the same files (`rg -j1 -c ':\s*(Upheld|Overturned)'`): the floor of
// reading the files at all. Rounds run the commands one after another, so that each ratio compares
// figures of the same moments of a shared machine; each is the median of the rounds. Every run is
// the whole command as a user runs it (process start, walk, reading, checking, output to a pipe).
// Then the default (no --jobs: the tool decides whether workers pay) against --jobs 1 on 200, 2,000,
// 20,000 and 50,000 text letters and on the 39 posted PDFs and 195 copies of them (issue 29 item 4:
// the default within 5% of the faster of the two at every size).
//
//   node bench/cli.mjs [--files 20000] [--folders 20] [--runs 5] [--sizes 200,2000,20000,50000] [--pdf-copies 1,5]
//
// Standalone (bench/run.mjs calls it); figures go to stdout and to bench/cli-results.json, and also
// to $IMR_BENCH_JSON when set. No test asserts on them: machines are shared and noisy.
// ripgrep comes from Debian (`apt-get install ripgrep`); without it the rg figures are skipped.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { letterFolder } from './lib/letterFolder.mjs';

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
function list(name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const values = (args[i + 1] ?? '').split(',').map(Number);
  if (!values.every((n) => Number.isInteger(n) && n >= 0)) {
    console.error(`bench/cli.mjs: --${name} needs whole numbers separated by commas`);
    process.exit(2);
  }
  return values.filter((n) => n > 0);
}
const FILES = option('files', 20000);
const FOLDERS = option('folders', 20);
const RUNS = option('runs', 5);
const SIZES = list('sizes', [200, 2000, 20000, 50000]);
const PDF_COPIES = list('pdf-copies', [1, 5]);
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const loadAtStart = os.loadavg();

const entry = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(entry)) {
  console.error('bench/cli.mjs: dist/cli.js is missing; run `npm run build` first.');
  process.exit(1);
}

const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * GNU time, when there, adds each run's CPU seconds (user + system, all threads): on a machine
 * other jobs keep busy, wall-clock figures wait for a core, CPU time much less so.
 */
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CPU_MARK = 'imr-bench-cpu';

function run(command, argv) {
  const start = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', `${CPU_MARK} %U %S`, command, ...argv], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024 * 1024,
      })
    : spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  let stderr = r.stderr;
  let cpuMs;
  const at = stderr.lastIndexOf(CPU_MARK);
  if (TIME && at >= 0) {
    const [user, system] = stderr
      .slice(at + CPU_MARK.length)
      .trim()
      .split(/\s+/)
      .map(Number);
    cpuMs = (user + system) * 1000;
    stderr = stderr.slice(0, at);
  }
  return { ms, cpuMs, code: r.status, stdout: r.stdout, stderr };
}

const hasRg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
const { dir, bytes, broken } = letterFolder(root, { files: FILES, folders: FOLDERS });

console.log(`imr-letters over a folder: ${FILES} files (${round(bytes / 1e6)} MB) in ${FOLDERS} sub-folders of ${dir}`);
console.log(
  `machine: ${cores} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average at start ${loadAtStart
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (!hasRg) console.log('ripgrep (rg) not found: the rg figures are skipped (Debian: apt-get install ripgrep)');

/** The commands of a round; each checks its own output so that a broken run is never a figure. */
const commands = [
  ...(hasRg
    ? [
        {
          key: 'rg',
          label: 'rg -j1 -c decision lines',
          argv: ['rg', ['-j1', '-c', ':\\s*(Upheld|Overturned)', dir]],
          // Files without a decision line (a broken copy) are not listed.
          check: (r) => r.code === 0 && r.stdout.trim().split('\n').length > FILES / 2,
        },
      ]
    : []),
  {
    key: 'check1',
    label: 'check, 1 worker',
    argv: [process.execPath, [entry, 'check', dir, '--jobs', '1', '--no-progress']],
    // Exit 1: the broken copies have errors on purpose.
    check: (r) => r.code === 1 && r.stdout.trim().split('\n').pop().startsWith(`${FILES} letters checked`),
  },
  {
    key: 'checkAll',
    label: `check, ${cores} workers`,
    argv: [process.execPath, [entry, 'check', dir, '--jobs', String(cores), '--no-progress']],
    check: (r) => r.code === 1 && r.stdout.trim().split('\n').pop().startsWith(`${FILES} letters checked`),
  },
  {
    key: 'exportAll',
    label: `export --format jsonl, ${cores} workers`,
    argv: [process.execPath, [entry, 'export', dir, '--format', 'jsonl', '--jobs', String(cores), '--no-progress']],
    check: (r) => r.code === 0 && r.stderr.includes(`from ${FILES} letters`),
  },
];

const times = Object.fromEntries(commands.map((c) => [c.key, []]));
const cpuTimes = Object.fromEntries(commands.map((c) => [c.key, []]));
const outputs = {};
for (let round_ = 0; round_ <= RUNS; round_++) {
  for (const c of commands) {
    const r = run(...c.argv);
    if (!c.check(r))
      throw new Error(
        `${c.label}: unexpected result (exit ${r.code})\n${r.stdout.slice(-300)}\n${r.stderr.slice(-300)}`,
      );
    // Round 0 warms the file cache and is not counted.
    if (round_ > 0) times[c.key].push(r.ms);
    if (round_ > 0 && r.cpuMs !== undefined) cpuTimes[c.key].push(r.cpuMs);
    if (c.key.startsWith('check')) outputs[c.key] ??= r.stdout;
  }
}
if (outputs.check1 !== outputs.checkAll)
  throw new Error(`check with ${cores} workers printed other output than with 1`);

const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const results = commands.map((c) => ({
  command: c.label,
  medianMs: round(med[c.key]),
  minMs: round(Math.min(...times[c.key])),
  maxMs: round(Math.max(...times[c.key])),
  filesPerSecond: Math.round(FILES / (med[c.key] / 1000)),
  cpuMs: cpuTimes[c.key].length > 0 ? round(median(cpuTimes[c.key])) : null,
}));

const targets = [];
const target = (name, value, limit, met, note) =>
  targets.push({ name, value: round(value, 2), target: limit, met, note });
if (hasRg) target('CLI: check 1 worker / rg -j1 (time)', med.check1 / med.rg, '<= 3', med.check1 / med.rg <= 3);
else
  targets.push({
    name: 'CLI: check 1 worker / rg -j1 (time)',
    value: 'n/a',
    target: '<= 3',
    met: null,
    note: 'rg not installed',
  });
if (cores >= 2)
  target(
    `CLI: check speed-up, ${cores} workers over 1`,
    med.check1 / med.checkAll,
    '>= 1.6',
    med.check1 / med.checkAll >= 1.6,
  );
else
  targets.push({
    name: 'CLI: check speed-up, all cores over 1',
    value: 'n/a',
    target: '>= 1.6',
    met: null,
    note: '1 core',
  });
target(
  'CLI: export jsonl / check (time, all cores)',
  med.exportAll / med.checkAll,
  '<= 1.5',
  med.exportAll / med.checkAll <= 1.5,
);

// ---------------------------------------------------------------------------------------------
// The default against one thread: the default must never be the slower by more than noise.

/** The posted PDFs copied `copies` times into bench/.data (kept between runs). */
function pdfFolder(copies) {
  const from = path.join(root, 'test', 'fixtures', 'letters-pdf');
  const names = fs.readdirSync(from).filter((f) => f.endsWith('.pdf'));
  const dir = path.join(root, 'bench', '.data', `pdf-${copies}`);
  if (!fs.existsSync(dir) || fs.readdirSync(dir).length !== names.length * copies) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (let c = 0; c < copies; c++)
      for (const n of names) fs.copyFileSync(path.join(from, n), path.join(dir, `${c}-${n}`));
  }
  return { dir, files: names.length * copies };
}

/** Median wall and CPU ms of the default and of --jobs 1 on `dir`, in alternating rounds after a warm-up. */
function defaultAgainstOne(label, dir, files, expectedCode, runs) {
  const variants = { default: [], one: [] };
  const cpu = { default: [], one: [] };
  for (let round_ = 0; round_ <= runs; round_++) {
    for (const [key, extra] of [
      ['default', []],
      ['one', ['--jobs', '1']],
    ]) {
      const r = run(process.execPath, [entry, 'check', dir, ...extra, '--no-progress']);
      if (r.code !== expectedCode || !r.stdout.trim().split('\n').pop().startsWith(`${files} letters checked`))
        throw new Error(
          `${label}, ${key}: unexpected result (exit ${r.code})\n${r.stdout.slice(-300)}\n${r.stderr.slice(-300)}`,
        );
      if (round_ === 0) continue;
      variants[key].push(r.ms);
      if (r.cpuMs !== undefined) cpu[key].push(r.cpuMs);
    }
  }
  const d = median(variants.default);
  const one = median(variants.one);
  return {
    set: label,
    files,
    defaultMs: round(d),
    oneThreadMs: round(one),
    defaultCpuMs: cpu.default.length > 0 ? round(median(cpu.default)) : null,
    oneThreadCpuMs: cpu.one.length > 0 ? round(median(cpu.one)) : null,
    // 1 when the default is the faster; 1.05 when it is 5% slower than one thread.
    defaultToFaster: round(d / Math.min(d, one), 3),
  };
}

const defaults = [];
for (const n of SIZES) {
  const folder = letterFolder(root, { files: n, folders: Math.max(1, Math.min(20, Math.round(n / 1000))) });
  // Exit 1: the broken copies have errors on purpose.
  defaults.push(defaultAgainstOne(`${n} text letters`, folder.dir, n, 1, RUNS));
}
for (const copies of PDF_COPIES) {
  const folder = pdfFolder(copies);
  // A PDF letter takes 40 to 70 ms: fewer rounds.
  defaults.push(defaultAgainstOne(`${folder.files} PDF letters`, folder.dir, folder.files, 0, Math.min(RUNS, 3)));
}
for (const d of defaults)
  target(
    `CLI: default / faster of default and --jobs 1 (${d.set}, time)`,
    d.defaultToFaster,
    '<= 1.05',
    d.defaultToFaster <= 1.05,
  );

const figures = {
  date: new Date().toISOString(),
  node: process.version,
  cores,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  loadAverageAtStart: loadAtStart.map((l) => round(l, 2)),
  loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
  entry: path.relative(root, entry),
  files: FILES,
  folders: FOLDERS,
  megabytes: round(bytes / 1e6, 2),
  brokenCopies: broken,
  runs: RUNS,
  summary: outputs.check1.trim().split('\n').pop(),
  results,
  speedup: round(med.check1 / med.checkAll, 2),
  defaultAgainstOneThread: defaults,
  targets,
};

console.log('command                                   median ms   min ms   max ms   files/s   CPU ms');
for (const r of results)
  console.log(
    `${r.command.padEnd(40)} ${String(r.medianMs).padStart(10)} ${String(r.minMs).padStart(8)} ${String(r.maxMs).padStart(8)} ${String(r.filesPerSecond).padStart(9)} ${String(r.cpuMs ?? 'n/a').padStart(8)}`,
  );
console.log(
  'default against --jobs 1            default ms  --jobs 1 ms  default CPU ms  --jobs 1 CPU ms  default/faster',
);
for (const d of defaults)
  console.log(
    `${d.set.padEnd(34)} ${String(d.defaultMs).padStart(10)} ${String(d.oneThreadMs).padStart(12)} ${String(d.defaultCpuMs ?? 'n/a').padStart(15)} ${String(d.oneThreadCpuMs ?? 'n/a').padStart(16)} ${String(d.defaultToFaster).padStart(15)}`,
  );
for (const t of targets)
  console.log(`${t.met === null ? ' -  ' : t.met ? 'met ' : 'MISS'}  ${t.name}: ${t.value} (target ${t.target})`);
console.log(`load average at end ${figures.loadAverageAtEnd.join(' ')} (other work on the machine skews every figure)`);

const json = JSON.stringify(figures, null, 2) + '\n';
fs.writeFileSync(path.join(root, 'bench', 'cli-results.json'), json);
if (process.env.IMR_BENCH_JSON) {
  fs.mkdirSync(path.dirname(process.env.IMR_BENCH_JSON), { recursive: true });
  fs.writeFileSync(process.env.IMR_BENCH_JSON, json);
}
