// The workspace index's worker pool in the browser build: there are no worker threads there, so no
// pool ever starts and the indexer reads on its own thread (workspace/summaryPool.ts is the Node one).

export type { FileTask } from '../workspace/summaryPool';

export class SummaryPool {
  static start(_script: string, _size: number): SummaryPool | undefined {
    return undefined;
  }

  get size(): number {
    return 0;
  }

  run(): Promise<never> {
    return Promise.reject(new Error('no worker threads in the browser build'));
  }

  close(): void {}
}
