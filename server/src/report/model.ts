// The decisions report's model: from one row per disputed item (the CLI's export records or the
// workspace index's summaries, see rows.ts) to totals, overturn rates by the DWC's Request Category
// and drug class, guideline source, reviewer specialty (as the DWC names it), priority and decision
// month, each category's share of the items, median days to decision by category and by priority,
// the top drugs, and the item table. Every output (HTML, Markdown, JSON, the editor's webview)
// renders this one model. Pure: no I/O, no LSP.

import { dwcSpecialty } from '../engine/taxonomy/dwc';
import type { ReportAppeals } from './appeals';
import type { AppliedFilter } from './notesFilter';

/** One disputed item, as every output of the report reads it. */
export interface ReportRow {
  /** The file as the output names it (a path relative to the working folder, or a file name). */
  file: string;
  /** Where the editor opens the item (a document URI); absent in the command-line tool's report. */
  uri?: string;
  /** 1-based letter of the file. */
  letter: number;
  caseNumber: string | null;
  item: string;
  /** A partly authorized item's original request and what the claims administrator authorized, when stated. */
  requested?: string;
  authorized?: string;
  outcome: ReportOutcome;
  /** 1-based line of the decision. */
  line: number;
  /** 0-based character of the decision on its line (where the editor puts the cursor). */
  character?: number;
  /** The DWC's Request Category (`Pharmaceuticals`), `Other` when unknown. */
  category: string;
  /** The DWC's SubCategory (`Imaging`), when the category has one for the item. */
  subcategory: string | null;
  /** A pharmaceutical's DWC drug class (`Opioids`); null for other categories. */
  drugClass: string | null;
  /** The drug as the item names it (`Norco`); null for other categories. */
  drug: string | null;
  /** The review's priority as the letter writes it (`Standard`, `Expedited`). */
  priority: string | null;
  /** The letter's days from the application's receipt (or assignment) to the decision. */
  daysToDecision: number | null;
  /** Guideline sources the decision cites (`MTUS`, `ODG`, ...), first cited first. */
  sources: string[];
  /** The reviewer's specialties, as the letter states them. */
  specialties: string[];
  /** ISO date (`2014-11-03`) of the decision, when the letter states it. */
  decisionDate: string | null;
  /** The letter's status from the notes file. */
  status?: string;
  /** The item's and its letter's tags from the notes file. */
  tags?: string[];
  /** The letter's last day to appeal, ISO; null when it states no date to count from. */
  appealBy?: string | null;
}

export type ReportOutcome = 'Upheld' | 'Overturned' | 'unknown' | 'missing';

/** Items of one group, by outcome. */
export interface OutcomeCounts {
  items: number;
  upheld: number;
  overturned: number;
  /** An outcome word that is neither (a typo such as "Uphled"). */
  unknown: number;
  missing: number;
  /** Overturned items of the decided ones (upheld + overturned); null when none is decided. */
  overturnRate: number | null;
}

export interface GroupRow extends OutcomeCounts {
  key: string;
}

/** A group of items with the time its letters took: each letter counted once in each group it has items in. */
export interface TimedGroupRow extends GroupRow {
  /** Letters with items in the group. */
  letters: number;
  /** The median of their days to decision, of the letters that state it; null when none does. */
  medianDays: number | null;
}

export interface CategoryGroupRow extends TimedGroupRow {
  /** The group's items of all items (0 to 1). */
  share: number;
}

export interface DrugGroupRow extends GroupRow {
  /** The drug's class (of its first item, when a name is written in two classes). */
  drugClass: string | null;
}

export interface DecisionsReport {
  totals: OutcomeCounts & { letters: number };
  byCategory: CategoryGroupRow[];
  /** Pharmaceutical items only. */
  byDrugClass: GroupRow[];
  bySource: GroupRow[];
  bySpecialty: GroupRow[];
  byPriority: TimedGroupRow[];
  /** Chronological (`2014-11`); letters without a decision date last. */
  byMonth: GroupRow[];
  /** The drugs most disputed (at most TOP_DRUGS), most items first; a name's spellings counted as one. */
  topDrugs: DrugGroupRow[];
  /** Every item, ordered by file, letter and line. */
  items: ReportRow[];
  /** Set when the report is kept to some statuses or tags (notesFilter.ts). */
  filter?: AppliedFilter;
  /** The letters' appeal windows on the day the report is made (appeals.ts), when it knows that day. */
  appeals?: ReportAppeals;
}

