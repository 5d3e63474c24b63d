// What a user does to notes, each a pure function from the latest notes file to the next one. The
// file store applies them to the file as it is on disk at the moment of writing (under its lock),
// so a change made meanwhile by another window or process is kept, never written over.

import { describeLetterKey, pathKey, pathKeyRest } from './keys';
import { ItemKey, ItemNotes, LetterKey, LetterNotes, Note, NotesFile, Target } from './model';
import { compareNotes, normalizeTag, sortedUnique } from './notesFile';

export type OpResult = { ok: true; file: NotesFile; note?: Note } | { ok: false; error: string };

/** The time and id an operation stamps; tests pass them, everyone else takes the defaults. */
export interface Stamp {
  /** ISO 8601 UTC; default: now. */
  readonly now?: string;
  /** A new note's id; default: random (newNoteId). */
  readonly id?: string;
}

/** Where a note is in the file. */
export interface NotePlace {
  readonly target: Target;
  readonly note: Note;
}

/** 16 random hex digits: ids made at once in several windows never meet (2^64). */
export function newNoteId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function nowIso(stamp?: Stamp): string {
  return stamp?.now ?? new Date().toISOString();
}

const EMPTY_LETTER: LetterNotes = { tags: [], notes: [], items: {} };

function letterOf(file: NotesFile, key: string): LetterNotes {
  return file.letters[key] ?? EMPTY_LETTER;
}

function withLetter(file: NotesFile, key: string, letter: LetterNotes): NotesFile {
  return { ...file, letters: { ...file.letters, [key]: letter } };
}

/** The notes and tags of a target, as a letter's or an item's (an item not yet in the file: none). */
function targetOf(file: NotesFile, target: Target): { tags: readonly string[]; notes: readonly Note[] } {
  const letter = letterOf(file, target.letter);
  if (target.item === undefined) return letter;
  return letter.items[target.item] ?? { tags: [], notes: [] };
}

/** The file with the target's tags and notes replaced (an item keeps its last known name). */
function withTarget(file: NotesFile, target: Target, tags: readonly string[], notes: readonly Note[]): NotesFile {
  const letter = letterOf(file, target.letter);
  if (target.item === undefined) return withLetter(file, target.letter, { ...letter, tags, notes });
  const old = letter.items[target.item];
  const item: ItemNotes = { name: target.itemName ?? old?.name ?? target.item, tags, notes };
  return withLetter(file, target.letter, { ...letter, items: { ...letter.items, [target.item]: item } });
}

/** The file with the target's notes changed by `change`, its tags kept. */
function withNotes(file: NotesFile, target: Target, change: (notes: readonly Note[]) => readonly Note[]): NotesFile {
  const t = targetOf(file, target);
  return withTarget(file, target, t.tags, change(t.notes));
}

function checkText(text: string): string | undefined {
  return text.trim() === '' ? 'a note needs some text' : undefined;
}

/** A new note on the target. */
export function addNote(file: NotesFile, target: Target, text: string, stamp?: Stamp): OpResult {
  const problem = checkText(text);
  if (problem) return { ok: false, error: problem };
  const now = nowIso(stamp);
  const note: Note = { id: stamp?.id ?? newNoteId(), created: now, updated: now, text };
  if (findNote(file, note.id)) return { ok: false, error: `a note with id ${note.id} exists already` };
  return { ok: true, file: withNotes(file, target, (notes) => [...notes, note].sort(compareNotes)), note };
}

/** Where the note with this id is, if it is in the file. */
export function findNote(file: NotesFile, id: string): NotePlace | undefined {
  for (const [letter, l] of Object.entries(file.letters)) {
    const note = l.notes.find((n) => n.id === id);
    if (note) return { target: { letter }, note };
    for (const [item, i] of Object.entries(l.items)) {
      const found = i.notes.find((n) => n.id === id);
      if (found) return { target: { letter, item, itemName: i.name }, note: found };
    }
  }
  return undefined;
}

function missing(id: string): OpResult {
  return { ok: false, error: `no note with id ${id} (deleted meanwhile?)` };
}

/** The note's text replaced; its id, place and creation time kept. */
export function editNote(file: NotesFile, id: string, text: string, stamp?: Stamp): OpResult {
  const problem = checkText(text);
  if (problem) return { ok: false, error: problem };
  const place = findNote(file, id);
  if (!place) return missing(id);
  if (place.note.text === text) return { ok: true, file, note: place.note };
  const note: Note = { ...place.note, text, updated: nowIso(stamp) };
  return { ok: true, file: withNotes(file, place.target, (notes) => notes.map((n) => (n.id === id ? note : n))), note };
}

