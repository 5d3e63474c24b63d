// Node's os in the browser build: the indexer sizes its worker pool by the cores, and a Web Worker
// starts no pool (browser/summaryPool.ts); one core is the honest answer.

export function availableParallelism(): number {
  return 1;
}
