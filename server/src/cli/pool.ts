// Checking thousands of files across the machine's cores. Worker threads run the same script as the
// main thread (the bundle or tsc's output, whichever was started), so there is no second entry
// point to build. Results are handed on in input order through a small reorder buffer, and no more
// than a bounded number of files is read ahead of the output, so memory stays flat however many
// files there are and however slowly the output is consumed.

import { Worker, parentPort, workerData } from 'worker_threads';
import type { DiagnosticCode, Severity } from '../engine/check';
import { analyzeFile, FileReport, Mode } from './analyze';

export const WORKER_ROLE = 'imr-letters-worker';

export interface FileTask {
  path: string;
  display: string;
}

interface WorkerSetup {
  role: typeof WORKER_ROLE;
  mode: Mode;
  severities: Record<DiagnosticCode, Severity>;
}

/** A batch of files: a letter takes about half a millisecond to check, so a round trip per file would show. */
interface TaskMessage {
  first: number;
  files: FileTask[];
}

interface ResultMessage {
  first: number;
  reports: FileReport[];
}

export function isPoolWorker(): boolean {
  return parentPort !== null && (workerData as WorkerSetup | undefined)?.role === WORKER_ROLE;
}

/** The worker side: analyse each file the main thread sends, until the main thread lets go. */
export function runPoolWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  // Reading a PDF is asynchronous: batches are analysed one after another, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (task: TaskMessage) => {
    queue = queue.then(async () => {
      const reports: FileReport[] = [];
      for (const f of task.files) reports.push(await analyzeFile(f.path, f.display, setup.mode, setup.severities));
      port.postMessage({ first: task.first, reports } satisfies ResultMessage);
    });
  });
}

export interface RunOptions {
  jobs: number;
  mode: Mode;
  severities: Record<DiagnosticCode, Severity>;
  /** The script workers run: the one the main thread is running. */
  script: string;
  /** Called once per file, in input order; the next results wait while it is pending. */
  onReport: (report: FileReport, index: number) => void | Promise<void>;
}

/** Batches a worker holds at once: one being analysed and one waiting, so it never idles on a round trip. */
const PER_WORKER = 2;
/** Largest batch; small runs use batches of one so that every worker gets a share. */
const MAX_BATCH = 16;
/** Files per worker below which batches are single files (so that small runs share out evenly). */
const SMALL_RUN_PER_WORKER = 32;
/**
 * Batches read ahead of the output per worker: bounds the reorder buffer behind one slow file while
 * leaving a worker that finishes early something to do.
 */
const READ_AHEAD_BATCHES = 2 * PER_WORKER;
/** Workers replaced after a crash before the rest of the run falls back to the main thread. */
const MAX_RESPAWNS = 4;

export async function runFiles(tasks: readonly FileTask[], opts: RunOptions): Promise<void> {
  const jobs = Math.min(opts.jobs, tasks.length);
  if (jobs <= 1) {
    for (let i = 0; i < tasks.length; i++)
      await opts.onReport(await analyzeFile(tasks[i].path, tasks[i].display, opts.mode, opts.severities), i);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const setup: WorkerSetup = { role: WORKER_ROLE, mode: opts.mode, severities: opts.severities };
    const finished = new Map<number, FileReport>();
    const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(tasks.length / (jobs * SMALL_RUN_PER_WORKER))));
    const window = jobs * READ_AHEAD_BATCHES * batch;
    /** Per worker, the first index of each batch it holds, with the batch's length. */
    const inFlight = new Map<Worker, Map<number, number>>();
    let nextToSend = 0;
    let nextToEmit = 0;
    let emitting = false;
    /** Files being analysed on this thread, once no worker is left. */
    let onMainThread = 0;
    let respawns = 0;
    let settled = false;

    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of inFlight.keys()) void w.terminate();
      inFlight.clear();
      if (err) reject(err);
      else resolve();
    };

    const emit = async () => {
      if (emitting) return;
      emitting = true;
      try {
        while (finished.has(nextToEmit)) {
          const report = finished.get(nextToEmit)!;
          finished.delete(nextToEmit);
          await opts.onReport(report, nextToEmit);
          nextToEmit++;
          pump();
        }
      } catch (e) {
        finish(e);
        return;
      } finally {
        emitting = false;
      }
      if (nextToEmit === tasks.length) finish();
    };

    const pump = () => {
      if (settled) return;
      for (const [w, held] of inFlight) {
        while (held.size < PER_WORKER && nextToSend < tasks.length && nextToSend < nextToEmit + window) {
          const first = nextToSend;
          const files = tasks.slice(first, Math.min(tasks.length, first + batch));
          nextToSend += files.length;
          held.set(first, files.length);
          w.postMessage({ first, files } satisfies TaskMessage);
        }
      }
      // Without workers (all crashed too often), the rest runs here.
      if (inFlight.size === 0 && onMainThread === 0 && nextToSend < tasks.length && nextToSend < nextToEmit + window) {
        const id = nextToSend++;
        onMainThread++;
        void analyzeFile(tasks[id].path, tasks[id].display, opts.mode, opts.severities).then(
          (report) => {
            onMainThread--;
            finished.set(id, report);
            pump();
            void emit();
          },
          (e: unknown) => finish(e),
        );
      }
    };

    const spawn = () => {
      const w = new Worker(opts.script, { workerData: setup });
      inFlight.set(w, new Map());
      w.on('message', (msg: ResultMessage) => {
        inFlight.get(w)?.delete(msg.first);
        msg.reports.forEach((report, i) => finished.set(msg.first + i, report));
        pump();
        void emit();
      });
      const crashed = (reason: string) => {
        const held = inFlight.get(w);
        if (!held || settled) return;
        inFlight.delete(w);
        for (const [first, count] of held) {
          for (let id = first; id < first + count; id++) {
            finished.set(id, {
              path: tasks[id].path,
              display: tasks[id].display,
              status: 'failed',
              error: `internal error: worker stopped (${reason})`,
              letters: 0,
              items: 0,
              diagnostics: [],
            });
          }
        }
        if (nextToSend < tasks.length && respawns < MAX_RESPAWNS) {
          respawns++;
          spawn();
        }
        pump();
        void emit();
      };
      w.on('error', (e) => crashed(e?.message ?? String(e)));
      w.on('exit', (code) => crashed(`exit code ${code}`));
    };

    for (let i = 0; i < jobs; i++) spawn();
    pump();
  });
}
