// The report's rows from the two places items are kept: the export's records (export/records.ts)
// and the summaries the workspace index keeps (export/summary.ts). Both give the same
// row for the same item, so the editor's report and the command line's count alike.

import { appealWindowOf, DEFAULT_APPEAL_OPTIONS, type AppealOptions } from '../engine/appeal';
import { ExportRecord, OUTCOME_NAMES } from '../export/records';
import type { FileSummary, ItemSummary, LetterSummary } from '../export/summary';
import type { ReportOutcome, ReportRow } from './model';

/** A file as the workspace index keeps it. */
export interface SummarizedFile {
  uri: string;
  summary: FileSummary;
}

/** `Psychiatry; Neurology` as the export's reviewerSpecialty and the index's specialty join them. */
function splitSpecialties(joined: string | null | undefined): string[] {
  return joined ? joined.split('; ').filter((s) => s !== '') : [];
}

export function rowOfRecord(r: ExportRecord): ReportRow {
  const row: ReportRow = {
    file: r.file,
    letter: r.letter,
    caseNumber: r.caseNumber,
    item: r.item,
    outcome: r.outcome,
    line: r.line,
    category: r.category,
    subcategory: r.subcategory,
    drugClass: r.drugClass,
    drug: r.drug,
    sources: r.sources,
    specialties: r.reviewerSpecialties,
    decisionDate: r.decisionDate,
    priority: r.priority,
    daysToDecision: r.daysToDecision,
    appealBy: r.appealBy,
  };
  if (r.requested !== null) row.requested = r.requested;
  if (r.authorized !== null) row.authorized = r.authorized;
  // The user's work from the notes file, as the editor's report gives it (features/reportNotes.ts).
  if (r.status !== null) row.status = r.status;
  if (r.tags.length > 0) row.tags = r.tags;
  return row;
}

const OUTCOMES: Readonly<Record<string, ReportOutcome>> = OUTCOME_NAMES;

/**
 * The index names an MTUS source with its document (`MTUS/CPMTG`) for the Letters view; the export
 * and the report group by the source alone.
 */
function sourcesOf(item: ItemSummary): string[] {
  const out: string[] = [];
  for (const s of item.sources) {
    const source = s.split('/')[0];
    if (!out.includes(source)) out.push(source);
  }
  return out;
}

/**
 * Rows of the index's letters; `fileName` says how the table names a file, `appeal` how the last
 * day to appeal is counted (the editor's settings).
 */
export function rowsOfIndex(
  entries: Iterable<SummarizedFile>,
  fileName: (uri: string) => string,
  appeal: AppealOptions = DEFAULT_APPEAL_OPTIONS,
): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const entry of entries) {
    if (!entry.summary.isLetter) continue;
    const file = fileName(entry.uri);
    entry.summary.letters.forEach((letter: LetterSummary, index) => {
      const specialties = splitSpecialties(letter.specialty);
      const appealBy = appealWindowOf(letter, appeal)?.lastDay ?? null;
      for (const item of letter.items) {
        const row: ReportRow = {
          file,
          uri: entry.uri,
          letter: index + 1,
          caseNumber: letter.caseNumber ?? null,
          item: item.name,
          outcome: OUTCOMES[item.outcome] ?? 'unknown',
          line: item.decision[0] + 1,
          character: item.decision[1],
          category: item.category,
          subcategory: item.subcategory ?? null,
          drugClass: item.drugClass ?? null,
          drug: item.drug ?? null,
          sources: sourcesOf(item),
          specialties,
          decisionDate: letter.decisionDate ?? null,
          priority: letter.priority ?? null,
          daysToDecision: letter.daysToDecision ?? null,
          appealBy,
        };
        if (item.requested !== undefined) row.requested = item.requested;
        if (item.authorized !== undefined) row.authorized = item.authorized;
        rows.push(row);
      }
    });
  }
  return rows;
}

/** What the table says under a partly authorized item's name: `requested Norco 10/325mg #60; authorized Norco 10/325mg #25`. */
export function authorizationNote(r: ReportRow): string {
  const said: string[] = [];
  if (r.requested !== undefined) said.push(`requested ${r.requested}`);
  if (r.authorized !== undefined) said.push(`authorized ${r.authorized}`);
  return said.join('; ');
}

/** Letters in the index (a letter with no item counts too). */
export function lettersOfIndex(entries: Iterable<SummarizedFile>): number {
  let n = 0;
  for (const e of entries) if (e.summary.isLetter) n += e.summary.letters.length;
  return n;
}
