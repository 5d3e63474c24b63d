// One file, start to finish: read it, decide whether it is a letter, run the engine's checks with
// the configured severities and, for `export`, build one record per disputed item. Runs on a worker
// thread or on the main thread; the result is plain data so it can cross between threads.

import { daysToDecisionOf } from '../engine/caseFacts';
import { checkLetter, DiagnosticCode, Finding, Severity } from '../engine/check';
import { isLetter } from '../engine/detect';
import { LineIndex } from '../engine/lines';
import type { Citation, DisputedItem, Letter, LetterDocument, Span } from '../engine/model';
import { lineStartsOf, parseLetter } from '../engine/parse';
import { treatmentOf } from '../engine/treatmentCategories';
import { isLetterLanguageFile } from '../engine/vocabulary';
import { readLetterText } from '../pdf/letterText';

export type Mode = 'check' | 'export';
export type FileStatus = 'letter' | 'not-letter' | 'binary' | 'unreadable' | 'failed';
export type ReportedSeverity = Exclude<Severity, 'off'>;

/** 1-based lines and columns (UTF-16 code units, as editors count); the end column is exclusive. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CliDiagnostic extends Region {
  severity: ReportedSeverity;
  code: DiagnosticCode;
  message: string;
  /** 1-based number of the letter in the file. */
  letter: number;
  /** 1-based number of the disputed item in its letter, when the finding is about one item. */
  item?: number;
  related?: Region & { message: string };
}

export interface ExportCitation {
  source: Citation['source'];
  /** The MTUS document (CPMTG, ACOEM, Opioids, Formulary) when known. */
  document: string | null;
  /** Cited as part of the MTUS ("Decision based on MTUS") rather than as a non-MTUS citation. */
  mtus: boolean;
  topic: string | null;
  pages: string[];
  /** Which part of the item cites it: the claims administrator's guideline, the reviewer's, or the rationale. */
  part: Citation['part'];
  text: string;
}

export interface ExportRecord {
  file: string;
  /** 1-based number of the letter in the file. */
  letter: number;
  caseNumber: string | null;
  item: string;
  /** Upheld, Overturned, unknown (a word that is neither) or missing. */
  outcome: 'Upheld' | 'Overturned' | 'unknown' | 'missing';
  /** The outcome as the letter writes it (empty when missing). */
  outcomeText: string;
  /** 1-based line of the decision. */
  line: number;
  reviewerSpecialty: string | null;
  /** Guideline sources the reviewer's decision cites (reviewer guideline and rationale), first cited first. */
  sources: string[];
  citations: ExportCitation[];
  conclusion: 'medically-necessary' | 'not-medically-necessary' | 'not-stated';
  /** Codes of the diagnostics on this item, with the configured severities (codes set to off left out). */
  diagnostics: string[];
  /** The letter's header dates, ISO `YYYY-MM-DD`; null when the letter states none (or no valid date). */
  dateAssigned: string | null;
  decisionDate: string | null;
  dateOfInjury: string | null;
  urDenialDate: string | null;
  applicationReceived: string | null;
  /** The review's priority as the letter writes it (`Standard`, `Expedited`). */
  priority: string | null;
  /** The patient's age, sex and diagnoses as the clinical case summary states them; never guessed. */
  patientAge: number | null;
  patientSex: 'female' | 'male' | null;
  diagnoses: string[];
  /** The reviewer's states of licensure and board specialties, as written. */
  reviewerLicensure: string[];
  reviewerSpecialties: string[];
  /** The letter's days from the application's receipt (or assignment) to the decision (engine/caseFacts.ts). */
  daysToDecision: number | null;
  /**
   * The item's DWC Request Category, SubCategory and, for a pharmaceutical, drug class
   * (engine/treatmentCategories.ts); `Other` when unknown.
   */
  category: string;
  subcategory: string | null;
  drugClass: string | null;
  /** The drug and the quantity (the number after `#` or `QTY:`) where the item names them. */
  drug: string | null;
  quantity: string | null;
}

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** The path as output shows it. */
  display: string;
  status: FileStatus;
  /** Why an unreadable or failed file could not be checked. */
  error?: string;
  letters: number;
  items: number;
  diagnostics: CliDiagnostic[];
  records?: ExportRecord[];
  /** On the command line, export's records as the output's text (cli/export.ts formatRecords), and how many. */
  recordText?: string;
  recordCount?: number;
}

/** How much of a file to look at for NUL bytes, as git and grep do. */
const BINARY_SNIFF_BYTES = 8192;

export type ReadResult = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'unreadable'; error: string };

/** The file's text as an editor would open it: byte order marks honoured and removed, UTF-8 otherwise. */
export function decodeLetterBytes(buf: Buffer): ReadResult {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { kind: 'text', text: buf.toString('utf8', 3) };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { kind: 'text', text: buf.toString('utf16le', 2) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const body = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    return { kind: 'text', text: body.swap16().toString('utf16le') };
  }
  if (buf.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: buf.toString('utf8') };
}

/** The editor treats a `.imr` file as a letter whatever it holds; a `.txt` file only when isLetter() says so. */
export function treatAsLetter(abs: string, text: string): boolean {
  return isLetterLanguageFile(abs) || isLetter(text);
}

