// From a file's text to its summary, through the engine's public functions only.

import { checkLetter } from '../engine/check';
import { LineIndex } from '../engine/lines';
import { lineStartsOf, parseLetter } from '../engine/parse';
import type { Span } from '../engine/model';
import { isLetterFile } from '../files/fileKinds';
import { FileSummary, NOT_A_LETTER, Place, summarize } from './summary';

export function placeIn(lines: LineIndex): (span: Span) => Place {
  return (span) => {
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    return [s.line, s.character, e.line, e.character];
  };
}

export function summarizeText(pathOrUri: string, text: string): FileSummary {
  if (!isLetterFile(pathOrUri, text)) return NOT_A_LETTER;
  const model = parseLetter(text);
  return summarize(model, checkLetter(model), placeIn(new LineIndex(text, lineStartsOf(model))));
}
