// What every feature reads: the model of one document version and its line index.
// The server builds it once per version (see server.ts); features never reparse.

import type { Range } from 'vscode-languageserver';
import { checkLetter, Finding } from '../engine/check';
import { isLetter } from '../engine/detect';
import { LineIndex } from '../engine/lines';
import type { LetterDocument, Span } from '../engine/model';
import { lineStartsOf, reparseLetter } from '../engine/parse';

export interface LetterContext {
  readonly uri: string;
  readonly version: number;
  readonly model: LetterDocument;
  readonly lines: LineIndex;
  /** False for a plain-text document that is not a letter: features then answer nothing. */
  readonly isLetter: boolean;
  /** Computed on first use and kept with the version. */
  findings(): readonly Finding[];
  /**
   * An answer computed once per version: VS Code asks for the same one several times per version
   * (documentSymbol for the outline, the breadcrumbs and sticky scroll), and on a large export each
   * is costly. The answer is shared: callers must not change it.
   */
  memo<T>(key: string, compute: () => T): T;
  range(span: Span): Range;
  offsetAt(position: { line: number; character: number }): number;
}

/** `previous`: the context of the document's last version, whose letters an edit left alone are reused. */
export function createContext(
  uri: string,
  version: number,
  text: string,
  languageId: string,
  previous?: LetterContext,
): LetterContext {
  // An imr-letter document always gets features; a plain-text one only when it is a letter.
  const letter = languageId !== 'plaintext' || isLetter(text);
  const model: LetterDocument = letter
    ? reparseLetter(text, previous?.model)
    : { text, letters: [], eol: '\n', doubleSpaced: false };
  // The parser has split this very text into lines already.
  const lines = new LineIndex(text, letter ? lineStartsOf(model) : undefined);
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
  return {
    uri,
    version,
    model,
    lines,
    isLetter: letter,
    findings: () => memo('findings', () => (letter ? checkLetter(model) : [])),
    memo,
    range: (span) => ({ start: lines.positionAt(span.start), end: lines.positionAt(span.end) }),
    offsetAt: (position) => lines.offsetAt(position),
  };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
