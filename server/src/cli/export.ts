// `export`: one record per disputed item, as a JSON array, JSON Lines, or CSV (RFC 4180: every
// record ends in CRLF, a field with a comma, quote or line break is quoted and its quotes doubled).
// Lists go into one CSV cell each: sources, diagnostic codes, diagnoses, states and specialties separated by "; ", citations one per
// line inside the cell (topics may contain ";", never a line break, since the engine folds white space).

import type { ExportCitation, ExportRecord } from './analyze';
import type { Output } from './output';

export const CSV_COLUMNS = [
  'file',
  'letter',
  'caseNumber',
  'item',
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
  ];
  return csvRow(cells.map(spreadsheetSafe));
}

export interface RecordWriter {
  start(): Promise<void>;
  records(records: readonly ExportRecord[]): Promise<void>;
  end(): Promise<void>;
}

export class JsonArrayWriter implements RecordWriter {
  private count = 0;
  constructor(private readonly out: Output) {}
  async start(): Promise<void> {
    await this.out.write('[');
  }
  async records(records: readonly ExportRecord[]): Promise<void> {
    let chunk = '';
    for (const r of records) chunk += (this.count++ === 0 ? '\n' : ',\n') + JSON.stringify(r);
    await this.out.write(chunk);
  }
  async end(): Promise<void> {
    await this.out.write(this.count === 0 ? ']\n' : '\n]\n');
  }
}

export class JsonLinesWriter implements RecordWriter {
  constructor(private readonly out: Output) {}
  async start(): Promise<void> {}
  async records(records: readonly ExportRecord[]): Promise<void> {
    await this.out.write(records.map((r) => JSON.stringify(r) + '\n').join(''));
  }
  async end(): Promise<void> {}
}

export class CsvWriter implements RecordWriter {
  constructor(
    private readonly out: Output,
    private readonly bom: boolean,
  ) {}
  async start(): Promise<void> {
    await this.out.write((this.bom ? '\uFEFF' : '') + csvRow(CSV_COLUMNS));
  }
  async records(records: readonly ExportRecord[]): Promise<void> {
    await this.out.write(records.map(csvRecord).join(''));
  }
  async end(): Promise<void> {}
}
