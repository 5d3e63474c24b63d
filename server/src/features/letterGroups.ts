// The Letters view's data: the index's letters grouped by outcome, the DWC's Request Category,
// guideline source, reviewer specialty or folder, filtered by words, with the counts of each
// group. A letter sits in every group one of its items belongs to (a letter with an upheld and an
// overturned item is in both). By appeal deadline: open windows first, soonest last day first,
// then closed ones, most recently closed first, then letters without a date.

import type {
  LetterGroup,
  LetterGroupsParams,
  LetterGroupsResult,
  LetterGrouping,
  LetterListEntry,
  LettersInGroupParams,
  LettersInGroupResult,
} from '../protocol/requests';
import type { IndexEntry } from '../workspace/letterIndex';
import { pdfOfTextUri } from '../protocol/pdfTextUri';
import type { LetterSummary } from '../export/summary';
import { OUTCOME_LABELS } from '../engine/vocabulary';
import { DEFAULT_APPEAL_OPTIONS } from '../engine/appeal';
import { localToday } from '../engine/calendar';
import { entrySearchTexts, fileNameOf, wordsMatched } from './workspaceSymbols';
import { letterMarks, type LetterMarks, type MarksContext } from './letterMarks';
import { meetsTerms, parseLetterFilter, type LetterFilter } from './letterFilter';

/** Letters sent for one group at most: a tree of more is no use to read. */
export const MAX_LETTERS_IN_GROUP = 2000;

const OUTCOME_ORDER = ['upheld', 'overturned', 'unknown', 'missing'];
const APPEAL_ORDER = ['open', 'closed', ''];
const APPEAL_LABELS: Record<string, string> = {
  open: 'Appeal window open',
  closed: 'Appeal window closed',
  '': 'No date to count from',
};

function defaultContext(): MarksContext {
  return { appeal: DEFAULT_APPEAL_OPTIONS, today: localToday() };
}

function folderOf(textUri: string): string {
  // A PDF letter is in the folder of its PDF, with the text letters beside it.
  const uri = pdfOfTextUri(textUri) ?? textUri;
  const slash = uri.lastIndexOf('/');
  return slash > 0 ? uri.slice(0, slash) : uri;
}

function groupKeys(uri: string, letter: LetterSummary, groupBy: LetterGrouping, marks: () => LetterMarks): string[] {
  const keys = new Set<string>();
  switch (groupBy) {
    case 'appeal':
      keys.add(marks().appeal === undefined ? '' : marks().appeal?.open ? 'open' : 'closed');
      break;
    case 'outcome':
      for (const i of letter.items) keys.add(i.outcome);
      break;
    case 'category':
      for (const i of letter.items) keys.add(i.category);
      break;
    case 'source':
      for (const i of letter.items) for (const s of i.sources) keys.add(s);
      if (keys.size === 0) keys.add('');
      break;
    case 'specialty':
      keys.add(letter.specialty ?? '');
      break;
    case 'folder':
      keys.add(folderOf(uri));
      break;
  }
  return [...keys];
}

function groupLabel(key: string, groupBy: LetterGrouping, roots: readonly string[]): string {
  switch (groupBy) {
    case 'outcome':
      return OUTCOME_LABELS[key as keyof typeof OUTCOME_LABELS] ?? key;
    case 'appeal':
      return APPEAL_LABELS[key] ?? key;
    case 'category':
      return key;
    case 'source':
      return key === '' ? 'No guideline cited' : key;
    case 'specialty':
      return key === '' ? 'Specialty not stated' : key;
    case 'folder': {
      const root = roots.find((r) => key === r || key.startsWith(r + '/'));
      let label = root ? key.slice(root.length + 1) || fileNameOf(root) : key;
      try {
        label = decodeURIComponent(label);
      } catch {
        /* shown as it is */
      }
      return label;
    }
  }
}

function letterMatches(entry: IndexEntry, index: number, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const uri = entry.uri;
  const letter = entry.summary.letters[index];
  // Every word somewhere in the letter: in one of its items, its case number or its file name.
  const texts = [...entrySearchTexts(entry)[index]];
  if (texts.length === 0) texts.push(`${letter.caseNumber ?? ''} ${fileNameOf(uri)}`.toLowerCase());
  return words.every((w) => texts.some((t) => wordsMatched(t, [w]) === 1));
}

