// Go to Symbol in Workspace by what the user wrote: `#appeal` finds the items tagged so (or whose
// letter is), a word finds the items whose notes (or their letter's) hold it. The notes are few
// beside the index: they are scanned, each target's words made once per notes file; the index is
// read only when a note matched. The symbol's name carries the tags and a few words of the note,
// because VS Code keeps only symbols whose name matches the query.

import type { SymbolInformation } from 'vscode-languageserver';
import type { LetterIndex } from '../workspace/letterIndex';
import type { ItemSummary, LetterSummary } from '../export/summary';
import { itemKeyOf, letterKeyOf } from '../notes/keys';
import type { NotesFile } from '../notes/model';
import { entrySearchTexts, wordsOf } from './itemSearch';
import type { WorkspaceNotes } from './workspaceNotes';
import { itemSymbol, symbolName } from './workspaceSymbols';

interface Target {
  readonly letter: string;
  /** Absent: the letter as a whole (all its items). */
  readonly item?: string;
  /** Folded tags, without `#`. */
  readonly tags: readonly string[];
  readonly tagText: string;
  /** The notes' words, lowercased. */
  readonly words: readonly string[];
  readonly firstNote: string;
}

const targetsOf = new WeakMap<NotesFile, Target[]>();

function target(
  letter: string,
  item: string | undefined,
  tags: readonly string[],
  notes: readonly { text: string }[],
): Target {
  const text = notes.map((n) => (typeof n?.text === 'string' ? n.text : '')).join(' ');
  const t: Target = {
    letter,
    tags: tags.filter((x) => typeof x === 'string').map((x) => x.toLowerCase()),
    tagText: tags.map((x) => '#' + x).join(' '),
    words: wordsOf(text.toLowerCase()),
    firstNote: text.replace(/\s+/g, ' ').trim(),
  };
  return item === undefined ? t : { ...t, item };
}

function targets(file: NotesFile): Target[] {
  let out = targetsOf.get(file);
  if (out) return out;
  out = [];
  for (const [key, entry] of Object.entries(file.letters ?? {})) {
    if (!entry) continue;
    out.push(target(key, undefined, entry.tags ?? [], entry.notes ?? []));
    for (const [itemKey, item] of Object.entries(entry.items ?? {}))
      if (item) out.push(target(key, itemKey, item.tags ?? [], item.notes ?? []));
  }
  targetsOf.set(file, out);
  return out;
}

/** Whether a query word is met by the target: `#tag` by a tag, a word by the beginning of a note's word. */
function meets(t: Target, word: string): boolean {
  if (word.startsWith('#')) return word.length > 1 && t.tags.includes(word.slice(1));
  const parts = wordsOf(word);
  return parts.length > 0 && parts.every((p) => t.words.some((w) => w.startsWith(p)));
}

/** At most this many characters of a note in a symbol's name. */
const NOTE_IN_NAME = 60;

function nameOf(letter: LetterSummary, item: ItemSummary, hits: readonly Target[]): string {
  const tags = [...new Set(hits.map((h) => h.tagText).filter((t) => t !== ''))].join(' ');
  const note = hits.map((h) => h.firstNote).find((n) => n !== '') ?? '';
  const short = note.length > NOTE_IN_NAME ? note.slice(0, NOTE_IN_NAME - 1) + '\u2026' : note;
  return [symbolName(letter, item), tags, short && `\u201c${short}\u201d`].filter((s) => s !== '').join(' \u00b7 ');
}

export function noteSymbols(
  index: LetterIndex,
  notes: WorkspaceNotes,
  words: readonly string[],
  limit: number,
): SymbolInformation[] {
  if (words.length === 0 || notes.empty) return [];
  // Targets holding at least one word, by folder and letter key.
  const wanted = new Map<NotesFile, Map<string, Target[]>>();
  for (const file of notes.files()) {
    for (const t of targets(file)) {
      if (!words.some((w) => meets(t, w))) continue;
      let byLetter = wanted.get(file);
      if (!byLetter) wanted.set(file, (byLetter = new Map()));
      byLetter.set(t.letter, [...(byLetter.get(t.letter) ?? []), t]);
    }
  }
  if (wanted.size === 0) return [];
  const out: SymbolInformation[] = [];
  for (const entry of index.values()) {
    if (!entry.summary.isLetter) continue;
    const place = notes.placeOf(entry.uri);
    const byLetter = place && wanted.get(place.file);
    if (!place || !byLetter) continue;
    entry.summary.letters.forEach((letter, index) => {
      const hits = byLetter.get(letterKeyOf({ caseNumber: letter.caseNumber, index }, place.relativePath));
      if (!hits) return;
      letter.items.forEach((item, i) => {
        if (out.length >= limit) return;
        const key = itemKeyOf(item.name);
        const mine = hits.filter((h) => h.item === undefined || h.item === key);
        if (mine.length === 0) return;
        // Every word in the notes or tags of the item (or its letter), or in the item's own search text.
        const text = entrySearchTexts(entry)[index]?.[i] ?? '';
        if (!words.every((w) => mine.some((h) => meets(h, w)) || (!w.startsWith('#') && text.includes(w)))) return;
        out.push(itemSymbol({ entry, letter, item }, nameOf(letter, item, mine)));
      });
    });
    if (out.length >= limit) break;
  }
  return out;
}
