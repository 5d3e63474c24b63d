// Checking thousands of files across the machine's cores. Worker threads run the same script as the
// main thread (the bundle or tsc's output, whichever was started), so there is no second entry
// point to build. Results are handed on in input order through a small reorder buffer, and no more
// than a bounded number of files is read ahead of the output, so memory stays flat however many
// files there are and however slowly the output is consumed.
//
// What makes more workers help (see ARCHITECTURE.md, "Command line over a folder"): the main thread
// does as little as it can, because on two cores it shares one with a worker. Workers are started
// before the folder walk (startPool), so that loading the tool in each overlaps it; files go out
// as paths in batches of up to MAX_BATCH (a letter is checked in a tenth of a millisecond: a
// message per file would cost more than the file); results come back without what the main thread
// already holds (path, display), and an export's records come back as the output's text, formatted
// on the worker, so that the main thread only writes them out.

import { Worker, parentPort, workerData } from 'worker_threads';
import type { DiagnosticCode, Severity } from '../engine/check';
import { isPdfPath } from '../pdf/letterText';
import { DEFAULT_PDF_LIMITS } from '../pdf/limits';
import { loadPdfReader } from '../pdf/load';
import { analyzeFile, FileReport, Mode } from '../export/analyze';
import { displayPath } from './displayPath';
import { ExportFormat, formatRecords } from '../export/writers';

export const WORKER_ROLE = 'imr-letters-worker';

export interface PoolSetup {
  mode: Mode;
  severities: Record<DiagnosticCode, Severity>;
  /** The working folder: export records name files as output shows them. */
  cwd: string;
  /** For export: the records' format, so that they are written out where they are made. */
  format?: ExportFormat;
}

interface WorkerSetup extends PoolSetup {
  role: typeof WORKER_ROLE;
}

/**
 * What a file's analysis hands on: a report without the path and display the main thread holds; an
 * export's records as text, or as objects for `report`, which gathers them.
 */
export type FileResult = Omit<FileReport, 'path' | 'display'>;

/** Main thread -> worker: files to analyse, numbered from `first`; or: load the PDF reader now. */
type TaskMessage = { first: number; paths: string[] } | { warmPdf: true };

/** Worker -> main thread: a batch's results; or: a PDF is being read now (for the watchdog). */
type ResultMessage = { first: number; results: FileResult[] } | { pdf: number };

export function isPoolWorker(): boolean {
  return parentPort !== null && (workerData as WorkerSetup | undefined)?.role === WORKER_ROLE;
}

/** One file analysed for output: the report, with an export's records already written as text. */
export async function analyzeForOutput(abs: string, setup: PoolSetup): Promise<FileResult> {
  const report = await analyzeFile(abs, displayPath(abs, setup.cwd), setup.mode, setup.severities);
  const result: FileResult = {
    status: report.status,
    letters: report.letters,
    items: report.items,
    diagnostics: report.diagnostics,
  };
  if (report.error !== undefined) result.error = report.error;
  if (report.records && setup.format) {
    result.recordText = formatRecords(report.records, setup.format);
    result.recordCount = report.records.length;
  } else if (report.records) result.records = report.records;
  return result;
}

/** The worker side: analyse each batch the main thread sends, until the main thread lets go. */
export function runPoolWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  // Reading a PDF is asynchronous: batches are analysed one after another, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (task: TaskMessage) => {
    if ('warmPdf' in task) {
      // Loading pdf.js takes a worker a few hundred milliseconds: started as soon as the main
      // thread knows PDFs are coming, before this worker's first PDF (a failure shows on that PDF).
      queue = queue.then(() => loadPdfReader().preload?.()).catch(() => undefined);
      return;
    }
    queue = queue.then(async () => {
      const results: FileResult[] = [];
      for (let i = 0; i < task.paths.length; i++) {
        if (isPdfPath(task.paths[i])) port.postMessage({ pdf: task.first + i } satisfies ResultMessage);
        // analyzeFile reports an engine failure itself; anything else must not stop the queue.
        results.push(
          await analyzeForOutput(task.paths[i], setup).catch((e: unknown) =>
            failed(`internal error: ${(e as Error)?.message ?? String(e)}`),
          ),
        );
      }
      port.postMessage({ first: task.first, results } satisfies ResultMessage);
    });
  });
}

