// What a line is: a heading, a part label. The tables are vocabulary.ts's; outcome words are read
// by outcomeWords.ts.
//
// Most lines are prose. Every heading, marker and label begins with a known word, so the parser
// compares a line's first three characters (folded to lower case) with those words and runs the
// regular expressions, and slices the line, only on a match: most lines are turned away by their
// first character, read from the text.

import type { PartKind } from '../model';
import { HEADINGS, HeadingSpec, MARKER_STARTS, PART_LABELS } from '../vocabulary';

// The layouts read lines and outcome words through this module.
export { looksLikeOutcome, outcomeOf } from '../outcomeWords';

/** The first three characters, ASCII letters folded to lower case, as one number. */
function prefixCode(a: number, b: number, c: number): number {
  return (((a | 32) & 0xff) << 16) | (((b | 32) & 0xff) << 8) | ((c | 32) & 0xff);
}

function wordPrefix(word: string): number {
  return prefixCode(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2));
}

/** The patterns of `specs` by the prefixes they can begin with, in the order of `specs`. */
function byPrefix<T extends { starts: string[] }>(specs: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const spec of specs) {
    for (const p of new Set(spec.starts.map(wordPrefix))) {
      const list = map.get(p) ?? [];
      list.push(spec);
      map.set(p, list);
    }
  }
  return map;
}

const HEADINGS_BY_PREFIX = byPrefix(HEADINGS);
/** The prefixes a part label can begin with. */
export const LABELS_BY_PREFIX = byPrefix(PART_LABELS);
/** Where splitLetters looks: the headings and the markers (vocabulary.ts MARKER_STARTS). */
export const SPLIT_PREFIXES = new Set([...HEADINGS_BY_PREFIX.keys(), ...MARKER_STARTS.map(wordPrefix)]);
/** The prefix of vocabulary.ts INTRO. */
export const INTRO_PREFIX = wordPrefix('the');
/** The first characters (lower case) of every word above: a line that begins with another has no prefix worth looking up. */
const FIRST_CHARACTERS = new Uint8Array(128);
for (const p of [...SPLIT_PREFIXES, ...LABELS_BY_PREFIX.keys(), INTRO_PREFIX]) FIRST_CHARACTERS[p >> 16] = 1;

/** prefixCode of a line's content starting at `at`, or -1 when its first character begins none of the words. */
export function prefixAt(text: string, at: number): number {
  const c = text.charCodeAt(at) | 32;
  if (c >= 128 || FIRST_CHARACTERS[c] === 0) return -1;
  return prefixCode(c, text.charCodeAt(at + 1), text.charCodeAt(at + 2));
}

/** The heading a trimmed line is, if any. */
export function headingAt(t: string): HeadingSpec | undefined {
  if (t.length > 140) return undefined;
  const specs = HEADINGS_BY_PREFIX.get(prefixAt(t, 0));
  if (specs) for (const h of specs) if (h.re.test(t)) return h;
  return undefined;
}

/** The part label a trimmed line begins with, if any, and its length up to its colon. */
export function partLabelAt(t: string): { kind: PartKind; length: number } | undefined {
  const specs = LABELS_BY_PREFIX.get(prefixAt(t, 0));
  if (!specs) return undefined;
  // Every label is words then its first ':' (test, not exec: no match object for each label).
  for (const p of specs) if (p.re.test(t)) return { kind: p.kind, length: t.indexOf(':') + 1 };
  return undefined;
}

/** `t === t.toUpperCase()` without building the upper-case copy for every line of prose. */
export function isUpperCase(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return t === t.toUpperCase();
  }
  return true;
}
