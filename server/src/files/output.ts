// Where reports go: standard output or the --output file, written as results arrive. A write that
// fills the stream's buffer waits for it to drain, which in turn holds back the workers (see pool.ts),
// so a slow reader never makes the tool buffer a whole run in memory.

import * as fs from 'fs';
import type { Writable } from 'stream';

/**
 * Output is gathered up to this many characters, or until the results at hand are all written (the
 * next turn of the event loop), and then written at once: a write per file was a system call per
 * file (20,000 for a folder), most of a JSON Lines export's time on the main thread.
 */
const GATHER_CHARS = 64 * 1024;

export class Output {
  private failed: Error | undefined;
  private pending = '';
  private flushQueued = false;

  constructor(
    private readonly stream: Writable,
    /** Called before each write so a progress line on the same terminal can step aside. */
    private readonly beforeWrite: () => void = () => {},
  ) {
    stream.on('error', (e) => {
      this.failed = e;
    });
  }

  async write(chunk: string): Promise<void> {
    if (this.failed) throw this.failed;
    if (chunk.length === 0) return;
    this.pending += chunk;
    if (this.pending.length >= GATHER_CHARS) await this.flush();
    else if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        // A failure is kept by the error listener and thrown by the next write or close.
        this.flush().catch(() => undefined);
      });
    }
  }

  /** Writes what is gathered; waits while the stream's buffer is full (see pool.ts). */
  async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    this.beforeWrite();
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (e: Error) => {
          this.stream.off('drain', onDrain);
          reject(e);
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  /** Flushes and, for a file, closes it. Standard output stays open. */
  async close(): Promise<void> {
    await this.flush();
    if (this.failed) throw this.failed;
    if (typeof process !== 'undefined' && this.stream === process.stdout) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

/** A stream that keeps what is written in `parts`: the export of VS Code for the Web, which has no file to write. */
export function memoryStream(parts: string[]): Writable {
  const stream = {
    write: (chunk: string) => parts.push(chunk) > 0,
    end: (done: () => void) => done(),
    on: () => stream,
    once: () => stream,
    off: () => stream,
  };
  return stream as unknown as Writable;
}

/** Opens the --output file, reporting a folder that does not exist or cannot be written to as a plain message. */
export async function openOutputFile(file: string): Promise<fs.WriteStream> {
  const stream = fs.createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return stream;
}
