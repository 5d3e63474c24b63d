// References and document highlights on a guideline citation: every citation of the same source and
// page, in this letter and, for references, in every letter of the index. A citation without a page
// matches the citations of the same source that have none either.

import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver';
import type { Citation } from '../engine/model';
import type { IndexEntry } from '../workspace/letterIndex';
import { sourceName } from '../export/summary';
import { contains, LetterContext } from './context';
import { rangeOf } from './workspaceDiagnostics';

/** `MTUS/CPMTG#24`; `ODG#` for a citation without pages. */
export function citationKeys(c: { source: string; document?: string; pages: readonly string[] }): string[] {
  const name = sourceName(c);
  return c.pages.length > 0 ? c.pages.map((p) => `${name}#${p.toLowerCase()}`) : [`${name}#`];
}

function shareKey(keys: readonly string[], other: readonly string[]): boolean {
  return other.some((k) => keys.includes(k));
}

export function citationAt(ctx: LetterContext, position: { line: number; character: number }): Citation | undefined {
  const offset = ctx.offsetAt(position);
  for (const letter of ctx.model.letters) {
    if (!contains(letter.range, offset)) continue;
    for (const item of letter.items) {
      if (!contains(item.range, offset)) continue;
      for (const c of item.citations) if (contains(c.range, offset)) return c;
    }
  }
  return undefined;
}

function citationsIn(ctx: LetterContext): Citation[] {
  return ctx.model.letters.flatMap((l) => l.items.flatMap((i) => i.citations));
}

export function documentHighlights(
  ctx: LetterContext,
  position: { line: number; character: number },
): DocumentHighlight[] {
  const at = citationAt(ctx, position);
  if (!at) return [];
  const keys = citationKeys(at);
  return citationsIn(ctx)
    .filter((c) => shareKey(keys, citationKeys(c)))
    .map((c) => ({ range: ctx.range(c.range), kind: DocumentHighlightKind.Read }));
}

export function citationReferences(
  ctx: LetterContext,
  position: { line: number; character: number },
  entries: Iterable<IndexEntry>,
  includeDeclaration: boolean,
  limit = 5000,
): Location[] {
  const at = citationAt(ctx, position);
  if (!at) return [];
  const keys = citationKeys(at);
  const out: Location[] = [];
  for (const c of citationsIn(ctx)) {
    if (!includeDeclaration && c === at) continue;
    if (shareKey(keys, citationKeys(c))) out.push({ uri: ctx.uri, range: ctx.range(c.range) });
  }
  for (const e of entries) {
    if (e.uri === ctx.uri || !e.summary.isLetter) continue;
    for (const letter of e.summary.letters)
      for (const item of letter.items)
        for (const c of item.citations) {
          if (out.length >= limit) return out;
          if (shareKey(keys, citationKeys(c))) out.push({ uri: e.uri, range: rangeOf(c.at) });
        }
  }
  return out;
}
