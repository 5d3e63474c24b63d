// Worker threads for the workspace index: a large build (a folder opened, or reopened with its saved
// index) reads, checks and summarizes its files there, and the server's thread only stores what comes
// back, so that an open letter's requests are answered while 50,000 letters are read.
//
// The performance trick, and the rule it imposes: a worker runs readSummary (readSummary.ts) on a
// batch of files and answers with plain data (structured clone). RULE: what a worker sends is data
// only (no class, no function), and every file the server reads goes through readSummary, so that a
// worker and the fallback on the server's own thread (indexer.ts, where workers cannot start or
// crash) give the same summaries. test/protocol/workspace.test.ts indexes a folder both ways and
// compares the answers; test/unit/indexer.test.ts with a worker that crashes and with none.

import * as fs from 'fs';
import { parentPort, Worker } from 'worker_threads';
import { FileOutcome, KnownStat, readSummaryOf } from './readSummary';

export interface FileTask {
  /** A file: URI; turned into a path on the worker. */
  uri: string;
  known?: KnownStat;
}

interface TaskMessage {
  id: number;
  files: FileTask[];
  maxFileBytes: number;
}

interface ResultMessage {
  id: number;
  outcomes: FileOutcome[];
}

/** The worker side: summarize each batch the server's thread sends, in order. */
export function runSummaryWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (task: TaskMessage) => {
    const outcomes = task.files.map((f) => readSummaryOf(f.uri, f.known, task.maxFileBytes));
    port.postMessage({ id: task.id, outcomes } satisfies ResultMessage);
  });
}

interface Pending {
  resolve(outcomes: FileOutcome[]): void;
  reject(error: Error): void;
}

export class SummaryPool {
  private readonly workers: Worker[] = [];
  /** Batches each worker holds, by id. */
  private readonly held = new Map<Worker, Map<number, Pending>>();
  private nextId = 0;
  private closed = false;

  /** Undefined when no worker can start (no script, no worker_threads): the caller reads files itself. */
  static start(script: string, size: number): SummaryPool | undefined {
    if (!fs.existsSync(script)) return undefined;
    const pool = new SummaryPool();
    try {
      for (let i = 0; i < size; i++) pool.spawn(script);
    } catch {
      pool.close();
      return undefined;
    }
    return pool;
  }

  /** Workers still running. */
  get size(): number {
    return this.workers.length;
  }

  /** Batches waiting for an answer. */
  get inFlight(): number {
    let n = 0;
    for (const h of this.held.values()) n += h.size;
    return n;
  }

  /** Summarizes a batch on the least busy worker; rejects if that worker stops first. */
  run(files: FileTask[], maxFileBytes: number): Promise<FileOutcome[]> {
    if (this.closed || this.workers.length === 0) return Promise.reject(new Error('no index worker'));
    const worker = this.workers.reduce((a, b) => (this.held.get(b)!.size < this.held.get(a)!.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.held.get(worker)!.set(id, { resolve, reject });
      worker.postMessage({ id, files, maxFileBytes } satisfies TaskMessage);
    });
  }

  close(): void {
    this.closed = true;
    for (const w of this.workers) this.stopped(w, 'closed');
  }

  private spawn(script: string): void {
    // The worker holds summaries of a batch at a time: a small heap is enough.
    const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
    this.workers.push(w);
    this.held.set(w, new Map());
    w.on('message', (msg: ResultMessage) => {
      const pending = this.held.get(w)?.get(msg.id);
      this.held.get(w)?.delete(msg.id);
      pending?.resolve(msg.outcomes);
    });
    w.on('error', (e: Error) => this.stopped(w, e.message));
    w.on('exit', (code) => this.stopped(w, `exit code ${code}`));
    // A worker never keeps the server alive.
    w.unref();
  }

  private stopped(w: Worker, reason: string): void {
    const held = this.held.get(w);
    if (!held) return;
    this.held.delete(w);
    this.workers.splice(this.workers.indexOf(w), 1);
    for (const p of held.values()) p.reject(new Error(`index worker stopped (${reason})`));
    void w.terminate();
  }
}
