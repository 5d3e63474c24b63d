// `report`: the export's records of every file, gathered into the decisions report's model
// (report/model.ts) and written once every file is read, as HTML, Markdown or JSON. The report of
// one folder names it (relative to the working folder) and lists its files relative to it.

import * as fs from 'fs';
import * as path from 'path';
import type { FileReport } from '../export/analyze';
import { displayPath } from './displayPath';
import type { Output } from '../files/output';
import type { ReportHeading } from '../report/heading';
import { buildReport, ReportRow } from '../report/model';
import { renderReport, ReportFormat } from '../report/render';
import { rowOfRecord } from '../report/rows';

/** What a report of `inputs` says it was made of, and the prefix its files lose (a folder's, with its separator). */
export function reportScope(
  inputs: readonly string[],
  cwd: string,
  made: Date,
): { heading: ReportHeading; prefix: string | undefined } {
  if (inputs.length === 1) {
    const abs = path.resolve(cwd, inputs[0]);
    if (fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
      if (abs === cwd) return { heading: { of: ['.'], folder: true, made }, prefix: undefined };
      const shown = displayPath(abs, cwd);
      return { heading: { of: [shown], folder: true, made }, prefix: shown + path.sep };
    }
  }
  return { heading: { of: inputs, folder: false, made }, prefix: undefined };
}

export class ReportCollector {
  private readonly rows: ReportRow[] = [];
  private letters = 0;
  private readonly heading: ReportHeading;
  private readonly prefix: string | undefined;

  constructor(
    private readonly out: Output,
    private readonly format: ReportFormat,
    inputs: readonly string[],
    cwd: string,
  ) {
    ({ heading: this.heading, prefix: this.prefix } = reportScope(inputs, cwd, new Date()));
  }

  async file(r: FileReport): Promise<void> {
    if (r.status !== 'letter') return;
    this.letters += r.letters;
    const prefix = this.prefix;
    for (const record of r.records ?? []) {
      const row = rowOfRecord(record);
      if (prefix !== undefined && row.file.startsWith(prefix)) row.file = row.file.slice(prefix.length);
      this.rows.push(row);
    }
  }

  async end(): Promise<void> {
    await this.out.write(renderReport(buildReport(this.rows, this.letters), this.format, this.heading));
  }
}
