// The one folder walker of the command-line tool and the language server: the letter files below a
// folder, in sorted order, and a note for every entry that looked like a letter file but was
// skipped. Only regular files count, after following symbolic links; FIFOs, sockets and devices
// are never opened (a `.txt` link to /dev/zero would be read forever, a FIFO would block), links
// that lead back into a folder being walked are not followed again, and a file over the size limit
// is named, not read. Nothing here knows of LSP.

import * as fs from 'fs';
import * as path from 'path';
import { hasLetterExtension } from './extensions';
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

export async function walkFolder(root: string, options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], notes: [], limitReached: false, cancelled: false };
  const accept = options.accept ?? hasLetterExtension;
  const descend = options.descend ?? (() => true);
  const maxFiles = options.maxFiles ?? Infinity;
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

  const walk = async (dir: string, rel: string, stat: fs.Stats): Promise<void> => {
    const key = folderKey(stat);
    if (walked.has(key)) return;
    walked.add(key);
    ancestors.add(key);
    let names: string[];
    try {
      names = await fs.promises.readdir(dir);
    } catch {
      ancestors.delete(key);
      return; // an unreadable sub-folder holds nothing we can check
    }
    names.sort(compareNames);
    for (const name of names) {
      if (stop()) break;
      const abs = path.join(dir, name);
      const r = rel === '' ? name : rel + '/' + name;
      let entry: fs.Stats;
      try {
        entry = await fs.promises.lstat(abs);
      } catch (e) {
        // A name that is not valid UTF-8 comes back with U+FFFD and cannot be found again.
        if (accept(r)) unreadable(abs, unreadableName(name, e));
        continue;
      }
      let target = entry;
      if (entry.isSymbolicLink()) {
        try {
          target = await fs.promises.stat(abs);
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
        await walk(abs, r, target);
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
  };

  let rootStat: fs.Stats;
  try {
    rootStat = await fs.promises.stat(root);
  } catch {
    return result;
  }
  if (rootStat.isDirectory()) await walk(root, '', rootStat);
  return result;
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
