// Folding ranges for sections, disputed items and item parts (whole lines, as editors fold).

import { FoldingRange } from 'vscode-languageserver';
import type { Span } from '../engine/model';
import type { LetterContext } from './context';

export function foldingRanges(ctx: LetterContext): FoldingRange[] {
  if (!ctx.isLetter) return [];
  const out: FoldingRange[] = [];
  const add = (span: Span) => {
    const startLine = ctx.lines.lineAt(span.start);
    const endLine = ctx.lines.lineAt(span.end);
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  for (const letter of ctx.model.letters) {
    if (ctx.model.letters.length > 1) add(letter.range);
    for (const s of letter.sections) add(s.range);
    for (const item of letter.items) {
      add(item.range);
      for (const p of item.parts) add(p.range);
    }
  }
  return out;
}
