// The one folder walker of the command-line tool and the language server: the letter files below a
// folder, in sorted order, and a note for every entry that looked like a letter file but was
// skipped. Only regular files count, after following symbolic links; FIFOs, sockets and devices
// are never opened (a `.txt` link to /dev/zero would be read forever, a FIFO would block), links
// that lead back into a folder being walked are not followed again, and a file over the size limit
// is named, not read. Nothing here knows of LSP.
//
// The walk is written once, as a generator that asks for each file system call (walkSteps), and is
// run with the event loop's calls (walkFolder: the server, which must stay responsive) or with
// blocking ones (walkFolderSync: the command-line tool, for which a round trip through libuv's
// thread pool per entry made the walk of 20,000 files cost more than checking them).

import * as fs from 'fs';
import * as path from 'path';
import { hasLetterExtension } from './fileKinds';
import { errorText, notRegularFile, tooLarge } from './readFile';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
  /** Set when `keepUnreadable` is on and the file cannot be read: why (it is listed so that the reader names it in order). */
  unreadable?: string;
}

export interface WalkNote {
  path: string;
  /** Why it was skipped, in words: `a FIFO (named pipe), not a regular file`. */
  reason: string;
  /**
   * `unreadable`: a letter file that could not be read (permission, dangling link, too large);
   * `not-a-file`: an entry that is no file at all (FIFO, socket, device, link loop).
   */
  kind: 'unreadable' | 'not-a-file';
}

export interface WalkOptions {
  /** Files larger than this are named in a note and skipped. */
  maxFileBytes: number;
  /** Stop after this many files; `limitReached` says so. */
  maxFiles?: number;
  /** Which files to take, by path relative to the root with '/' separators; default: a letter extension. */
  accept?: (rel: string) => boolean;
  /** Whether a folder (relative path) can hold accepted files; default: always. */
  descend?: (rel: string) => boolean;
  isCancelled?: () => boolean;
  /** List unreadable letter files among the files (with `unreadable` set) instead of in the notes. */
  keepUnreadable?: boolean;
  /**
   * Whether each file is stat'ed for its size and mtime (default true). A reader that checks each
   * file through its own descriptor anyway (readFile.ts) passes false: a file the folder listing
   * calls a regular file is then taken without a system call of its own (size and mtimeMs -1, the
   * size limit left to the reader). Links and entries of other or unknown types are still stat'ed.
   */
  statFiles?: boolean;
}

export interface WalkResult {
  files: FoundFile[];
  notes: WalkNote[];
  limitReached: boolean;
  cancelled: boolean;
}