/** Workers started before the files are known (see startPool); run or close them. */
export interface Pool {
  readonly workers: Worker[];
  readonly script: string;
  /** Whether the workers were told to load pdf.js (warmPool). */
  pdfWarmed: boolean;
}

/** Tells every worker to load pdf.js now: PDFs are coming (the walk has just met one). */
export function warmPool(pool: Pool): void {
  if (pool.pdfWarmed) return;
  pool.pdfWarmed = true;
  for (const w of pool.workers) w.postMessage({ warmPdf: true } satisfies TaskMessage);
}

/** Starts `count` workers now, so that each loads the tool while the main thread walks the folders. */
export function startPool(count: number, script: string, setup: PoolSetup): Pool {
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) workers.push(spawnWorker(script, setup));
  return { workers, script, pdfWarmed: false };
}

function spawnWorker(script: string, setup: PoolSetup): Worker {
  return new Worker(script, { workerData: { ...setup, role: WORKER_ROLE } satisfies WorkerSetup });
}

/** Ends workers that turned out not to be needed. */
export function closePool(pool: Pool, keep = 0): void {
  for (const w of pool.workers.splice(keep)) void w.terminate();
}

export interface RunOptions {
  /** Workers to run on; none (or an empty pool): everything on this thread. */
  pool?: Pool;
  setup: PoolSetup;
  /** Called once per file, in input order; the next results wait while it is pending. */
  onReport: (report: FileReport, index: number) => void | Promise<void>;
  /** A PDF that has not given its text this long after its worker began it: the worker is ended. */
  pdfWatchdogMs?: number;
}

/**
 * Batches a worker holds at once: one being analysed and three waiting, so that it never idles
 * while the main thread (slow to wake on a busy machine) answers. A PDF is a batch of its own, so
 * at the end of a run a worker may hold three PDFs another could have taken: 0.1 s at most.
 */
const PER_WORKER = 4;
/** Largest batch: a round trip per 128 letters is a small share of checking them. */
const MAX_BATCH = 128;
/** Batches per worker a run is cut into at least, so that small runs share out evenly. */
const MIN_BATCHES_PER_WORKER = 8;
/**
 * Batches read ahead of the output per worker: bounds the reorder buffer behind one slow file while
 * leaving a worker that finishes early something to do.
 */
const READ_AHEAD_BATCHES = 2 * PER_WORKER;
/** Workers replaced after a crash before the rest of the run falls back to the main thread. */
const MAX_RESPAWNS = 4;
/**
 * Past the reader's own time limit (which acts only between pdf.js's asynchronous steps), how long a
 * worker may stay on one PDF before it is ended and replaced.
 */
const WATCHDOG_GRACE_MS = 5_000;

function report(path: string, setup: PoolSetup, result: FileResult): FileReport {
  return { path, display: displayPath(path, setup.cwd), ...result };
}

function failed(error: string, status: 'failed' | 'unreadable' = 'failed'): FileResult {
  return { status, error, letters: 0, items: 0, diagnostics: [] };
}

