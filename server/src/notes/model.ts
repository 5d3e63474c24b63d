// The notes file's data: what a user wrote about letters and their disputed items, keyed by what
// identifies them in any copy of the letter (notes/keys.ts), never by a line. Plain JSON values, so
// a file read on one thread or in the browser is the same object everywhere.

/** The notes file's format version: a file of another version is refused, never guessed at. */
export const NOTES_FILE_VERSION = 1;

/** `case:CM16-0213037` (the normalized case number) or `path:letters/a.txt` (`#2` for a file's 2nd letter). */
export type LetterKey = string;

/** An item's name folded as the engine compares item names (notes/keys.ts itemKeyOf). */
export type ItemKey = string;

export interface Note {
  /** Random, stable for the note's life: edits, merges and re-attachment keep it. */
  readonly id: string;
  /** ISO 8601 UTC timestamps (`2026-12-07T11:36:31.000Z`). */
  readonly created: string;
  readonly updated: string;
  /** Markdown as the user wrote it; untrusted wherever it is shown. */
  readonly text: string;
}

export interface Status {
  /** One of the user's statuses (`New`, `In review`, `Appeal`, `Done`, ...), as chosen. */
  readonly value: string;
  readonly updated: string;
}

export interface ItemNotes {
  /** The item's name as last seen, shown when the item is no longer found (a detached note). */
  readonly name: string;
  /** Sorted, without duplicates. */
  readonly tags: readonly string[];
  readonly notes: readonly Note[];
}

export interface LetterNotes {
  readonly status?: Status;
  /** Tags on the letter as a whole; sorted, without duplicates. */
  readonly tags: readonly string[];
  /** Notes on the letter as a whole. */
  readonly notes: readonly Note[];
  readonly items: Readonly<Record<ItemKey, ItemNotes>>;
}

export interface NotesFile {
  readonly version: typeof NOTES_FILE_VERSION;
  readonly letters: Readonly<Record<LetterKey, LetterNotes>>;
}

/** What a note, tag or status is on: a letter as a whole (no item) or one of its items. */
export interface Target {
  readonly letter: LetterKey;
  /** Absent: the letter as a whole. */
  readonly item?: ItemKey;
  /** The item's name as the letter writes it, kept beside the key for a note that becomes detached. */
  readonly itemName?: string;
}

export const EMPTY_NOTES_FILE: NotesFile = { version: NOTES_FILE_VERSION, letters: {} };
