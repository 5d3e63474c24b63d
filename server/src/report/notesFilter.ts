// The decisions report kept to the items of some letter statuses or tags (the user's notes file):
// the one filter the editor's report and `imr-letters report --status/--tag` apply, the choices the
// editor's pickers offer, and the words every output says the filter in.

import { normalizeTag, sortedUnique } from '../notes/notesFile';
import { buildReport, type DecisionsReport, type ReportRow } from './model';
import { counted } from './text';

export interface NotesFilter {
  /** Items of letters with one of these statuses (trimmed, case ignored); none: any status. */
  statuses?: readonly string[];
  /** Items with one of these tags, on the item or its letter (`#` and case ignored); none: any tag. */
  tags?: readonly string[];
}

/** The filter a report applied, and the items and letters it was applied to. */
export interface AppliedFilter {
  statuses: string[];
  tags: string[];
  /** Items and letters before the filter. */
  of: { items: number; letters: number };
}

function statusKey(status: string): string {
  return status.trim().toLowerCase();
}

function tagKey(tag: string): string {
  return normalizeTag(tag).toLowerCase();
}

/** The filter's values as written (trimmed, a tag without its `#`), blank ones left out. */
function valuesOf(filter: NotesFilter): { statuses: string[]; tags: string[] } {
  return {
    statuses: (filter.statuses ?? []).map((s) => s.trim()).filter((s) => s !== ''),
    tags: (filter.tags ?? []).map(normalizeTag).filter((t) => t !== ''),
  };
}

export function isFiltering(filter: NotesFilter): boolean {
  const v = valuesOf(filter);
  return v.statuses.length + v.tags.length > 0;
}

/** The rows kept: several values of one option are alternatives (OR), the two options both apply (AND). */
export function filterRows(rows: readonly ReportRow[], filter: NotesFilter): ReportRow[] {
  const v = valuesOf(filter);
  const statuses = new Set(v.statuses.map(statusKey));
  const tags = new Set(v.tags.map(tagKey));
  return rows.filter(
    (r) =>
      (statuses.size === 0 || (r.status !== undefined && statuses.has(statusKey(r.status)))) &&
      (tags.size === 0 || (r.tags ?? []).some((t) => tags.has(tagKey(t)))),
  );
}

/** Letters the rows come from (a letter counted once). */
export function lettersOfRows(rows: readonly ReportRow[]): number {
  return new Set(rows.map((r) => `${r.uri ?? r.file}\u0000${r.letter}`)).size;
}

/**
 * The report of `rows` (`letters` letters read, those without items too), kept to the filter's
 * items when it has values: then the letters counted are those of the items kept, and the report
 * says what it was filtered by and of how many.
 */
export function filteredReport(rows: readonly ReportRow[], letters: number, filter: NotesFilter): DecisionsReport {
  if (!isFiltering(filter)) return buildReport(rows, letters);
  const kept = filterRows(rows, filter);
  const report = buildReport(kept, lettersOfRows(kept));
  report.filter = { ...valuesOf(filter), of: { items: rows.length, letters } };
  return report;
}

/** `Status: Appeal or Done · Tag: esi · 12 of 84 items` (plain text: each renderer escapes it). */
export function filterText(f: AppliedFilter, shownItems: number): string {
  const said: string[] = [];
  if (f.statuses.length > 0) said.push(`Status: ${f.statuses.join(' or ')}`);
  if (f.tags.length > 0) said.push(`Tag: ${f.tags.join(' or ')}`);
  said.push(`${shownItems.toLocaleString('en-US')} of ${counted(f.of.items, 'item')}`);
  return said.join(' \u00b7 ');
}

/** An item's status and tags as the tables show them: `Appeal · #esi` (plain text: each renderer escapes it). */
export function notesLabel(r: ReportRow): string {
  return [...(r.status ? [r.status] : []), ...(r.tags ?? []).map((t) => `#${t}`)].join(' \u00b7 ');
}

/** Whether some item has a status or tags (else the tables have no column for them). */
export function hasNotes(items: readonly ReportRow[]): boolean {
  return items.some((r) => r.status !== undefined || (r.tags?.length ?? 0) > 0);
}

/** What the editor's pickers offer: statuses and tags to filter by. */
export interface FilterChoices {
  statuses: string[];
  tags: string[];
}

/**
 * The statuses the user configured (their order), then the others the rows' letters have; the
 * tags the rows have, sorted. A status or tag is offered once, whatever its case.
 */
export function filterChoices(rows: readonly ReportRow[], configuredStatuses: readonly string[] = []): FilterChoices {
  const statuses: string[] = [];
  const seen = new Set<string>();
  const offer = (s: string) => {
    const key = statusKey(s);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    statuses.push(s.trim());
  };
  configuredStatuses.forEach(offer);
  sortedUnique(rows.map((r) => r.status ?? '')).forEach(offer);
  const tags = new Map<string, string>();
  for (const r of rows) for (const t of r.tags ?? []) if (!tags.has(tagKey(t))) tags.set(tagKey(t), normalizeTag(t));
  return { statuses, tags: sortedUnique(tags.values()) };
}
