// Keeps the workspace index in step with the disk: takes the list of letter files (from the client's
// file search, or from walking the workspace folders itself when the client has no such request),
// reads each file whose size or modification time is new, in the background and in short slices so
// that requests keep being answered, follows file events, and saves the index for the next session.
// What it tells the user (progress, limits, skipped files) goes through the host; nothing here knows
// of LSP.

import * as fs from 'fs';
import * as os from 'os';
import { fileURLToPath, pathToFileURL } from 'url';
import { collectSoon } from '../node/garbageCollection';
import { pdfBytesToText } from '../pdf/letterText';
import { DEFAULT_PDF_LIMITS } from '../pdf/limits';
import { hasLetterExtension } from '../files/fileKinds';
import type { ReadFileResult } from '../protocol/requests';
import type { LetterIndex } from './letterIndex';
import { indexKeyOf, isPdfUri, pdfOfTextUri } from '../protocol/pdfTextUri';
import { readRegularFile } from '../files/readFile';
import { FileOutcome, KnownStat, readSummaryOf, summarizeSafely } from './readSummary';
import { loadIndex, SavedEntry, saveIndex } from './savedIndex';
import { FileSummary, internSummary, NOT_A_LETTER } from '../export/summary';
import { FileTask, SummaryPool } from './summaryPool';
import { walkFolder } from '../files/walk';

export interface IndexLimits {
  /** Letter files indexed at most; past it the user is told. */
  maxFiles: number;
  /** Larger files are named in the log and not read. */
  maxFileBytes: number;
  /** Whether PDF letters are indexed (read one at a time, within the PDF reader's own limits). */
  includePdf: boolean;
}

export const DEFAULT_LIMITS: IndexLimits = { maxFiles: 100_000, maxFileBytes: 5 * 1024 * 1024, includePdf: true };

export interface IndexProgress {
  report(done: number, total: number): void;
  /** Set when the user cancelled the progress. */
  readonly cancelled: boolean;
  done(): void;
}

export interface IndexerHost {
  /** Whether an editor has the document open: its entry then comes from the editor's text. */
  isOpen(uri: string): boolean;
  /** Shows progress for a build of `total` files; undefined when the client cannot show it. */
  beginProgress(total: number): Promise<IndexProgress | undefined>;
  /** A limit was reached: the user must be told, never a silent cap. */
  warn(message: string): void;
  log(message: string): void;
  /**
   * Reads a listed file for the server when it has no disk of its own (VS Code for the Web: the
   * client reads it with vscode.workspace.fs); undefined: the indexer reads the disk itself.
   */
  readonly readFile?: (uri: string, maxBytes: number) => Promise<ReadFileResult>;
}

/** How long one slice of reading may hold the event loop before requests get their turn. */
const SLICE_MS = 8;
/** Builds of fewer files are read on this thread: starting a worker costs about as much. */
const POOL_MIN_FILES = 500;
/** Files a worker reads per message: about 10 ms of work, so that results come back often. */
const BATCH_FILES = 48;

/**
 * Workers for a large build: the cores but one, which stays with requests; one at least, four at
 * most. IMR_LETTERS_INDEX_WORKERS sets the number (0: none) for tests and the bench.
 */
