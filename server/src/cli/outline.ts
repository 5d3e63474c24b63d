// `outline`: the editor's outline (the same document symbols the language server answers with) as
// an indented tree: letter > sections > disputed items, outcome first > item parts. Unlike the
// editor's, it keeps the letter level for a file of one letter, so that every tree starts alike.

import { LineIndex } from '../engine/lines';
import { OutlineEntry, outlineOf as outlineEntries } from '../engine/outline';
import { lineStartsOf, parseLetter } from '../engine/parse';

export interface OutlineNode {
  name: string;
  detail: string;
  /** 1-based line of the symbol's name (its selection range). */
  line: number;
  children: OutlineNode[];
}

function toNode(e: OutlineEntry, lines: LineIndex): OutlineNode {
  return {
    name: e.name,
    detail: e.detail,
    line: lines.positionAt(e.selection.start).line + 1,
    children: (e.children ?? []).map((c) => toNode(c, lines)),
  };
}

/** The outline of a text the caller has found to be a letter. */
export function outlineOf(text: string): OutlineNode[] {
  const doc = parseLetter(text);
  const lines = new LineIndex(text, lineStartsOf(doc));
  return outlineEntries(doc).map((e) => toNode(e, lines));
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
