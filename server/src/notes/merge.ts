// Two versions of the notes file changed from one base (another window, the command line, a sync,
// a git pull) merged note by note: what either side added is kept, what one side changed and the
// other left alone takes the change, an edit beats a delete (nothing a user wrote is lost without
// them), and where both changed the same thing the later change wins. The rules are the same read
// from either side, so merge(base, a, b) and merge(base, b, a) are the same file.

import { ItemNotes, LetterNotes, Note, NOTES_FILE_VERSION, NotesFile, Status } from './model';
import { compareKeys, compareNotes } from './notesFile';

interface Placed {
  letter: string;
  item?: string;
  note: Note;
}

function placesOf(file: NotesFile): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const [letter, l] of Object.entries(file.letters)) {
    for (const note of l.notes) out.set(note.id, { letter, note });
    for (const [item, i] of Object.entries(l.items))
      for (const note of i.notes) out.set(note.id, { letter, item, note });
  }
  return out;
}

function samePlace(a: Placed, b: Placed): boolean {
  return a.letter === b.letter && a.item === b.item;
}

function sameNote(a: Note, b: Note): boolean {
  return a.text === b.text && a.updated === b.updated && a.created === b.created;
}

/** Of two conflicting changes, the later one; at the same time, the one first in code-unit order. */
function later<T>(a: T, b: T, when: (x: T) => string, order: (x: T) => string): T {
  const c = compareKeys(when(a), when(b));
  if (c !== 0) return c > 0 ? a : b;
  return compareKeys(order(a), order(b)) <= 0 ? a : b;
}

/** A three-way choice: the side that changed, or (both changed) `conflict`'s pick. */
function threeWay<T>(base: T, a: T, b: T, same: (x: T, y: T) => boolean, conflict: (x: T, y: T) => T): T {
  if (same(a, b)) return a;
  if (same(a, base)) return b;
  if (same(b, base)) return a;
  return conflict(a, b);
}

function mergeNote(base: Placed | undefined, a: Placed | undefined, b: Placed | undefined): Placed | undefined {
  if (a && b) {
    if (!base)
      return later(
        a,
        b,
        (p) => p.note.updated,
        (p) => JSON.stringify(p),
      );
    const note = threeWay(base.note, a.note, b.note, sameNote, (x, y) =>
      later(
        x,
        y,
        (n) => n.updated,
        (n) => n.text,
      ),
    );
    const place = threeWay(base, a, b, samePlace, (x, y) =>
      later(
        x,
        y,
        (p) => p.note.updated,
        (p) => `${p.letter}\u0000${p.item ?? ''}`,
      ),
    );
    return { letter: place.letter, item: place.item, note };
  }
  const only = a ?? b;
  if (!only) return undefined;
  // On one side only: new there, or deleted on the other side. A delete wins only over a note the
  // deleting side saw as it is: an edit made meanwhile keeps the note.
  if (!base) return only;
  return sameNote(base.note, only.note) && samePlace(base, only) ? undefined : only;
}

function mergeTags(base: readonly string[], a: readonly string[], b: readonly string[]): string[] {
  const inBase = new Set(base);
  const inA = new Set(a);
  const inB = new Set(b);
  const out = new Set<string>();
  for (const t of [...a, ...b])
    if ((inA.has(t) && inB.has(t)) || (inA.has(t) && !inBase.has(t)) || (inB.has(t) && !inBase.has(t))) out.add(t);
  return [...out].sort(compareKeys);
}

function sameStatus(x: Status | undefined, y: Status | undefined): boolean {
  return x?.value === y?.value && x?.updated === y?.updated;
}

function mergeStatus(base: Status | undefined, a: Status | undefined, b: Status | undefined): Status | undefined {
  return threeWay(base, a, b, sameStatus, (x, y) => {
    // One side cleared it, the other set another: the set one is kept (it is newer than the base).
    if (!x || !y) return x ?? y;
    return later(
      x,
      y,
      (s) => s.updated,
      (s) => s.value,
    );
  });
}

const NO_LETTER: LetterNotes = { tags: [], notes: [], items: {} };
const NO_ITEM: ItemNotes = { name: '', tags: [], notes: [] };

function mergeName(base: string, a: string, b: string): string {
  return (
    threeWay(
      base,
      a,
      b,
      (x, y) => x === y,
      (x, y) => (compareKeys(x, y) <= 0 ? x : y),
    ) ||
    a ||
    b ||
    base
  );
}

export function merge(base: NotesFile, ours: NotesFile, theirs: NotesFile): NotesFile {
  const letterKeys = new Set([
    ...Object.keys(base.letters),
    ...Object.keys(ours.letters),
    ...Object.keys(theirs.letters),
  ]);
  // Status, tags and item names, letter by letter; notes are placed after, by id.
  const letters: Record<
    string,
    { status?: Status; tags: string[]; notes: Note[]; items: Record<string, ItemNotes & { notes: Note[] }> }
  > = {};
  for (const key of letterKeys) {
    const b = base.letters[key] ?? NO_LETTER;
    const o = ours.letters[key] ?? NO_LETTER;
    const t = theirs.letters[key] ?? NO_LETTER;
    const items: Record<string, ItemNotes & { notes: Note[] }> = {};
    for (const item of new Set([...Object.keys(b.items), ...Object.keys(o.items), ...Object.keys(t.items)])) {
      const bi = b.items[item] ?? NO_ITEM;
      const oi = o.items[item] ?? NO_ITEM;
      const ti = t.items[item] ?? NO_ITEM;
      items[item] = {
        name: mergeName(bi.name, oi.name, ti.name),
        tags: mergeTags(bi.tags, oi.tags, ti.tags),
        notes: [],
      };
    }
    const status = mergeStatus(b.status, o.status, t.status);
    letters[key] = { tags: mergeTags(b.tags, o.tags, t.tags), notes: [], items, ...(status ? { status } : {}) };
  }
  const basePlaces = placesOf(base);
  const ourPlaces = placesOf(ours);
  const theirPlaces = placesOf(theirs);
  for (const id of new Set([...basePlaces.keys(), ...ourPlaces.keys(), ...theirPlaces.keys()])) {
    const placed = mergeNote(basePlaces.get(id), ourPlaces.get(id), theirPlaces.get(id));
    if (!placed) continue;
    const letter = letters[placed.letter];
    if (placed.item === undefined) letter.notes.push(placed.note);
    else letter.items[placed.item].notes.push(placed.note);
  }
  for (const l of Object.values(letters)) {
    l.notes.sort(compareNotes);
    for (const i of Object.values(l.items)) i.notes.sort(compareNotes);
  }
  return { version: NOTES_FILE_VERSION, letters };
}