function workerCount(): number {
  const set = Number.parseInt(process.env.IMR_LETTERS_INDEX_WORKERS ?? '', 10);
  if (Number.isInteger(set) && set >= 0) return Math.min(set, 8);
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** The path of a file: URI the indexer accepted (`file:` only); as it is when it names none. */
/** A worker's outcome with its summary as this thread keeps summaries (see runOnPool). */
function asThisThreads(outcome: FileOutcome): FileOutcome {
  if (outcome.kind !== 'read') return outcome;
  const s = outcome.summary;
  const plain = !s.isLetter && s.reason === undefined && s.letters.length === 0 && s.problems.length === 0;
  return { ...outcome, summary: plain ? NOT_A_LETTER : internSummary(s) };
}

function pathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** A file taken from the queue to be read, with what the index knew of it then. */
interface ReadTask {
  uri: string;
  /** Its entry in the index (a PDF's text document). */
  key: string;
  known?: KnownStat & { summary: FileSummary };
  /** The read generation this task belongs to: a result of an earlier generation is stale. */
  generation: number;
}
/** How long after the last change the index is saved. */
const SAVE_DELAY_MS = 3000;

export class Indexer {
  /** The letter files of the workspace as last listed. */
  private listed = new Set<string>();
  /** The folders of the listed files (of files listed before, too, until the next full list). */
  private folders = new Set<string>();
  /** Files to read, in order; `queued` says which are still wanted (an array and a set: a Set emptied from its front is walked over its holes again at every slice). */
  private queue: string[] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  private saved: Map<string, SavedEntry> | undefined;
  private readonly loading: Promise<Map<string, SavedEntry>> | undefined;
  private running: Promise<void> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private walking = 0;
  private skippedNamed = new Set<string>();
  /** The latest read generation of each file being read. */
  private readonly readGeneration = new Map<string, number>();
  private generations = 0;
  /** Something changed since the index was last saved (a reopen that read nothing does not save it again). */
  private unsaved = false;
  private saving: Promise<void> = Promise.resolve();
  /** Resolves when the current build (if any) is over: tests and the bench wait on it. */
  idle: Promise<void> = Promise.resolve();
  /** Files read from disk since start (not taken from the saved index). */
  filesRead = 0;

  constructor(
    private readonly index: LetterIndex,
    private readonly host: IndexerHost,
    private limits: IndexLimits,
    /** Folder of the saved index; undefined: nothing is saved. */
    private readonly storageDir: string | undefined,
    /** The worker threads' script (dist/indexWorker.js); undefined or missing: files are read on this thread. */
    private readonly workerScript?: string,
  ) {
    // Loaded at once, while the client lists the workspace's files (which takes longer at 50,000).
    this.loading = storageDir ? loadIndex(storageDir) : undefined;
  }

  setLimits(limits: IndexLimits): void {
    this.limits = limits;
  }

  get fileCount(): number {
    return this.listed.size;
  }

  /** Files waiting to be read. */
  get pending(): number {
    return this.queued.size;
  }

  /** Listing the folders or reading files. */
  get busy(): boolean {
    return this.walking > 0 || this.running !== undefined;
  }

  /** Whether the file is listed; for a PDF's text document (imr-pdf:), whether its PDF is. */
  isListed(uri: string): boolean {
    return this.listed.has(pdfOfTextUri(uri) ?? uri);
  }

  /** PDFs are left out when the setting says so. */
  private accepts(uri: string): boolean {
    // Files the client reads can be on any file system VS Code has.
    return (this.host.readFile !== undefined || uri.startsWith('file:')) && (this.limits.includePdf || !isPdfUri(uri));
  }

  /** The workspace's letter files, as listed by the client (`limitReached`: it stopped at the limit). */
  setFiles(uris: readonly string[], limitReached: boolean): void {
    let list = uris.filter((u) => this.accepts(u));
    if (limitReached || list.length > this.limits.maxFiles) {
      list = list.slice(0, this.limits.maxFiles);
      this.host.warn(
        `IMR Letters: this workspace holds more than ${this.limits.maxFiles} letter files; only the first ${this.limits.maxFiles} are indexed (setting imrLetters.workspace.maxFiles).`,
      );
    }
    const next = new Set(list);
    for (const uri of this.listed)
      if (!next.has(uri) && !this.host.isOpen(indexKeyOf(uri)) && this.index.delete(indexKeyOf(uri)))
        this.unsaved = true;
    this.listed = next;
    this.folders = new Set();
    for (const uri of list) {
      this.listedIn(uri);
      this.enqueue(uri);
    }
    this.start();
  }

  /** Lists the letter files of the folders with the walker (for clients without a file search of their own). */
  async walk(folders: readonly string[]): Promise<void> {
    this.walking++;
    try {
      await this.walkNow(folders);
    } finally {
      this.walking--;
    }
  }

  private async walkNow(folders: readonly string[]): Promise<void> {
    const uris: string[] = [];
    let limitReached = false;
    for (const folder of folders) {
      const includePdf = this.limits.includePdf;
      const found = await walkFolder(folder, {
        maxFileBytes: Math.max(this.limits.maxFileBytes, includePdf ? DEFAULT_PDF_LIMITS.maxBytes : 0),
        accept: (rel) => hasLetterExtension(rel) || (includePdf && isPdfUri(rel)),
        maxFiles: this.limits.maxFiles + 1 - uris.length,
      });
      for (const n of found.notes) this.host.log(`Skipped ${n.path}: ${n.reason}`);
      for (const f of found.files) uris.push(pathToFileURL(f.path).toString());
      if (found.limitReached) limitReached = true;
    }
    this.setFiles(uris, limitReached || uris.length > this.limits.maxFiles);
  }

  /** A file was created or changed on disk. */
  changed(uri: string): void {
    if (!this.accepts(uri)) return;
    if (!this.listed.has(uri)) {
      if (this.listed.size >= this.limits.maxFiles) return;
      this.listed.add(uri);
      this.listedIn(uri);
    }
    this.enqueue(uri);
    this.start();
  }

  /**
   * A file or folder was deleted on disk. A deleted folder comes as one event for the folder (VS
   * Code's watcher sends none for the files inside), and so do deletions of any other file: the
   * listed files are looked through only when the folder holds some (`folders`).
   */
  deleted(uri: string): void {
    const folder = uri.endsWith('/') ? uri.slice(0, -1) : uri;
    let uris: string[] = [];
    if (this.listed.has(folder)) uris = [folder];
    else if (this.holdsListed(folder)) uris = [...this.listed].filter((u) => u.startsWith(folder + '/'));
    for (const u of uris) {
      this.listed.delete(u);
      this.queued.delete(u);
      if (!this.host.isOpen(indexKeyOf(u))) this.index.delete(indexKeyOf(u));
    }
    if (uris.length > 0) {
      this.unsaved = true;
      this.saveSoon();
    }
  }

  /** Whether a folder holds listed files (at any depth); folders of files since removed may say yes. */
  private holdsListed(folder: string): boolean {
    const below = folder + '/';
    for (const f of this.folders) if (f === folder || f.startsWith(below)) return true;
    return false;
  }

  /** Notes the folder of a listed file. */
  private listedIn(uri: string): void {
    const slash = uri.lastIndexOf('/');
    if (slash > 0) this.folders.add(uri.slice(0, slash));
  }

  /** An editor closed the document: its entry goes back to what the disk holds. */
  closed(uri: string): void {
    const file = pdfOfTextUri(uri) ?? uri;
    if (this.listed.has(file)) {
      this.enqueue(file);
      this.start();
    } else this.index.delete(uri);
  }

  stop(): void {
    this.stopped = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  private enqueue(uri: string): void {
    if (this.queued.has(uri)) return;
    this.queued.add(uri);
    this.queue.push(uri);
  }

  private start(): void {
    if (this.running || this.stopped) return;
    this.running = this.build().finally(() => {
      this.running = undefined;
      if (this.queued.size > 0 && !this.stopped) this.start();
    });
    this.idle = this.running.catch(() => undefined);
  }

  private async build(): Promise<void> {
    const total = this.queued.size;
    // A large build reads on worker threads, started while the saved index loads.
    const workers = total >= POOL_MIN_FILES && this.workerScript && !this.host.readFile ? workerCount() : 0;
    const pool = workers > 0 ? SummaryPool.start(this.workerScript!, workers) : undefined;
    if (pool) this.host.log(`Indexing ${total} files on ${pool.size} worker threads.`);
    if (!this.saved && this.loading) this.saved = await this.loading;
    // Small updates (a file saved) need no progress bar.
    const progress = total > 50 ? await this.host.beginProgress(total) : undefined;
    const counted = { done: 0 };
    const inFlight = new Set<Promise<void>>();
    try {
      while (!this.stopped) {
        if (progress?.cancelled && this.queued.size > 0) {
          this.host.log(`Indexing cancelled with ${this.queued.size} files left.`);
          this.queued.clear();
          this.queue = [];
          this.head = 0;
        }
        if (pool && pool.size > 0) {
          // Each worker holds two batches: one being read, one waiting, so that it never idles.
          while (inFlight.size < pool.size * 2 && this.queued.size > 0) {
            const { tasks, pdf } = this.takeBatch(BATCH_FILES, counted);
            if (tasks.length > 0) {
              const batch = this.runOnPool(pool, tasks, counted).finally(() => inFlight.delete(batch));
              inFlight.add(batch);
            }
            if (pdf) await pdf;
          }
          if (inFlight.size === 0 && this.queued.size === 0) break;
          if (inFlight.size > 0) await Promise.race(inFlight);
        } else {
          if (inFlight.size > 0) await Promise.all(inFlight);
          if (this.queued.size === 0) break;
          await this.slice(counted);
        }
        progress?.report(Math.min(counted.done, total), Math.max(total, counted.done));
      }
      await Promise.all(inFlight);
    } finally {
      pool?.close();
      progress?.done();
    }
    if (this.unsaved) this.saveSoon();
    // A large build leaves garbage (batches, texts, the word index's growing lists) in a heap it
    // grew: collected once the server is idle, and the pages given back (see node/garbageCollection.ts).
    if (total >= POOL_MIN_FILES) collectSoon(1000, { release: true });
  }

  /**
   * Reads files on this thread for SLICE_MS, then gives requests their turn. Small local files are
   * read synchronously: a few microseconds each, where a promise per system call costs more than
   * the read.
   */
  private async slice(counted: { done: number }): Promise<void> {
    const sliceEnd = performance.now() + SLICE_MS;
    while (this.head < this.queue.length) {
      const { tasks, pdf } = this.takeBatch(1, counted);
      for (const t of tasks) this.apply(t, readSummaryOf(t.uri, t.known, this.limits.maxFileBytes));
      counted.done += tasks.length;
      // A PDF is read outside the slice, alone, with a turn for requests after it.
      if (pdf) {
        await pdf;
        break;
      }
      if (performance.now() >= sliceEnd) break;
    }
    // Requests waiting in the connection's queue are answered before the next slice.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private async runOnPool(pool: SummaryPool, tasks: ReadTask[], counted: { done: number }): Promise<void> {
    // Size and time only: the summary the index knows stays here.
    const files: FileTask[] = tasks.map(({ uri, known }) =>
      known ? { uri, known: { size: known.size, mtimeMs: known.mtimeMs } } : { uri },
    );
    let outcomes: FileOutcome[];
    try {
      // A worker's summaries are copies: its non-letters made the one NOT_A_LETTER again, its
      // repeating strings the ones this thread keeps (what summarizeText gives here already is).
      outcomes = (await pool.run(files, this.limits.maxFileBytes)).map(asThisThreads);
    } catch (e) {
      // The worker stopped (out of memory on a huge file, a crash): this thread reads the batch itself.
      this.host.log(
        `${e instanceof Error ? e.message : String(e)}: ${tasks.length} files read on the server's thread.`,
      );
      outcomes = tasks.map((t) => readSummaryOf(t.uri, t.known, this.limits.maxFileBytes));
    }
    tasks.forEach((t, i) => this.apply(t, outcomes[i]));
    counted.done += tasks.length;
  }

  /**
   * Takes text files worth up to `max` reads from the queue, passing over those open in an editor or no
   * longer listed; a PDF, or a file the client reads, stops the batch and is read (returned, for the
   * caller to wait on).
   */
  private takeBatch(max: number, counted: { done: number }): { tasks: ReadTask[]; pdf?: Promise<void> } {
    const tasks: ReadTask[] = [];
    // A file the index knows is most likely unchanged: a stat, about a tenth of a read.
    let cost = 0;
    while (cost < max && this.head < this.queue.length) {
      const uri = this.queue[this.head++];
      if (!this.queued.delete(uri)) continue; // taken off the list since
      const task = this.taskOf(uri);
      if (!task) {
        counted.done++;
        continue;
      }
      if (this.host.readFile) {
        // The client reads it (no disk here): one file at a time, outside the slice.
        this.readGeneration.delete(uri);
        counted.done++;
        return { tasks, pdf: this.refreshFromHost(uri, task.key, this.host.readFile) };
      }
      if (task.key !== uri) {
        counted.done++;
        const pdf = this.refreshPdfIfChanged(task);
        if (pdf) return { tasks, pdf };
        continue;
      }
      tasks.push(task);
      cost += task.known ? 0.1 : 1;
    }
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return { tasks };
  }

  private taskOf(uri: string): ReadTask | undefined {
    const key = indexKeyOf(uri);
    if (this.host.isOpen(key) || !this.listed.has(uri)) return undefined;
    const entry = this.index.get(key) ?? this.saved?.get(key);
    const task: ReadTask = { uri, key, generation: ++this.generations };
    if (entry) task.known = { size: entry.size, mtimeMs: entry.mtimeMs, summary: entry.summary };
    this.readGeneration.set(uri, task.generation);
    return task;
  }

  /** Stores what reading a file gave, unless the file changed its place in the index since it was taken. */
  private apply(task: ReadTask, outcome: FileOutcome): void {
    const { uri, key, known } = task;
    if (this.readGeneration.get(uri) !== task.generation) return; // read again since: the later read wins
    this.readGeneration.delete(uri);
    if (this.stopped || !this.listed.has(uri) || this.host.isOpen(key)) return;
    switch (outcome.kind) {
      case 'same':
        if (!this.index.get(key) && known) this.index.set(key, known.summary, known.size, known.mtimeMs, false);
        return;
      case 'gone':
        if (this.index.delete(key)) this.unsaved = true;
        return;
      case 'skipped':
        this.skip(uri, key, pathOf(uri), outcome.reason);
        return;
      case 'read':
        if (outcome.failed !== undefined) this.host.log(`Indexing ${pathOf(uri)} failed: ${outcome.failed}`);
        this.store(key, outcome.summary, outcome.size, outcome.mtimeMs);
    }
  }

  /**
   * A file the client read (no disk here; a PDF's text, for a PDF), whole: there is no saved index
   * to compare with.
   */
  private async refreshFromHost(
    uri: string,
    key: string,
    readFile: NonNullable<IndexerHost['readFile']>,
  ): Promise<void> {
    const maxBytes = key === uri ? this.limits.maxFileBytes : DEFAULT_PDF_LIMITS.maxBytes;
    const read = await readFile(uri, maxBytes).catch((e: unknown): ReadFileResult => ({
      kind: 'skipped',
      reason: e instanceof Error ? e.message : String(e),
    }));
    if (this.stopped || !this.listed.has(uri) || this.host.isOpen(key)) return;
    if (read.kind === 'skipped') return this.skip(uri, key, uri, read.reason);
    this.store(
      key,
      read.kind === 'text' ? this.summarizeLogged(uri, read.text) : NOT_A_LETTER,
      read.size,
      read.mtimeMs,
    );
  }

  /** A PDF letter whose size or time changed is read through the PDF reader; returns that reading. */
  private refreshPdfIfChanged(task: ReadTask): Promise<void> | undefined {
    this.readGeneration.delete(task.uri);
    const path = pathOf(task.uri);
    let stat;
    try {
      stat = fs.statSync(path);
    } catch {
      if (this.index.delete(task.key)) this.unsaved = true;
      return;
    }
    const known = task.known;
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      if (!this.index.get(task.key)) this.index.set(task.key, known.summary, known.size, known.mtimeMs, false);
      return;
    }
    return this.refreshPdf(task.uri, task.key, path);
  }

  /** A PDF's text through the PDF reader (which never throws); one that gives none is kept as a non-letter with its reason. */
  private async refreshPdf(uri: string, key: string, path: string): Promise<void> {
    const read = await readRegularFile(path, DEFAULT_PDF_LIMITS.maxBytes);
    if (read.kind === 'skipped') return this.skip(uri, key, path, read.reason);
    const text = await pdfBytesToText(read.bytes, DEFAULT_PDF_LIMITS, true);
    // The file may have been deleted, left out or opened while it was read.
    if (this.stopped || !this.listed.has(uri) || this.host.isOpen(key)) return;
    let summary: FileSummary;
    if (text.kind === 'text') summary = this.summarizeLogged(path, text.text);
    else {
      const reason = text.kind === 'unreadable' ? text.error : 'not a PDF';
      this.host.log(`Not indexed as a letter: ${path}: ${reason}`);
      summary = { ...NOT_A_LETTER, reason };
    }
    this.store(key, summary, read.size, read.mtimeMs);
  }

  /** A file that cannot be read: named in the log once, and out of the index. */
  private skip(uri: string, key: string, name: string, reason: string): void {
    if (!this.skippedNamed.has(uri)) this.host.log(`Skipped ${name}: ${reason}`);
    this.skippedNamed.add(uri);
    if (this.index.delete(key)) this.unsaved = true;
  }

  /** A file read: its summary in the index, a non-letter's too (so that it is not read again). */
  private store(key: string, summary: FileSummary, size: number, mtimeMs: number): void {
    this.filesRead++;
    this.index.set(key, summary, size, mtimeMs, false);
    this.unsaved = true;
  }

  /** summarizeText, a failure logged and the file kept as a non-letter. */
  private summarizeLogged(name: string, text: string): FileSummary {
    const { summary, failed } = summarizeSafely(name, text);
    if (failed !== undefined) this.host.log(`Indexing ${name} failed: ${failed}`);
    return summary;
  }

  private saveSoon(): void {
    if (!this.storageDir || this.stopped) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Writes the index now (also at shutdown), after any save under way. Entries from editors are not saved: their text is not on disk. */
  save(): Promise<void> {
    const next = this.saving.then(() => this.saveNow());
    this.saving = next.catch(() => undefined);
    return next;
  }

  private async saveNow(): Promise<void> {
    if (!this.storageDir) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // Nothing read or dropped since the index was loaded or saved: the saved copy is current.
    if (!this.unsaved) return;
    this.unsaved = false;
    const entries: SavedEntry[] = [];
    for (const e of this.index.values()) if (!e.fromEditor && this.isListed(e.uri)) entries.push(e);
    // Files open in an editor keep what the disk held when last read.
    if (this.saved) for (const [uri, e] of this.saved) if (this.host.isOpen(uri) && this.isListed(uri)) entries.push(e);
    try {
      await saveIndex(this.storageDir, entries);
      this.saved = new Map(entries.map((e) => [e.uri, e]));
    } catch (e) {
      this.unsaved = true;
      this.host.log(`Saving the index failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
