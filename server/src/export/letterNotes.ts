// The notes a letter file on disk has (Node): its workspace's notes file, found upward from the
// file, read once per change of the file (size and mtime) however many letters of a run it holds.
// A damaged notes file gives no notes and an error to warn of: the export goes on.

import * as fs from 'fs';
import * as path from 'path';
import { findNotesFile, readNotesFile, workspaceFolderOf } from '../notes/fileStore';
import type { NotesFile } from '../notes/model';

export interface NotesForFile {
  file: NotesFile;
  /** The letter's path in the notes file's folder (the key of a letter without a case number). */
  relativePath: string;
}

interface Cached {
  size: number;
  mtimeMs: number;
  file?: NotesFile;
  error?: string;
}

const cache = new Map<string, Cached>();

/** The notes for the letter file `abs`, none when there is no notes file; `error` when it is damaged. */
export function notesForLetterFile(abs: string, shown = (p: string) => p): { notes?: NotesForFile; error?: string } {
  const notesFile = findNotesFile(path.dirname(abs));
  if (!notesFile) return {};
  let stat: fs.Stats;
  try {
    stat = fs.statSync(notesFile);
  } catch {
    return {};
  }
  let entry = cache.get(notesFile);
  if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) {
    const read = readNotesFile(notesFile, shown(notesFile));
    entry =
      read.kind === 'damaged'
        ? { size: stat.size, mtimeMs: stat.mtimeMs, error: read.error }
        : { size: stat.size, mtimeMs: stat.mtimeMs, file: read.file };
    cache.set(notesFile, entry);
  }
  if (!entry.file) return { error: entry.error };
  const relativePath = path.relative(workspaceFolderOf(notesFile), abs).split(path.sep).join('/');
  return { notes: { file: entry.file, relativePath } };
}
