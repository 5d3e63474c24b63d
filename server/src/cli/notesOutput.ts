// `notes list` output: text for reading, JSON and CSV for other programs. One row per note (CSV),
// or per letter with its items (JSON); detached notes (their item is no longer found in the
// letter) and notes of letters no file holds any more are flagged, never left out.

import { describeLetterKey } from '../notes/keys';
import type { Note, Status } from '../notes/model';
import { csvRow, spreadsheetSafe } from '../export/writers';

export interface ListedItem {
  /** 1-based number of the item in its letter; null for a detached item. */
  number: number | null;
  name: string;
  tags: string[];
  notes: Note[];
}

export interface ListedLetter {
  /** The letter's file as output shows it; null for a letter no listed file holds. */
  file: string | null;
  /** 1-based number of the letter in its file; null when no file holds it. */
  letter: number | null;
  key: string;
  caseNumber: string | null;
  notesFile: string;
  status: Status | null;
  tags: string[];
  /** Notes on the letter as a whole. */
  notes: Note[];
  items: ListedItem[];
  /** Notes and tags kept for items the letter no longer has. */
  detached: ListedItem[];
}

export const NOTES_CSV_COLUMNS = [
  'file',
  'letter',
  'caseNumber',
  'status',
  'item',
  'itemName',
  'detached',
  'tags',
  'id',
  'created',
  'updated',
  'text',
] as const;

/** `2026-12-07 10:00` from an ISO time: minutes are enough to tell notes apart by eye. */
function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function tagList(tags: readonly string[]): string {
  return tags.map((t) => `#${t}`).join(' ');
}

/** A note's text indented under its bullet, every line of it. */
function noteLines(note: Note, indent: string): string {
  const [first, ...rest] = note.text.split(/\r\n|\r|\n/);
  const more = rest.map((l) => `\n${indent}  ${l}`).join('');
  return `${indent}- ${first}${more}  (${shortTime(note.created)}, ${note.id})\n`;
}

function itemText(item: ListedItem, detached: boolean): string {
  const head = detached ? `  detached: ${item.name} (no longer found in the letter)` : `  ${item.number}. ${item.name}`;
  const tags = item.tags.length > 0 ? `  ${tagList(item.tags)}` : '';
  return head + tags + '\n' + item.notes.map((n) => noteLines(n, '     ')).join('');
}

export function notesText(letters: readonly ListedLetter[]): string {
  let out = '';
  for (const l of letters) {
    const where = l.file === null ? `(no file holds this letter; notes in ${l.notesFile})` : l.file;
    const parts = [where, l.caseNumber ?? (l.file === null ? describeLetterKey(l.key) : null)];
    if (l.file !== null && l.letter !== null && l.letter > 1) parts.push(`letter ${l.letter}`);
    if (l.status) parts.push(`[${l.status.value}]`);
    if (l.tags.length > 0) parts.push(tagList(l.tags));
    out += parts.filter((p) => p !== null).join('  ') + '\n';
    for (const n of l.notes) out += noteLines(n, '  ');
    for (const i of l.items) out += itemText(i, false);
    for (const d of l.detached) out += itemText(d, true);
  }
  return out;
}

export function notesJson(letters: readonly ListedLetter[]): string {
  return JSON.stringify(letters, null, 2) + '\n';
}

/** One row per note; a letter or item with tags or a status and no note gets a row of its own. */
export function notesCsv(letters: readonly ListedLetter[], bom = false): string {
  let out = (bom ? '\uFEFF' : '') + csvRow(NOTES_CSV_COLUMNS);
  for (const l of letters) {
    const base = [
      l.file ?? '',
      l.letter === null ? '' : String(l.letter),
      l.caseNumber ?? (l.file === null ? describeLetterKey(l.key) : ''),
      l.status?.value ?? '',
    ];
    const rows = (item: string, name: string, detached: boolean, tags: readonly string[], notes: readonly Note[]) => {
      const cells = (n?: Note) =>
        csvRow(
          [
            ...base,
            item,
            name,
            detached ? 'detached' : '',
            tags.join('; '),
            n?.id ?? '',
            n?.created ?? '',
            n?.updated ?? '',
            n?.text ?? '',
          ].map(spreadsheetSafe),
        );
      if (notes.length === 0) out += cells();
      for (const n of notes) out += cells(n);
    };
    if (l.notes.length > 0 || l.tags.length > 0 || l.status) rows('', '', false, l.tags, l.notes);
    for (const i of l.items) rows(String(i.number), i.name, false, i.tags, i.notes);
    for (const d of l.detached) rows('', d.name, true, d.tags, d.notes);
  }
  return out;
}
