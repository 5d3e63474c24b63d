// Go to Symbol in Workspace: the disputed items of every letter in the index (open letters from
// their current text, the rest as last read from disk). A query is split into words; an item
// matches a word when the word is part of the item's name, its outcome, one of its guideline
// sources (MTUS, CPMTG, ACOEM, ODG...), its letter's case number or its file name. Items that hold
// every word come first, then those that hold fewer; never letters scattered through a name.
//
// VS Code keeps only symbols whose name matches the query's first word, so the name carries the
// outcome, the sources and the case number; the container is the file name.

import { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { IndexEntry } from '../workspace/letterIndex';
import type { ItemSummary, LetterSummary } from '../workspace/summary';
import { OUTCOME_LABELS } from './outcomes';

export function fileNameOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  try {
    return decodeURIComponent(uri.slice(slash + 1));
  } catch {
    return uri.slice(slash + 1);
  }
}

export function symbolName(letter: LetterSummary, item: ItemSummary): string {
  const parts = [item.name.length > 0 ? item.name : '(unnamed)', OUTCOME_LABELS[item.outcome]];
  if (item.sources.length > 0) parts.push(item.sources.join(', '));
  if (letter.caseNumber) parts.push(letter.caseNumber);
  return parts.join(' \u00b7 ');
}

/** Each item's search text, made on the first query and dropped with the summary. */
const searchTexts = new WeakMap<ItemSummary, string>();

/** The words an item can be found by, lower case, in one string. */
export function searchText(uri: string, letter: LetterSummary, item: ItemSummary): string {
  let text = searchTexts.get(item);
  if (text === undefined) {
    text = makeSearchText(uri, letter, item);
    searchTexts.set(item, text);
  }
  return text;
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

export function workspaceSymbols(entries: Iterable<IndexEntry>, query: string, limit = 1000): SymbolInformation[] {
  const words = queryWords(query);
  // Buckets by words matched, best first, each in index order: no sort of the whole list.
  const buckets: SymbolInformation[][] = Array.from({ length: words.length + 1 }, () => []);
  let full = 0;
  for (const entry of entries) {
    if (!entry.summary.isLetter) continue;
    const file = fileNameOf(entry.uri);
    for (const letter of entry.summary.letters) {
      for (const item of letter.items) {
        const matched = words.length === 0 ? 0 : wordsMatched(searchText(entry.uri, letter, item), words);
        if (words.length > 0 && matched === 0) continue;
        const bucket = buckets[words.length - matched];
        if (bucket.length >= limit) continue;
        const [sl, sc, el, ec] = item.decision;
        bucket.push({
          name: symbolName(letter, item),
          kind: SymbolKind.Event,
          location: { uri: entry.uri, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } },
          containerName: letter.caseNumber ? `${file} \u00b7 ${letter.caseNumber}` : file,
        });
        if (matched === words.length && ++full >= limit) return buckets[0];
      }
    }
  }
  return buckets.flat().slice(0, limit);
}
