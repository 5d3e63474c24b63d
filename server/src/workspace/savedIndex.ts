// The index saved in the extension's storage between sessions: each file's summary keyed by its
// path, size and modification time, under the version of the engine that made it. A reopened
// folder re-reads only the files whose size or time changed; a new engine version reads all again.
//
// JSON Lines: a first line with the version, then one file a line. A large folder's file is tens of
// megabytes: read and written a few hundred lines at a time, with a turn for requests between, so
// that the server never stops answering for as long as one JSON.parse or stringify of it takes.

import { promises as fs } from 'fs';
import * as path from 'path';
import { FileSummary, internSummary, isFileSummary } from '../export/summary';

/** Changes whenever the engine or the summary's shape changes what a summary holds. */
export const INDEX_VERSION = 'imr-letters-0.1.0/summary-5';
export const SAVED_INDEX_FILE = 'letters-index.jsonl';
/** The single-JSON file earlier versions wrote: removed once the new one is written. */
const OLD_SAVED_INDEX_FILE = 'letters-index.json';
/** Lines parsed or written between two turns for requests (1 to 2 ms of work). */
const LINES_PER_TURN = 100;

export interface SavedEntry {
  uri: string;
  size: number;
  mtimeMs: number;
  summary: FileSummary;
}

/** One line: the URI, size, modification time and summary. */
type SavedLine = [string, number, number, FileSummary];

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The saved entries, or none when there is no saved index or another version wrote it; a damaged line is left out. */
export async function loadIndex(dir: string): Promise<Map<string, SavedEntry>> {
  const out = new Map<string, SavedEntry>();
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, SAVED_INDEX_FILE), 'utf8');
  } catch {
    return out;
  }
  const lines = raw.split('\n');
  try {
    if ((JSON.parse(lines[0]) as { version?: unknown })?.version !== INDEX_VERSION) return out;
  } catch {
    return out;
  }
  for (let i = 1; i < lines.length; i++) {
    if (i % LINES_PER_TURN === 0) await turn();
    const entry = parseLine(lines[i]);
    if (entry) out.set(entry.uri, entry);
  }
  return out;
}

function parseLine(line: string): SavedEntry | undefined {
  if (line.length === 0) return undefined;
  try {
    const [uri, size, mtimeMs, summary] = JSON.parse(line) as SavedLine;
    // A line cut short (the window closed while it was written) is read again from the letter.
    if (typeof uri !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return undefined;
    if (!isFileSummary(summary)) return undefined;
    return { uri, size, mtimeMs, summary: internSummary(summary) };
  } catch {
    return undefined;
  }
}

/** Written to a temporary file first and renamed, so that a crash leaves the old index or the new one. */
export async function saveIndex(dir: string, entries: Iterable<SavedEntry>): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, SAVED_INDEX_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const list = [...entries];
  const handle = await fs.open(temp, 'w');
  try {
    await handle.write(JSON.stringify({ version: INDEX_VERSION }) + '\n');
    for (let i = 0; i < list.length; i += LINES_PER_TURN) {
      let chunk = '';
      for (const e of list.slice(i, i + LINES_PER_TURN))
        chunk += JSON.stringify([e.uri, e.size, e.mtimeMs, e.summary] satisfies SavedLine) + '\n';
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
  await fs.rm(path.join(dir, OLD_SAVED_INDEX_FILE), { force: true });
}
