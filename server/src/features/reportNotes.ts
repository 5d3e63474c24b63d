// The decisions report's rows with the user's work on them: each item's letter status and its tags
// (the letter's and the item's) from the notes files, keyed as notes are (case number, else path;
// the item's folded name). The filter by them is the core's (report/notesFilter.ts), the CLI's too.

import { caseKey, itemKeyOf, pathKey } from '../notes/keys';
import type { NotesFile } from '../notes/model';
import { sortedUnique } from '../notes/notesFile';
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