function region(lines: LineIndex, span: Span): Region {
  const s = lines.positionAt(span.start);
  const e = lines.positionAt(span.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function toDiagnostics(
  findings: readonly Finding[],
  lines: LineIndex,
  severities: Readonly<Record<DiagnosticCode, Severity>>,
): CliDiagnostic[] {
  const out: CliDiagnostic[] = [];
  for (const f of findings) {
    const severity = severities[f.code];
    if (severity === 'off') continue;
    const { line, column, endLine, endColumn } = region(lines, f.range);
    const d: CliDiagnostic = {
      line,
      column,
      endLine,
      endColumn,
      severity,
      code: f.code,
      message: f.message,
      letter: f.letterIndex + 1,
    };
    if (f.itemIndex !== undefined) d.item = f.itemIndex + 1;
    if (f.related) {
      const r = region(lines, f.related.range);
      d.related = {
        line: r.line,
        column: r.column,
        endLine: r.endLine,
        endColumn: r.endColumn,
        message: f.related.message,
      };
    }
    out.push(d);
  }
  // Findings come letter by letter and check by check; output reads top to bottom.
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

const OUTCOME_NAMES = { upheld: 'Upheld', overturned: 'Overturned', unknown: 'unknown', missing: 'missing' } as const;

function exportCitation(c: Citation): ExportCitation {
  return {
    source: c.source,
    document: c.document ?? null,
    mtus: c.mtus,
    topic: c.topic ?? null,
    pages: [...c.pages],
    part: c.part,
    text: c.text,
  };
}

function exportRecord(
  display: string,
  letter: Letter,
  item: DisputedItem,
  itemIndex: number,
  lines: LineIndex,
  diagnostics: readonly CliDiagnostic[],
): ExportRecord {
  const sources: string[] = [];
  for (const c of item.citations) {
    if (c.part !== 'claims-administrator-guideline' && !sources.includes(c.source)) sources.push(c.source);
  }
  const specialties = letter.reviewer?.specialties ?? [];
  const { facts, patient } = letter;
  const treatment = treatmentOf(item.name);
  return {
    file: display,
    letter: letter.index + 1,
    caseNumber: letter.caseNumber ?? null,
    item: item.name,
    outcome: OUTCOME_NAMES[item.outcome.kind],
    outcomeText: item.outcome.raw,
    line: lines.positionAt(item.decisionRange.start).line + 1,
    reviewerSpecialty: specialties.length > 0 ? specialties.join('; ') : null,
    sources,
    citations: item.citations.map(exportCitation),
    conclusion: item.conclusion.kind,
    diagnostics: diagnostics
      .filter((d) => d.letter === letter.index + 1 && d.item === itemIndex + 1)
      .map((d) => d.code),
    dateAssigned: facts.dateAssigned ?? null,
    decisionDate: facts.decisionDate ?? null,
    dateOfInjury: facts.dateOfInjury ?? null,
    urDenialDate: facts.urDenialDate ?? null,
    applicationReceived: facts.applicationReceived ?? null,
    priority: facts.priority ?? null,
    daysToDecision: daysToDecisionOf(facts) ?? null,
    patientAge: patient.age ?? null,
    patientSex: patient.sex ?? null,
    diagnoses: [...patient.diagnoses],
    reviewerLicensure: [...(letter.reviewer?.licensure ?? [])],
    reviewerSpecialties: [...specialties],
    category: treatment.category,
    subcategory: treatment.subcategory,
    drugClass: treatment.drugClass,
    drug: treatment.drug,
    quantity: treatment.quantity,
  };
}

/** Everything the tool reports about one document's text. */
export function analyzeText(
  text: string,
  abs: string,
  display: string,
  mode: Mode,
  severities: Readonly<Record<DiagnosticCode, Severity>>,
): FileReport {
  if (!treatAsLetter(abs, text))
    return { path: abs, display, status: 'not-letter', letters: 0, items: 0, diagnostics: [] };
  const doc: LetterDocument = parseLetter(text);
  // The parser's own line starts: a second pass over the text cost a tenth of checking a letter.
  const lines = new LineIndex(text, lineStartsOf(doc));
  const diagnostics = toDiagnostics(checkLetter(doc), lines, severities);
  const report: FileReport = {
    path: abs,
    display,
    status: 'letter',
    letters: doc.letters.length,
    items: doc.letters.reduce((n, l) => n + l.items.length, 0),
    diagnostics,
  };
  if (mode === 'export') {
    report.records = [];
    for (const letter of doc.letters)
      letter.items.forEach((item, i) =>
        report.records!.push(exportRecord(display, letter, item, i, lines, diagnostics)),
      );
  }
  return report;
}

/** A letter file's text: a PDF's through the PDF reader, a text file's as decodeLetterBytes decodes it. */
export function readAnyLetterFile(abs: string): Promise<ReadResult> {
  return readLetterText(abs, decodeLetterBytes);
}

export async function analyzeFile(
  abs: string,
  display: string,
  mode: Mode,
  severities: Readonly<Record<DiagnosticCode, Severity>>,
): Promise<FileReport> {
  const read = await readAnyLetterFile(abs);
  if (read.kind === 'unreadable')
    return { path: abs, display, status: 'unreadable', error: read.error, letters: 0, items: 0, diagnostics: [] };
  if (read.kind === 'binary') return { path: abs, display, status: 'binary', letters: 0, items: 0, diagnostics: [] };
  try {
    return analyzeText(read.text, abs, display, mode, severities);
  } catch (e) {
    // An engine bug must not take the whole run down: the file is reported and the exit code says so.
    return {
      path: abs,
      display,
      status: 'failed',
      error: `internal error: ${(e as Error)?.message ?? String(e)}`,
      letters: 0,
      items: 0,
      diagnostics: [],
    };
  }
}
