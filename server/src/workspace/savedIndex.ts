// The index saved in the extension's storage between sessions: each file's summary keyed by its
// path, size and modification time, under the version of the engine that made it. A reopened
// folder re-reads only the files whose size or time changed; a new engine version reads all again.

import { promises as fs } from 'fs';
import * as path from 'path';
import { FileSummary, isFileSummary } from './summary';

/** Changes whenever the engine or the summary's shape changes what a summary holds. */
export const INDEX_VERSION = 'imr-letters-0.1.0/summary-2';
export const SAVED_INDEX_FILE = 'letters-index.json';

export interface SavedEntry {
  uri: string;
  size: number;
  mtimeMs: number;
  summary: FileSummary;
}

interface SavedIndex {
  version: string;
  entries: SavedEntry[];
}

/** The saved entries, or none when there is no saved index, it is damaged, or another version wrote it. */
export async function loadIndex(dir: string): Promise<Map<string, SavedEntry>> {
  const out = new Map<string, SavedEntry>();
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, SAVED_INDEX_FILE), 'utf8');
  } catch {
    return out;
  }
  try {
    const saved = JSON.parse(raw) as SavedIndex;
    if (saved?.version !== INDEX_VERSION || !Array.isArray(saved.entries)) return out;
    for (const e of saved.entries)
      if (
        e &&
        typeof e.uri === 'string' &&
        typeof e.size === 'number' &&
        typeof e.mtimeMs === 'number' &&
        isFileSummary(e.summary)
      )
        out.set(e.uri, e);
  } catch {
    // A damaged file (the window closed while it was written) is read again from the letters.
  }
  return out;
}

/** Written to a temporary file first and renamed, so that a crash leaves the old index or the new one. */
export async function saveIndex(dir: string, entries: Iterable<SavedEntry>): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, SAVED_INDEX_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const list: SavedEntry[] = [];
  for (const e of entries) list.push({ uri: e.uri, size: e.size, mtimeMs: e.mtimeMs, summary: e.summary });
  await fs.writeFile(temp, JSON.stringify({ version: INDEX_VERSION, entries: list } satisfies SavedIndex));
  await fs.rename(temp, file);
}
