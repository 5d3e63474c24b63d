// A change written to the notes file where no lock can be taken (the editor, through
// vscode.workspace.fs, also in VS Code for the Web): written as a temporary file renamed over the
// old one, then read back. If another writer's file replaced ours meanwhile, the two are merged note
// by note and written again, a bounded number of times; a change is never dropped without saying so.

import { merge } from './merge';
import { EMPTY_NOTES_FILE, type NotesFile } from './model';
import { parseNotesFile, serializeNotesFile } from './notesFile';
import type { OpResult } from './operations';

/** The file system as the writer needs it; `read` gives undefined for a missing file. */
export interface NotesFileIo {
  read(): Promise<string | undefined>;
  /** Writes `text` to a temporary file and renames it over the notes file (atomic for readers). */
  replace(text: string): Promise<void>;
}

export type VerifiedWrite =
  | { kind: 'written'; file: NotesFile; result: OpResult & { ok: true }; written: boolean }
  | { kind: 'refused'; error: string }
  | { kind: 'damaged'; error: string }
  | { kind: 'failed'; error: string };

/** How many times a write replaced meanwhile is merged and written again before giving up. */
export const MAX_WRITES = 5;

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Read = { ok: true; file: NotesFile; text: string | undefined } | { ok: false; error: string };

async function readNotes(io: NotesFileIo, shown: string): Promise<Read> {
  let text: string | undefined;
  try {
    text = await io.read();
  } catch (e) {
    return { ok: false, error: `${shown}: cannot read the notes file (${reason(e)})` };
  }
  if (text === undefined) return { ok: true, file: EMPTY_NOTES_FILE, text };
  const parsed = parseNotesFile(text);
  if (!parsed.ok) return { ok: false, error: `${shown}: damaged notes file, left as it is: ${parsed.error}` };
  return { ok: true, file: parsed.file, text };
}

/**
 * Applies `change` to the notes file as it is now and writes it, verified by reading it back. A
 * damaged file is never written over; a change that changes nothing writes nothing.
 */
export async function writeVerified(
  io: NotesFileIo,
  change: (latest: NotesFile) => OpResult,
  shown: string,
  maxWrites = MAX_WRITES,
): Promise<VerifiedWrite> {
  const first = await readNotes(io, shown);
  if (!first.ok) return { kind: 'damaged', error: first.error };
  const result = change(first.file);
  if (!result.ok) return { kind: 'refused', error: result.error };
  let base = first.file;
  let ours = result.file;
  let text = serializeNotesFile(ours);
  if (text === serializeNotesFile(base)) return { kind: 'written', file: ours, result, written: false };
  for (let attempt = 0; attempt < maxWrites; attempt++) {
    try {
      await io.replace(text);
    } catch (e) {
      return { kind: 'failed', error: `${shown}: cannot write the notes file (${reason(e)})` };
    }
    const back = await readNotes(io, shown);
    // Someone else's damaged file replaced ours: it is theirs to fix, and ours is not written over it.
    if (!back.ok) return { kind: 'damaged', error: `${back.error}; your change was not written` };
    if (back.text === text) return { kind: 'written', file: ours, result: { ...result, file: ours }, written: true };
    ours = merge(base, ours, back.file);
    base = back.file;
    text = serializeNotesFile(ours);
    // Their file already holds everything ours adds: nothing more to write.
    if (text === back.text) return { kind: 'written', file: ours, result: { ...result, file: ours }, written: true };
  }
  return {
    kind: 'failed',
    error: `${shown}: the notes file kept changing while it was written (${maxWrites} tries); your change was not written, try again`,
  };
}
