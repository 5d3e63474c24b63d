// The 2013 notice (`Notice of Independent Medical Review Determination`): numbered decision
// sentences first, `1) MAXIMUS Federal Services, Inc. has determined the request for X is not
// medically necessary ...`, then a discussion of each, `1) Regarding the request for X:`, with the
// labelled parts of decision lines. An item is its sentence and its discussion, matched by number.

import type { DisputedItem, Outcome, Span } from '../model';
import type { LogicalLines } from '../parser/logicalLines';
import { citationsOf, ItemObject } from '../parser/modelObjects';
import type { RawLetter } from '../parser/splitLetters';
import { fold, straighten } from '../fold';
import { JoinedText } from '../joinedText';
import { withoutTrailingColon } from '../trim';
import { decisionItems } from './decisionLines';

const REGARDING = /^(\d+)\s*[).]\s*Regarding\s+the\s+request\s+for\s+/i;

export function noticeItems(lines: LogicalLines, letter: RawLetter): DisputedItem[] {
  const s = letter.sections.find((x) => x.kind === 'decisions');
  if (!s) return [];
  const joined = JoinedText.of(lines.linesOf(s.headingLast + 1, s.end));
  const text = straighten(joined.text);
  // `not` may be glued to the next word (`is notmedically necessary`, as a web tool extracted a
  // real notice): still "not", so still Upheld; the outcome must never flip.
  // The name is bounded: unbounded, a sentence that never says "medically necessary" made each
  // sentence before it scan to the end of the section (quadratic).
  const re =
    /(?:^|\s)(\d+)\s*[).]\s*MAXIMUS\s+Federal\s+Services,?\s+Inc\.?,?\s+has\s+determined\s+(?:that\s+)?the\s+request\s+for\s+(.{1,600}?)\s+((?:is|was)\s+(not\s*)?medically\s+necessary(?:\s+and\s+appropriate)?)/gis;
  const decided = new Map<string, { name: Span; outcome: Outcome; sentence: Span }>();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const numberAt = m.index + m[0].indexOf(m[1]);
    const nameAt = m.index + m[0].indexOf(m[2], m[0].indexOf('request'));
    const phraseAt =
      nameAt + m[2].length + m[0].slice(m[0].indexOf(m[2], m[0].indexOf('request')) + m[2].length).indexOf(m[3]);
    const phraseSpan = joined.span(phraseAt, phraseAt + m[3].length);
    decided.set(m[1], {
      name: joined.span(nameAt, nameAt + m[2].length),
      outcome: { kind: m[4] ? 'upheld' : 'overturned', raw: fold(m[3]), range: phraseSpan },
      sentence: joined.span(numberAt, phraseAt + m[3].length),
    });
  }
  // The discussion of each item: `1) Regarding the request for X:` followed by the labelled parts.
  const blocks = new Map<string, DisputedItem>();
  let blockStart = -1;
  let blockNumber = '';
  const flush = (end: number) => {
    if (blockStart < 0) return;
    const headLine = lines.lineOf(blockStart);
    const m = REGARDING.exec(headLine.t)!;
    const nameStart = headLine.contentStart + m[0].length;
    const nameEnd = headLine.contentStart + withoutTrailingColon(headLine.t, true).length;
    const items = decisionItems(lines, blockStart + 1, end);
    const merged = items.length > 0 ? items[0] : undefined;
    const nameRange = { start: Math.min(nameStart, nameEnd), end: nameEnd };
    const decision = decided.get(blockNumber);
    const parts = items.flatMap((x) => x.parts);
    const range = {
      start: headLine.contentStart,
      end: Math.max(headLine.contentEnd, parts.length > 0 ? parts[parts.length - 1].range.end : headLine.contentEnd),
    };
    const rationale = parts.find((p) => p.kind === 'rationale');
    const block = new ItemObject(
      {
        name: fold(lines.text.slice(nameRange.start, nameRange.end)),
        nameRange,
        decisionRange: decision?.sentence ?? { start: headLine.contentStart, end: headLine.contentEnd },
        outcome: decision?.outcome ?? {
          kind: 'missing',
          raw: '',
          range: { start: nameRange.end, end: nameRange.end },
        },
        claimsAdministratorGuideline: parts.find((p) => p.kind === 'claims-administrator-guideline'),
        reviewerGuideline: parts.find((p) => p.kind === 'reviewer-guideline'),
        rationale,
        parts,
        conclusion: merged?.conclusion ?? { kind: 'not-stated' },
        range,
      },
      citationsOf(items),
    );
    blocks.set(blockNumber, block);
    blockStart = -1;
  };
  for (let i = s.headingLast + 1; i < s.end; i++) {
    const m = REGARDING.exec(lines.t(i));
    if (!m) continue;
    flush(i);
    blockStart = i;
    blockNumber = m[1];
  }
  flush(s.end);
  const items: DisputedItem[] = [];
  for (const [n, d] of decided) {
    const block = blocks.get(n);
    if (block) {
      items.push(block);
      blocks.delete(n);
    } else {
      items.push({
        name: fold(lines.text.slice(d.name.start, d.name.end)),
        nameRange: d.name,
        decisionRange: d.sentence,
        outcome: d.outcome,
        parts: [],
        citations: [],
        conclusion: {
          kind: d.outcome.kind === 'upheld' ? 'not-medically-necessary' : 'medically-necessary',
          range: d.outcome.range,
        },
        range: d.sentence,
      });
    }
  }
  items.push(...blocks.values());
  return items.sort((a, b) => a.decisionRange.start - b.decisionRange.start);
}
