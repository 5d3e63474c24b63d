// A pool of worker threads that run one script and do items of work in batches: a batch goes to
// the least busy worker, comes back as one result per item, and a worker that stops (a crash, or
// the watchdog ending it on an item it said would be slow) is dealt with here, so that callers see
// results or a rejected batch, never a hang. Knows nothing of what the items are: the command line
// sends paths to check, the workspace index files to summarize (cli/pool.ts, workspace/summaryPool.ts).
// RULE: items, results and control messages are plain data (structured clone): no class, no function.

import { parentPort, ResourceLimits, Worker } from 'worker_threads';

/** Main thread -> worker: a part of a batch, or a message for every worker (broadcast). */
type TaskMessage<T> = { part: number; items: T[] } | { control: unknown };

/** Worker -> main thread: a part's results; or: item `slow` of a part is under way (for the watchdog). */
type ResultMessage<R> = { part: number; results: R[] } | { part: number; slow: number };

/** What a worker does: `run` one item (it must not throw); `isSlow` arms the watchdog; `control` a broadcast. */
export interface WorkerSide<T, R> {
  run(item: T): R | Promise<R>;
  isSlow?(item: T): boolean;
  control?(message: unknown): unknown;
}

/** The worker's side: does each part it is sent, item by item, in the order parts and controls came. */
export function serveWorker<T, R>(side: WorkerSide<T, R>): void {
  const port = parentPort;
  if (!port) return;
  // A control may be asynchronous (loading a reader): work waits behind it, in order.
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (task: TaskMessage<T>) => {
    if ('control' in task) {
      queue = queue.then(() => side.control?.(task.control)).catch(() => undefined);
      return;
    }
    queue = queue.then(async () => {
      const results: R[] = [];
      for (let i = 0; i < task.items.length; i++) {
        if (side.isSlow?.(task.items[i])) port.postMessage({ part: task.part, slow: i } satisfies ResultMessage<R>);
        const r = side.run(task.items[i]);
        results.push(r instanceof Promise ? await r : r);
      }
      port.postMessage({ part: task.part, results } satisfies ResultMessage<R>);
    });
  });
}

export interface PoolOptions<T, R> {
  script: string;
  /** Workers started at once. */
  size: number;
  /** Handed to every worker as `workerData`. */
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Lets the process exit while workers run (a server that must not be kept alive by them). */
  unref?: boolean;
  /** Parts a worker holds at once: one being done, the rest waiting, so that it never idles. */
  perWorker?: number;
  /** Workers started in place of ones that stopped, while parts wait; none by default. */
  maxRespawns?: number;
  /** Names the workers in the error a rejected batch carries (`index worker stopped (...)`). */
  name?: string;
  /** The result of the item the watchdog ended its worker on. */
  timedOut?(item: T, ms: number): R;
  /** The result of an item whose worker stopped; without it, the item's batch is rejected. */
  stopped?(item: T, reason: string): R;
}

interface Batch<T, R> {
  items: readonly T[];
  results: R[];
  left: number;
  settled: boolean;
  resolve(results: R[]): void;
  reject(error: Error): void;
}

/** Items `first` to `first + count` of a batch, sent to a worker as one message. */
interface Part<T, R> {
  batch: Batch<T, R>;
  first: number;
  count: number;
}

interface Running<T, R> {
  worker: Worker;
  held: Map<number, Part<T, R>>;
  watchdog?: ReturnType<typeof setTimeout>;
  /** The part and item the worker said is slow, while the watchdog is armed. */
  slow?: { part: number; item: number };
}

export class WorkerPool<T, R> {
  private readonly running: Running<T, R>[] = [];
  /** Parts waiting for a worker; parts sent again (their worker was ended) go first. */
  private readonly waiting: Part<T, R>[] = [];
  private readonly controls: unknown[] = [];
  private target: number;
  private respawns = 0;
  private nextPart = 0;
  private closed = false;
  /**
   * How long a worker may stay on an item it said is slow before it is ended and replaced (that
   * item gets `timedOut`, the others it held are sent again); undefined: no watchdog.
   */
  watchdogMs: number | undefined;