/** The note removed; the result's `note` is what restoreNote takes back (with deletedFrom for where). */
export function deleteNote(file: NotesFile, id: string): OpResult & { deletedFrom?: Target } {
  const place = findNote(file, id);
  if (!place) return missing(id);
  return {
    ok: true,
    file: withNotes(file, place.target, (notes) => notes.filter((n) => n.id !== id)),
    note: place.note,
    deletedFrom: place.target,
  };
}

/** A deleted note put back where it was, as it was (undo); a note still there is left alone. */
export function restoreNote(file: NotesFile, target: Target, note: Note): OpResult {
  if (findNote(file, note.id)) return { ok: true, file, note };
  return { ok: true, file: withNotes(file, target, (notes) => [...notes, note].sort(compareNotes)), note };
}

/** The target's tags replaced by `tags` (normalized: no `#`, no duplicates, sorted). */
export function setTags(file: NotesFile, target: Target, tags: readonly string[]): OpResult {
  const t = targetOf(file, target);
  return { ok: true, file: withTarget(file, target, sortedUnique(tags.map(normalizeTag)), t.notes) };
}

/**
 * Tags added to and removed from the target's tags: what a user changed, applied to the latest file,
 * so that a tag another window added meanwhile stays.
 */
export function changeTags(
  file: NotesFile,
  target: Target,
  change: { add?: readonly string[]; remove?: readonly string[] },
): OpResult {
  const removed = new Set((change.remove ?? []).map(normalizeTag));
  const t = targetOf(file, target);
  const tags = [...t.tags, ...(change.add ?? []).map(normalizeTag)].filter((x) => !removed.has(x));
  return setTags(file, target, tags);
}

/** The letter's status set (undefined: cleared). */
export function setStatus(file: NotesFile, letter: string, value: string | undefined, stamp?: Stamp): OpResult {
  const l = letterOf(file, letter);
  if (value !== undefined && value.trim() === '') return { ok: false, error: 'a status needs a name' };
  if ((l.status?.value ?? undefined) === value?.trim()) return { ok: true, file };
  const { status: _old, ...rest } = l;
  const next: LetterNotes =
    value === undefined ? rest : { ...rest, status: { value: value.trim(), updated: nowIso(stamp) } };
  return { ok: true, file: withLetter(file, letter, next) };
}

/**
 * A note moved to another target (a detached note put on the item it now belongs to, or on the
 * letter as a whole); its id, text and times kept.
 */
export function reattach(file: NotesFile, id: string, target: Target): OpResult {
  const removed = deleteNote(file, id);
  if (!removed.ok) return removed;
  if (!removed.note) return missing(id);
  return restoreNote(removed.file, target, removed.note);
}

/**
 * Letters keyed by path (those without a case number) moved with their file or folder: the notes
 * of `path:<from>` (and of `path:<from>#n`, and of files under `<from>/`) go to `<to>`. A key taken
 * at the new place already keeps its notes and gets these merged in.
 */
export function renameLetterPath(file: NotesFile, from: string, to: string): OpResult {
  const oldKey = pathKey(from);
  const newKey = pathKey(to);
  if (oldKey === newKey) return { ok: true, file };
  const letters: Record<string, LetterNotes> = {};
  let moved = false;
  for (const [key, entry] of Object.entries(file.letters)) {
    const rest = pathKeyRest(key, oldKey);
    const target = rest !== undefined ? newKey + rest : key;
    if (rest !== undefined) moved = true;
    letters[target] = letters[target] ? joinLetters(letters[target], entry) : entry;
  }
  return { ok: true, file: moved ? { ...file, letters } : file };
}

/** Two entries for one letter as one: notes and tags of both, the later status. */
function joinLetters(a: LetterNotes, b: LetterNotes): LetterNotes {
  const items: Record<string, ItemNotes> = { ...a.items };
  for (const [key, i] of Object.entries(b.items)) {
    const mine = items[key];
    items[key] = mine
      ? {
          name: mine.name,
          tags: sortedUnique([...mine.tags, ...i.tags]),
          notes: joinNotes(mine.notes, i.notes),
        }
      : i;
  }
  const status = !a.status ? b.status : !b.status || a.status.updated >= b.status.updated ? a.status : b.status;
  const out: LetterNotes = {
    tags: sortedUnique([...a.tags, ...b.tags]),
    notes: joinNotes(a.notes, b.notes),
    items,
  };
  return status ? { ...out, status } : out;
}

