// Reuse between parses: after an edit, the letters the edit did not reach are taken from the
// previous model, their offsets moved, instead of being built again (reparseLetter).

import type { Letter, LetterDocument } from '../model';
import { DocumentObject, LetterObject } from './modelObjects';
import type { RawLetter } from './splitLetters';

export interface LetterRegion {
  raw: RawLetter;
  /** The letter's region of text (see regionOf). */
  from: number;
  to: number;
  letter: Letter;
  /** The text the letter's model was built from: its strings may be slices of it, which keep it in memory. */
  source: string;
}

/** What reparseLetter needs of an earlier parse, kept as long as its model is. */
export interface ReuseMemo {
  regions: LetterRegion[];
  doubleSpaced: boolean;
  base: string;
  lineStarts: ArrayLike<number>;
}

/** Finds, for a letter of the new text, the letter of the previous model that can stand for it. */
export interface Reuser {
  /** The text the reused letters were built from. */
  base: string;
  find(r: RawLetter, from: number, to: number, index: number): Letter | undefined;
}

/** Letters rebuilt since the base text beyond which a reparse builds every letter again (see reuserFor). */
const MAX_REBUILT_LETTERS = 32;

/**
 * Which letters of `previous` can stand for letters of `after`: those whose region lies in the
 * text the two share before the edit (same offsets) or after it (offsets moved by the length the
 * edit added), split the same way, in a text that is double spaced or not alike.
 */
export function reuserFor(previous: LetterDocument, after: string, doubleSpaced: boolean): Reuser | undefined {
  const memo = previous instanceof DocumentObject ? previous.reuse : undefined;
  if (!memo || memo.doubleSpaced !== doubleSpaced) return undefined;
  // Only letters built from the base text are reused, so that a model never holds on to more than
  // two versions of a large text (the base and the current one); once many letters have been
  // rebuilt since the base, everything is built again from the current text, the new base.
  let rebuilt = 0;
  for (const region of memo.regions) if (region.source !== memo.base) rebuilt++;
  if (rebuilt > MAX_REBUILT_LETTERS) return undefined;
  const before = previous.text;
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - prefix);
  const delta = after.length - before.length;
  const byFrom = new Map<number, LetterRegion>();
  for (const region of memo.regions) if (region.source === memo.base) byFrom.set(region.from, region);
  const find = (r: RawLetter, from: number, to: number, index: number): Letter | undefined => {
    let shift: number;
    if (to <= prefix) shift = 0;
    else if (from >= after.length - suffix) shift = delta;
    else return undefined;
    const old = byFrom.get(from - shift);
    if (!old || old.to + shift !== to) return undefined;
    // The first letter's first line starts a paragraph whatever precedes it; the last letter's region runs to the end of the text.
    if ((old.raw.first === 0) !== (r.first === 0) || (old.to === before.length) !== (to === after.length))
      return undefined;
    if (!sameSplit(old.raw, r, shift)) return undefined;
    if (shift === 0 && old.letter.index === index) return old.letter;
    return (old.letter as LetterObject).moved(shift, index);
  };
  return { base: memo.base, find };
}

/** Whether two letters were split alike: every field of RawLetter and RawSection, lines relative to the letter, offsets moved by `shift`. */
function sameSplit(a: RawLetter, b: RawLetter, shift: number): boolean {
  const dl = b.first - a.first;
  if (
    a.end + dl !== b.end ||
    a.layoutHint !== b.layoutHint ||
    a.caseNumber !== b.caseNumber ||
    a.sections.length !== b.sections.length
  )
    return false;
  for (let k = 0; k < a.sections.length; k++) {
    const x = a.sections[k];
    const y = b.sections[k];
    if (
      x.kind !== y.kind ||
      x.title !== y.title ||
      x.first + dl !== y.first ||
      x.headingLast + dl !== y.headingLast ||
      x.end + dl !== y.end
    )
      return false;
    if (
      x.heading.start + shift !== y.heading.start ||
      x.heading.end + shift !== y.heading.end ||
      x.bodyStart + shift !== y.bodyStart
    )
      return false;
  }
  return true;
}

/** Length of the common start of a and b; whole blocks are compared first, in native code. */
function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block of [65536, 4096, 256, 16]) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of a and b, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let k = 0;
  for (const block of [65536, 4096, 256, 16]) {
    while (
      k + block <= limit &&
      a.slice(a.length - k - block, a.length - k) === b.slice(b.length - k - block, b.length - k)
    )
      k += block;
  }
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}
