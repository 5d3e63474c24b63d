// Format Document and Format Selection: the engine's formatter (engine/format.ts) as LSP text
// edits, small ones (a gap between two lines each), never one whole-document replacement.

import type { Range, TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../engine/format';
import type { LetterContext } from './context';

export function formatDocument(ctx: LetterContext): TextEdit[] {
  if (!ctx.isLetter) return [];
  return formatEdits(ctx.model.text, undefined, ctx.model).map((e) => ({
    range: ctx.range(e.range),
    newText: e.newText,
  }));
}

export function formatRange(ctx: LetterContext, range: Range): TextEdit[] {
  if (!ctx.isLetter) return [];
  const span = { start: ctx.offsetAt(range.start), end: ctx.offsetAt(range.end) };
  return formatEdits(ctx.model.text, span, ctx.model).map((e) => ({ range: ctx.range(e.range), newText: e.newText }));
}
