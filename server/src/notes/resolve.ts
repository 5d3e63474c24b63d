// Which notes of the file belong to which item of a letter as it is now: matched by key, so that
// a note whose item is no longer found is reported as detached (kept, to re-attach or delete),
// never dropped.

import type { DisputedItem, Letter, LetterDocument } from '../engine/model';
import { itemKeyOf, letterKeyOf } from './keys';
import type { ItemKey, LetterKey, Note, NotesFile, Status } from './model';

export interface AttachedItem {
  /** 0-based place of the item in the letter (the CLI shows it 1-based). */
  readonly itemIndex: number;
  readonly item: DisputedItem;
  readonly key: ItemKey;
  readonly tags: readonly string[];
  readonly notes: readonly Note[];
}

/** Notes and tags kept for an item the letter no longer has (renamed, removed, misread). */
export interface DetachedItem {
  readonly key: ItemKey;
  /** The item's name as last seen. */
  readonly name: string;
  readonly tags: readonly string[];
  readonly notes: readonly Note[];
}

export interface LetterNotesView {
  readonly key: LetterKey;
  readonly status?: Status;
  readonly tags: readonly string[];
  /** Notes on the letter as a whole. */
  readonly notes: readonly Note[];
  /** Items with notes or tags, in the letter's order. */
  readonly items: readonly AttachedItem[];
  readonly detached: readonly DetachedItem[];
}

/**
 * The notes of one letter, matched to its items. `relativePath` is the letter's file in the
 * workspace folder (the key of a letter without a case number). Two items with one key (a
 * duplicate-item) share nothing: the notes go to the first, as the duplicate rule calls it first.
 */
export function resolveNotes(letter: Letter, file: NotesFile, relativePath: string): LetterNotesView {
  const key = letterKeyOf(letter, relativePath);
  const entry = file.letters[key];
  if (!entry) return { key, tags: [], notes: [], items: [], detached: [] };
  const wanted = Object.keys(entry.items);
  const items: AttachedItem[] = [];
  const found = new Set<string>();
  if (wanted.length > 0) {
    letter.items.forEach((item, itemIndex) => {
      const k = itemKeyOf(item);
      const notes = entry.items[k];
      if (!notes || found.has(k)) return;
      found.add(k);
      items.push({ itemIndex, item, key: k, tags: notes.tags, notes: notes.notes });
    });
  }
  const detached: DetachedItem[] = wanted
    .filter((k) => !found.has(k))
    .map((k) => ({ key: k, name: entry.items[k].name, tags: entry.items[k].tags, notes: entry.items[k].notes }));
  const out: LetterNotesView = { key, tags: entry.tags, notes: entry.notes, items, detached };
  return entry.status ? { ...out, status: entry.status } : out;
}

/** resolveNotes for every letter of a document. */
export function resolveDocumentNotes(doc: LetterDocument, file: NotesFile, relativePath: string): LetterNotesView[] {
  return doc.letters.map((letter) => resolveNotes(letter, file, relativePath));
}

/** How many notes a view holds, attached and detached (a letter's own included). */
export function countNotes(view: LetterNotesView): number {
  let n = view.notes.length;
  for (const i of view.items) n += i.notes.length;
  for (const d of view.detached) n += d.notes.length;
  return n;
}
