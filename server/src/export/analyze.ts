// One file, start to finish: read it, decide whether it is a letter, run the engine's checks with
// the configured severities and, for `export`, build one record per disputed item. Runs on a worker
// thread or on the main thread; the result is plain data so it can cross between threads.

import { checkLetter, DiagnosticCode, Finding, Severity } from '../engine/check';
import { LineIndex } from '../engine/lines';
import type { LetterDocument, Span } from '../engine/model';
import { lineStartsOf, parseLetter } from '../engine/parse';
import { isLetterFile } from '../files/fileKinds';
import { readLetterFile } from '../pdf/letterText';
import { resolveNotes } from '../notes/resolve';
import { NotesForFile, notesForLetterFile } from './letterNotes';
import { ExportRecord, exportRecord } from './records';

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

export interface FileDiagnostic extends Region {
  severity: ReportedSeverity;
  code: DiagnosticCode;
  message: string;
  /** 1-based number of the letter in the file. */
  letter: number;
  /** 1-based number of the disputed item in its letter, when the finding is about one item. */
  item?: number;
  related?: Region & { message: string };
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
  diagnostics: FileDiagnostic[];
  records?: ExportRecord[];
  /** Export: the letter's notes file is damaged (named, and what is wrong); its records carry no notes. */
  notesError?: string;
  /** On the command line, export's records as the output's text (export/writers.ts formatRecords), and how many. */
  recordText?: string;
  recordCount?: number;
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
): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const f of findings) {
    const severity = severities[f.code];
    if (severity === 'off') continue;
    const { line, column, endLine, endColumn } = region(lines, f.range);
    const d: FileDiagnostic = {
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

/** Everything the tool reports about one document's text. */
export function analyzeText(
  text: string,
  abs: string,
  display: string,
  mode: Mode,
  severities: Readonly<Record<DiagnosticCode, Severity>>,
  /** The notes file's notes for this letter file, for export's notes, tags and status. */
  notes?: NotesForFile,
): FileReport {
  if (!isLetterFile(abs, text))
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
    for (const letter of doc.letters) {
      const view = notes ? resolveNotes(letter, notes.file, notes.relativePath) : undefined;
      letter.items.forEach((item, i) =>
        report.records!.push(exportRecord(display, letter, item, i, lines, diagnostics, view)),
      );
    }
  }
  return report;
}

export async function analyzeFile(
  abs: string,
  display: string,
  mode: Mode,
  severities: Readonly<Record<DiagnosticCode, Severity>>,
): Promise<FileReport> {
  // Check and export want letters only: a PDF whose first page is none is read no further.
  const read = await readLetterFile(abs, true);
  if (read.kind === 'unreadable')
    return { path: abs, display, status: 'unreadable', error: read.error, letters: 0, items: 0, diagnostics: [] };
  if (read.kind === 'binary') return { path: abs, display, status: 'binary', letters: 0, items: 0, diagnostics: [] };
  // Notes only for an export: check never reads the notes file.
  const found = mode === 'export' ? notesForLetterFile(abs) : {};
  try {
    const report = analyzeText(read.text, abs, display, mode, severities, found.notes);
    if (found.error !== undefined && report.status === 'letter') report.notesError = found.error;
    return report;
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
