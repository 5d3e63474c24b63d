// The decisions report's model: from one row per disputed item (the CLI's export records or the
// workspace index's summaries, see rows.ts) to totals, overturn rates by treatment category,
// guideline source, reviewer specialty and decision month, and the item table. Every output (HTML,
// Markdown, JSON, the editor's webview) renders this one model. Pure: no I/O, no LSP.

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
  /** Treatment category label (`Pharmaceuticals`). */
  category: string;
  /** Subcategory label (`Opioids`), when the category has one for the item. */
  subcategory: string | null;
  /** Guideline sources the decision cites (`MTUS`, `ODG`, ...), first cited first. */
  sources: string[];
  /** The reviewer's specialties, as the letter states them. */
  specialties: string[];
  /** ISO date (`2014-11-03`) of the decision, when the letter states it. */
  decisionDate: string | null;
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

export interface DecisionsReport {
  totals: OutcomeCounts & { letters: number };
  byCategory: GroupRow[];
  bySource: GroupRow[];
  bySpecialty: GroupRow[];
  /** Chronological (`2014-11`); letters without a decision date last. */
  byMonth: GroupRow[];
  /** Every item, ordered by file, letter and line. */
  items: ReportRow[];
}

/** The group of items that name no guideline source, no specialty, or no decision date. */
/** The report's groupings, in the order every output shows them. */
export const GROUPINGS: ReadonlyArray<{ title: string; key: keyof DecisionsReport & `by${string}`; column: string }> = [
  { title: 'treatment category', key: 'byCategory', column: 'Category' },
  { title: 'guideline source', key: 'bySource', column: 'Source' },
  { title: 'reviewer specialty', key: 'bySpecialty', column: 'Specialty' },
  { title: 'decision month', key: 'byMonth', column: 'Month' },
];

/** An item's category as the table shows it: `Pharmaceuticals: Opioids`. */
export function categoryLabel(r: ReportRow): string {
  return r.subcategory ? `${r.category}: ${r.subcategory}` : r.category;
}

export const NO_SOURCE = 'No guideline cited';
export const NO_SPECIALTY = 'Specialty not stated';
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
  const bySource = new Groups();
  const bySpecialty = new Groups();
  const byMonth = new Groups();
  const named = letters === undefined ? new Set<string>() : undefined;
  for (const r of rows) {
    count(totals, r.outcome);
    named?.add(`${r.letter}\u0000${r.file}`);
    byCategory.add(r.category, r.outcome);
    // An item counts once under each source it cites, and under each of its reviewer's specialties.
    addEach(bySource, r.sources, NO_SOURCE, r.outcome);
    addEach(bySpecialty, r.specialties, NO_SPECIALTY, r.outcome);
    byMonth.add(monthOf(r.decisionDate) ?? NO_DATE, r.outcome);
  }
  const items = [...rows].sort((a, b) => compare(a.file, b.file) || a.letter - b.letter || a.line - b.line);
  return {
    totals: { ...withRate(totals), letters: letters ?? named!.size },
    byCategory: byCategory.rows(''),
    bySource: bySource.rows(NO_SOURCE),
    bySpecialty: bySpecialty.rows(NO_SPECIALTY),
    byMonth: byMonth.rows(NO_DATE, true),
    items,
  };
}
