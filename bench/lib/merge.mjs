// `--only=... --merge`: the parts measured now, the others as bench/results.json has them. A full
// run takes long on a busy machine; docs/performance.md's tables (bench/readme.mjs) quote bench/results.json,
// and `measured` there says which run each part comes from.

const PARTS = [
  'throughput',
  'server',
  'keystrokes',
  'peer',
  'memory',
  'startup',
  'sizes',
  'cli',
  'folders',
  'pdf',
  'fields',
  'firstlook',
  'report',
  'web',
  'notes',
];

/** Fills `results` (this run's, parts `only`) with what `earlier` (bench/results.json) holds for the other parts. */
export function mergeEarlier(results, earlier, only) {
  for (const [key, value] of Object.entries(earlier)) {
    if (key === 'server') results.server = { ...value, ...results.server };
    else if (!(key in results)) results[key] = value;
  }
  results.measured = Object.fromEntries(
    PARTS.map((p) => [p, only.includes(p) ? results.date : (earlier.measured?.[p] ?? earlier.date)]),
  );
}
