// `report`: the export's records of every file, gathered into the decisions report's model
// (report/model.ts) and written once every file is read, as HTML, Markdown or JSON. The report of
// one folder names it (relative to the working folder) and lists its files relative to it.
// `--status`/`--tag` keep the items the notes file gives that status or tag (report/notesFilter.ts,
// the editor's filter); they need the notes files whole, so a damaged one stops the report.

import * as fs from 'fs';
import * as path from 'path';
import type { FileReport } from '../export/analyze';
import { localToday } from '../engine/calendar';
import { appealsOf } from '../report/appeals';
import { displayPath } from './displayPath';
import type { Output } from '../files/output';
import { findNotesFile, readNotesFile } from '../notes/fileStore';
import type { ReportHeading } from '../report/heading';
import type { ReportRow } from '../report/model';
import { filteredReport, type NotesFilter } from '../report/notesFilter';
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
    private readonly filter: NotesFilter = {},
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

  /** Writes the report; its items and letters (after the filter). */
  async end(): Promise<{ items: number; letters: number }> {
    const report = filteredReport(this.rows, this.letters, this.filter);
    report.appeals = appealsOf(report.items, localToday(this.heading.made));
    await this.out.write(renderReport(report, this.format, this.heading));
    return { items: report.totals.items, letters: report.totals.letters };
  }
}

/**
 * The first damaged notes file the letter files `files` read their notes from, as the error names
 * it; undefined when every one is whole (or there is none). A folder's notes file is looked up once.
 */
export function damagedNotesFile(files: readonly string[], cwd: string): string | undefined {
  const looked = new Set<string>();
  const read = new Set<string>();
  for (const file of files) {
    const dir = path.dirname(file);
    if (looked.has(dir)) continue;
    looked.add(dir);
    const notes = findNotesFile(dir);
    if (notes === undefined || read.has(notes)) continue;
    read.add(notes);
    const found = readNotesFile(notes, displayPath(notes, cwd));
    if (found.kind === 'damaged') return found.error;
  }
  return undefined;
}
