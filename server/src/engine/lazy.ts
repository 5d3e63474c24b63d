// Model values computed on first use.
//
// Diagnostics need little of the model (outcomes, whether parts are empty, the rationale's
// conclusion); the folded text of every part, every citation and the reviewer's credentials cost
// about a third of a parse and are read only by hovers, the outline and the command-line tool.
//
// Such a value is an own enumerable accessor (the classes in parser/modelObjects.ts define it through
// one descriptor shared by every object of a kind), so JSON.stringify, for-in and deepStrictEqual
// read it like any other property; the getter computes the value once and keeps it in a private
// field. Reading never changes the object's shape. Not a getter written in each object literal:
// V8 gives each such object a hidden class of its own (measured on a 10 MB export: 20,000 of them,
// a third of a parse's garbage collection). Not a getter that replaces itself with a data property
// (Object.defineProperty on first read): each replacement was a runtime call that moved the object
// to another hidden class, about a microsecond a value and 8% of export's time in a profile. Not a WeakMap of
// values either: the weak tables slowed the garbage collector more than the work saved.
//
// What a lazy value reads is the text and a few offsets, never the parser: a closure keeps its
// whole scope alive, and the parser's lines of a 10 MB text would stay in memory with the model.

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
