// How many threads a command-line run uses when --jobs does not say: workers on the free cores only
// when the files found are work enough to pay for starting them (workers/worth.ts). The work is judged
// from the files: text letters by their bytes (a sample of them is measured: the walk does not stat
// each file), PDFs by their count, each as much as a few hundred text letters.

import * as fs from 'fs';
import * as os from 'os';
import { isPdfPath } from '../pdf/letterText';
import { MAX_FILE_BYTES } from './discover';
import type { IdleCores } from '../workers/idleCores';
import { ParallelCosts, threadsFor } from '../workers/worth';

/** What a run is asked to read. */
export interface Work {
  textFiles: number;
  textBytes: number;
  pdfs: number;
}

/** One warm thread's time on a megabyte of text letters (about 230 letters), and on a PDF letter. */
const MS_PER_TEXT_MB = 9.5;
const MS_PER_PDF = 15;
/** The command line's workers against one thread (docs/performance.md, "Worker threads"). */
const COSTS: ParallelCosts = { warmUpMs: 150, oneThreadCores: 1.3, mainThreadShare: 0.3 };
/** What each worker's loading and warming pdf.js adds to its warm-up. */
const PDF_WARM_UP_MS = 300;
/** The span the idle cores are measured over at least: the system counts idle time in 10 ms ticks. */
const IDLE_SPAN_MS = 30;
/** Text files whose size is measured to judge the rest. */
const SAMPLE = 32;

export function coreCount(): number {
  // availableParallelism respects CPU affinity and container limits where Node knows them.
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n || 1);
}

/** The work in `files`: the bytes of text estimated from up to SAMPLE files spread over the list. */
export function workOf(files: readonly string[]): Work {
  const text = files.filter((f) => !isPdfPath(f));
  const step = Math.max(1, Math.floor(text.length / SAMPLE));
  let measured = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i += step) {
    try {
      const size = fs.statSync(text[i]).size;
      // A file over the limit is named and passed over, not read.
      if (size <= MAX_FILE_BYTES) bytes += size;
      measured++;
    } catch {
      // Named when it is read.
    }
  }
  return {
    textFiles: text.length,
    textBytes: measured === 0 ? 0 : (bytes / measured) * text.length,
    pdfs: files.length - text.length,
  };
}

/**
 * Threads for `work` without --jobs: 1 (this thread alone) unless workers finish sooner on the
 * cores free for this run: this thread's and the `idle` others (all of them when unknown).
 */
export function autoJobs(work: Work, cores = coreCount(), idle?: number): number {
  const ms = (work.textBytes / 1e6) * MS_PER_TEXT_MB + work.pdfs * MS_PER_PDF;
  const free = idle === undefined ? cores : Math.min(cores, 1 + idle);
  const costs = work.pdfs > 0 ? { ...COSTS, warmUpMs: COSTS.warmUpMs + PDF_WARM_UP_MS } : COSTS;
  return threadsFor(ms, free, costs);
}

/** The cores idle since `idle` was made, measured only when the work would pay for workers on idle cores. */
export async function idleCores(work: Work, idle: IdleCores, cores = coreCount()): Promise<number | undefined> {
  return autoJobs(work, cores) > 1 ? idle.measure(IDLE_SPAN_MS) : undefined;
}
