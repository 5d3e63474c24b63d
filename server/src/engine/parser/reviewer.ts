// The reviewer's credentials: specialties, subspecialties and states of licensure, from a
// credentials block or from the sentence that states them.

import type { ReviewerCredentials, Span } from '../model';
import { fold, straighten } from '../fold';
import { JoinedText } from '../joinedText';
import { logicalLinesIn } from '../rangeLines';
import { trimEndWhere } from '../trim';

const LICENSURE_LINE = /^State\s*\(s\)\s+of\s+Licensure\s*:\s*(.*)$/i;
// `fi` may be the ligature U+FB01, as pdftotext keeps it (`Certi\ufb01cation`).
const SPECIALTY_LINE = /^Certi(?:fi|\ufb01)cation\s*\(s\)\s*\/\s*Specialty\s*:\s*(.*)$/i;

/**
 * The reviewer's credentials in a section's body, [from, to) of the text (empty when the section
 * has no body): a credentials block or the sentence that states them.
 */
export function reviewerIn(text: string, from: number, to: number): ReviewerCredentials | undefined {
  const specialties: string[] = [];
  const subspecialties: string[] = [];
  const licensure: string[] = [];
  let start = Infinity;
  let end = -1;
  const cover = (sp: Span) => {
    start = Math.min(start, sp.start);
    end = Math.max(end, sp.end);
  };
  const split = (v: string) =>
    fold(v)
      .split(/\s*,\s*|\s+and\s+(?=[A-Z])/)
      .map((x) => trimEndWhere(x.replace(/^and\s+/i, ''), (ch) => ch === '.' || ch === ';').trim())
      .filter((x) => x.length > 0);
  // A credentials block: `State(s) of Licensure: ...` and `Certification(s)/Specialty: ...`.
  const lines = logicalLinesIn(text, from, to);
  for (const line of lines) {
    // Most of the section is prose: a line is tried only when its first letter begins a label.
    const first = line.t.charCodeAt(0) | 0x20;
    const lic = first === 0x73 ? LICENSURE_LINE.exec(line.t) : null;
    const spec = first === 0x63 ? SPECIALTY_LINE.exec(line.t) : null;
    if (lic) {
      licensure.push(...split(lic[1]));
      // The whole line, indentation included (as the model always gave it).
      cover(line);
    } else if (spec) {
      specialties.push(...split(spec[1]));
      cover({ start: line.contentStart, end: line.contentEnd });
    }
  }
  // The prose: `The expert reviewer is Board Certified in X, has a subspecialty in Y and is licensed to practice in Z.`
  const joined = JoinedText.of(lines);
  const prose = straighten(joined.text);
  const board = /Board\s+Certi(?:fi|\ufb01)ed\s+in\s+(.+?)(?=,|\s+and\s+is\s+licensed|\.\s)/i.exec(prose);
  if (board) {
    specialties.push(...split(board[1]));
    cover(joined.span(board.index, board.index + board[0].length));
  }
  const sub = /sub-?\s*specialty\s+in\s+(.+?)(?=,|\s+and\s+is\s+licensed|\.\s)/i.exec(prose);
  if (sub) {
    subspecialties.push(...split(sub[1]));
    cover(joined.span(sub.index, sub.index + sub[0].length));
  }
  const lic = /licensed\s+to\s+practice\s+in\s+(.+?)\./i.exec(prose);
  if (lic) {
    licensure.push(...split(lic[1]));
    cover(joined.span(lic.index, lic.index + lic[0].length));
  }
  if (end < 0) return undefined;
  return { specialties, subspecialties, licensure, range: { start, end } };
}
