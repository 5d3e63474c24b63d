// Building one letter's model from its split: sections, header fields, case number, layout, and
// its items (by its layout's module, layouts/).

import { LAYOUTS, layoutOf } from '../layouts';
import type { Letter, Section } from '../model';
import { CASE_NUMBER } from '../vocabulary';
import { headerFields } from './headerFields';
import type { LogicalLines } from './logicalLines';
import { LetterObject } from './modelObjects';
import type { RawLetter } from './splitLetters';

export function buildLetter(lines: LogicalLines, r: RawLetter, index: number): Letter {
  const range = lines.spanOf(r.first, r.end);
  const sections: Section[] = r.sections.map((s) => {
    const bodyEnd =
      s.end > s.headingLast + 1 ? lines.contentEnd(s.end - 1) : Math.max(s.bodyStart, lines.contentEnd(s.headingLast));
    const bodyStart = Math.min(s.bodyStart, bodyEnd);
    return {
      kind: s.kind,
      title: s.title,
      heading: s.heading,
      body: { start: bodyStart, end: bodyEnd },
      range: { start: s.heading.start, end: bodyEnd },
    };
  });
  // The lines before the first section (the letter's first 40 when it has none).
  const header = headerFields(
    lines,
    r.first,
    r.sections.length > 0 ? r.sections[0].first : Math.min(r.end, r.first + 40),
  );
  const caseNumber = r.caseNumber ?? header.find((f) => /^case/i.test(f.name))?.value ?? caseNumberIn(lines, r);
  const decisionsIndex = r.sections.findIndex((s) => s.kind === 'decisions');
  const layout = layoutOf(r);
  return new LetterObject(
    {
      index,
      layout,
      range,
      header,
      caseNumber,
      sections,
      decisions: decisionsIndex >= 0 ? sections[decisionsIndex] : undefined,
      items: LAYOUTS[layout].items(lines, r),
    },
    lines.text,
    { reviewer: reviewerSection(lines, r), summary: summaryBody(sections) },
  );
}

/** A case number written anywhere before the first section. */
function caseNumberIn(lines: LogicalLines, r: RawLetter): string | undefined {
  const end = r.sections.length > 0 ? r.sections[0].first : r.first;
  for (let i = r.first; i < end; i++) {
    const m = CASE_NUMBER.exec(lines.t(i));
    if (m) return m[0];
  }
  return undefined;
}

/** The body of the section that states the reviewer's credentials (see reviewer.ts), read when they are. */
function reviewerSection(lines: LogicalLines, r: RawLetter): { from: number; to: number } | undefined {
  const s = r.sections.find((x) => x.kind === 'determination') ?? r.sections.find((x) => x.kind === 'qualifications');
  if (!s) return undefined;
  if (s.end <= s.headingLast + 1) return { from: 0, to: 0 };
  return { from: lines.contentStart(s.headingLast + 1), to: lines.contentEnd(s.end - 1) };
}

/** The clinical case summary's body, text after its heading on the heading's line included (see patient.ts). */
function summaryBody(sections: readonly Section[]): { from: number; to: number } | undefined {
  const body = sections.find((x) => x.kind === 'summary')?.body;
  return body ? { from: body.start, to: body.end } : undefined;
}
