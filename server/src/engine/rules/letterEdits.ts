// Edits that read like the letter around them: its paragraph break (double-spaced or not, its line
// ending), its own labels, whole lines and item blocks.

import type { DisputedItem, Letter, LetterDocument, PartKind, Span } from '../model';
import { partLabelAt } from '../parse';
import { PARTS } from '../vocabulary';

/** What separates two paragraphs in this letter: one blank line, or in double-spaced text a blank, a line holding a space, a blank. */
const breaks = new WeakMap<LetterDocument, string>();

export function paragraphBreak(doc: LetterDocument): string {
  const eol = doc.eol;
  if (!doc.doubleSpaced) return eol + eol;
  let found = breaks.get(doc);
  if (found === undefined) {
    // Double-spaced extraction marks a paragraph with a line holding a space; a letter without such lines uses blank lines.
    found = /(?:^|[\r\n])[ \t]+(?:\r\n|\r|\n)/.test(doc.text) ? eol + eol + ' ' + eol + eol : eol + eol + eol;
    breaks.set(doc, found);
  }
  return found;
}

/** The label the letter itself uses for a part (from another item), else the usual one. */
export function labelFor(letter: Letter, kind: PartKind): string {
  for (const item of letter.items) {
    for (const p of item.parts) {
      if (p.kind === kind && partLabelAt(p.label)?.kind === kind && /:$/.test(p.label)) return p.label;
    }
  }
  return PARTS[kind].label;
}

export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** The offset after the line break that ends the line holding `offset` (the text's end on the last line). */
function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (i < text.length && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return Math.min(text.length, i + 1);
}

/**
 * The item's block with the blank lines after it: from the start of its first line to the start of
 * the next line of text. When no text follows, the blank lines before it go instead, so that the
 * end of the file stays as it was.
 */
export function itemBlock(text: string, item: DisputedItem): Span {
  const start = lineStartOf(text, item.range.start);
  let line = nextLineStart(text, item.range.end);
  while (line < text.length) {
    const next = nextLineStart(text, line);
    if (/\S/.test(text.slice(line, next))) return { start, end: line };
    line = next;
  }
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  return before > 0 ? { start: before, end: item.range.end } : { start, end: text.length };
}
