// The workspace index: one compact summary per letter file (export/summary.ts), by URI. Open
// documents' entries come from their current text, the others from disk. Every change bumps the
// entry's stamp and tells the listeners, so that pull diagnostics, the Letters view and saved
// copies know what is new. Nothing here reads files or knows of LSP.

import type { FileSummary } from '../export/summary';

export interface IndexEntry {
  uri: string;
  /** Size and modification time of the file the summary was read from (0 for an open document's text). */
  size: number;
  mtimeMs: number;
  summary: FileSummary;
  /** True while the summary comes from an open editor's text, not from disk. */
  fromEditor: boolean;
  /** Increases with every change of any entry: a result id for diagnostics. */
  stamp: number;
}

export type IndexListener = (uris: readonly string[]) => void;
/** Told of each entry set or deleted at once, in the same turn: a structure built from the entries stays in step. */
export type EntryObserver = (uri: string) => void;

export class LetterIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly listeners = new Set<IndexListener>();
  private readonly observers = new Set<EntryObserver>();
  private stamp = 0;
  private changed = new Set<string>();
  private notifyScheduled = false;

  get size(): number {
    return this.entries.size;
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.entries.keys();
  }

  values(): IterableIterator<IndexEntry> {
    return this.entries.values();
  }

  set(uri: string, summary: FileSummary, size: number, mtimeMs: number, fromEditor: boolean): void {
    this.entries.set(uri, { uri, size, mtimeMs, summary, fromEditor, stamp: ++this.stamp });
    this.touched(uri);
  }

  delete(uri: string): boolean {
    if (!this.entries.delete(uri)) return false;
    this.touched(uri);
    return true;
  }

  observe(observer: EntryObserver): { dispose(): void } {
    this.observers.add(observer);
    return { dispose: () => this.observers.delete(observer) };
  }

  onChange(listener: IndexListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Changes are told in batches, once per turn of the event loop, not once per file. */
  private touched(uri: string): void {
    for (const o of this.observers) o(uri);
    this.changed.add(uri);
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setImmediate(() => {
      this.notifyScheduled = false;
      const uris = [...this.changed];
      this.changed = new Set();
      for (const l of this.listeners) l(uris);
    });
  }
}
