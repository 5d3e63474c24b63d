// IMR: Export Decisions... on the server: the command-line tool's export (cli/analyze.ts records,
// cli/export.ts writers) of every letter in the index, open letters from their current text.

import { fileURLToPath } from 'url';
import { DiagnosticCode, DIAGNOSTIC_CODES, Severity, severityFor, SeveritySettings } from '../engine/check';
import { analyzeFile, analyzeText, FileReport } from '../cli/analyze';
import { CsvWriter, JsonArrayWriter, JsonLinesWriter, RecordWriter } from '../cli/export';
import { openOutputFile, Output } from '../cli/output';
import type { ExportDecisionsParams, ExportDecisionsResult } from '../protocol';
import { fileNameOf } from './workspaceSymbols';

export interface ExportSource {
  uri: string;
  /** The open editor's text, when the letter is open. */
  text?: string;
}

export async function exportDecisions(
  sources: readonly ExportSource[],
  params: ExportDecisionsParams,
  settings: SeveritySettings | undefined,
  progress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<ExportDecisionsResult> {
  const severities = {} as Record<DiagnosticCode, Severity>;
  for (const code of DIAGNOSTIC_CODES) severities[code] = severityFor(code, settings);
  const out = new Output(await openOutputFile(params.path));
  const writer: RecordWriter =
    params.format === 'csv'
      ? new CsvWriter(out, true)
      : params.format === 'jsonl'
        ? new JsonLinesWriter(out)
        : new JsonArrayWriter(out);
  const result: ExportDecisionsResult = { items: 0, letters: 0, skipped: 0 };
  await writer.start();
  let done = 0;
  for (const source of sources) {
    if (isCancelled()) break;
    const display = source.uri.startsWith('file:') ? fileURLToPath(source.uri) : fileNameOf(source.uri);
    const report: FileReport =
      source.text !== undefined
        ? analyzeText(source.text, display, display, 'export', severities)
        : await analyzeFile(display, display, 'export', severities);
    if (report.status === 'letter') {
      result.letters += report.letters;
      result.items += report.records?.length ?? 0;
      await writer.records(report.records ?? []);
    } else result.skipped++;
    if (++done % 50 === 0) {
      progress(done, sources.length);
      // Other requests get their turn during a long export.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writer.end();
  await out.close();
  return result;
}
