// parseLetter: from the text of a file to the model of the letters in it.
//
// The parser is driven by what it finds, never by fixed offsets: PDF extraction leaves a blank line
// after every line (or none), page footers in mid-paragraph, CRLF, curly quotes, wrapped decision
// lines. The stages, each in parser/:
//   logicalLines.ts  the lines that are neither blank nor page noise, and the paragraph breaks;
//   splitLetters.ts  letters and their sections, from headings and markers;
//   buildLetter.ts   each letter's model; its items by its layout's module (layouts/);
//   reparse.ts       after an edit, the letters it did not reach are reused;
//   parseText.ts     the driver that runs them.
// One pass over the lines, then one pass per letter; nothing is quadratic in the number of lines.

import type { LetterDocument } from './model';
import { parseText } from './parser/parseText';
import { keepModelShapes } from './memory';

export { lineStartsOf } from './parser/parseText';
export { keepModelShapes };
// What other modules read of the parser's stages, at the address they have always read it from.
export { headingAt, partLabelAt } from './parser/recognize';
export { conclusionIn } from './parser/conclusions';

export function parseLetter(text: string): LetterDocument {
  const doc = parseText(text);
  keepModelShapes();
  return doc;
}

/**
 * The same model as parseLetter(text), sooner after a small edit: `previous` is the model of the
 * text before the edit (from parseLetter or reparseLetter), and every letter the edit did not
 * reach is taken from it, its offsets moved, instead of being built again. Lines are still split
 * and letters found over the whole text; only building the letters' models is saved.
 */
export function reparseLetter(text: string, previous: LetterDocument | undefined): LetterDocument {
  const doc = parseText(text, previous);
  keepModelShapes();
  return doc;
}
