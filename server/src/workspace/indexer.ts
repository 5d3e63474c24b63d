// Keeps the workspace index in step with the disk: takes the list of letter files (from the client's
// file search, or from walking the workspace folders itself when the client has no such request),
// reads each file whose size or modification time is new, in the background and in short slices so
// that requests keep being answered, follows file events, and saves the index for the next session.
// What it tells the user (progress, limits, skipped files) goes through the host; nothing here knows
// of LSP.

import * as fs from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import { decodeLetterBytes } from '../cli/analyze';
import { pdfBytesToText } from '../pdf/letterText';
import { DEFAULT_PDF_LIMITS } from '../pdf/limits';
import { hasLetterExtension } from './extensions';
import type { LetterIndex } from './letterIndex';
import { indexKeyOf, isPdfUri, pdfOfTextUri } from './pdfTextUri';
import { readRegularFile, readRegularFileSync } from './readFile';
import { loadIndex, SavedEntry, saveIndex } from './savedIndex';
import { FileSummary, NOT_A_LETTER } from './summary';
import { summarizeText } from './summarizeText';
import { walkFolder } from './walk';

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
}

/** How long one slice of reading may hold the event loop before requests get their turn. */
const SLICE_MS = 8;
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
  private running: Promise<void> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private walking = 0;
  private skippedNamed = new Set<string>();
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
  ) {}

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
    return uri.startsWith('file:') && (this.limits.includePdf || !isPdfUri(uri));
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
      if (!next.has(uri) && !this.host.isOpen(indexKeyOf(uri))) this.index.delete(indexKeyOf(uri));
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
    if (uris.length > 0) this.saveSoon();
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
    if (!this.saved && this.storageDir) this.saved = await loadIndex(this.storageDir);
    const total = this.queued.size;
    // Small updates (a file saved) need no progress bar.
    const progress = total > 50 ? await this.host.beginProgress(total) : undefined;
    let done = 0;
    try {
      while (this.queued.size > 0 && !this.stopped) {
        if (progress?.cancelled) {
          this.host.log(`Indexing cancelled with ${this.queued.size} files left.`);
          this.queued.clear();
          this.queue = [];
          this.head = 0;
          break;
        }
        // Small local files are read synchronously: a few microseconds each, where a promise per
        // system call costs more than the read. The slice ends after SLICE_MS, file by file.
        const sliceEnd = performance.now() + SLICE_MS;
        while (this.head < this.queue.length) {
          const uri = this.queue[this.head++];
          if (!this.queued.delete(uri)) continue; // taken off the list since
          const pdfRead = this.refresh(uri);
          done++;
          // A PDF is read outside the slice, alone, with a turn for requests after it.
          if (pdfRead) {
            await pdfRead;
            break;
          }
          if (performance.now() >= sliceEnd) break;
        }
        if (this.head >= this.queue.length) {
          this.queue = [];
          this.head = 0;
        }
        progress?.report(Math.min(done, total), Math.max(total, done));
        // Requests waiting in the connection's queue are answered before the next slice.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      progress?.done();
    }
    this.saveSoon();
  }

  /**
   * Re-reads one file when its size or modification time differs from what the index holds. A text
   * file is read at once; a PDF's reading is returned, for the caller to wait on.
   */
  private refresh(uri: string): Promise<void> | undefined {
    const key = indexKeyOf(uri);
    if (this.host.isOpen(key) || !this.listed.has(uri)) return;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    let stat;
    try {
      stat = fs.statSync(path);
    } catch {
      this.index.delete(key);
      return;
    }
    const known = this.index.get(key) ?? this.saved?.get(key);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      if (!this.index.get(key)) this.index.set(key, known.summary, known.size, known.mtimeMs, false);
      return;
    }
    if (key !== uri) return this.refreshPdf(uri, key, path);
    const read = readRegularFileSync(path, this.limits.maxFileBytes);
    if (read.kind === 'skipped') {
      if (!this.skippedNamed.has(uri)) this.host.log(`Skipped ${path}: ${read.reason}`);
      this.skippedNamed.add(uri);
      this.index.delete(uri);
      return;
    }
    this.filesRead++;
    const decoded = decodeLetterBytes(read.bytes);
    let summary = NOT_A_LETTER;
    try {
      if (decoded.kind === 'text') summary = summarizeText(path, decoded.text);
    } catch (e) {
      this.host.log(`Indexing ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.index.set(uri, summary, read.size, read.mtimeMs, false);
  }

  /** A PDF's text through the PDF reader (which never throws); one that gives none is kept as a non-letter with its reason. */
  private async refreshPdf(uri: string, key: string, path: string): Promise<void> {
    const read = await readRegularFile(path, DEFAULT_PDF_LIMITS.maxBytes);
    if (read.kind === 'skipped') {
      if (!this.skippedNamed.has(uri)) this.host.log(`Skipped ${path}: ${read.reason}`);
      this.skippedNamed.add(uri);
      this.index.delete(key);
      return;
    }
    const text = await pdfBytesToText(read.bytes, DEFAULT_PDF_LIMITS);
    // The file may have been deleted, left out or opened while it was read.
    if (this.stopped || !this.listed.has(uri) || this.host.isOpen(key)) return;
    this.filesRead++;
    let summary: FileSummary = NOT_A_LETTER;
    if (text.kind === 'text') {
      try {
        summary = summarizeText(path, text.text);
      } catch (e) {
        this.host.log(`Indexing ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      const reason = text.kind === 'unreadable' ? text.error : 'not a PDF';
      this.host.log(`Not indexed as a letter: ${path}: ${reason}`);
      summary = { ...NOT_A_LETTER, reason };
    }
    this.index.set(key, summary, read.size, read.mtimeMs, false);
  }

  private saveSoon(): void {
    if (!this.storageDir || this.stopped) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Writes the index now (also at shutdown). Entries from editors are not saved: their text is not on disk. */
  async save(): Promise<void> {
    if (!this.storageDir) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const entries: SavedEntry[] = [];
    for (const e of this.index.values()) if (!e.fromEditor && this.isListed(e.uri)) entries.push(e);
    // Files open in an editor keep what the disk held when last read.
    if (this.saved) for (const [uri, e] of this.saved) if (this.host.isOpen(uri) && this.isListed(uri)) entries.push(e);
    try {
      await saveIndex(this.storageDir, entries);
      this.saved = new Map(entries.map((e) => [e.uri, e]));
    } catch (e) {
      this.host.log(`Saving the index failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
