// Outline: letter > section > disputed item > item parts; in a large export, letter > disputed item
// (see FULL_OUTLINE_UP_TO).
// VS Code drops the whole outline when one symbol's selectionRange is outside its range, so every
// symbol goes through `symbol()`, which clamps the selection into the range and the range into
// the parent's.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { isEmptyPart } from '../engine/lazy';
import type { DisputedItem, ItemPart, Letter, Span } from '../engine/model';
import type { LetterContext } from './context';

const PART_NAMES: Record<ItemPart['kind'], string> = {
  'claims-administrator-guideline': 'Claims Administrator guideline',
  'reviewer-guideline': 'Reviewer guideline',
  rationale: 'Decision rationale',
};

/**
 * Past this many disputed items (an export of hundreds of letters in one file) the outline is
 * letters and their disputed items only: no sections, reviewer credentials or item parts. Those
 * are about five symbols for every item (on the 4,584 items of a 10 MB export, 29,796 symbols and
 * 7.6 MB of JSON against 6,876 and 1.8 MB without them), and so most of the time to build, send,
 * parse and show the outline, while navigation by letter and item is what such a file is outlined
 * for; folding and hovers still cover the rest. VS Code's own JSON outline stops likewise, at 5,000
 * symbols (`json.maxItemsComputed`); 1,000 items make about 6,500 in the full outline.
 */
export const FULL_OUTLINE_UP_TO = 1000;

function clamp(span: Span, within: Span): Span {
  const start = Math.min(Math.max(span.start, within.start), within.end);
  const end = Math.min(Math.max(span.end, start), within.end);
  return { start, end };
}

/** `detail` and `children` are optional in LSP: left out when empty, they cost nothing to send. */
function symbol(
  ctx: LetterContext,
  name: string,
  detail: string,
  kind: SymbolKind,
  range: Span,
  selection: Span,
  parent: Span | undefined,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const r = parent ? clamp(range, parent) : range;
  const s = clamp(selection, r);
  const out: DocumentSymbol = {
    name: name.length > 0 ? name : '(unnamed)',
    kind,
    range: ctx.range(r),
    selectionRange: ctx.range(s),
  };
  if (detail.length > 0) out.detail = detail;
  if (children && children.length > 0) out.children = children;
  return out;
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

function itemSymbol(ctx: LetterContext, item: DisputedItem, parent: Span, full: boolean): DocumentSymbol {
  const range = clamp(item.range, parent);
  const selection = item.nameRange.end > item.nameRange.start ? item.nameRange : item.decisionRange;
  const parts = full
    ? item.parts
        .filter((p) => p.range.start >= range.start && p.range.end <= range.end)
        .map((p) =>
          symbol(
            ctx,
            PART_NAMES[p.kind],
            p.kind === 'rationale' ? conclusionDetail(item) : citationDetail(item, p),
            SymbolKind.Field,
            p.range,
            p.labelRange,
            range,
          ),
        )
    : undefined;
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
  const sources = [
    ...new Set(
      item.citations
        .filter((c) => c.part === part.kind && c.range.start >= part.range.start && c.range.end <= part.range.end)
        .map((c) => c.document ?? c.source),
    ),
  ];
  // isEmptyPart, not part.text: the parser knows whether a part is empty without folding its text.
  return sources.length > 0 ? sources.join(', ') : isEmptyPart(part) ? 'empty' : 'no source named';
}

function inSection(item: DisputedItem, section: Span): boolean {
  return item.range.start >= section.start && item.range.start < Math.max(section.end, section.start + 1);
}

function letterSymbol(ctx: LetterContext, letter: Letter, total: number, full: boolean): DocumentSymbol {
  let children: DocumentSymbol[];
  if (!full) {
    children = letter.items.map((it) => itemSymbol(ctx, it, letter.range, false));
  } else {
    children = letter.sections.map((section) => {
      const items = letter.items.filter((it) => inSection(it, section.range));
      const sectionChildren = items.map((it) => itemSymbol(ctx, it, section.range, true));
      if (section.kind === 'determination' && letter.reviewer) {
        const r = letter.reviewer;
        const detail = [...r.specialties, ...r.subspecialties].join(', ');
        sectionChildren.unshift(
          symbol(
            ctx,
            'Reviewer credentials',
            detail + (r.licensure.length ? ` \u00b7 licensed in ${r.licensure.join(', ')}` : ''),
            SymbolKind.Property,
            r.range,
            r.range,
            section.range,
          ),
        );
      }
      const detail = section.kind === 'decisions' ? `${items.length} item${items.length === 1 ? '' : 's'}` : '';
      return symbol(
        ctx,
        section.title.replace(/:$/, ''),
        detail,
        SymbolKind.Namespace,
        section.range,
        section.heading,
        letter.range,
        sectionChildren,
      );
    });
    // Items outside any section (the professional review form keeps its issue in its own section).
    for (const it of letter.items) {
      if (!letter.sections.some((s) => inSection(it, s.range))) children.push(itemSymbol(ctx, it, letter.range, true));
    }
  }
  const name = total > 1 ? `Letter ${letter.index + 1}` : 'IMR letter';
  const detail = [letter.caseNumber, `${letter.items.length} item${letter.items.length === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' \u00b7 ');
  const selection = letter.sections[0]?.heading ?? letter.range;
  return symbol(ctx, name, detail, SymbolKind.Module, letter.range, selection, undefined, children);
}

/** The outline of the context's version, computed once for it (the answer is shared: do not change it). */
export function documentSymbols(ctx: LetterContext): DocumentSymbol[] {
  if (!ctx.isLetter) return [];
  return ctx.memo('documentSymbols', () => {
    const letters = ctx.model.letters;
    let items = 0;
    for (const l of letters) items += l.items.length;
    const full = items <= FULL_OUTLINE_UP_TO;
    return letters.map((l) => letterSymbol(ctx, l, letters.length, full));
  });
}
