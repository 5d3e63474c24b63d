// IMR: Show Decisions Report on the server: the report's model (report/model.ts) built from the
// workspace index's summaries, never from the letters' text, so that it is answered at once.

import { DEFAULT_APPEAL_OPTIONS, type AppealOptions } from '../engine/appeal';
import { localToday } from '../engine/calendar';
import type { DecisionsReportParams, DecisionsReportResult } from '../protocol/requests';
import { appealsOf } from '../report/appeals';
import { filterChoices, filteredReport } from '../report/notesFilter';
import { lettersOfIndex, rowsOfIndex } from '../report/rows';
import type { IndexEntry } from '../workspace/letterIndex';
import { pdfOfTextUri } from '../protocol/pdfTextUri';
import { withNotes, type NotesPlace } from './reportNotes';
import { fileNameOf } from './workspaceSymbols';

/** A file as the report's table names it: its path under the workspace folder, or its name. */
function fileLabel(uri: string, roots: readonly string[]): string {
  const file = pdfOfTextUri(uri) ?? uri;
  const root = roots.find((r) => file.startsWith(r + '/'));
  if (!root) return fileNameOf(uri);
  try {
    return decodeURIComponent(file.slice(root.length + 1));
  } catch {
    return file.slice(root.length + 1);
  }
}

export function decisionsReport(
  entries: Iterable<IndexEntry>,
  params: DecisionsReportParams,
  roots: readonly string[],
  indexing: boolean,
  notesOf: NotesPlace = () => undefined,
  /** How the last day to appeal is counted (the user's settings), and the day the days left count from. */
  appeal: { options: AppealOptions; today: string } = { options: DEFAULT_APPEAL_OPTIONS, today: localToday() },
): DecisionsReportResult {
  const chosen = params.uri !== undefined ? [...entries].filter((e) => e.uri === params.uri) : [...entries];
  const rows = withNotes(
    rowsOfIndex(chosen, (uri) => fileLabel(uri, roots), appeal.options),
    notesOf,
  );
  const report = filteredReport(rows, lettersOfIndex(chosen), {
    statuses: params.status ? [params.status] : [],
    tags: params.tag ? [params.tag] : [],
  });
  report.appeals = appealsOf(report.items, appeal.today);
  // A webview shows a few thousand rows: 100,000 more would only cross the pipe.
  if (params.maxItems !== undefined) report.items = report.items.slice(0, params.maxItems);
  // The pickers offer what the scope's letters have, whatever the filter keeps.
  return { report, indexing, choices: filterChoices(rows, params.knownStatuses) };
}
