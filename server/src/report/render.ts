// The report in the command line's three formats, all from the one model.

import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { DecisionsReport } from './model';

export type ReportFormat = 'html' | 'md' | 'json';

export function renderReport(report: DecisionsReport, format: ReportFormat): string {
  if (format === 'md') return renderMarkdown(report);
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return renderHtml(report);
}
