// One letter file from disk to its summary, unless its size and modification time say the summary
// already known is current. The same function runs on the index's worker threads and, where there
// are none, on the server's thread (indexer.ts); its result is plain data that crosses threads.

import * as fs from 'fs';
import { fileURLToPath } from 'url';
import { decodeLetterBytes } from '../files/decode';
import { readRegularFileSync } from '../files/readFile';
import { FileSummary, NOT_A_LETTER } from '../export/summary';
import { summarizeText } from '../export/summarizeText';

/** What the index knows of a file: the size and time its summary was read at. */
export interface KnownStat {
  size: number;
  mtimeMs: number;
}

export type FileOutcome =
  /** Size and time as known: the known summary stands. */
  | { kind: 'same' }
  /** No longer there (or no longer reachable). */
  | { kind: 'gone' }
  /** Not read: a FIFO, a device, too large... */
  | { kind: 'skipped'; reason: string }
  /** Read; `failed` says why the engine gave no summary (kept as a non-letter). */
  | { kind: 'read'; size: number; mtimeMs: number; summary: FileSummary; failed?: string };

export function readSummary(path: string, known: KnownStat | undefined, maxFileBytes: number): FileOutcome {
  if (known) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
    } catch {
      return { kind: 'gone' };
    }
    if (known.size === stat.size && known.mtimeMs === stat.mtimeMs) return { kind: 'same' };
  }
  const read = readRegularFileSync(path, maxFileBytes);
  if (read.kind === 'skipped') return fs.existsSync(path) ? { kind: 'skipped', reason: read.reason } : { kind: 'gone' };
  const decoded = decodeLetterBytes(read.bytes);
  const { summary, failed } = decoded.kind === 'text' ? summarizeSafely(path, decoded.text) : { summary: NOT_A_LETTER };
  const out: FileOutcome = { kind: 'read', size: read.size, mtimeMs: read.mtimeMs, summary };
  if (failed !== undefined) out.failed = failed;
  return out;
}

/** The same for a file: URI; one that names no local path is gone. */
export function readSummaryOf(uri: string, known: KnownStat | undefined, maxFileBytes: number): FileOutcome {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { kind: 'gone' };
  }
  return readSummary(path, known, maxFileBytes);
}

/** A text's summary; when the engine fails on it, a non-letter and why (the file is not read again). */
export function summarizeSafely(pathOrUri: string, text: string): { summary: FileSummary; failed?: string } {
  try {
    return { summary: summarizeText(pathOrUri, text) };
  } catch (e) {
    return { summary: NOT_A_LETTER, failed: e instanceof Error ? e.message : String(e) };
  }
}
