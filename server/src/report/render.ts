// The report in the command line's three formats, all from the one model.

import type { ReportHeading } from './heading';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { DecisionsReport } from './model';

export type ReportFormat = 'html' | 'md' | 'json';

export function renderReport(report: DecisionsReport, format: ReportFormat, heading?: ReportHeading): string {
  if (format === 'md') return renderMarkdown(report, undefined, heading);
  if (format === 'json') {
    const about = heading ? { of: heading.of, folder: heading.folder, made: heading.made.toISOString() } : undefined;
    return JSON.stringify(about ? { heading: about, ...report } : report, null, 2) + '\n';
  }
  return renderHtml(report, { heading });
}
