// A letter's outline as spans: each letter (named by its case number or first item) > its sections >
// disputed items > item parts; in a large export, letter > disputed item (see FULL_OUTLINE_UP_TO).
// The editor's outline (features/symbols.ts) and the command line's `outline` both read it.
// Item names lead with the outcome ("Upheld: Lexapro 20mg ..."), so that a narrow sidebar, the
// breadcrumbs and sticky scroll all show it even when the name is cut.
// VS Code drops the whole outline when one symbol's selectionRange is outside its range, so every
// entry goes through `entry()`, which clamps the selection into the range and the range into the
// parent's.

import { citedSourceName, outcomeName, PART_NAMES } from './displayNames';
import { isEmptyPart, partCitations } from './lazy';
import type { DisputedItem, ItemPart, Letter, LetterDocument, Span } from './model';

export type OutlineKind = 'letter' | 'section' | 'item' | 'part';

export interface OutlineEntry {
  name: string;
  /** Empty when there is nothing to add to the name. */
  detail: string;
  kind: OutlineKind;
  range: Span;
  /** Inside `range`. */
  selection: Span;
  /** Inside `range`; absent when empty. */
  children?: OutlineEntry[];
}

/**
 * Past this many disputed items (an export of hundreds of letters in one file) the outline is
 * letters and their disputed items only: no sections, reviewer credentials or item parts. Those
 * are about five symbols for every item, and so most of the time to build, send, parse and show
 * the outline, while navigation by letter and item is what such a file is outlined for; folding
 * and hovers still cover the rest. VS Code's own JSON outline stops likewise, at 5,000 symbols
 * (`json.maxItemsComputed`); 1,000 items make about 6,500 in the full outline.
 */
export const FULL_OUTLINE_UP_TO = 1000;

function clamp(span: Span, within: Span): Span {
  const start = Math.min(Math.max(span.start, within.start), within.end);
  const end = Math.min(Math.max(span.end, start), within.end);
  return { start, end };
}

function entry(
  name: string,
  detail: string,
  kind: OutlineKind,
  range: Span,
  selection: Span,
  parent: Span | undefined,
  children?: OutlineEntry[],
): OutlineEntry {
  const r = parent ? clamp(range, parent) : range;
  const out: OutlineEntry = {
    name: name.length > 0 ? name : '(unnamed)',
    detail,
    kind,
    range: r,
    selection: clamp(selection, r),
  };
  if (children && children.length > 0) out.children = children;
  return out;
}

function itemEntry(item: DisputedItem, parent: Span, full: boolean): OutlineEntry {
  const range = clamp(item.range, parent);
  const selection = item.nameRange.end > item.nameRange.start ? item.nameRange : item.decisionRange;
  const parts = full
    ? item.parts
        .filter((p) => p.range.start >= range.start && p.range.end <= range.end)
        .map((p) =>
          entry(
            PART_NAMES[p.kind],
            p.kind === 'rationale' ? conclusionDetail(item) : citationDetail(item, p),
            'part',
            p.range,
            p.labelRange,
            range,
          ),
        )
    : undefined;
  // Past FULL_OUTLINE_UP_TO items no detail: naming the reviewer's sources reads every item's
  // citations, which doubled a large export's outline.
  return entry(itemName(item), full ? itemDetail(item) : '', 'item', range, selection, parent, parts);
}

/** `Upheld: Lexapro 20mg, 1 daily for 12 months`: the outcome first, where no width cuts it off. */
export function itemName(item: DisputedItem): string {
  return `${outcomeName(item)}: ${item.name.length > 0 ? item.name : '(unnamed item)'}`;
}

/** What the reviewer based the decision on, in plain names. */
function itemDetail(item: DisputedItem): string {
  const part = item.reviewerGuideline;
  if (!part) return 'no reviewer guideline';
  return citationDetail(item, part);
}

function conclusionDetail(item: DisputedItem): string {
  switch (item.conclusion.kind) {
    case 'medically-necessary':
      return 'medically necessary';
    case 'not-medically-necessary':
      return 'not medically necessary';
    default:
      return 'no conclusion stated';
  }
}

function citationDetail(item: DisputedItem, part: ItemPart): string {
  const sources = [...new Set(partCitations(item, part).map(citedSourceName))];
  // isEmptyPart, not part.text: the parser knows whether a part is empty without folding its text.
  return sources.length > 0 ? sources.join(', ') : isEmptyPart(part) ? 'empty' : 'names no guideline';
}

function inSection(item: DisputedItem, section: Span): boolean {
  return item.range.start >= section.start && item.range.start < Math.max(section.end, section.start + 1);
}

function letterEntry(letter: Letter, full: boolean): OutlineEntry {
  let children: OutlineEntry[];
  if (!full) {
    children = letter.items.map((it) => itemEntry(it, letter.range, false));
  } else {
    children = letter.sections.map((section) => {
      const items = letter.items.filter((it) => inSection(it, section.range));
      const sectionChildren = items.map((it) => itemEntry(it, section.range, true));
      if (section.kind === 'determination' && letter.reviewer) {
        const r = letter.reviewer;
        const detail = [...r.specialties, ...r.subspecialties].join(', ');
        sectionChildren.unshift(
          entry(
            'Reviewer credentials',
            detail + (r.licensure.length ? ` \u00b7 licensed in ${r.licensure.join(', ')}` : ''),
            'part',
            r.range,
            r.range,
            section.range,
          ),
        );
      }
      const detail = section.kind === 'decisions' ? itemsDetail(items) : '';
      return entry(
        section.title.replace(/:$/, ''),
        detail,
        'section',
        section.range,
        section.heading,
        letter.range,
        sectionChildren,
      );
    });
    // Items outside any section (the professional review form keeps its issue in its own section).
    for (const it of letter.items) {
      if (!letter.sections.some((s) => inSection(it, s.range))) children.push(itemEntry(it, letter.range, true));
    }
  }
  const selection = letter.sections[0]?.heading ?? letter.range;
  return entry(letterName(letter), itemsDetail(letter.items), 'letter', letter.range, selection, undefined, children);
}

/** A letter among several: by its case number, else by its first item, else by its place in the file. */
function letterName(letter: Letter): string {
  if (letter.caseNumber) return `Case ${letter.caseNumber}`;
  const first = letter.items[0];
  if (first && first.name.length > 0) {
    const more = letter.items.length - 1;
    return more > 0 ? `${first.name} (and ${more} more)` : first.name;
  }
  return `Letter ${letter.index + 1}`;
}

/** `4 items: 3 upheld, 1 overturned`: counts of zero are left out. */
function itemsDetail(items: readonly DisputedItem[]): string {
  let upheld = 0;
  let overturned = 0;
  for (const item of items) {
    if (item.outcome.kind === 'upheld') upheld++;
    else if (item.outcome.kind === 'overturned') overturned++;
  }
  const counts = [
    [upheld, 'upheld'],
    [overturned, 'overturned'],
    [items.length - upheld - overturned, 'without a valid outcome'],
  ] as const;
  const head = `${items.length} item${items.length === 1 ? '' : 's'}`;
  const parts = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}

/** The outline with an entry for every letter, even the only one. */
export function outlineOf(doc: LetterDocument): OutlineEntry[] {
  const letters = doc.letters;
  let items = 0;
  for (const l of letters) items += l.items.length;
  const full = items <= FULL_OUTLINE_UP_TO;
  return letters.map((l) => letterEntry(l, full));
}