/** The report's groupings, in the order every output shows them. */
export const GROUPINGS: ReadonlyArray<{ title: string; key: keyof DecisionsReport & `by${string}`; column: string }> = [
  { title: 'request category', key: 'byCategory', column: 'Category' },
  { title: 'drug class', key: 'byDrugClass', column: 'Drug class' },
  { title: 'guideline source', key: 'bySource', column: 'Source' },
  { title: 'reviewer specialty', key: 'bySpecialty', column: 'Specialty' },
  { title: 'priority', key: 'byPriority', column: 'Priority' },
  { title: 'decision month', key: 'byMonth', column: 'Month' },
];

/** Drugs listed at most in topDrugs. */
export const TOP_DRUGS = 10;

/** An item's category as the table shows it: `Pharmaceuticals: Opioids`, `Diagnostic Testing: Imaging`. */
export function categoryLabel(r: ReportRow): string {
  const detail = r.subcategory ?? r.drugClass;
  return detail ? `${r.category}: ${detail}` : r.category;
}

/** Decided items (upheld or overturned) a group needs before its overturn rate is drawn as a rate. */
export const MIN_DECIDED_FOR_RATE = 5;

/** Too few decided items for a rate to mean much: renderers show the counts, not a bar or a percentage. */
export function tooFewToJudge(c: OutcomeCounts): boolean {
  return c.upheld + c.overturned < MIN_DECIDED_FOR_RATE;
}

/** Whether some file holds more than one letter (else a letter number column says nothing). */
export function holdsSeveralLetters(items: readonly ReportRow[]): boolean {
  return items.some((r) => r.letter > 1);
}

/** The groups of items that name no guideline source, no specialty, no priority, or no decision date. */
export const NO_SOURCE = 'No guideline cited';
export const NO_SPECIALTY = 'Specialty not stated';
export const NO_PRIORITY = 'Priority not stated';
export const NO_DATE = 'Date not stated';

export function emptyCounts(): OutcomeCounts {
  return { items: 0, upheld: 0, overturned: 0, unknown: 0, missing: 0, overturnRate: null };
}

function count(c: OutcomeCounts, outcome: ReportOutcome): void {
  c.items++;
  if (outcome === 'Upheld') c.upheld++;
  else if (outcome === 'Overturned') c.overturned++;
  else if (outcome === 'unknown') c.unknown++;
  else c.missing++;
}

function withRate<T extends OutcomeCounts>(c: T): T {
  const decided = c.upheld + c.overturned;
  c.overturnRate = decided === 0 ? null : c.overturned / decided;
  return c;
}

