// Go to Symbol in Workspace: disputed items across every open letter, matched by the query's
// characters in order (as VS Code's own fuzzy matching does), case-insensitive.

import type { SymbolInformation } from 'vscode-languageserver';
import type { LetterContext } from './context';
import { outcomeName } from './displayNames';
import { ITEM_KIND } from './symbols';

export function matchesQuery(name: string, query: string): boolean {
  if (query.length === 0) return true;
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    at = n.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function workspaceSymbols(contexts: readonly LetterContext[], query: string, limit = 1000): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const ctx of contexts) {
    for (const letter of ctx.model.letters) {
      for (const item of letter.items) {
        if (!matchesQuery(item.name, query)) continue;
        out.push({
          name: item.name.length > 0 ? item.name : '(unnamed)',
          kind: ITEM_KIND,
          location: { uri: ctx.uri, range: ctx.range(item.decisionRange) },
          containerName: `${outcomeName(item)}${letter.caseNumber ? ' \u00b7 ' + letter.caseNumber : ''}${ctx.model.letters.length > 1 ? ` \u00b7 letter ${letter.index + 1}` : ''}`,
        });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}
