// Building one letter's model from its split: sections, header fields, case number, layout, and
// its items (by its layout's module, layouts/).

import { LAYOUTS, layoutOf } from '../layouts';
import type { HeaderField, Letter, Section } from '../model';
import { fold } from '../text';
import { CASE_NUMBER } from '../vocabulary';
import type { LogicalLines } from './logicalLines';
import { LetterObject } from './modelObjects';
import type { RawLetter } from './splitLetters';

const HEADER_FIELD = /^([A-Z][A-Za-z0-9 .#/()'-]{1,40}?)\s*:\s*(\S.*)?$/s;

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
  const header = headerFields(lines, r);
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
    reviewerSection(lines, r),
  );
}

/** `Name: value` lines before the first section (or in the letter's first 40 lines when it has none). */
function headerFields(lines: LogicalLines, r: RawLetter): HeaderField[] {
  const end = r.sections.length > 0 ? r.sections[0].first : Math.min(r.end, r.first + 40);
  const out: HeaderField[] = [];
  for (let i = r.first; i < end; i++) {
    const line = lines.lineOf(i);
    const m = HEADER_FIELD.exec(line.t);
    if (!m || !m[2]) continue;
    const valueStart = line.contentStart + line.t.indexOf(m[2], m[1].length);
    out.push({
      name: fold(m[1]),
      value: fold(m[2]),
      range: { start: line.contentStart, end: line.contentEnd },
      valueRange: { start: valueStart, end: line.contentEnd },
    });
  }
  return out;
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
