// The decisions report's rows with the user's work on them: each item's letter status and its tags
// (the letter's and the item's) from the notes files, keyed as notes are (case number, else path;
// the item's folded name), and the rows kept by a status or a tag.

import { caseKey, itemKeyOf, pathKey } from '../notes/keys';
import type { NotesFile } from '../notes/model';
import { normalizeTag, sortedUnique } from '../notes/notesFile';
import type { ReportRow } from '../report/model';

/** The notes file of the folder holding a document, and the document's path in it. */
export type NotesPlace = (uri: string) => { file: NotesFile; relativePath: string } | undefined;

/** The rows with `status` and `tags` set where the notes give them. */
export function withNotes(rows: readonly ReportRow[], placeOf: NotesPlace): ReportRow[] {
  return rows.map((row) => {
    const place = row.uri === undefined ? undefined : placeOf(row.uri);
    if (!place) return row;
    const key = row.caseNumber ? caseKey(row.caseNumber) : pathKey(place.relativePath, row.letter - 1);
    const letter = place.file.letters[key];
    if (!letter) return row;
    const tags = sortedUnique([...letter.tags, ...(letter.items[itemKeyOf(row.item)]?.tags ?? [])]);
    return {
      ...row,
      ...(letter.status ? { status: letter.status.value } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    };
  });
}

export interface NotesFilter {
  /** Only the items of letters with this status (case ignored). */
  status?: string;
  /** Only the items with this tag, on the item or its letter (`#` and case ignored). */
  tag?: string;
}

export function filterRows(rows: readonly ReportRow[], filter: NotesFilter): ReportRow[] {
  const status = filter.status?.trim().toLowerCase();
  const tag = filter.tag === undefined ? undefined : normalizeTag(filter.tag).toLowerCase();
  return rows.filter(
    (r) =>
      (!status || r.status?.toLowerCase() === status) && (!tag || (r.tags ?? []).some((t) => t.toLowerCase() === tag)),
  );
}

/** Letters the rows come from (a letter counted once). */
export function lettersOfRows(rows: readonly ReportRow[]): number {
  return new Set(rows.map((r) => `${r.uri ?? r.file}\u0000${r.letter}`)).size;
}
