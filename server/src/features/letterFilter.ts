// The Letters view's filter: plain words (matched as before, in the letter's items, case number and
// file name) and terms on what the notes and the appeal window say: `#tag`, `status:done` or
// `status:"in review"`, `outcome:upheld`, `appeal:open` / `appeal:closed`. Every term must hold.

import type { LetterSummary } from '../export/summary';
import type { LetterMarks } from './letterMarks';
import { queryWords } from './itemSearch';

export interface LetterFilter {
  readonly words: readonly string[];
  readonly tags: readonly string[];
  readonly statuses: readonly string[];
  readonly outcomes: readonly string[];
  readonly appeal?: 'open' | 'closed';
  /** Whether a term needs the letter's marks (notes or appeal window). */
  readonly needsMarks: boolean;
}

/** A status or tag compared loosely: `In review`, `in-review` and `in_review` are one. */
export function foldMark(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

const TERM = /(?:^|\s)(#|status:|outcome:|appeal:)(?:"([^"]*)"|(\S+))/gi;

export function parseLetterFilter(filter: string): LetterFilter {
  const tags: string[] = [];
  const statuses: string[] = [];
  const outcomes: string[] = [];
  let appeal: LetterFilter['appeal'];
  const rest = filter.replace(TERM, (_m, kind: string, quoted: string | undefined, bare: string | undefined) => {
    const value = foldMark(quoted ?? bare ?? '');
    switch (kind.toLowerCase()) {
      case '#':
        tags.push(value.replace(/^#/, ''));
        break;
      case 'status:':
        statuses.push(value);
        break;
      case 'outcome:':
        outcomes.push(value);
        break;
      default:
        appeal = value.startsWith('c') ? 'closed' : 'open';
    }
    return ' ';
  });
  const needsMarks = tags.length > 0 || statuses.length > 0 || appeal !== undefined;
  return { words: queryWords(rest), tags, statuses, outcomes, appeal, needsMarks };
}

/** Whether the letter meets the filter's terms (its words are matched elsewhere). */
export function meetsTerms(f: LetterFilter, letter: LetterSummary, marks: LetterMarks | undefined): boolean {
  if (f.outcomes.length > 0 && !f.outcomes.every((o) => letter.items.some((i) => i.outcome === o))) return false;
  if (!f.needsMarks) return true;
  if (!marks) return false;
  const tags = marks.tags.map(foldMark);
  if (!f.tags.every((t) => tags.includes(t))) return false;
  const status = marks.status === undefined ? undefined : foldMark(marks.status);
  if (!f.statuses.every((s) => s === status)) return false;
  if (f.appeal === 'open' && !marks.appeal?.open) return false;
  if (f.appeal === 'closed' && (marks.appeal === undefined || marks.appeal.open)) return false;
  return true;
}
