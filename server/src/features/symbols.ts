// Outline: letter > section > disputed item > item parts.
// VS Code drops the whole outline when one symbol's selectionRange is outside its range, so every
// symbol goes through `symbol()`, which clamps the selection into the range and the range into
// the parent's.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { DisputedItem, ItemPart, Letter, Span } from '../engine/model';
import type { LetterContext } from './context';

const PART_NAMES: Record<ItemPart['kind'], string> = {
  'claims-administrator-guideline': 'Claims Administrator guideline',
  'reviewer-guideline': 'Reviewer guideline',
  rationale: 'Decision rationale',
};

function clamp(span: Span, within: Span): Span {
  const start = Math.min(Math.max(span.start, within.start), within.end);
  const end = Math.min(Math.max(span.end, start), within.end);
  return { start, end };
}

function symbol(ctx: LetterContext, name: string, detail: string, kind: SymbolKind, range: Span, selection: Span, parent: Span | undefined, children?: DocumentSymbol[]): DocumentSymbol {
  const r = parent ? clamp(range, parent) : range;
  const s = clamp(selection, r);
  return {
    name: name.length > 0 ? name : '(unnamed)',
    detail,
    kind,
    range: ctx.range(r),
    selectionRange: ctx.range(s),
    children,
  };
}

export function outcomeLabel(item: DisputedItem): string {
  switch (item.outcome.kind) {
    case 'upheld':
      return 'Upheld';
    case 'overturned':
      return 'Overturned';
    case 'missing':
      return 'no outcome';
    default:
      return `unknown outcome "${item.outcome.raw}"`;
  }
}

/**
 * Past this many disputed items (an export of hundreds of letters in one file) the outline leaves
 * out each item's parts: they triple the symbols, and so the time to build, send and show the
 * outline, while items stay one click away. Folding and hovers still cover the parts.
 */
export const PARTS_IN_OUTLINE_UP_TO = 1000;

function itemSymbol(ctx: LetterContext, item: DisputedItem, parent: Span, withParts: boolean): DocumentSymbol {
  const range = clamp(item.range, parent);
  const selection = item.nameRange.end > item.nameRange.start ? item.nameRange : item.decisionRange;
  const parts = (withParts ? item.parts : [])
    .filter((p) => p.range.start >= range.start && p.range.end <= range.end)
    .map((p) => symbol(ctx, PART_NAMES[p.kind], p.kind === 'rationale' ? conclusionDetail(item) : citationDetail(item, p), SymbolKind.Field, p.range, p.labelRange, range));
  return symbol(ctx, item.name, outcomeLabel(item), SymbolKind.Event, range, selection, parent, parts);
}

function conclusionDetail(item: DisputedItem): string {
  switch (item.conclusion.kind) {
    case 'medically-necessary':
      return 'concludes: medically necessary';
    case 'not-medically-necessary':
      return 'concludes: not medically necessary';
    default:
      return 'no conclusion stated';
  }
}

function citationDetail(item: DisputedItem, part: ItemPart): string {
  const sources = [...new Set(item.citations.filter((c) => c.part === part.kind && c.range.start >= part.range.start && c.range.end <= part.range.end).map((c) => c.document ?? c.source))];
  return sources.length > 0 ? sources.join(', ') : part.text.length > 0 ? 'no source named' : 'empty';
}

function letterSymbol(ctx: LetterContext, letter: Letter, total: number, withParts: boolean): DocumentSymbol {
  const sections = letter.sections.map((section) => {
    const items = letter.items.filter((it) => it.range.start >= section.range.start && it.range.start < Math.max(section.range.end, section.range.start + 1));
    const children = items.map((it) => itemSymbol(ctx, it, section.range, withParts));
    if (section.kind === 'determination' && letter.reviewer) {
      const r = letter.reviewer;
      const detail = [...r.specialties, ...r.subspecialties].join(', ');
      children.unshift(symbol(ctx, 'Reviewer credentials', detail + (r.licensure.length ? ` \u00b7 licensed in ${r.licensure.join(', ')}` : ''), SymbolKind.Property, r.range, r.range, section.range));
    }
    const detail = section.kind === 'decisions' ? `${items.length} item${items.length === 1 ? '' : 's'}` : '';
    return symbol(ctx, section.title.replace(/:$/, ''), detail, SymbolKind.Namespace, section.range, section.heading, letter.range, children);
  });
  // Items outside any section (the professional review form keeps its issue in its own section).
  for (const it of letter.items) {
    if (!letter.sections.some((s) => it.range.start >= s.range.start && it.range.start < Math.max(s.range.end, s.range.start + 1))) {
      sections.push(itemSymbol(ctx, it, letter.range, withParts));
    }
  }
  const name = total > 1 ? `Letter ${letter.index + 1}` : 'IMR letter';
  const detail = [letter.caseNumber, `${letter.items.length} item${letter.items.length === 1 ? '' : 's'}`].filter(Boolean).join(' \u00b7 ');
  const selection = letter.sections[0]?.heading ?? letter.range;
  return symbol(ctx, name, detail, SymbolKind.Module, letter.range, selection, undefined, sections);
}

/** The outline of the context's version, computed once for it (the answer is shared: do not change it). */
export function documentSymbols(ctx: LetterContext): DocumentSymbol[] {
  if (!ctx.isLetter) return [];
  return ctx.memo('documentSymbols', () => {
    const letters = ctx.model.letters;
    let items = 0;
    for (const l of letters) items += l.items.length;
    const withParts = items <= PARTS_IN_OUTLINE_UP_TO;
    return letters.map((l) => letterSymbol(ctx, l, letters.length, withParts));
  });
}