/** Both lists' notes, each id once (a note put back by undo may be there already), oldest first. */
function joinNotes(a: readonly Note[], b: readonly Note[]): Note[] {
  const ids = new Set(a.map((n) => n.id));
  return [...a, ...b.filter((n) => !ids.has(n.id))].sort(compareNotes);
}

/**
 * What the Letters view offers to re-attach or delete at once: a detached item's notes (`item`), a
 * letter's own notes (neither), or everything kept for a letter no file holds any more (`whole`).
 */
export interface NotesScope {
  readonly letter: LetterKey;
  readonly item?: ItemKey;
  readonly whole?: boolean;
}

/**
 * The scope's notes and tags taken out of the file (only the notes with these ids, when given, so
 * that a note added meanwhile by someone else stays): the file without them, and what was taken as
 * a letter entry of its own. Tags and status go with the notes only when no note of theirs stays.
 */
function takeScope(
  file: NotesFile,
  scope: NotesScope,
  ids?: readonly string[],
): { file: NotesFile; taken: LetterNotes; count: number } {
  const letter = file.letters[scope.letter];
  const none = { file, taken: EMPTY_LETTER, count: 0 };
  if (!letter) return none;
  const wanted = ids ? new Set(ids) : undefined;
  const split = (notes: readonly Note[]) => {
    const taken = wanted ? notes.filter((n) => wanted.has(n.id)) : [...notes];
    return { taken, kept: notes.filter((n) => !taken.includes(n)) };
  };
  const letters = { ...file.letters };
  if (scope.item !== undefined) {
    const item = letter.items[scope.item];
    if (!item) return none;
    const { taken, kept } = split(item.notes);
    const items = { ...letter.items };
    const all = kept.length === 0;
    if (all) delete items[scope.item];
    else items[scope.item] = { ...item, notes: kept };
    letters[scope.letter] = { ...letter, items };
    const takenItem: ItemNotes = { name: item.name, tags: all ? item.tags : [], notes: taken };
    return {
      file: { ...file, letters },
      taken: { tags: [], notes: [], items: { [scope.item]: takenItem } },
      count: taken.length,
    };
  }
  const own = split(letter.notes);
  let count = own.taken.length;
  const takenItems: Record<string, ItemNotes> = {};
  const keptItems: Record<string, ItemNotes> = {};
  for (const [key, item] of Object.entries(letter.items)) {
    if (!scope.whole) {
      keptItems[key] = item;
      continue;
    }
    const { taken, kept } = split(item.notes);
    count += taken.length;
    if (kept.length === 0) takenItems[key] = item;
    else {
      takenItems[key] = { name: item.name, tags: [], notes: taken };
      keptItems[key] = { ...item, notes: kept };
    }
  }
  const allTaken = own.kept.length === 0 && Object.keys(keptItems).length === 0;
  const ownTagsGo = own.kept.length === 0;
  const rest: LetterNotes = { tags: ownTagsGo ? [] : letter.tags, notes: own.kept, items: keptItems };
  const taken: LetterNotes = { tags: ownTagsGo ? letter.tags : [], notes: own.taken, items: takenItems };
  const statusGoes = scope.whole && allTaken && letter.status !== undefined;
  const restEmpty = allTaken && rest.tags.length === 0 && letter.status === undefined;
  if ((scope.whole && allTaken) || restEmpty) delete letters[scope.letter];
  else letters[scope.letter] = letter.status && !statusGoes ? { ...rest, status: letter.status } : rest;
  return {
    file: { ...file, letters },
    taken: statusGoes && letter.status ? { ...taken, status: letter.status } : taken,
    count,
  };
}

/** The result of deleteScope: what undo puts back (restoreScope) and how many notes went. */
export type ScopeDeleted = OpResult & { removed?: LetterNotes; count?: number };

/**
 * The notes of a detached item or of a letter no file holds, deleted with their tags (and, for a
 * whole letter, its status); `ids`: only these notes, the ones the user was shown and confirmed.
 */
