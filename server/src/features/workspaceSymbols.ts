// Go to Symbol in Workspace: the disputed items of every letter in the index (open letters from
// their current text, the rest as last read from disk). A query is split into words; an item
// matches a word when the word begins one of the words of the item's name, its outcome, one of its
// guideline sources (MTUS, CPMTG, ACOEM, ODG...), its letter's case number or its file name. Items
// that hold every word come first, then those that hold fewer; never letters scattered through a
// name. The words are looked up in an index (itemSearch.ts), never read item by item.
//
// VS Code keeps only symbols whose name matches the query's first word, so the name carries the
// outcome, the sources and the case number; the container is the file name.

import type { SymbolInformation } from 'vscode-languageserver';
import type { LetterIndex } from '../workspace/letterIndex';
import type { ItemSummary, LetterSummary } from '../export/summary';
import { OUTCOME_LABELS } from '../engine/vocabulary';
import { fileNameOf, ItemHit, itemSearchOf, queryWords } from './itemSearch';
import { ITEM_KIND } from './symbols';
import { noteSymbols } from './noteSymbols';
import type { WorkspaceNotes } from './workspaceNotes';

export { entrySearchTexts, fileNameOf, queryWords, wordsMatched } from './itemSearch';

/** Query words looked up at most: a pasted paragraph is not a search. */
const MAX_QUERY_WORDS = 16;

export function symbolName(letter: LetterSummary, item: ItemSummary): string {
  const parts = [item.name.length > 0 ? item.name : '(unnamed)', OUTCOME_LABELS[item.outcome]];
  if (item.sources.length > 0) parts.push(item.sources.join(', '));
  if (letter.caseNumber) parts.push(letter.caseNumber);
  return parts.join(' \u00b7 ');
}

/** An item's symbol, at its decision; `name` by default says its outcome, sources and case number. */
export function itemSymbol({ entry, letter, item }: ItemHit, name = symbolName(letter, item)): SymbolInformation {
  const file = fileNameOf(entry.uri);
  const [sl, sc, el, ec] = item.decision;
  return {
    name,
    kind: ITEM_KIND,
    location: { uri: entry.uri, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } },
    containerName: letter.caseNumber ? `${file} \u00b7 ${letter.caseNumber}` : file,
  };
}

/**
 * Symbols sent at most, best first: as many as TypeScript's own workspace search sends. VS Code
 * sorts and shows what it gets, and each keystroke sends them again.
 */
export const MAX_WORKSPACE_SYMBOLS = 256;

/** Builds the server's word index as entries come, a few milliseconds at a time, so that no query waits for it. */
export function indexWorkspaceSymbols(index: LetterIndex): void {
  itemSearchOf(index, true);
}

export function workspaceSymbols(
  index: LetterIndex,
  query: string,
  limit = MAX_WORKSPACE_SYMBOLS,
  notes?: WorkspaceNotes,
): SymbolInformation[] {
  const words = [...new Set(queryWords(query))].slice(0, MAX_QUERY_WORDS);
  const found = itemSearchOf(index)
    .search(words, limit)
    .map((hit) => itemSymbol(hit));
  if (!notes) return found;
  // Items found by their notes or tags first: the user's own words say more than the letter's.
  const byNotes = noteSymbols(index, notes, words, limit);
  const seen = new Set(byNotes.map(symbolKey));
  return [...byNotes, ...found.filter((s) => !seen.has(symbolKey(s)))].slice(0, limit);
}

function symbolKey(s: SymbolInformation): string {
  const { line, character } = s.location.range.start;
  return `${s.location.uri}#${line}:${character}`;
}
