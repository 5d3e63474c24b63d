// The notes file as text: read strictly (a damaged file, or one of another version, is refused
// with one message that says where and what, never repaired) and written in one stable order, so
// that a diff of two versions shows only what changed.

import { isLetterKey } from './keys';
import { ItemNotes, LetterNotes, Note, NOTES_FILE_VERSION, NotesFile, Status } from './model';

export type ParseResult = { ok: true; file: NotesFile } | { ok: false; error: string };

class Invalid extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `letters["case:CM16-0213037"].items["mri"].notes[0]`: where a mistake is, as a path into the JSON. */
function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : `${path}[${JSON.stringify(key)}]`;
}

function onlyKeys(v: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(v))
    if (!allowed.includes(key))
      throw new Invalid(`${where}: unknown field ${JSON.stringify(key)} (expected ${allowed.join(', ')})`);
}

function str(v: unknown, where: string, nonEmpty = false): string {
  if (typeof v !== 'string') throw new Invalid(`${where}: expected a string`);
  if (nonEmpty && v.trim() === '') throw new Invalid(`${where}: must not be empty`);
  return v;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function time(v: unknown, where: string): string {
  const s = str(v, where);
  if (!ISO_TIME.test(s) || Number.isNaN(Date.parse(s)))
    throw new Invalid(`${where}: expected a UTC time like "2026-12-07T11:36:31.000Z", got ${JSON.stringify(s)}`);
  return s;
}

function tags(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Invalid(`${where}: expected a list of tags`);
  const out = v.map((t, i) => normalizeTag(str(t, at(where, i), true)));
  return sortedUnique(out);
}

function note(v: unknown, where: string, ids: Set<string>): Note {
  if (!isObject(v)) throw new Invalid(`${where}: expected a note object`);
  onlyKeys(v, ['id', 'created', 'updated', 'text'], where);
  const id = str(v.id, `${where}.id`, true);
  if (ids.has(id)) throw new Invalid(`${where}.id: the id ${JSON.stringify(id)} is used by another note`);
  ids.add(id);
  return {
    id,
    created: time(v.created, `${where}.created`),
    updated: time(v.updated, `${where}.updated`),
    text: str(v.text, `${where}.text`),
  };
}

function notes(v: unknown, where: string, ids: Set<string>): Note[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Invalid(`${where}: expected a list of notes`);
  return v.map((n, i) => note(n, at(where, i), ids));
}

function status(v: unknown, where: string): Status | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) throw new Invalid(`${where}: expected {"value": ..., "updated": ...}`);
  onlyKeys(v, ['value', 'updated'], where);
  return { value: str(v.value, `${where}.value`, true), updated: time(v.updated, `${where}.updated`) };
}

function item(v: unknown, where: string, ids: Set<string>): ItemNotes {
  if (!isObject(v)) throw new Invalid(`${where}: expected an item object`);
  onlyKeys(v, ['name', 'tags', 'notes'], where);
  return {
    name: str(v.name, `${where}.name`),
    tags: tags(v.tags, `${where}.tags`),
    notes: notes(v.notes, `${where}.notes`, ids),
  };
}

function letter(v: unknown, where: string, ids: Set<string>): LetterNotes {
  if (!isObject(v)) throw new Invalid(`${where}: expected a letter object`);
  onlyKeys(v, ['status', 'tags', 'notes', 'items'], where);
  // Read in the file's own order, so that a mistake is reported where a reader meets it.
  const letterStatus = status(v.status, `${where}.status`);
  const letterTags = tags(v.tags, `${where}.tags`);
  const letterNotes = notes(v.notes, `${where}.notes`, ids);
  const items: Record<string, ItemNotes> = {};
  if (v.items !== undefined) {
    if (!isObject(v.items)) throw new Invalid(`${where}.items: expected an object of items by key`);
    for (const [key, value] of Object.entries(v.items)) {
      if (key.trim() === '') throw new Invalid(`${where}.items: an item key must not be empty`);
      items[key] = item(value, at(`${where}.items`, key), ids);
    }
  }
  const out: { -readonly [K in keyof LetterNotes]: LetterNotes[K] } = {
    tags: letterTags,
    notes: letterNotes,
    items,
  };
  if (letterStatus) out.status = letterStatus;
  return out;
}

