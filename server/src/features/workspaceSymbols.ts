// Go to Symbol in Workspace: the disputed items of every letter in the index (open letters from
// their current text, the rest as last read from disk). A query is split into words; an item
// matches a word when the word is part of the item's name, its outcome, one of its guideline
// sources (MTUS, CPMTG, ACOEM, ODG...), its letter's case number or its file name. Items that hold
// every word come first, then those that hold fewer; never letters scattered through a name.
//
// VS Code keeps only symbols whose name matches the query's first word, so the name carries the
// outcome, the sources and the case number; the container is the file name.

import type { SymbolInformation } from 'vscode-languageserver';
import type { IndexEntry } from '../workspace/letterIndex';
import type { ItemSummary, LetterSummary } from '../workspace/summary';
import { OUTCOME_LABELS } from './displayNames';
import { ITEM_KIND } from './symbols';

export function fileNameOf(uri: string): string {
  // A PDF letter's text (imr-pdf:/…/Letter.pdf?<the PDF's URI>) is named by its path, not its query.
  const bare = uri.replace(/[?#].*$/, '');
  const slash = bare.lastIndexOf('/');
  try {
    return decodeURIComponent(bare.slice(slash + 1));
  } catch {
    return bare.slice(slash + 1);
  }
}

export function symbolName(letter: LetterSummary, item: ItemSummary): string {
  const parts = [item.name.length > 0 ? item.name : '(unnamed)', OUTCOME_LABELS[item.outcome]];
  if (item.sources.length > 0) parts.push(item.sources.join(', '));
  if (letter.caseNumber) parts.push(letter.caseNumber);
  return parts.join(' \u00b7 ');
}

/**
 * Each item's search text, made on the first query and kept with the index entry (a new summary
 * gets a new entry, so it never goes stale). Not a WeakMap: a hundred thousand weak keys make every
 * garbage collection slower.
 */
const SEARCH = Symbol('search');
type Searchable = { [SEARCH]?: string[][] };

/** The search texts of an entry's items, by letter and item, made once. */
export function entrySearchTexts(entry: IndexEntry): string[][] {
  const e = entry as IndexEntry & Searchable;
  let texts = e[SEARCH];
  if (!texts) {
    texts = entry.summary.letters.map((letter) => letter.items.map((item) => makeSearchText(entry.uri, letter, item)));
    e[SEARCH] = texts;
  }
  return texts;
}

function makeSearchText(uri: string, letter: LetterSummary, item: ItemSummary): string {
  const sources = item.sources.flatMap((s) => s.split('/'));
  return [item.name, OUTCOME_LABELS[item.outcome], ...sources, letter.caseNumber ?? '', fileNameOf(uri)]
    .join(' ')
    .toLowerCase();
}

export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** How many of the words the text holds. */
export function wordsMatched(text: string, words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (text.includes(w)) n++;
  return n;
}

/** All of an entry's search texts in one string: most entries hold none of the words, and are passed over with one look. */
const WHOLE = Symbol('whole');
type Whole = { [WHOLE]?: string };

function wholeText(entry: IndexEntry): string {
  const e = entry as IndexEntry & Whole;
  return (e[WHOLE] ??= entrySearchTexts(entry)
    .map((l) => l.join('\n'))
    .join('\n'));
}

function symbolOf(entry: IndexEntry, letter: LetterSummary, item: ItemSummary): SymbolInformation {
  const file = fileNameOf(entry.uri);
  const [sl, sc, el, ec] = item.decision;
  return {
    name: symbolName(letter, item),
    kind: ITEM_KIND,
    location: { uri: entry.uri, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } },
    containerName: letter.caseNumber ? `${file} \u00b7 ${letter.caseNumber}` : file,
  };
}

export function workspaceSymbols(entries: Iterable<IndexEntry>, query: string, limit = 1000): SymbolInformation[] {
  const words = queryWords(query);
  const out: SymbolInformation[] = [];
  if (words.length === 0) {
    for (const entry of entries)
      for (const letter of entry.summary.letters)
        for (const item of letter.items) {
          out.push(symbolOf(entry, letter, item));
          if (out.length >= limit) return out;
        }
    return out;
  }
  // Buckets by words matched, best first, each in index order: no sort of the whole list, and a
  // symbol made only for what is sent.
  type Hit = [IndexEntry, LetterSummary, ItemSummary];
  const buckets: Hit[][] = Array.from({ length: words.length }, () => []);
  for (const entry of entries) {
    if (!entry.summary.isLetter || wordsMatched(wholeText(entry), words) === 0) continue;
    const texts = entrySearchTexts(entry);
    for (let l = 0; l < entry.summary.letters.length; l++) {
      const letter = entry.summary.letters[l];
      for (let i = 0; i < letter.items.length; i++) {
        const matched = wordsMatched(texts[l][i], words);
        if (matched === 0) continue;
        const bucket = buckets[words.length - matched];
        if (bucket.length < limit) bucket.push([entry, letter, letter.items[i]]);
        if (matched === words.length && bucket.length >= limit) return bucket.map((h) => symbolOf(...h));
      }
    }
  }
  for (const bucket of buckets)
    for (const h of bucket) {
      if (out.length >= limit) return out;
      out.push(symbolOf(...h));
    }
  return out;
}
