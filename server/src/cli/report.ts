// `report`: the export's records of every file, gathered into the decisions report's model
// (report/model.ts) and written once every file is read, as HTML, Markdown or JSON.

import type { FileReport } from '../export/analyze';
import type { Output } from '../files/output';
import { buildReport, ReportRow } from '../report/model';
import { renderReport, ReportFormat } from '../report/render';
import { rowOfRecord } from '../report/rows';

export class ReportCollector {
  private readonly rows: ReportRow[] = [];
  private letters = 0;

  constructor(
    private readonly out: Output,
    private readonly format: ReportFormat,
  ) {}

  async file(r: FileReport): Promise<void> {
    if (r.status !== 'letter') return;
    this.letters += r.letters;
    for (const record of r.records ?? []) this.rows.push(rowOfRecord(record));
  }

  async end(): Promise<void> {
    await this.out.write(renderReport(buildReport(this.rows, this.letters), this.format));
  }
}
