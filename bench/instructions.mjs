// The engine's cost for the command line counted in instructions, not timed: what a change to the
// parser, the checks or the export costs per letter, on a machine where wall times swing by a third
// between back-to-back runs. valgrind counts every instruction the process runs (cachegrind,
// without its cache simulation) and `node --single-threaded` keeps V8's compilers and garbage
// collector on that thread, so two runs of the same build agree within about 0.1%.
//
// For each mode, three counts of bench/lib/engineLoop.mjs over the same letters: with no pass (the
// process, the modules and the letters), one pass and three. Their differences give the first pass
// a letter (V8 still compiling: what most of a command-line run is) and a warm pass a letter.
//
//   node bench/instructions.mjs [--letters 3000] [--mode check|export|both] [--out out] [--against other/out]
//
// `--against` counts a second build (another checkout's tsc output, say the commit before a change)
// in the same run. Standalone: not part of `npm run bench`, and no target; it needs valgrind
// (Debian: apt-get install valgrind) and `npm run build` (or `tsc -p .`) first. About a minute a
// mode and build for 1,000 letters, two for 3,000.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args[i + 1];
}
const letters = Number(option('letters', '3000'));
const mode = option('mode', 'both');
const builds = [option('out', 'out'), option('against', undefined)].filter(Boolean).map((o) => path.resolve(root, o));
const modes = mode === 'both' ? ['check', 'export'] : [mode];

if (!Number.isInteger(letters) || letters < 1 || !modes.every((m) => m === 'check' || m === 'export')) {
  console.error('bench/instructions.mjs: --letters takes a positive whole number, --mode check, export or both');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench/instructions.mjs: valgrind not found (Debian: apt-get install valgrind)');
  process.exit(1);
}
for (const out of builds) {
  if (!fs.existsSync(path.join(out, 'server', 'src', 'cli', 'analyze.js'))) {
    console.error(`bench/instructions.mjs: ${out} holds no build; run \`npm run build\` (or tsc -p .) first`);
    process.exit(1);
  }
}

const loop = path.join(root, 'bench', 'lib', 'engineLoop.mjs');

/** Instructions of one run of the loop, in millions. */
function count(out, m, passes) {
  const r = spawnSync(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      process.execPath,
      '--single-threaded',
      loop,
      out,
      m,
      String(letters),
      String(passes),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (r.status !== 0 || !refs) throw new Error(`valgrind on ${m} (${passes} passes) failed:\n${r.stderr.slice(-800)}`);
  return Number(refs[1].replace(/,/g, '')) / 1e6;
}

const perLetter = (millions, n) => Math.round((millions * 1e6) / n / 1000);
console.log(
  `instructions a letter (thousands), ${letters} letters; valgrind, node ${process.version} --single-threaded`,
);
console.log(`${'build'.padEnd(40)} ${'mode'.padEnd(7)} ${'first pass'.padStart(11)} ${'warm pass'.padStart(10)}`);
for (const m of modes) {
  for (const out of builds) {
    const [none, one, three] = [0, 1, 3].map((passes) => count(out, m, passes));
    const first = perLetter(one - none, letters);
    const warm = perLetter((three - one) / 2, letters);
    console.log(
      `${path.relative(root, out) || out} `.padEnd(41) +
        `${m.padEnd(7)} ${String(first).padStart(11)} ${String(warm).padStart(10)}`,
    );
  }
}
