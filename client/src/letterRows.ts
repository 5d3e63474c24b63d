// What each row of the Letters view says and which id it has. Pure: no vscode import, so the unit
// tests run it without an editor. A row's label and description fit the side bar's default width
// (numbers first, short words); everything else goes into its tooltip.

import { OUTCOME_LABELS } from '../../server/src/engine/vocabulary';
import type {
  LetterGroup,
  LetterGrouping,
  LetterListEntry,
  LetterListItem,
  LetterTotals,
} from '../../server/src/protocol';

export interface RowText {
  label: string;
  description?: string;
  tooltip: string;
}

const DOT = ' \u00b7 ';

export function count(n: number, word: string, plural = word + 's'): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;
}

function joined(parts: ReadonlyArray<string | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(DOT);
}

export function outcomeWord(outcome: string): string {
  return (OUTCOME_LABELS as Readonly<Record<string, string>>)[outcome] ?? outcome;
}

/** The top row: the outcomes, then how many letters and items they come from. */
export function summaryRow(t: LetterTotals): RowText {
  const indexing = t.indexing ? (t.pending > 0 ? `indexing, ${count(t.pending, 'file')} to go` : 'indexing') : '';
  const label = `${t.upheld.toLocaleString('en-US')} upheld${DOT}${t.overturned.toLocaleString('en-US')} overturned`;
  const description = joined([indexing || `of ${count(t.items, 'item')}`]);
  const tooltip = [
    `${count(t.letters, 'letter')}, ${count(t.items, 'disputed item')}`,
    `${t.upheld.toLocaleString('en-US')} upheld, ${t.overturned.toLocaleString('en-US')} overturned` +
      (t.items - t.upheld - t.overturned > 0
        ? `, ${(t.items - t.upheld - t.overturned).toLocaleString('en-US')} with an unclear outcome`
        : ''),
    `${count(t.lettersWithProblems, 'letter')} with problems`,
    indexing,
  ]
    .filter((s) => s !== '')
    .join('\n');
  return { label, description, tooltip };
}

export function groupRow(g: LetterGroup): RowText {
  const description = joined([
    count(g.letters, 'letter'),
    g.lettersWithProblems > 0 && `${g.lettersWithProblems.toLocaleString('en-US')} with problems`,
  ]);
  return { label: g.label, description, tooltip: `${g.label}\n${description.replace(DOT, ', ')}` };
}

/** A letter: its case number (or file name), its item count and problems; the file and outcomes in the tooltip. */
export function letterRow(l: LetterListEntry): RowText {
  const label = l.caseNumber ?? l.fileName + (l.letterIndex > 0 ? ` (letter ${l.letterIndex + 1})` : '');
  const description = joined([count(l.items.length, 'item'), l.problems > 0 && count(l.problems, 'problem')]);
  const outcomes = l.items.map((i) => outcomeWord(i.outcome));
  const where = l.letterIndex > 0 ? `${l.fileName}, letter ${l.letterIndex + 1}` : l.fileName;
  return { label, description, tooltip: [where, outcomes.join(', ')].filter((s) => s !== '').join('\n') };
}

/** An item: its name, its outcome and problems; its guideline sources in the tooltip. */
export function itemRow(i: LetterListItem): RowText {
  const label = i.name || '(unnamed)';
  const description = joined([outcomeWord(i.outcome), i.problems > 0 && count(i.problems, 'problem')]);
  const tooltip = [
    label,
    outcomeWord(i.outcome),
    i.sources.length > 0 ? `Based on: ${i.sources.join(', ')}` : 'No guideline cited',
    i.problems > 0 ? count(i.problems, 'problem') : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
  return { label, description, tooltip };
}

/**
 * Tree ids, unique in the whole tree: a letter sits in every group one of its items belongs to, so
 * its id (and its items') names the group as well as the grouping.
 */
export function groupId(groupBy: LetterGrouping, key: string): string {
  return `group:${groupBy}:${key}`;
}

export function letterId(
  groupBy: LetterGrouping,
  groupKey: string,
  l: Pick<LetterListEntry, 'uri' | 'letterIndex'>,
): string {
  return `${groupId(groupBy, groupKey)}/letter:${l.uri}#${l.letterIndex}`;
}

export function itemId(letter: string, index: number): string {
  return `${letter}/item:${index}`;
}
