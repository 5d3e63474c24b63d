// The editor's outline: the engine's outline (engine/outline.ts) as LSP document symbols. In a file
// of one letter its sections are the top level; in a file of several, a symbol for each letter.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { OutlineEntry, OutlineKind, outlineOf } from '../engine/outline';
import type { LetterContext } from './context';

/**
 * Icons: SymbolKind has no kinds for prose, so these are the ones whose icons read as such rather
 * than as code: a file for a letter, the text icon for sections (Markdown's headings use it too),
 * the two-way switch for an item (it is decided one way or the other), a key for a labelled part
 * ("label: text") and for the reviewer's credentials.
 */
export const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  letter: SymbolKind.File,
  section: SymbolKind.String,
  item: SymbolKind.Boolean,
  part: SymbolKind.Key,
};

export const LETTER_KIND = SYMBOL_KINDS.letter;
export const SECTION_KIND = SYMBOL_KINDS.section;
export const ITEM_KIND = SYMBOL_KINDS.item;
export const PART_KIND = SYMBOL_KINDS.part;

/** `detail` and `children` are optional in LSP: left out when empty, they cost nothing to send. */
function symbolOf(ctx: LetterContext, e: OutlineEntry): DocumentSymbol {
  const out: DocumentSymbol = {
    name: e.name,
    kind: SYMBOL_KINDS[e.kind],
    range: ctx.range(e.range),
    selectionRange: ctx.range(e.selection),
  };
  if (e.detail.length > 0) out.detail = e.detail;
  if (e.children) out.children = e.children.map((c) => symbolOf(ctx, c));
  return out;
}

/**
 * The outline with a symbol for every letter, even the only one. Computed once per version; the
 * answer is shared: do not change it.
 */
export function outlineByLetter(ctx: LetterContext): DocumentSymbol[] {
  if (!ctx.isLetter) return [];
  return ctx.memo('outlineByLetter', () => outlineOf(ctx.model).map((e) => symbolOf(ctx, e)));
}

/**
 * The editor's outline of the context's version. One letter: its sections are the top level (a root
 * above them would only add a breadcrumb level, and make sticky scroll show the first section's
 * heading over everything). Several: a symbol for each letter.
 */
export function documentSymbols(ctx: LetterContext): DocumentSymbol[] {
  const letters = outlineByLetter(ctx);
  return letters.length === 1 && letters[0].children ? letters[0].children : letters;
}