/** The notes file's text as data, or why it cannot be (the first mistake found, where it is). */
export function parseNotesFile(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  try {
    if (!isObject(json)) throw new Invalid('expected an object like {"version": 1, "letters": {...}}');
    if (json.version !== NOTES_FILE_VERSION)
      throw new Invalid(
        json.version === undefined
          ? `no "version" (expected ${NOTES_FILE_VERSION})`
          : `version ${JSON.stringify(json.version)} is not one this version of imr-letters reads (it reads ${NOTES_FILE_VERSION})`,
      );
    onlyKeys(json, ['version', 'letters'], 'the file');
    if (!isObject(json.letters)) throw new Invalid('"letters": expected an object of letters by key');
    const ids = new Set<string>();
    const letters: Record<string, LetterNotes> = {};
    for (const [key, value] of Object.entries(json.letters)) {
      if (!isLetterKey(key))
        throw new Invalid(
          `letters: ${JSON.stringify(key)} is not a letter key (expected "case:<number>" or "path:<file>")`,
        );
      letters[key] = letter(value, at('letters', key), ids);
    }
    return { ok: true, file: { version: NOTES_FILE_VERSION, letters } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** Tags are single words as typed, without a leading `#` (the search syntax) and surrounding space. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/\s+/g, '-');
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort(compareKeys);
}

/** Code-unit order: the same on every machine and locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes in the order the file keeps them: oldest first, the id deciding between notes of the same time. */
export function compareNotes(a: Note, b: Note): number {
  return compareKeys(a.created, b.created) || compareKeys(a.id, b.id);
}

function isEmptyItem(i: ItemNotes): boolean {
  return i.notes.length === 0 && i.tags.length === 0;
}

function isEmptyLetter(l: LetterNotes): boolean {
  return l.status === undefined && l.notes.length === 0 && l.tags.length === 0 && Object.keys(l.items).length === 0;
}

function noteJson(n: Note): Note {
  return { id: n.id, created: n.created, updated: n.updated, text: n.text };
}

/**
 * The file's text: letters sorted by key, items by key, notes oldest first, fields in one order,
 * empty parts left out, 2-space JSON and a final line break. Text that parses back to equal data
 * serializes to the same bytes, so a write changes only the lines of what changed.
 */
export function serializeNotesFile(file: NotesFile): string {
  const letters: Record<string, unknown> = {};
  for (const key of Object.keys(file.letters).sort(compareKeys)) {
    const l = file.letters[key];
    const items: Record<string, unknown> = {};
    for (const itemKey of Object.keys(l.items).sort(compareKeys)) {
      const i = l.items[itemKey];
      if (isEmptyItem(i)) continue;
      const out: Record<string, unknown> = { name: i.name };
      if (i.tags.length > 0) out.tags = sortedUnique(i.tags);
      if (i.notes.length > 0) out.notes = [...i.notes].sort(compareNotes).map(noteJson);
      items[itemKey] = out;
    }
    const pruned: LetterNotes = { ...l, items: items as unknown as LetterNotes['items'] };
    if (isEmptyLetter(pruned)) continue;
    const out: Record<string, unknown> = {};
    if (l.status) out.status = { value: l.status.value, updated: l.status.updated };
    if (l.tags.length > 0) out.tags = sortedUnique(l.tags);
    if (l.notes.length > 0) out.notes = [...l.notes].sort(compareNotes).map(noteJson);
    if (Object.keys(items).length > 0) out.items = items;
    letters[key] = out;
  }
  return JSON.stringify({ version: NOTES_FILE_VERSION, letters }, null, 2) + '\n';
}

/** Every note in the file, with where it is (for counts and lists). */
export function allNotes(file: NotesFile): Array<{ letter: string; item?: string; note: Note }> {
  const out: Array<{ letter: string; item?: string; note: Note }> = [];
  for (const [letter, l] of Object.entries(file.letters)) {
    for (const note of l.notes) out.push({ letter, note });
    for (const [item, i] of Object.entries(l.items)) for (const note of i.notes) out.push({ letter, item, note });
  }
  return out;
}
