// The parser's driver: a text's logical lines, split into letters, each letter built (or reused
// from the previous model after an edit). parse.ts is the public face; memory.ts builds its
// sample with this.

import { isLetter } from '../detect';
import type { Letter, LetterDocument } from '../model';
import { buildLetter } from './buildLetter';
import { detectEol, LogicalLines } from './logicalLines';
import { DocumentObject } from './modelObjects';
import { LetterRegion, reuserFor } from './reparse';
import { RawLetter, splitLetters } from './splitLetters';

/**
 * The model of `text`; with `previous`, letters the edit left alone are reused (see reparseLetter).
 * Without `lines`, the parse reads its lines from arrays lent to it until it returns (engine/memory.ts, 2).
 */
export function parseText(text: string, previous?: LetterDocument, lines?: LogicalLines): LetterDocument {
  if (lines) return parseLines(text, previous, lines);
  const lent = new LogicalLines(text, true);
  try {
    return parseLines(text, previous, lent);
  } finally {
    lent.release();
  }
}

function parseLines(text: string, previous: LetterDocument | undefined, lines: LogicalLines): LetterDocument {
  const raw = splitLetters(lines);
  // A text isLetter takes for a letter is one, even when no heading or marker opens it (a marker
  // mangled by extraction): one letter of the whole text, so that it is counted and reported
  // (no-disputed-items), never silently dropped.
  if (raw.length === 0 && lines.length > 0 && isLetter(text)) raw.push({ first: 0, end: lines.length, sections: [] });
  const reuse = previous ? reuserFor(previous, text, lines.doubleSpaced) : undefined;
  const letters: Letter[] = [];
  const regions: LetterRegion[] = [];
  let reused = false;
  for (const r of raw) {
    const { from, to } = regionOf(lines, r);
    const kept = reuse?.find(r, from, to, letters.length);
    if (kept) reused = true;
    const letter = kept ?? buildLetter(lines, r, letters.length);
    letters.push(letter);
    regions.push({ raw: r, from, to, letter, source: kept ? reuse!.base : text });
  }
  return new DocumentObject(text, letters, detectEol(text), lines.doubleSpaced, {
    regions,
    doubleSpaced: lines.doubleSpaced,
    base: reused ? reuse!.base : text,
    lineStarts: lines.lineStarts,
  });
}

/**
 * The text a letter's model is built from: buildLetter reads the letter's logical lines, the
 * blank and noise lines before its first one (they make its paragraph breaks), the first line of
 * the next letter, and the end of the text after the last letter, nothing else.
 */
function regionOf(lines: LogicalLines, r: RawLetter): { from: number; to: number } {
  const from = r.first === 0 ? 0 : lines.lineStarts[lines.logical[r.first - 1] + 1];
  const to = r.end < lines.length ? lines.lines.end[lines.logical[r.end]] : lines.text.length;
  return { from, to };
}

/** The line starts (computeLineStarts) of the text a model was parsed from, so that a LineIndex need not compute them again. */
export function lineStartsOf(doc: LetterDocument): ArrayLike<number> | undefined {
  return doc instanceof DocumentObject ? doc.reuse.lineStarts : undefined;
}
