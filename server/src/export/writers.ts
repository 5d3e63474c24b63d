// `export`: one record per disputed item, as a JSON array, JSON Lines, or CSV (RFC 4180: every
// record ends in CRLF, a field with a comma, quote or line break is quoted and its quotes doubled).
// Lists go into one CSV cell each: sources, diagnostic codes, diagnoses, states and specialties separated by "; ", citations one per
// line inside the cell (topics may contain ";", never a line break, since the engine folds white space),
// and the user's notes one per line too (a note may hold ";" and line breaks of its own).

import type { ExportCitation, ExportRecord } from './records';
import type { Output } from '../files/output';

export const CSV_COLUMNS = [
  'file',
  'letter',
  'caseNumber',
  'item',
  'requested',
  'authorized',
  'outcome',
  'outcomeText',
  'line',
  'reviewerSpecialty',
  'sources',
  'citations',
  'conclusion',
  'diagnostics',
  'dateAssigned',
  'decisionDate',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
  'priority',
  'patientAge',
  'patientSex',
  'diagnoses',
  'reviewerLicensure',
  'reviewerSpecialties',
  'category',
  'subcategory',
  'drug',
  'quantity',
  'notes',
  'letterNotes',
  'tags',
  'status',
  'appealBy',
] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * Letter text in a CSV cell must not run as a spreadsheet formula: a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text
 * (the OWASP advice on CSV injection). JSON and JSON Lines keep the text as it is.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
}

/** `MTUS/CPMTG (MTUS): Benzodiazepines, p. 24`; `ODG (non-MTUS): Mental Illness Chapter`. */
export function citationText(c: ExportCitation): string {
  let s = c.source + (c.document ? '/' + c.document : '') + (c.mtus ? ' (MTUS)' : ' (non-MTUS)');
  const details: string[] = [];
  if (c.topic) details.push(c.topic);
  if (c.pages.length > 0) details.push((c.pages.length === 1 ? 'p. ' : 'pp. ') + c.pages.join(', '));
  if (details.length > 0) s += ': ' + details.join(', ');
  return s;
}

export function csvRecord(r: ExportRecord): string {
  const cells = [
    r.file,
    String(r.letter),
    r.caseNumber ?? '',
    r.item,
    r.requested ?? '',
    r.authorized ?? '',
    r.outcome,
    r.outcomeText,
    String(r.line),
    r.reviewerSpecialty ?? '',
    r.sources.join('; '),
    // A line feed inside the quoted cell: spreadsheets show one citation per line.
    r.citations.map(citationText).join('\n'),
    r.conclusion,
    r.diagnostics.join('; '),
    r.dateAssigned ?? '',
    r.decisionDate ?? '',
    r.dateOfInjury ?? '',
    r.urDenialDate ?? '',
    r.applicationReceived ?? '',
    r.priority ?? '',
    r.patientAge === null ? '' : String(r.patientAge),
    r.patientSex ?? '',
    r.diagnoses.join('; '),
    r.reviewerLicensure.join('; '),
    r.reviewerSpecialties.join('; '),
    r.category,
    r.subcategory ?? '',
    r.drug ?? '',
    r.quantity ?? '',
    // Notes are free text: one per line inside the cell, as citations.
    r.notes.join('\n'),
    r.letterNotes.join('\n'),
    r.tags.join('; '),
    r.status ?? '',
    r.appealBy ?? '',
  ];
  return csvRow(cells.map(spreadsheetSafe));
}

export type ExportFormat = 'json' | 'jsonl' | 'csv';

/**
 * One file's records as the output holds them: JSON Lines and CSV rows each ending in their line
 * break, JSON array elements separated by ",\n" (the writer adds what goes before the first). Runs
 * where the file is analysed, on a pool worker: the main thread only writes the text out.
 */
export function formatRecords(records: readonly ExportRecord[], format: ExportFormat): string {
  let text = '';
  for (const r of records) {
    if (format === 'csv') text += csvRecord(r);
    else if (format === 'jsonl') text += JSON.stringify(r) + '\n';
    else text += (text === '' ? '' : ',\n') + JSON.stringify(r);
  }
  return text;
}

export interface RecordWriter {
  start(): Promise<void>;
  records(records: readonly ExportRecord[]): Promise<void>;
  end(): Promise<void>;
}

/** A writer that also takes records already formatted (formatRecords) with its format. */
export abstract class FormattedWriter implements RecordWriter {
  constructor(
    protected readonly out: Output,
    readonly format: ExportFormat,
  ) {}
  async start(): Promise<void> {}
  async records(records: readonly ExportRecord[]): Promise<void> {
    await this.formatted(formatRecords(records, this.format), records.length);
  }
  async formatted(text: string, _count: number): Promise<void> {
    await this.out.write(text);
  }
  async end(): Promise<void> {}
}

export class JsonArrayWriter extends FormattedWriter {
  private count = 0;
  constructor(out: Output) {
    super(out, 'json');
  }
  override async start(): Promise<void> {
    await this.out.write('[');
  }
  override async formatted(text: string, count: number): Promise<void> {
    if (count === 0) return;
    await this.out.write((this.count === 0 ? '\n' : ',\n') + text);
    this.count += count;
  }
  override async end(): Promise<void> {
    await this.out.write(this.count === 0 ? ']\n' : '\n]\n');
  }
}

export class JsonLinesWriter extends FormattedWriter {
  constructor(out: Output) {
    super(out, 'jsonl');
  }
}

export class CsvWriter extends FormattedWriter {
  constructor(
    out: Output,
    private readonly bom: boolean,
  ) {
    super(out, 'csv');
  }
  override async start(): Promise<void> {
    await this.out.write((this.bom ? '\uFEFF' : '') + csvRow(CSV_COLUMNS));
  }
}
