// Detached notes for the Letters view (issue 30, item 4): the items of a letter's notes that the
// letter, as the index read it, no longer has, and the notes of letters no indexed file holds any
// more. Looked up from the index's summaries and the notes files by key: no parse.

import type { LetterSummary } from '../export/summary';
import { describeLetterKey, itemKeyOf, letterKeyOf } from '../notes/keys';
import type { LetterNotes, Note, NotesFile } from '../notes/model';
import type { DetachedNotesItem, DetachedNotesLetter, DetachedNotesResult, ListedNote } from '../protocol/requests';
import type { IndexEntry } from '../workspace/letterIndex';

/** The notes files and where a file's letters are filed (WorkspaceNotes). */
export interface NotesPlaces {
  placeOf(uri: string): { file: NotesFile; relativePath: string; folder: string } | undefined;
  withFolders(): ReadonlyArray<{ folder: string; file: NotesFile }>;
}

function listed(notes: readonly Note[]): ListedNote[] {
  return notes.map((n) => ({ id: n.id, text: n.text, updated: n.updated }));
}

/** The entry's items that none of these names is (compared by key, as resolveNotes compares them). */
export function detachedItemsOf(entry: LetterNotes, itemNames: readonly string[]): DetachedNotesItem[] {
  const wanted = Object.keys(entry.items ?? {});
  if (wanted.length === 0) return [];
  const found = new Set(itemNames.map((name) => itemKeyOf(name)));
  return wanted.filter((key) => !found.has(key)).map((key) => itemOf(entry, key));
}

function itemOf(entry: LetterNotes, key: string): DetachedNotesItem {
  const i = entry.items[key];
  return { key, name: i.name, tags: [...i.tags], notes: listed(i.notes) };
}

function letterOf(folder: string, key: string, items: DetachedNotesItem[]): DetachedNotesLetter {
  return { folder, key, label: describeLetterKey(key), tags: [], notes: [], items };
}

export function detachedNotes(
  entries: Iterable<IndexEntry>,
  places: NotesPlaces,
  indexing: boolean,
): DetachedNotesResult {
  const folders = places.withFolders();
  const result: DetachedNotesResult = { detached: [], notFound: [], indexing };
  if (folders.every((f) => Object.keys(f.file.letters).length === 0)) return result;
  const seen = new Map<NotesFile, Set<string>>();
  for (const e of entries) {
    if (!e.summary.isLetter) continue;
    const place = places.placeOf(e.uri);
    if (!place) continue;
    let keys = seen.get(place.file);
    if (!keys) seen.set(place.file, (keys = new Set()));
    e.summary.letters.forEach((letter: LetterSummary, index) => {
      const key = letterKeyOf({ caseNumber: letter.caseNumber, index }, place.relativePath);
      keys.add(key);
      const entry = place.file.letters[key];
      const items = entry
        ? detachedItemsOf(
            entry,
            letter.items.map((i) => i.name),
          )
        : [];
      if (items.length > 0)
        result.detached.push({ ...letterOf(place.folder, key, items), uri: e.uri, letterIndex: index });
    });
  }
  // A letter not yet read is not lost: the folder's letters are known only once the index is built.
  if (indexing) return result;
  for (const { folder, file } of folders) {
    const keys = seen.get(file);
    for (const key of Object.keys(file.letters).sort()) {
      if (keys?.has(key)) continue;
      const entry = file.letters[key];
      const all = Object.keys(entry.items).map((k) => itemOf(entry, k));
      const lost: DetachedNotesLetter = {
        ...letterOf(folder, key, all),
        tags: [...entry.tags],
        notes: listed(entry.notes),
      };
      if (entry.status) lost.status = entry.status.value;
      result.notFound.push(lost);
    }
  }
  return result;
}