export async function runFiles(paths: readonly string[], opts: RunOptions): Promise<void> {
  const { pool, setup } = opts;
  if (!pool || pool.workers.length === 0) {
    for (let i = 0; i < paths.length; i++)
      await opts.onReport(report(paths[i], setup, await analyzeForOutput(paths[i], setup)), i);
    return;
  }
  const watchdogMs = opts.pdfWatchdogMs ?? DEFAULT_PDF_LIMITS.timeoutMs + WATCHDOG_GRACE_MS;
  if (paths.some(isPdfPath)) warmPool(pool);
  await new Promise<void>((resolve, reject) => {
    const jobs = pool.workers.length;
    const finished = new Map<number, FileResult>();
    const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(paths.length / (jobs * MIN_BATCHES_PER_WORKER))));
    const window = jobs * READ_AHEAD_BATCHES * batch;
    /** Per worker, the first index of each batch it holds, with the batch's length. */
    const inFlight = new Map<Worker, Map<number, number>>();
    /** Batches to send again (their worker was ended while it held them), before new ones. */
    const resend: Array<[number, number]> = [];
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
          const result = finished.get(nextToEmit)!;
          finished.delete(nextToEmit);
          await opts.onReport(report(paths[nextToEmit], setup, result), nextToEmit);
          nextToEmit++;
          pump();
        }
      } catch (e) {
        finish(e);
        return;
      } finally {
        emitting = false;
      }
      if (nextToEmit === paths.length) finish();
    };

    /** The next batch to send: one to send again, else new files (a batch ends after a PDF, which is slow). */
    const nextBatch = (): [number, number] | undefined => {
      if (resend.length > 0) return resend.shift();
      if (nextToSend >= paths.length || nextToSend >= nextToEmit + window) return undefined;
      const first = nextToSend;
      let end = first;
      while (end < paths.length && end - first < batch) if (isPdfPath(paths[end++])) break;
      nextToSend = end;
      return [first, end - first];
    };

    const pump = () => {
      if (settled) return;
      for (const [w, held] of inFlight) {
        while (held.size < PER_WORKER) {
          const next = nextBatch();
          if (!next) break;
          held.set(next[0], next[1]);
          w.postMessage({ first: next[0], paths: paths.slice(next[0], next[0] + next[1]) } satisfies TaskMessage);
        }
      }
      // Without workers (all crashed too often), the rest runs here.
      if (inFlight.size === 0 && onMainThread === 0) {
        const next = resend.length > 0 || nextToSend < nextToEmit + window ? nextBatch() : undefined;
        if (!next) return;
        onMainThread++;
        void (async () => {
          for (let id = next[0]; id < next[0] + next[1]; id++)
            finished.set(id, await analyzeForOutput(paths[id], setup));
        })().then(
          () => {
            onMainThread--;
            pump();
            void emit();
          },
          (e: unknown) => finish(e),
        );
      }
    };

    const spawn = (w: Worker) => {
      inFlight.set(w, new Map());
      // A worker started in place of one that stopped: warm like the others.
      if (pool.pdfWarmed && !pool.workers.includes(w)) w.postMessage({ warmPdf: true } satisfies TaskMessage);
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      /** The PDF the worker is reading, while the watchdog is armed. */
      let reading = -1;
      w.on('message', (msg: ResultMessage) => {
        clearTimeout(watchdog);
        if ('pdf' in msg) {
          reading = msg.pdf;
          watchdog = setTimeout(() => timedOut(), watchdogMs);
          return;
        }
        reading = -1;
        inFlight.get(w)?.delete(msg.first);
        msg.results.forEach((result, i) => finished.set(msg.first + i, result));
        pump();
        void emit();
      });
      const replace = () => {
        if (nextToSend < paths.length || resend.length > 0) {
          if (respawns < MAX_RESPAWNS) {
            respawns++;
            spawn(spawnWorker(pool.script, setup));
          }
        }
        pump();
        void emit();
      };
      // pdf.js runs on the worker's own thread, so a file that keeps it busy without yielding is
      // ended with the worker: that file is named, the others the worker held are sent again.
      const timedOut = () => {
        const held = inFlight.get(w);
        if (!held || settled) return;
        inFlight.delete(w);
        void w.terminate();
        for (const [first, count] of held) {
          const end = first + count;
          if (reading < first || reading >= end) {
            resend.push([first, count]);
            continue;
          }
          finished.set(
            reading,
            failed(
              `timed out after ${watchdogMs < 1000 ? `${watchdogMs} ms` : `${Math.round(watchdogMs / 1000)} s`}`,
              'unreadable',
            ),
          );
          if (reading > first) resend.push([first, reading - first]);
          if (end > reading + 1) resend.push([reading + 1, end - reading - 1]);
        }
        replace();
      };
      const crashed = (reason: string) => {
        clearTimeout(watchdog);
        const held = inFlight.get(w);
        if (!held || settled) return;
        inFlight.delete(w);
        for (const [first, count] of held)
          for (let id = first; id < first + count; id++)
            finished.set(id, failed(`internal error: worker stopped (${reason})`));
        replace();
      };
      w.on('error', (e) => crashed(e?.message ?? String(e)));
      w.on('exit', (code) => crashed(`exit code ${code}`));
    };

    for (const w of pool.workers) spawn(w);
    pump();
  });
}
