// `outline`: the editor's outline (the same document symbols the language server answers with) as
// an indented tree: letter > sections > disputed items, outcome first > item parts. Unlike the
// editor's, it keeps the letter level for a file of one letter, so that every tree starts alike.

import type { DocumentSymbol } from 'vscode-languageserver';
import { createContext } from '../features/context';
import { outlineByLetter } from '../features/symbols';

export interface OutlineNode {
  name: string;
  detail: string;
  /** 1-based line of the symbol's name (its selection range). */
  line: number;
  children: OutlineNode[];
}

function toNode(s: DocumentSymbol): OutlineNode {
  return {
    name: s.name,
    detail: s.detail ?? '',
    line: s.selectionRange.start.line + 1,
    children: (s.children ?? []).map(toNode),
  };
}

/** The outline of a text the caller has found to be a letter. */
export function outlineOf(text: string, uri: string): OutlineNode[] {
  // languageId 'imr-letter': the caller has already decided the text is a letter, as the editor has.
  const ctx = createContext(uri, 1, text, 'imr-letter');
  return outlineByLetter(ctx).map(toNode);
}

/** Two spaces per level; `name — detail  (line N)`. */
export function renderOutline(nodes: readonly OutlineNode[], depth = 0): string {
  let out = '';
  for (const n of nodes) {
    out += '  '.repeat(depth) + n.name + (n.detail ? ` \u2014 ${n.detail}` : '') + `  (line ${n.line})\n`;
    out += renderOutline(n.children, depth + 1);
  }
  return out;
}