  constructor(private readonly options: PoolOptions<T, R>) {
    this.target = options.size;
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** Workers running. */
  get size(): number {
    return this.running.length;
  }

  /** Does `items` on the workers: one result per item, in their order; rejects when no worker is left to do them. */
  run(items: readonly T[]): Promise<R[]> {
    if (this.closed || this.running.length === 0)
      return Promise.reject(new Error(`no ${this.options.name ?? 'worker'} running`));
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const batch: Batch<T, R> = {
        items,
        results: new Array(items.length),
        left: items.length,
        settled: false,
        resolve,
        reject,
      };
      this.waiting.push({ batch, first: 0, count: items.length });
      this.dispatch();
    });
  }

  /** Sends `message` to every worker, now and to those started later (WorkerSide.control). */
  broadcast(message: unknown): void {
    this.controls.push(message);
    for (const r of this.running) r.worker.postMessage({ control: message } satisfies TaskMessage<T>);
  }

  close(): void {
    this.closed = true;
    this.target = 0;
    for (const r of [...this.running]) this.stopped(r, 'closed');
    this.rejectWaiting('closed');
  }

  private spawn(): void {
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      resourceLimits: this.options.resourceLimits,
    });
    const r: Running<T, R> = { worker, held: new Map() };
    this.running.push(r);
    for (const message of this.controls) worker.postMessage({ control: message } satisfies TaskMessage<T>);
    worker.on('message', (msg: ResultMessage<R>) => this.answered(r, msg));
    worker.on('error', (e: Error) => this.stopped(r, e?.message ?? String(e)));
    worker.on('exit', (code) => this.stopped(r, `exit code ${code}`));
    if (this.options.unref) worker.unref();
  }

  private dispatch(): void {
    const perWorker = this.options.perWorker ?? 2;
    while (this.waiting.length > 0) {
      // Started on demand: a worker that stopped is replaced only while there is work for it.
      if (this.running.length < this.target && this.respawns < (this.options.maxRespawns ?? 0) && !this.closed) {
        this.respawns++;
        this.spawn();
      }
      let least: Running<T, R> | undefined;
      for (const r of this.running) if (r.held.size < perWorker && (!least || r.held.size < least.held.size)) least = r;
      if (!least) break;
      const part = this.waiting.shift()!;
      if (part.batch.settled) continue;
      const id = this.nextPart++;
      least.held.set(id, part);
      least.worker.postMessage({
        part: id,
        items: part.batch.items.slice(part.first, part.first + part.count),
      } satisfies TaskMessage<T>);
    }
    if (this.running.length === 0) this.rejectWaiting('none left');
  }

  private answered(r: Running<T, R>, msg: ResultMessage<R>): void {
    clearTimeout(r.watchdog);
    r.slow = undefined;
    if ('slow' in msg) {
      if (this.watchdogMs !== undefined) {
        r.slow = { part: msg.part, item: msg.slow };
        const ms = this.watchdogMs;
        r.watchdog = setTimeout(() => this.timedOut(r, ms), ms);
      }
      return;
    }
    const part = r.held.get(msg.part);
    r.held.delete(msg.part);
    if (part) msg.results.forEach((result, i) => this.fill(part.batch, part.first + i, result));
    this.dispatch();
  }

  private fill(batch: Batch<T, R>, index: number, result: R): void {
    if (batch.settled) return;
    batch.results[index] = result;
    if (--batch.left === 0) {
      batch.settled = true;
      batch.resolve(batch.results);
    }
  }

  private fail(batch: Batch<T, R>, error: Error): void {
    if (batch.settled) return;
    batch.settled = true;
    batch.reject(error);
  }

  /** The worker kept one item too long: that item times out, the others it held are sent again. */
  private timedOut(r: Running<T, R>, ms: number): void {
    const slow = r.slow;
    if (!slow || !this.running.includes(r)) return;
    const again: Part<T, R>[] = [];
    for (const [id, part] of r.held) {
      if (id !== slow.part) {
        again.push(part);
        continue;
      }
      const at = part.first + slow.item;
      const item = part.batch.items[at];
      if (this.options.timedOut) this.fill(part.batch, at, this.options.timedOut(item, ms));
      else this.fail(part.batch, new Error(`${this.options.name ?? 'worker'} timed out after ${ms} ms`));
      if (at > part.first) again.push({ batch: part.batch, first: part.first, count: at - part.first });
      const end = part.first + part.count;
      if (end > at + 1) again.push({ batch: part.batch, first: at + 1, count: end - at - 1 });
    }
    r.held.clear();
    this.end(r);
    this.waiting.unshift(...again);
    this.dispatch();
  }

  /** The worker stopped (crashed, ran out of memory, or was closed): what it held fails. */
  private stopped(r: Running<T, R>, reason: string): void {
    if (!this.running.includes(r)) return;
    this.end(r);
    for (const part of r.held.values()) {
      if (!this.options.stopped) {
        this.fail(part.batch, new Error(`${this.options.name ?? 'worker'} stopped (${reason})`));
        continue;
      }
      for (let i = part.first; i < part.first + part.count; i++)
        this.fill(part.batch, i, this.options.stopped(part.batch.items[i], reason));
    }
    r.held.clear();
    this.dispatch();
  }

  private end(r: Running<T, R>): void {
    clearTimeout(r.watchdog);
    const at = this.running.indexOf(r);
    if (at >= 0) this.running.splice(at, 1);
    void r.worker.terminate();
  }

  private rejectWaiting(reason: string): void {
    for (const part of this.waiting.splice(0))
      this.fail(part.batch, new Error(`${this.options.name ?? 'worker'} stopped (${reason})`));
  }
}