export function deleteScope(file: NotesFile, scope: NotesScope, ids?: readonly string[]): ScopeDeleted {
  const { file: next, taken, count } = takeScope(file, scope, ids);
  if (count === 0 && next === file)
    return { ok: false, error: `no notes on ${describeScope(scope)} (deleted meanwhile?)` };
  return { ok: true, file: next, removed: taken, count };
}

/** What deleteScope removed put back into its letter (undo); a note still there is left alone. */
export function restoreScope(file: NotesFile, letter: LetterKey, removed: LetterNotes): OpResult {
  const current = file.letters[letter];
  return { ok: true, file: withLetter(file, letter, current ? joinLetters(current, removed) : removed) };
}

/**
 * A detached item's notes (or a letter's own notes) moved onto another target, with their ids,
 * text and times, and their tags; a whole letter's entry (`whole`, a letter no file holds any
 * more, as after a rename outside the editor) joined into the target's letter, its items kept under
 * their keys.
 */
export function moveScope(file: NotesFile, scope: NotesScope, to: Target): OpResult & { count?: number } {
  if (scope.whole ? scope.letter === to.letter : scope.letter === to.letter && scope.item === to.item)
    return { ok: true, file, count: 0 };
  const { file: rest, taken, count } = takeScope(file, scope);
  if (count === 0 && rest === file)
    return { ok: false, error: `no notes on ${describeScope(scope)} (moved meanwhile?)` };
  if (scope.whole) return { ...restoreScope(rest, to.letter, taken), count };
  const from = scope.item === undefined ? taken : taken.items[scope.item];
  const t = targetOf(rest, to);
  return {
    ok: true,
    file: withTarget(rest, to, sortedUnique([...t.tags, ...from.tags]), joinNotes(t.notes, from.notes)),
    count,
  };
}

/** `CM16-0213037, item "MRI ..."`, `letters/001.txt` (as a whole). */
function describeScope(scope: NotesScope): string {
  const letter = describeLetterKey(scope.letter);
  return scope.item === undefined ? letter : `${letter}, item ${JSON.stringify(scope.item)}`;
}

/** What a target is called in messages: `CM16-0213037`, `CM16-0213037, item "MRI ..."`. */
export function describeTarget(target: Target): string {
  const letter = describeLetterKey(target.letter);
  return target.item === undefined ? letter : `${letter}, item ${JSON.stringify(target.itemName ?? target.item)}`;
}

/** One change as data: what an editor queues and the file store applies to the latest file. */
export type Operation =
  | { kind: 'add'; target: Target; text: string; stamp?: Stamp }
  | { kind: 'edit'; id: string; text: string; stamp?: Stamp }
  | { kind: 'delete'; id: string }
  | { kind: 'restore'; target: Target; note: Note }
  | { kind: 'setTags'; target: Target; tags: readonly string[] }
  | { kind: 'changeTags'; target: Target; add?: readonly string[]; remove?: readonly string[] }
  | { kind: 'setStatus'; letter: string; value: string | undefined; stamp?: Stamp }
  | { kind: 'reattach'; id: string; target: Target }
  | { kind: 'renameLetterPath'; from: string; to: string }
  | { kind: 'moveScope'; scope: NotesScope; to: Target }
  | { kind: 'deleteScope'; scope: NotesScope; ids?: readonly string[] }
  | { kind: 'restoreScope'; letter: LetterKey; removed: LetterNotes };

export function applyOperation(file: NotesFile, op: Operation): OpResult {
  switch (op.kind) {
    case 'add':
      return addNote(file, op.target, op.text, op.stamp);
    case 'edit':
      return editNote(file, op.id, op.text, op.stamp);
    case 'delete':
      return deleteNote(file, op.id);
    case 'restore':
      return restoreNote(file, op.target, op.note);
    case 'setTags':
      return setTags(file, op.target, op.tags);
    case 'changeTags':
      return changeTags(file, op.target, op);
    case 'setStatus':
      return setStatus(file, op.letter, op.value, op.stamp);
    case 'reattach':
      return reattach(file, op.id, op.target);
    case 'renameLetterPath':
      return renameLetterPath(file, op.from, op.to);
    case 'moveScope':
      return moveScope(file, op.scope, op.to);
    case 'deleteScope':
      return deleteScope(file, op.scope, op.ids);
    case 'restoreScope':
      return restoreScope(file, op.letter, op.removed);
  }
}
