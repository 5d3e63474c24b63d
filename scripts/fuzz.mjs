#!/usr/bin/env node
// `npm run fuzz`: the property suite (test/property) with many more generated cases per property
// and a fresh random seed each run. CI runs the same properties with a fixed seed and few runs.
//
//   FUZZ_RUNS=20000 npm run fuzz        more cases per property (default 2000)
//   FUZZ_SEED=123456789 npm run fuzz    replay a run: the seed is printed at the start and on failure
//
// A failure prints fast-check's shrunk counterexample, its seed and path; add the counterexample
// to the property's regression examples (or a unit test) once the cause is fixed.

import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const runs = process.env.FUZZ_RUNS ?? '2000';
if (!/^-?\d+$/.test(seed) || !/^\d+$/.test(runs)) {
  console.error(`fuzz: FUZZ_SEED and FUZZ_RUNS must be integers (got ${seed}, ${runs})`);
  process.exit(2);
}
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);

const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js', { paths: [root] });
const result = spawnSync(process.execPath, [mocha, '--config', 'test/.mocharc.property.json', '--timeout', '0'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
if (result.status !== 0) console.error(`fuzz: failed; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`);
process.exit(result.status ?? 1);
