// What the Letters view and its filter add to a letter beyond the index: the user's status, tags
// and note count (looked up in the notes file the client sent, by the letter's key: no parse), and
// the appeal window counted from the summary's dates with the user's settings.

import { appealStatus, appealWindowOf, type AppealOptions, type AppealWindow } from '../engine/appeal';
import type { LetterSummary } from '../export/summary';
import { letterKeyOf } from '../notes/keys';
import type { LetterNotes, NotesFile } from '../notes/model';
import type { DetachedNotesItem, LetterAppealState } from '../protocol/requests';
import { detachedItemsOf } from './detachedNotes';

export interface MarksContext {
  /** The notes file of the folder holding a file, and the file's path in that folder. */
  readonly placeOf?: (uri: string) => { file: NotesFile; relativePath: string } | undefined;
  readonly appeal: AppealOptions;
  /** ISO date the days left are counted from. */
  readonly today: string;
}

export interface LetterMarks {
  status?: string;
  tags: string[];
  notes: number;
  appeal?: LetterAppealState;
  /** The letter's notes key, when it has notes. */
  key?: string;
  /** Notes of items the letter no longer has. */
  detached: DetachedNotesItem[];
}

/** Windows counted once per letter and settings: the view asks for every letter on each refresh. */
const windows = new WeakMap<LetterSummary, { options: AppealOptions; window: AppealWindow | undefined }>();

function windowOf(letter: LetterSummary, options: AppealOptions): AppealWindow | undefined {
  const cached = windows.get(letter);
  if (cached && cached.options === options) return cached.window;
  const window = appealWindowOf(letter, options);
  windows.set(letter, { options, window });
  return window;
}

function notesOf(
  uri: string,
  letter: LetterSummary,
  index: number,
  ctx: MarksContext,
): { key: string; entry: LetterNotes } | undefined {
  const place = ctx.placeOf?.(uri);
  if (!place) return undefined;
  const key = letterKeyOf({ caseNumber: letter.caseNumber, index }, place.relativePath);
  const entry = place.file.letters[key];
  return entry ? { key, entry } : undefined;
}

export function letterMarks(uri: string, letter: LetterSummary, index: number, ctx: MarksContext): LetterMarks {
  const marks: LetterMarks = { tags: [], notes: 0, detached: [] };
  const found = notesOf(uri, letter, index, ctx);
  if (found) {
    const entry = found.entry;
    marks.key = found.key;
    marks.detached = detachedItemsOf(
      entry,
      letter.items.map((i) => i.name),
    );
    const tags = new Set(Array.isArray(entry.tags) ? entry.tags : []);
    let notes = Array.isArray(entry.notes) ? entry.notes.length : 0;
    for (const item of Object.values(entry.items ?? {})) {
      for (const t of Array.isArray(item?.tags) ? item.tags : []) tags.add(t);
      notes += Array.isArray(item?.notes) ? item.notes.length : 0;
    }
    marks.tags = [...tags].filter((t) => typeof t === 'string').sort();
    marks.notes = notes;
    if (typeof entry.status?.value === 'string' && entry.status.value !== '') marks.status = entry.status.value;
  }
  const window = windowOf(letter, ctx.appeal);
  if (window) marks.appeal = { lastDay: window.lastDay, ...appealStatus(window, ctx.today), rule: window.rule };
  return marks;
}
