// Whether worker threads pay for themselves: they start, load their script and warm up before they
// work at full speed, and they share the cores with the main thread and with V8's own threads, so
// that below some amount of work one thread finishes first. The caller says how long the work would
// take one warm thread; the costs are the caller's, measured (docs/performance.md, "Worker threads").

export interface ParallelCosts {
  /** Wall-clock ms the workers lose before they work at full speed: start, load, warm-up. */
  warmUpMs: number;
  /** Cores one thread keeps busy on its own (V8 compiles and collects garbage on threads of its own). */
  oneThreadCores: number;
  /** The share of a core the main thread keeps busy handing out work and taking results in. */
  mainThreadShare: number;
}

/** Threads for `workMs` of work (as long as it takes one warm thread): one per core if workers finish sooner, else 1. */
export function threadsFor(workMs: number, cores: number, costs: ParallelCosts): number {
  if (cores < 2) return 1;
  const speedUp = (cores - costs.mainThreadShare) / costs.oneThreadCores;
  return costs.warmUpMs + workMs / speedUp < workMs ? cores : 1;
}
