// Items done on a worker pool and handed on in input order: batches go out while the output keeps
// up, results wait in a small reorder buffer until those before them are out, and no more than a
// bounded number of items is done ahead of the output, so that memory stays flat however many items
// there are and however slowly the output is consumed.

import type { WorkerPool } from './pool';

export interface InOrderRun<T, R> {
  /** Workers to run on; none (or none running): every item is done on this thread by `local`. */
  pool?: WorkerPool<T, R>;
  /** Does one item on this thread: without workers, or for a batch no worker was left to do. */
  local(item: T): Promise<R>;
  /** Called once per item, in input order; the next results wait while it is pending. */
  onResult(result: R, index: number): void | Promise<void>;
  /** Whether an item ends its batch: a slow item holds up no others behind it on its worker. */
  endsBatch?(item: T): boolean;
}

/** Largest batch: a round trip per 128 items is a small share of doing them when an item takes 0.1 ms. */
const MAX_BATCH = 128;
/** Batches per worker a run is cut into at least, so that small runs share out evenly. */
const MIN_BATCHES_PER_WORKER = 8;
/**
 * Batches done ahead of the output per worker: bounds the reorder buffer behind one slow item while
 * leaving a worker that finishes early something to do.
 */
const READ_AHEAD_BATCHES = 8;

export async function runInOrder<T, R>(items: readonly T[], run: InOrderRun<T, R>): Promise<void> {
  const pool = run.pool;
  if (!pool || pool.size === 0 || items.length === 0) {
    for (let i = 0; i < items.length; i++) await run.onResult(await run.local(items[i]), i);
    return;
  }
  const jobs = pool.size;
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(items.length / (jobs * MIN_BATCHES_PER_WORKER))));
  const window = jobs * READ_AHEAD_BATCHES * batch;
  const finished = new Map<number, R>();
  let nextToSend = 0;
  let nextToEmit = 0;
  // Batches no worker was left to do run here, one after another.
  let onThisThread = Promise.resolve();
  const locally = (slice: readonly T[]): Promise<R[]> => {
    const done = onThisThread.then(async () => {
      const results: R[] = [];
      for (const item of slice) results.push(await run.local(item));
      return results;
    });
    onThisThread = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  };

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    let emitting = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(e);
    };

    const emit = async () => {
      if (emitting || settled) return;
      emitting = true;
      try {
        while (finished.has(nextToEmit)) {
          const result = finished.get(nextToEmit)!;
          finished.delete(nextToEmit);
          await run.onResult(result, nextToEmit);
          nextToEmit++;
          send();
        }
      } catch (e) {
        fail(e);
        return;
      } finally {
        emitting = false;
      }
      if (nextToEmit === items.length && !settled) {
        settled = true;
        resolve();
      }
    };

    const send = () => {
      while (!settled && nextToSend < items.length && nextToSend < nextToEmit + window) {
        const first = nextToSend;
        let end = first;
        while (end < items.length && end - first < batch) if (run.endsBatch?.(items[end++])) break;
        nextToSend = end;
        const slice = items.slice(first, end);
        pool
          .run(slice)
          .catch(() => locally(slice))
          .then((results) => {
            results.forEach((r, i) => finished.set(first + i, r));
            void emit();
          }, fail);
      }
    };

    send();
  });
}
