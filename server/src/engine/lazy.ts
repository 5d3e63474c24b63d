// Model values computed on first use: diagnostics read little of the model (outcomes, whether
// parts are empty, the rationale's conclusion); each part's folded text, the citations and the
// reviewer's credentials are read only by hovers, the outline and the command-line tool.
//
// Such a value is an own enumerable accessor defined through one descriptor shared by every object
// of a kind (parser/modelObjects.ts), its value kept in a private field, so JSON.stringify, for-in
// and deepStrictEqual read it like any other property. Two rules: reading never changes the
// object's shape (memory.ts, 1), and a lazy value reads the text and a few offsets, never the
// parser, whose lines a closure would keep alive with the model. The designs this replaced, and
// their cost: docs/performance.md, "Lazy model values".

import type { Citation, DisputedItem, ItemPart } from './model';

/**
 * What a part whose text is lazy may know before the text is computed: whether it is empty (the
 * parser knows as it builds the part; parser/modelObjects.ts PartObject keeps it in a plain field).
 */
export interface KnowsIfTextIsEmpty {
  textIsEmpty(): boolean;
}

/**
 * Whether a part's text is empty, `part.text.length === 0`, without computing the text when the
 * part knows the answer (the diagnostics ask it of every part).
 */
export function isEmptyPart(part: ItemPart): boolean {
  const knows = (part as Partial<KnowsIfTextIsEmpty>).textIsEmpty;
  return knows !== undefined ? knows.call(part) : part.text.length === 0;
}

/**
 * The citations of one part of an item: those of `item.citations` the part holds, without finding
 * the other parts' when the part can find its own (parser/modelObjects.ts PartObject; the outline
 * names the guideline parts' sources and would otherwise read the rationale's citations too).
 */
export function partCitations(item: DisputedItem, part: ItemPart): readonly Citation[] {
  const own = (part as Partial<{ citations(): Citation[] }>).citations;
  if (own !== undefined) return own.call(part);
  return item.citations.filter(
    (c) => c.part === part.kind && c.range.start >= part.range.start && c.range.end <= part.range.end,
  );
}
