// What each row of the Letters view says and which id it has. Pure: no vscode import, so the unit
// tests run it without an editor. A row's label and description fit the side bar's default width
// (numbers first, short words); everything else goes into its tooltip.

import { OUTCOME_LABELS } from '../../server/src/engine/vocabulary';
import { APPEAL_CAVEAT } from '../../server/src/engine/appeal';
import type {
  DetachedNotesItem,
  DetachedNotesLetter,
  LetterAppealState,
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

/** The appeal window in a few words: `12 days left`, `last day today`, `appeal closed`. */
export function appealWords(a: LetterAppealState): string {
  if (!a.open) return 'appeal closed';
  return a.daysLeft === 0 ? 'last day today' : `${count(a.daysLeft, 'day')} left`;
}

/** `appeal by 2017-01-13 · 12 days left`, `appeal closed 2017-01-13`. */
export function appealLine(a: LetterAppealState): string {
  return a.open ? `appeal by ${a.lastDay}${DOT}${appealWords(a)}` : `appeal closed ${a.lastDay}`;
}

/** At most this many characters of a status or tag in the row; the tooltip has them whole. */
const SHORT = 16;

/** `#appeal +2`: the first tag, short, and how many more; '' without tags. */
function firstTag(tags: readonly string[]): string {
  return tags.length > 0 ? '#' + short(tags[0]) + (tags.length > 1 ? ` +${tags.length - 1}` : '') : '';
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > SHORT ? one.slice(0, SHORT - 1) + '\u2026' : one;
}

/**
 * A letter: its case number (or file name); numbers first (items, problems, days left to appeal),
 * then its status and first tag, short; the file, outcomes, every tag, notes and the appeal rule in
 * the tooltip. Status and tags are the user's text: a plain-text label and tooltip, never Markdown.
 */
export function letterRow(l: LetterListEntry): RowText {
  const label = l.caseNumber ?? l.fileName + (l.letterIndex > 0 ? ` (letter ${l.letterIndex + 1})` : '');
  const tags = l.tags ?? [];
  const description = joined([
    count(l.items.length, 'item'),
    l.problems > 0 && count(l.problems, 'problem'),
    l.appeal && appealWords(l.appeal),
    l.status !== undefined && short(l.status),
    firstTag(tags),
  ]);
  const outcomes = l.items.map((i) => outcomeWord(i.outcome));
  const where = l.letterIndex > 0 ? `${l.fileName}, letter ${l.letterIndex + 1}` : l.fileName;
  const tooltip = [
    where,
    outcomes.join(', '),
    l.status !== undefined ? `Status: ${l.status}` : '',
    tags.length > 0 ? `Tags: ${tags.map((t) => '#' + t).join(' ')}` : '',
    l.notes ? count(l.notes, 'note') : '',
    l.detached?.length
      ? `${count(l.detached.length, 'item')} no longer found, with notes kept: re-attach or delete them`
      : '',
    l.appeal ? `${appealLine(l.appeal)}\n${l.appeal.rule}\n${APPEAL_CAVEAT}` : '',
  ];
  return { label, description, tooltip: tooltip.filter((s) => s !== '').join('\n') };
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

/** The words of a tooltip's first lines; the notes follow as untrusted Markdown (lettersView.ts). */
export const DETACHED_HINT = 'Re-attach them (IMR: Re-attach Notes…) or delete them; they are never dropped.';

function notesAndTags(notes: number, tags: readonly string[]): string {
  return joined([count(notes, 'note'), firstTag(tags)]);
}

/** An item of a letter's notes that the letter no longer has: the name it had, its notes and tags. */
export function detachedRow(d: DetachedNotesItem): RowText {
  return {
    label: `detached: ${d.name}`,
    description: notesAndTags(d.notes.length, d.tags),
    tooltip: `Item "${d.name}" is no longer found in this letter (renamed or removed). ${DETACHED_HINT}`,
  };
}

/** The group of letters no file holds any more, kept with their notes. */
export function notFoundGroupRow(letters: number): RowText {
  return {
    label: `Notes of letters not found (${letters.toLocaleString('en-US')})`,
    tooltip:
      'Notes of letters that no file in the folder holds any more: deleted, or renamed or moved outside the editor ' +
      '(a letter without a case number is filed by its path). Re-attach them to a letter, or delete them.',
  };
}

function notesIn(l: DetachedNotesLetter): number {
  return l.items.reduce((n, i) => n + i.notes.length, l.notes.length);
}

/** A letter no file holds: its key (the case number or the old path), its notes, status and tags. */
export function lostLetterRow(l: DetachedNotesLetter): RowText {
  return {
    label: l.label,
    description: joined([count(notesIn(l), 'note'), l.status !== undefined && short(l.status), firstTag(l.tags)]),
    tooltip: `No file in the folder holds ${l.label} any more. ${DETACHED_HINT}`,
  };
}

/** A letter-wide part of a letter no file holds. */
export function lostLetterOwnRow(l: DetachedNotesLetter): RowText {
  return {
    label: 'on the letter as a whole',
    description: notesAndTags(l.notes.length, l.tags),
    tooltip: `Notes on ${l.label} as a whole. ${DETACHED_HINT}`,
  };
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

export function detachedId(letter: string, key: string): string {
  return `${letter}/detached:${key}`;
}

export const NOT_FOUND_ID = 'notFound';

export function lostLetterId(l: Pick<DetachedNotesLetter, 'folder' | 'key'>): string {
  return `${NOT_FOUND_ID}/${l.folder}/${l.key}`;
}
