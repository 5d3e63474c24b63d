// Whether worker threads pay for themselves: they start, load their script and warm up before they
// work at full speed, and they share the cores with the main thread, with V8's own threads and with
// whatever else runs on the machine, so that below some amount of work, or without idle cores, one
// thread finishes first. The caller says how long the work would take one warm thread and how many
// cores are free; the costs are the caller's, measured (docs/performance.md, "Worker threads").

export interface ParallelCosts {
  /** Wall-clock ms the workers lose before they work at full speed: start, load, warm-up. */
  warmUpMs: number;
  /** Cores one thread keeps busy on its own (V8 compiles and collects garbage on threads of its own). */
  oneThreadCores: number;
  /** The share of a core the main thread keeps busy handing out work and taking results in. */
  mainThreadShare: number;
}

/**
 * Threads for `workMs` of work (as long as it takes one warm thread) when `free` cores are this
 * run's (the main thread's and the idle ones): 1 (the main thread alone) unless workers on the free
 * cores finish sooner.
 */
export function threadsFor(workMs: number, free: number, costs: ParallelCosts): number {
  const workers = Math.floor(free);
  if (workers < 2) return 1;
  const speedUp = (free - costs.mainThreadShare) / costs.oneThreadCores;
  return costs.warmUpMs + workMs / speedUp < workMs ? workers : 1;
}
