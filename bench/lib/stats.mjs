// Summaries of repeated timings. Every figure the benchmark prints is a median with its min and
// max (and p95 where a tail matters), never a single run: these machines are shared and noisy.

import v8 from 'node:v8';
import vm from 'node:vm';

/** Nearest-rank percentile of already sorted numbers. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { n, median, p95: percentile(sorted, 95), min: sorted[0], max: sorted[n - 1] };
}

/** Rounds for printing and for results.json (3 significant decimals is below the noise). */
export function round(x, digits = 3) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundStats(s, digits = 3) {
  const out = {};
  for (const [k, v] of Object.entries(s)) out[k] = round(v, digits);
  return out;
}

// A full collection before each timed run of a big parse, so that one run does not pay for the
// previous run's garbage. The flag is set at run time because `npm run bench` starts plain node.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc');

export function gc() {
  collect();
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
