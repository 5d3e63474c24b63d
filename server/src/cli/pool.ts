// Checking thousands of files across the machine's cores, on the worker pool of workers/pool.ts.
// Worker threads run the same script as the main thread (the bundle or tsc's output, whichever was
// started), so there is no second entry point to build; results are handed on in input order
// (workers/inOrder.ts).
//
// What makes more workers help (see ARCHITECTURE.md, "Command line over a folder"): the main thread
// does as little as it can, because on two cores it shares one with a worker. Files go out as paths
// in batches (a letter is checked in a tenth of a millisecond: a message per file would cost more
// than the file); results come back without what the main thread already holds (path, display), and
// an export's records come back as the output's text, formatted on the worker, so that the main
// thread only writes them out.

import { parentPort, workerData } from 'worker_threads';
import type { DiagnosticCode, Severity } from '../engine/check';
import { isPdfPath } from '../pdf/letterText';
import { DEFAULT_PDF_LIMITS } from '../pdf/limits';
import { loadPdfReader } from '../pdf/load';
import { runInOrder } from '../workers/inOrder';
import { serveWorker, WorkerPool } from '../workers/pool';
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

/** Broadcast to the workers: load the PDF reader now. */
const WARM_PDF = 'warm-pdf';

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
  if (report.notesError !== undefined) result.notesError = report.notesError;
  if (report.records && setup.format) {
    result.recordText = formatRecords(report.records, setup.format);
    result.recordCount = report.records.length;
  } else if (report.records) result.records = report.records;
  return result;
}

/** The worker side: analyse the paths the main thread sends, until it lets go. */
export function runPoolWorker(): void {
  const setup = workerData as WorkerSetup;
  serveWorker<string, FileResult>({
    // analyzeFile reports an engine failure itself; anything else must not stop the worker.
    run: (path) =>
      analyzeForOutput(path, setup).catch((e: unknown) =>
        failed(`internal error: ${(e as Error)?.message ?? String(e)}`),
      ),
    // A PDF is read on the worker's own thread, where nothing else can stop it: the watchdog watches.
    isSlow: isPdfPath,
    // Loading pdf.js takes a worker a few hundred milliseconds: started as soon as the main thread
    // knows PDFs are coming, before this worker's first PDF (a failure shows on that PDF).
    control: (message) => (message === WARM_PDF ? loadPdfReader().preload?.() : undefined),
  });
}

/** Workers started for a run (see main.ts); run on them, then close them. */
export interface Pool {
  readonly workers: WorkerPool<string, FileResult>;
  /** Whether the workers were told to load pdf.js (warmPool). */
  pdfWarmed: boolean;
}

/** Batches a worker holds at once: one being analysed and three waiting, so that it never idles
 * while the main thread (slow to wake on a busy machine) answers. */
const PER_WORKER = 4;
/** Workers replaced after a crash or the watchdog before the rest of the run falls back to the main thread. */
const MAX_RESPAWNS = 4;
/**
 * Past the reader's own time limit (which acts only between pdf.js's asynchronous steps), how long a
 * worker may stay on one PDF before it is ended and replaced.
 */
const WATCHDOG_GRACE_MS = 5_000;

/** Tells every worker to load pdf.js now: PDFs are coming (the walk has just met one). */
export function warmPool(pool: Pool): void {
  if (pool.pdfWarmed) return;
  pool.pdfWarmed = true;
  pool.workers.broadcast(WARM_PDF);
}

/** Starts `count` workers; each loads the tool on its own thread while the main thread goes on. */
export function startPool(count: number, script: string, setup: PoolSetup): Pool {
  const workers = new WorkerPool<string, FileResult>({
    script,
    size: count,
    workerData: { ...setup, role: WORKER_ROLE } satisfies WorkerSetup,
    perWorker: PER_WORKER,
    maxRespawns: MAX_RESPAWNS,
    timedOut: (_path, ms) =>
      failed(`timed out after ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`, 'unreadable'),
    stopped: (_path, reason) => failed(`internal error: worker stopped (${reason})`),
  });
  return { workers, pdfWarmed: false };
}

/** Ends the workers. */
export function closePool(pool: Pool): void {
  pool.workers.close();
}

export interface RunOptions {
  /** Workers to run on; none: everything on this thread. */
  pool?: Pool;
  setup: PoolSetup;
  /** Called once per file, in input order; the next results wait while it is pending. */
  onReport: (report: FileReport, index: number) => void | Promise<void>;
  /** A PDF that has not given its text this long after its worker began it: the worker is ended. */
  pdfWatchdogMs?: number;
}

function failed(error: string, status: 'failed' | 'unreadable' = 'failed'): FileResult {
  return { status, error, letters: 0, items: 0, diagnostics: [] };
}

export async function runFiles(paths: readonly string[], opts: RunOptions): Promise<void> {
  const { pool, setup } = opts;
  if (pool) {
    pool.workers.watchdogMs = opts.pdfWatchdogMs ?? DEFAULT_PDF_LIMITS.timeoutMs + WATCHDOG_GRACE_MS;
    if (paths.some(isPdfPath)) warmPool(pool);
  }
  await runInOrder<string, FileResult>(paths, {
    pool: pool?.workers,
    local: (path) => analyzeForOutput(path, setup),
    onResult: (result, i) => opts.onReport({ path: paths[i], display: displayPath(paths[i], setup.cwd), ...result }, i),
    // A PDF takes a hundred times a text letter: it ends its batch, so that no letter waits behind it.
    endsBatch: isPdfPath,
  });
}