/** Folders never searched: version control, dependencies, and other hidden folders. */
export function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function folderKey(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

/** One file system call the walk asks for; the driver answers with its result or throws its error in. */
interface FsCall {
  op: 'readdir' | 'stat' | 'lstat';
  path: string;
}
type FsAnswer = fs.Dirent[] | fs.Stats;

function* walkSteps(root: string, options: WalkOptions): Generator<FsCall, WalkResult, FsAnswer> {
  const result: WalkResult = { files: [], notes: [], limitReached: false, cancelled: false };
  const accept = options.accept ?? hasLetterExtension;
  const descend = options.descend ?? (() => true);
  const maxFiles = options.maxFiles ?? Infinity;
  const statFiles = options.statFiles ?? true;
  /** Folders walked so far: a folder reached twice (through a link) is walked once. */
  const walked = new Set<string>();
  /** Folders on the way down to the current one: a link to one of them is a loop. */
  const ancestors = new Set<string>();

  const unreadable = (abs: string, reason: string): void => {
    if (options.keepUnreadable) result.files.push({ path: abs, size: 0, mtimeMs: 0, unreadable: reason });
    else result.notes.push({ path: abs, reason, kind: 'unreadable' });
  };

  const stop = (): boolean => {
    if (options.isCancelled?.()) result.cancelled = true;
    return result.cancelled || result.limitReached;
  };

  function* walk(dir: string, rel: string, stat: fs.Stats): Generator<FsCall, void, FsAnswer> {
    const key = folderKey(stat);
    if (walked.has(key)) return;
    walked.add(key);
    ancestors.add(key);
    let entries: fs.Dirent[];
    try {
      entries = (yield { op: 'readdir', path: dir }) as fs.Dirent[];
    } catch {
      ancestors.delete(key);
      return; // an unreadable sub-folder holds nothing we can check
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    // `dir` is normalized (the root is, below) and a name from readdir is one plain component:
    // joined by hand, as path.join would, without its normalizing (two thirds of a walk's time).
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const dirent of entries) {
      if (stop()) break;
      const name = dirent.name;
      const abs = prefix + name;
      const r = rel === '' ? name : rel + '/' + name;
      // The listing's word is enough for a plain file when nothing needs its size; a name that is
      // not valid UTF-8 (U+FFFD) is looked up all the same, so that its note says so.
      if (!statFiles && dirent.isFile() && !name.includes('\uFFFD')) {
        if (!accept(r)) continue;
        if (result.files.length >= maxFiles) {
          result.limitReached = true;
          break;
        }
        result.files.push({ path: abs, size: -1, mtimeMs: -1 });
        continue;
      }
      // Neither a folder nor a link nor an odd entry can be a letter file unless accepted or walked.
      if (dirent.isFile() && !accept(r)) continue;
      let entry: fs.Stats;
      try {
        entry = (yield { op: 'lstat', path: abs }) as fs.Stats;
      } catch (e) {
        // A name that is not valid UTF-8 comes back with U+FFFD and cannot be found again.
        if (accept(r)) unreadable(abs, unreadableName(name, e));
        continue;
      }
      let target = entry;
      if (entry.isSymbolicLink()) {
        try {
          target = (yield { op: 'stat', path: abs }) as fs.Stats;
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (!accept(r)) continue;
          if (code === 'ELOOP') result.notes.push({ path: abs, reason: errorText(e), kind: 'not-a-file' });
          else unreadable(abs, errorText(e));
          continue;
        }
      }
      if (target.isDirectory()) {
        if (skippedFolder(name) || !descend(r)) continue;
        if (ancestors.has(folderKey(target))) {
          result.notes.push({
            path: abs,
            reason: 'a symbolic link loop (leads back to a folder above it)',
            kind: 'not-a-file',
          });
          continue;
        }
        yield* walk(abs, r, target);
        continue;
      }
      if (!accept(r)) continue;
      const odd = notRegularFile(target);
      if (odd) {
        result.notes.push({ path: abs, reason: odd, kind: 'not-a-file' });
        continue;
      }
      if (target.size > options.maxFileBytes) {
        unreadable(abs, tooLarge(target.size, options.maxFileBytes));
        continue;
      }
      if (result.files.length >= maxFiles) {
        result.limitReached = true;
        break;
      }
      result.files.push({ path: abs, size: target.size, mtimeMs: target.mtimeMs });
    }
    ancestors.delete(key);
  }

  let rootStat: fs.Stats;
  try {
    rootStat = (yield { op: 'stat', path: root }) as fs.Stats;
  } catch {
    return result;
  }
  if (rootStat.isDirectory()) yield* walk(path.normalize(root), '', rootStat);
  return result;
}

/** The calls a walk asks for, with the event loop (the server, which must stay responsive) or blocking. */
const ASYNC_CALLS: Record<FsCall['op'], (p: string) => Promise<FsAnswer>> = {
  readdir: (p) => fs.promises.readdir(p, { withFileTypes: true }),
  stat: (p) => fs.promises.stat(p),
  lstat: (p) => fs.promises.lstat(p),
};
const SYNC_CALLS: Record<FsCall['op'], (p: string) => FsAnswer> = {
  readdir: (p) => fs.readdirSync(p, { withFileTypes: true }),
  stat: (p) => fs.statSync(p),
  lstat: (p) => fs.lstatSync(p),
};

/** Runs the walk with the event loop's file system calls: other work goes on between entries. */
export async function walkFolder(root: string, options: WalkOptions): Promise<WalkResult> {
  const steps = walkSteps(root, options);
  let next = steps.next();
  while (!next.done) {
    let answer: FsAnswer;
    try {
      answer = await ASYNC_CALLS[next.value.op](next.value.path);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(answer);
  }
  return next.value;
}

/** Runs the walk with blocking calls: for a command-line tool that has nothing else to do meanwhile. */
export function walkFolderSync(root: string, options: WalkOptions): WalkResult {
  const steps = walkSteps(root, options);
  let next = steps.next();
  while (!next.done) {
    let answer: FsAnswer;
    try {
      answer = SYNC_CALLS[next.value.op](next.value.path);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(answer);
  }
  return next.value;
}

function unreadableName(name: string, e: unknown): string {
  return name.includes('\uFFFD') ? 'its name is not valid UTF-8' : errorText(e);
}

/** A path as one line of output: control characters (a newline in a file name) shown escaped. */
export function printablePath(p: string): string {
  return p.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
