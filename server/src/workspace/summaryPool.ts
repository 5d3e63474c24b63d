// Worker threads for the workspace index: a large build (a folder opened, or reopened with its saved
// index) reads, checks and summarizes its files there, on the pool of workers/pool.ts, and the
// server's thread only stores what comes back, so that an open letter's requests are answered while
// 50,000 letters are read.
//
// The performance trick, and the rule it imposes: a worker runs readSummary (readSummary.ts) on a
// batch of files and answers with plain data (structured clone). RULE: what a worker sends is data
// only (no class, no function), and every file the server reads goes through readSummary, so that a
// worker and the fallback on the server's own thread (indexer.ts, where workers cannot start or
// crash) give the same summaries. test/protocol/workspace.test.ts indexes a folder both ways and
// compares the answers; test/unit/indexer.test.ts with a worker that crashes and with none.

import * as fs from 'fs';
import { serveWorker, WorkerPool } from '../workers/pool';
import { FileOutcome, KnownStat, readSummaryOf } from './readSummary';

export interface FileTask {
  /** A file: URI; turned into a path on the worker. */
  uri: string;
  known?: KnownStat;
}

interface SummaryTask extends FileTask {
  maxFileBytes: number;
}

/** The worker side: summarize each batch the server's thread sends, in order. */
export function runSummaryWorker(): void {
  serveWorker<SummaryTask, FileOutcome>({ run: (t) => readSummaryOf(t.uri, t.known, t.maxFileBytes) });
}

export class SummaryPool {
  private constructor(private readonly pool: WorkerPool<SummaryTask, FileOutcome>) {}

  /** Undefined when no worker can start (no script, no worker_threads): the caller reads files itself. */
  static start(script: string, size: number): SummaryPool | undefined {
    if (!fs.existsSync(script)) return undefined;
    try {
      return new SummaryPool(
        new WorkerPool({
          script,
          size,
          name: 'index worker',
          // The worker holds summaries of a batch at a time: a small heap is enough.
          resourceLimits: { maxOldGenerationSizeMb: 256 },
          // A worker never keeps the server alive.
          unref: true,
        }),
      );
    } catch {
      return undefined;
    }
  }

  /** Workers still running. */
  get size(): number {
    return this.pool.size;
  }

  /** Summarizes a batch on the least busy worker; rejects if that worker stops first. */
  run(files: FileTask[], maxFileBytes: number): Promise<FileOutcome[]> {
    return this.pool.run(files.map((f) => ({ uri: f.uri, known: f.known, maxFileBytes })));
  }

  close(): void {
    this.pool.close();
  }
}
