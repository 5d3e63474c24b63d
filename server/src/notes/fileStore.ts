// The notes file on disk (Node): `.imr-letters/notes.json` in the workspace folder. Read without
// ever changing it; written only for a change the user made, atomically (a temporary file in the
// same folder, flushed, renamed over), under a lock file so that processes writing at once each
// apply their change to the file as the one before left it: none is lost. A damaged file is
// refused by name and never written over.

import * as fs from 'fs';
import * as path from 'path';
import { EMPTY_NOTES_FILE, NotesFile } from './model';
import { parseNotesFile, serializeNotesFile } from './notesFile';
import type { OpResult } from './operations';

export const NOTES_DIR_NAME = '.imr-letters';
export const NOTES_FILE_NAME = 'notes.json';

/** `<folder>/.imr-letters/notes.json`. */
export function notesFilePath(workspaceFolder: string): string {
  return path.join(workspaceFolder, NOTES_DIR_NAME, NOTES_FILE_NAME);
}

/** The workspace folder a notes file belongs to (the folder holding `.imr-letters`). */
export function workspaceFolderOf(notesFile: string): string {
  return path.dirname(path.dirname(notesFile));
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The nearest `.imr-letters/notes.json` from `start` (a folder) upward, if there is one. */
export function findNotesFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = notesFilePath(dir);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export type NotesRead =
  /** No notes file yet: no notes. */
  | { kind: 'missing'; file: NotesFile }
  | { kind: 'ok'; file: NotesFile }
  /** Cannot be used: `error` names the file and says what is wrong. Nothing writes over it. */
  | { kind: 'damaged'; error: string };

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? (e as Error)?.message ?? String(e);
}

/** The notes file's data; `shown` is how messages name it (default: its path). */
export function readNotesFile(file: string, shown = file): NotesRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') return { kind: 'missing', file: EMPTY_NOTES_FILE };
    return { kind: 'damaged', error: `${shown}: cannot read the notes file (${reason(e)})` };
  }
  const parsed = parseNotesFile(text);
  if (!parsed.ok) return { kind: 'damaged', error: `${shown}: damaged notes file, left as it is: ${parsed.error}` };
  return { kind: 'ok', file: parsed.file };
}

export interface LockOptions {
  /** How long to wait for another process's lock before giving up (ms). */
  waitMs?: number;
  /** A lock older than this is taken over: its process died or hung while holding it (ms). */
  staleMs?: number;
}

const DEFAULT_WAIT_MS = 15_000;
const DEFAULT_STALE_MS = 10_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function uniqueSuffix(): string {
  return `${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
}

/** The lock is ours while its file holds our token; taken with O_EXCL, so only one process at a time. */
function acquireLock(lock: string, options: LockOptions): string {
  const token = uniqueSuffix();
  const wait = options.waitMs ?? DEFAULT_WAIT_MS;
  const stale = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + wait;
  let delay = 2;
  for (;;) {
    try {
      fs.writeFileSync(lock, token, { flag: 'wx' });
      return token;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    takeOverIfStale(lock, stale);
    if (Date.now() > deadline)
      throw new Error(
        `the notes file is locked by another process (${lock}); if none is running, delete the lock file`,
      );
    // Backoff with jitter, so that processes that met at the lock do not meet again.
    sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
}

/**
 * A lock older than `staleMs` is moved aside under a name of our own (a rename is atomic: of two
 * processes that find it stale, one moves it) and removed; the one that did not move it tries again.
 */
function takeOverIfStale(lock: string, staleMs: number): void {
  let stat: fs.Stats;
  let held: string;
  try {
    stat = fs.statSync(lock);
    held = fs.readFileSync(lock, 'utf8');
  } catch {
    return;
  }
  if (Date.now() - stat.mtimeMs < staleMs) return;
  const aside = `${lock}.${uniqueSuffix()}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return;
  }
  try {
    // Moved a fresh lock taken meanwhile instead of the stale one: put it back.
    if (fs.readFileSync(aside, 'utf8') !== held) fs.linkSync(aside, lock);
  } catch {
    /* its holder has a lock file again, or another takes over */
  }
  fs.rmSync(aside, { force: true });
}

function releaseLock(lock: string, token: string): void {
  try {
    if (fs.readFileSync(lock, 'utf8') === token) fs.unlinkSync(lock);
  } catch {
    /* taken over as stale: nothing of ours to remove */
  }
}

/** Writes `text` to `file` atomically: a reader sees the old file or the new one, never a part. */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${uniqueSuffix()}.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  // The rename itself survives a crash once the folder is flushed (not possible on every platform).
  try {
    const dirFd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    /* Windows cannot open a folder: the rename is still atomic */
  }
}

export type UpdateResult =
  { ok: true; file: NotesFile; written: boolean; result: OpResult & { ok: true } } | { ok: false; error: string };

/**
 * Reads the notes file as it is now, applies `change` and writes the result, all under the lock.
 * `change` sees the latest file, so whatever was written meanwhile is kept. A damaged file is not
 * touched; a change that changes nothing writes nothing. `shown` names the file in messages.
 */
export function updateNotesFile(
  file: string,
  change: (latest: NotesFile) => OpResult,
  options: LockOptions & { shown?: string } = {},
): UpdateResult {
  const shown = options.shown ?? file;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    return { ok: false, error: `${shown}: cannot create its folder (${reason(e)})` };
  }
  const lock = `${file}.lock`;
  let token: string;
  try {
    token = acquireLock(lock, options);
  } catch (e) {
    return { ok: false, error: `${shown}: ${(e as Error).message}` };
  }
  try {
    const read = readNotesFile(file, shown);
    if (read.kind === 'damaged') return { ok: false, error: read.error };
    const result = change(read.file);
    if (!result.ok) return result;
    // A missing file reads as the empty one: a change to nothing creates no file.
    const before = serializeNotesFile(read.file);
    const text = serializeNotesFile(result.file);
    if (text === before) return { ok: true, file: result.file, written: false, result };
    try {
      writeFileAtomic(file, text);
    } catch (e) {
      return { ok: false, error: `${shown}: cannot write the notes file (${reason(e)})` };
    }
    return { ok: true, file: result.file, written: true, result };
  } finally {
    releaseLock(lock, token);
  }
}
