// Problems of letters that are not open, from the index's summaries: the same diagnostics an open
// letter gets (code, message, related place), with the severities in force.

import { Diagnostic, Range } from 'vscode-languageserver';
import { severityFor, SeveritySettings } from '../engine/check';
import type { FileSummary, Place } from '../export/summary';
import { lspSeverity } from './lspSeverity';

export function rangeOf(place: Place): Range {
  return { start: { line: place[0], character: place[1] }, end: { line: place[2], character: place[3] } };
}

export function summaryDiagnostics(uri: string, summary: FileSummary, settings?: SeveritySettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of summary.problems) {
    const severity = lspSeverity(p.code, settings);
    if (severity === undefined) continue;
    const d: Diagnostic = {
      range: rangeOf(p.at),
      severity,
      code: p.code,
      source: 'imr-letters',
      message: p.message,
    };
    if (p.related)
      d.relatedInformation = [{ location: { uri, range: rangeOf(p.related.at) }, message: p.related.message }];
    out.push(d);
  }
  return out;
}

/** Errors and warnings of a summary with the severities in force. */
export function countProblems(summary: FileSummary, settings?: SeveritySettings): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of summary.problems) {
    const s = severityFor(p.code, settings);
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
  }
  return { errors, warnings };
}
