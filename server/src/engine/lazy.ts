// Model values computed on first use.
//
// Diagnostics need little of the model (outcomes, whether parts are empty, the rationale's
// conclusion); the folded text of every part, every citation and the reviewer's credentials cost
// about a third of a parse and are read only by hovers, the outline and the command-line tool.
//
// Such a value is a getter written in the object literal (`get text() { return settle(this,
// 'text', compute) }`) that replaces itself with a plain value on first read, so the property is
// an ordinary enumerable one to JSON.stringify, assert.deepStrictEqual and for-in alike. Getters
// in the literal, not Object.defineProperty and a WeakMap: those cost more than the work saved
// (measured: 14% of a parse, and a garbage collector slowed by the weak tables).
//
// The literal must be written in a function whose scope holds only what `compute` reads (the text
// and a few offsets), never in a Parser method: a closure keeps its whole scope alive, and the
// parser's lines of a 10 MB text would stay in memory with the model.

import type { ItemPart } from './model';

/** A value not computed yet, as a getter gives it while `peek` runs. */
export class Deferred {
  constructor(
    readonly compute: () => unknown,
    /** Whether the value is known to be empty (a part's text) without computing it. */
    readonly empty: boolean | undefined,
  ) {}
}

let deferring = false;
/** While isEmptyPart reads a part's text: a getter that knows whether its value is empty says so without computing it. */
let probingEmpty = false;

/**
 * What a lazy getter returns: the value computed now and kept in place of the getter, or, while
 * `peek` runs, the computation itself.
 */
export function settle<T>(obj: object, key: string, compute: () => T, empty?: boolean): T {
  if (probingEmpty && empty !== undefined) return (empty ? '' : 'not empty') as unknown as T;
  if (deferring) return new Deferred(compute, empty) as unknown as T;
  const value = compute();
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  return value;
}

/** `obj[key]`, or a Deferred when it is a lazy value not computed yet (which stays so). */
export function peek(obj: object, key: string): unknown {
  deferring = true;
  try {
    return (obj as Record<string, unknown>)[key];
  } finally {
    deferring = false;
  }
}

/** Makes `obj[key]` (any key the object already has, so that key order is kept) computed on first read. */
export function defineLazy(obj: object, key: string, compute: () => unknown, empty?: boolean): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      return settle(obj, key, compute, empty);
    },
  });
}

/**
 * Whether a part's text is empty, `part.text.length === 0`, without computing the text when the
 * parser already knows the answer (the diagnostics ask it of every part).
 */
export function isEmptyPart(part: ItemPart): boolean {
  // Not peek(): it allocates, and the diagnostics ask this of every part of a 10 MB export.
  probingEmpty = true;
  try {
    return part.text.length === 0;
  } finally {
    probingEmpty = false;
  }
}
