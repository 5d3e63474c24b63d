// IMR: Export Decisions... on the server: the same export as the command line's (export/analyze.ts records,
// export/writers.ts) of every letter in the index, open letters from their current text. In VS
// Code for the Web the client reads the other letters for the server, and writes the export.

import { fileURLToPath } from 'url';
import { DiagnosticCode, DIAGNOSTIC_CODES, Severity, severityFor, SeveritySettings } from '../engine/check';
import { analyzeFile, analyzeText, FileReport } from '../export/analyze';
import { notesForLetterFile, type NotesForFile } from '../export/letterNotes';
import { CsvWriter, JsonArrayWriter, JsonLinesWriter, RecordWriter } from '../export/writers';
import { memoryStream, openOutputFile, Output } from '../files/output';
import { DEFAULT_PDF_LIMITS } from '../pdf/limits';
import type { ExportDecisionsParams, ExportDecisionsResult, ReadFileResult } from '../protocol/requests';
import { DEFAULT_LIMITS } from '../workspace/indexer';
import { pdfOfTextUri } from '../protocol/pdfTextUri';
import { fileNameOf } from './workspaceSymbols';

/** Where a letter's notes are: the notes file the client read for its folder, if any. */
export type NotesPlace = (uri: string) => NotesForFile | undefined;

/**
 * The notes of a letter whose text the server has in hand (open, or read through the client): the
 * client's copy of its folder's notes file, the only one in VS Code for the Web; else the file
 * beside it on disk (a PDF letter's text: beside its PDF), as analyzeFile finds them.
 */
function notesOfText(uri: string, place?: NotesPlace): NotesForFile | undefined {
  const placed = place?.(uri);
  if (placed) return placed;
  const file = uri.startsWith('file:') ? uri : pdfOfTextUri(uri);
  return file?.startsWith('file:') ? notesForLetterFile(fileURLToPath(file)).notes : undefined;
}

export interface ExportSource {
  uri: string;
  /** The open editor's text, when the letter is open. */
  text?: string;
}

export async function exportDecisions(
  sources: readonly ExportSource[],
  params: ExportDecisionsParams,
  settings: SeveritySettings | undefined,
  progress: (done: number, total: number) => void,
  isCancelled: () => boolean,
  /** Reads a letter that is not open, when the server has no disk (VS Code for the Web). */
  readFile?: (uri: string, maxBytes: number) => Promise<ReadFileResult>,
  notesPlace?: NotesPlace,
): Promise<ExportDecisionsResult> {
  const severities = {} as Record<DiagnosticCode, Severity>;
  for (const code of DIAGNOSTIC_CODES) severities[code] = severityFor(code, settings);
  const parts: string[] = [];
  const out = new Output(params.inline ? memoryStream(parts) : await openOutputFile(params.path));
  const writer: RecordWriter =
    params.format === 'csv'
      ? new CsvWriter(out, true)
      : params.format === 'jsonl'
        ? new JsonLinesWriter(out)
        : new JsonArrayWriter(out);
  const result: ExportDecisionsResult = { items: 0, letters: 0, skipped: 0 };
  await writer.start();
  let done = 0;
  for (const source of sources) {
    if (isCancelled()) break;
    const display = source.uri.startsWith('file:') ? fileURLToPath(source.uri) : fileNameOf(source.uri);
    const text = source.text ?? (readFile ? await readText(source.uri, readFile) : undefined);
    const report: FileReport | undefined =
      text !== undefined
        ? analyzeText(text, display, display, 'export', severities, notesOfText(source.uri, notesPlace))
        : readFile
          ? undefined
          : await analyzeFile(display, display, 'export', severities);
    if (report?.status === 'letter') {
      result.letters += report.letters;
      result.items += report.records?.length ?? 0;
      await writer.records(report.records ?? []);
    } else result.skipped++;
    if (++done % 50 === 0) {
      progress(done, sources.length);
      // Other requests get their turn during a long export.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writer.end();
  await out.close();
  return params.inline ? { ...result, content: parts.join('') } : result;
}

/** A letter's text through the client; a PDF letter's (indexed at its imr-pdf: text) from its PDF. */
async function readText(
  uri: string,
  readFile: (uri: string, maxBytes: number) => Promise<ReadFileResult>,
): Promise<string | undefined> {
  const pdf = pdfOfTextUri(uri);
  const read = await readFile(pdf ?? uri, pdf ? DEFAULT_PDF_LIMITS.maxBytes : DEFAULT_LIMITS.maxFileBytes).catch(
    () => undefined,
  );
  return read?.kind === 'text' ? read.text : undefined;
}
