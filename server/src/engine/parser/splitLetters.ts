// Splitting a text into letters and their sections: one pass over the logical lines, looking only
// at lines that may be a heading or a marker (recognize.ts SPLIT_PREFIXES).

import type { Layout, SectionKind, Span } from '../model';
import { CASE_NUMBER_FIELD, LETTERHEAD, NOTICE_2013, PROFESSIONAL_REVIEW } from '../vocabulary';
import type { LogicalLines } from './logicalLines';
import { SPLIT_PREFIXES } from './recognize';

export interface RawSection {
  kind: SectionKind;
  title: string;
  /** Logical-line index of the heading's first line. */
  first: number;
  /** Logical-line index of the heading's last line (a wrapped heading spans two). */
  headingLast: number;
  heading: Span;
  /** Where the body begins: after the heading (and its colon) on its last line. */
  bodyStart: number;
  /** Logical-line index after the section's last line. */
  end: number;
}

export interface RawLetter {
  /** Logical-line index of the letter's first line. */
  first: number;
  /** Logical-line index after its last line. */
  end: number;
  /** The layout its markers tell (layouts/index.ts layoutOf decides). */
  layoutHint?: Layout;
  sections: RawSection[];
  caseNumber?: string;
}

export function splitLetters(lines: LogicalLines): RawLetter[] {
  const letters: RawLetter[] = [];
  let current: RawLetter | undefined;
  const seen = new Set<SectionKind>();
  const open = (i: number, hint?: Layout): RawLetter => {
    if (current) current.end = i;
    current = { first: i, end: lines.length, layoutHint: hint, sections: [] };
    letters.push(current);
    seen.clear();
    return current;
  };
  for (let i = 0; i < lines.length; i++) {
    if (!SPLIT_PREFIXES.has(lines.prefix(i))) continue;
    const t = lines.t(i);
    // The markers below start with c, m or n (any case): test their first letter before the regexes
    // (the 2013 notice's title may follow the letterhead on its line: m or n).
    const c0 = t.charCodeAt(0) | 32;
    const caseField = c0 === 99 ? CASE_NUMBER_FIELD.exec(t) : null;
    if (caseField) {
      const value = caseField[1]?.trim();
      // A case number repeated at the top of each page is a page header, not a new letter.
      if (!current || (seen.size > 0 && current.caseNumber !== value)) open(i, 'case-header');
      if (current && current.caseNumber === undefined) current.caseNumber = value;
      continue;
    }
    if (c0 === 109 && (LETTERHEAD.test(t) || PROFESSIONAL_REVIEW.test(t))) {
      const hint: Layout = PROFESSIONAL_REVIEW.test(t) ? 'professional-review' : 'letterhead';
      if (!current || seen.size > 0) open(i, hint);
      else if (current.layoutHint === undefined || current.layoutHint === 'case-header')
        current.layoutHint = current.layoutHint ?? hint;
      continue;
    }
    if ((c0 === 110 || c0 === 109) && NOTICE_2013.test(t)) {
      if (!current || seen.size > 0) open(i, 'notice-2013');
      else current.layoutHint = 'notice-2013';
      continue;
    }
    const h = lines.headingAt(i, t);
    if (!h) continue;
    const kind = h.spec.kind;
    // A heading the current letter already has, or the opening heading after its decisions, begins the next letter.
    if (!current || seen.has(kind) || (kind === 'determination' && seen.has('decisions'))) open(i);
    seen.add(kind);
    const letter = current!;
    const prev = letter.sections[letter.sections.length - 1];
    if (prev) prev.end = i;
    letter.sections.push({
      kind,
      title: h.title,
      first: i,
      headingLast: h.last,
      heading: { start: lines.contentStart(i), end: Math.min(h.headingEnd, lines.contentEnd(h.last)) },
      bodyStart: h.headingEnd,
      end: lines.length,
    });
    i = h.last;
  }
  for (const letter of letters) {
    const last = letter.sections[letter.sections.length - 1];
    if (last) last.end = letter.end;
  }
  return letters;
}