function* lettersOf(entries: Iterable<IndexEntry>, filter: LetterFilter, ctx: MarksContext) {
  for (const e of entries) {
    if (!e.summary.isLetter) continue;
    for (let index = 0; index < e.summary.letters.length; index++) {
      const letter = e.summary.letters[index];
      if (!letterMatches(e, index, filter.words)) continue;
      // Looked up only when a term, the grouping or a listed row needs them: counting every letter does not.
      let known: LetterMarks | undefined;
      const marks = () => (known ??= letterMarks(e.uri, letter, index, ctx));
      if (meetsTerms(filter, letter, filter.needsMarks ? marks() : undefined)) yield { entry: e, letter, index, marks };
    }
  }
}

function problemsOf(entry: IndexEntry, letterIndex: number): number {
  let n = 0;
  for (const p of entry.summary.problems) if (p.letter === letterIndex) n++;
  return n;
}

export function letterGroups(
  entries: Iterable<IndexEntry>,
  params: LetterGroupsParams,
  roots: readonly string[],
  pending: number,
  indexing: boolean,
  ctx: MarksContext = defaultContext(),
): LetterGroupsResult {
  const filter = parseLetterFilter(params.filter ?? '');
  const groups = new Map<string, LetterGroup>();
  const totals = { letters: 0, items: 0, upheld: 0, overturned: 0, lettersWithProblems: 0, pending, indexing };
  for (const { entry, letter, index, marks } of lettersOf(entries, filter, ctx)) {
    const problems = problemsOf(entry, index) > 0;
    totals.letters++;
    if (problems) totals.lettersWithProblems++;
    for (const i of letter.items) {
      totals.items++;
      if (i.outcome === 'upheld') totals.upheld++;
      else if (i.outcome === 'overturned') totals.overturned++;
    }
    for (const key of groupKeys(entry.uri, letter, params.groupBy, marks)) {
      let g = groups.get(key);
      if (!g)
        groups.set(
          key,
          (g = { key, label: groupLabel(key, params.groupBy, roots), letters: 0, lettersWithProblems: 0 }),
        );
      g.letters++;
      if (problems) g.lettersWithProblems++;
    }
  }
  const list = [...groups.values()];
  if (params.groupBy === 'outcome') list.sort((a, b) => OUTCOME_ORDER.indexOf(a.key) - OUTCOME_ORDER.indexOf(b.key));
  else if (params.groupBy === 'appeal') list.sort((a, b) => APPEAL_ORDER.indexOf(a.key) - APPEAL_ORDER.indexOf(b.key));
  else list.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label)));
  return { totals, groups: list };
}

/** Soonest open last day first; closed ones most recent first; then by file. */
function byDeadline(a: LetterListEntry, b: LetterListEntry): number {
  const da = a.appeal?.daysLeft ?? 0;
  const db = b.appeal?.daysLeft ?? 0;
  return a.appeal?.open && b.appeal?.open ? da - db : db - da;
}

export function lettersInGroup(
  entries: Iterable<IndexEntry>,
  params: LettersInGroupParams,
  ctx: MarksContext = defaultContext(),
): LettersInGroupResult {
  const filter = parseLetterFilter(params.filter ?? '');
  const letters: LetterListEntry[] = [];
  let truncated = false;
  for (const { entry, letter, index, marks } of lettersOf(entries, filter, ctx)) {
    if (!groupKeys(entry.uri, letter, params.groupBy, marks).includes(params.key)) continue;
    if (letters.length >= MAX_LETTERS_IN_GROUP) {
      truncated = true;
      break;
    }
    const l: LetterListEntry = {
      uri: entry.uri,
      letterIndex: index,
      fileName: fileNameOf(entry.uri),
      problems: problemsOf(entry, index),
      items: letter.items.map((i) => ({
        name: i.name,
        outcome: i.outcome,
        sources: i.sources,
        problems: i.problems,
        decision: { line: i.decision[0], character: i.decision[1] },
      })),
    };
    if (letter.caseNumber) l.caseNumber = letter.caseNumber;
    const m = marks();
    if (m.status !== undefined) l.status = m.status;
    if (m.tags.length > 0) l.tags = m.tags;
    if (m.notes > 0) l.notes = m.notes;
    if (m.appeal) l.appeal = m.appeal;
    if (m.detached.length > 0) {
      l.letterKey = m.key;
      l.detached = m.detached;
    }
    letters.push(l);
  }
  const byFile = (a: LetterListEntry, b: LetterListEntry) =>
    a.fileName.localeCompare(b.fileName) || a.letterIndex - b.letterIndex;
  letters.sort(params.groupBy === 'appeal' ? (a, b) => byDeadline(a, b) || byFile(a, b) : byFile);
  return { letters, truncated };
}