class Groups {
  private readonly map = new Map<string, GroupRow>();
  add(key: string, outcome: ReportOutcome): void {
    let g = this.map.get(key);
    if (!g) this.map.set(key, (g = { key, ...emptyCounts() }));
    count(g, outcome);
  }
  /** Most items first, the "not stated" group last; `chronological` orders by key instead. */
  rows(last: string, chronological = false): GroupRow[] {
    const rows = [...this.map.values()].map(withRate);
    return rows.sort((a, b) =>
      a.key === last
        ? 1
        : b.key === last
          ? -1
          : chronological
            ? compare(a.key, b.key)
            : b.items - a.items || compare(a.key, b.key),
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts an item under each of its keys (once, if a key repeats), or under `none` when it has none. */
function addEach(groups: Groups, keys: readonly string[], none: string, outcome: ReportOutcome): void {
  if (keys.length === 0) groups.add(none, outcome);
  for (let i = 0; i < keys.length; i++) if (keys.indexOf(keys[i]) === i) groups.add(keys[i], outcome);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The letters of each group and their days to decision: a letter counts once in a group, however many items it has there. */
class LetterTimes {
  private readonly groups = new Map<string, Map<string, number | null>>();
  add(group: string, letter: string, days: number | null): void {
    let letters = this.groups.get(group);
    if (!letters) this.groups.set(group, (letters = new Map()));
    letters.set(letter, days);
  }
  /** The group's rows with their letters and median days. */
  timed<T extends GroupRow>(rows: readonly T[]): Array<T & { letters: number; medianDays: number | null }> {
    return rows.map((g) => {
      const letters = this.groups.get(g.key) ?? new Map<string, number | null>();
      const days = [...letters.values()].filter((d): d is number => d !== null);
      return { ...g, letters: letters.size, medianDays: median(days) };
    });
  }
}

/** The most disputed drugs, a name's spellings (`Norco`, `NORCO`) as one, the first spelling shown. */
function topDrugs(rows: readonly ReportRow[]): DrugGroupRow[] {
  const groups = new Map<string, DrugGroupRow>();
  for (const r of rows) {
    if (r.drug === null) continue;
    const key = r.drug.toLowerCase().replace(/\s+/g, ' ');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key: r.drug, drugClass: r.drugClass, ...emptyCounts() }));
    count(g, r.outcome);
  }
  return [...groups.values()]
    .map(withRate)
    .sort((a, b) => b.items - a.items || compare(a.key.toLowerCase(), b.key.toLowerCase()))
    .slice(0, TOP_DRUGS);
}

/** `2014-11` of `2014-11-03`; null for anything that is not an ISO date. */
export function monthOf(isoDate: string | null): string | null {
  return isoDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate.slice(0, 7) : null;
}

/**
 * The report of some items. `letters` is the number of letters read (a letter with no item counts
 * too); without it, the letters the rows name.
 */
export function buildReport(rows: readonly ReportRow[], letters?: number): DecisionsReport {
  const totals = emptyCounts();
  const byCategory = new Groups();
  const byDrugClass = new Groups();
  const bySource = new Groups();
  const bySpecialty = new Groups();
  const byPriority = new Groups();
  const byMonth = new Groups();
  const categoryTimes = new LetterTimes();
  const priorityTimes = new LetterTimes();
  const named = letters === undefined ? new Set<string>() : undefined;
  for (const r of rows) {
    count(totals, r.outcome);
    const letter = `${r.letter}\u0000${r.file}`;
    named?.add(letter);
    byCategory.add(r.category, r.outcome);
    categoryTimes.add(r.category, letter, r.daysToDecision);
    if (r.drugClass !== null) byDrugClass.add(r.drugClass, r.outcome);
    // An item counts once under each source it cites, and under each of its reviewer's specialties.
    addEach(bySource, r.sources, NO_SOURCE, r.outcome);
    addEach(bySpecialty, r.specialties.map(dwcSpecialty), NO_SPECIALTY, r.outcome);
    const priority = r.priority ?? NO_PRIORITY;
    byPriority.add(priority, r.outcome);
    priorityTimes.add(priority, letter, r.daysToDecision);
    byMonth.add(monthOf(r.decisionDate) ?? NO_DATE, r.outcome);
  }
  const items = [...rows].sort((a, b) => compare(a.file, b.file) || a.letter - b.letter || a.line - b.line);
  return {
    totals: { ...withRate(totals), letters: letters ?? named!.size },
    byCategory: categoryTimes
      .timed(byCategory.rows(''))
      .map((g) => ({ ...g, share: totals.items === 0 ? 0 : g.items / totals.items })),
    byDrugClass: byDrugClass.rows(''),
    bySource: bySource.rows(NO_SOURCE),
    bySpecialty: bySpecialty.rows(NO_SPECIALTY),
    byPriority: priorityTimes.timed(byPriority.rows(NO_PRIORITY)),
    byMonth: byMonth.rows(NO_DATE, true),
    topDrugs: topDrugs(rows),
    items,
  };
}
