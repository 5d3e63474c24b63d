// The professional review form (`MEDICAL PROFESSIONAL REVIEW`): one issue (`ISSUE AT DISPUTE:`),
// a guidelines section and a rationale section in place of labelled parts, and no outcome word:
// the outcome is the rationale's conclusion.

import { guidelineCitations, mentionedCitations } from '../citations';
import type { Citation, Conclusion, DisputedItem, ItemPart, Outcome, PartKind } from '../model';
import { conclusionIn } from '../parser/conclusions';
import type { LogicalLines } from '../parser/logicalLines';
import type { RawLetter } from '../parser/splitLetters';
import { fold } from '../fold';
import { JoinedText } from '../joinedText';
import { trimEndWhere } from '../trim';
import { isWhite } from '../whiteSpace';

export function professionalReviewItems(lines: LogicalLines, r: RawLetter): DisputedItem[] {
  const text = lines.text;
  const issue = r.sections.find((s) => s.kind === 'issue');
  if (!issue) return [];
  const issueLines = lines.linesOf(issue.headingLast + 1, issue.end);
  const headLine = lines.lineOf(issue.headingLast);
  const bodyLines = headLine.contentEnd > issue.bodyStart ? [headLine, ...issueLines] : issueLines;
  const joined = JoinedText.of(bodyLines, issue.bodyStart);
  // The s flag: without it a U+2028 in the issue made this match fail and the parse throw.
  const firstSentence = /^.*?(?:\.(?=\s|$)|$)/s.exec(joined.text)![0];
  const nameRange = joined.span(0, trimEndWhere(firstSentence, (ch) => ch === '.' || isWhite(ch)).length);
  const parts: ItemPart[] = [];
  const citations: Citation[] = [];
  let conclusion: Conclusion = { kind: 'not-stated' };
  for (const s of r.sections) {
    if (s.kind !== 'guidelines' && s.kind !== 'rationale') continue;
    const kind: PartKind = s.kind === 'guidelines' ? 'reviewer-guideline' : 'rationale';
    const j = JoinedText.of(lines.linesOf(s.headingLast, s.end), s.bodyStart);
    const bodyEnd = s.end > s.headingLast + 1 ? lines.contentEnd(s.end - 1) : lines.contentEnd(s.headingLast);
    parts.push({
      kind,
      label: s.title,
      labelRange: s.heading,
      text: fold(j.text),
      body: { start: Math.min(s.bodyStart, bodyEnd), end: bodyEnd },
      range: { start: s.heading.start, end: bodyEnd },
    });
    if (kind === 'rationale') {
      citations.push(...mentionedCitations(j, kind));
      conclusion = conclusionIn(j);
    } else {
      const found = guidelineCitations(j, kind);
      citations.push(...(found.length > 0 ? found : mentionedCitations(j, kind)));
    }
  }
  const outcome: Outcome =
    conclusion.kind === 'not-medically-necessary'
      ? {
          kind: 'upheld',
          raw: text.slice(conclusion.range!.start, conclusion.range!.end),
          range: conclusion.range!,
        }
      : conclusion.kind === 'medically-necessary'
        ? {
            kind: 'overturned',
            raw: text.slice(conclusion.range!.start, conclusion.range!.end),
            range: conclusion.range!,
          }
        : { kind: 'missing', raw: '', range: { start: nameRange.end, end: nameRange.end } };
  const issueEnd = issue.end > issue.headingLast + 1 ? lines.contentEnd(issue.end - 1) : headLine.contentEnd;
  return [
    {
      name: fold(text.slice(nameRange.start, nameRange.end)),
      nameRange,
      decisionRange: { start: nameRange.start, end: Math.max(nameRange.end, nameRange.start) },
      outcome,
      reviewerGuideline: parts.find((p) => p.kind === 'reviewer-guideline'),
      rationale: parts.find((p) => p.kind === 'rationale'),
      parts,
      citations,
      conclusion,
      range: { start: Math.min(nameRange.start, issue.heading.start), end: Math.max(issueEnd, nameRange.end) },
    },
  ];
}
