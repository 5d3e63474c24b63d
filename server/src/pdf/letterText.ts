// A letter file's text, whatever it is saved as: a PDF's text layer through the PDF reader, a text
// file decoded as an editor would. The one entry point for code that reads letters from disk (the
// command-line tool; a workspace index that should list PDF letters too).

import * as path from 'path';
import { DEFAULT_PDF_LIMITS, PdfLimits } from './limits';
import { loadPdfReader } from './load';
import { isPdfProblem } from './problems';
import { mayBeginLetter } from '../engine/detect';
import { decodeLetterBytes } from '../files/decode';
import { MAX_FILE_BYTES, readRegularFileShared, readRegularFileSync } from '../files/readFile';

export type LetterTextResult =
  | { kind: 'text'; text: string; pdf?: boolean }
  | { kind: 'binary' }
  /** Could not be read (a file system error) or, for a PDF, gave no letter text; `error` says why. */
  | { kind: 'unreadable'; error: string };

export const PDF_EXTENSION = '.pdf';

export function isPdfPath(file: string): boolean {
  return path.extname(file).toLowerCase() === PDF_EXTENSION;
}

/**
 * The text of PDF bytes, or why there is none; never throws for a bad file. `lettersOnly`: the caller
 * wants letters only, so a PDF whose first page cannot begin one (mayBeginLetter) gives that page's
 * text alone.
 */
export async function pdfBytesToText(
  bytes: Uint8Array,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
  lettersOnly = false,
): Promise<LetterTextResult> {
  try {
    const { text } = await loadPdfReader().readPdfText(bytes, limits, lettersOnly ? mayBeginLetter : undefined);
    return { kind: 'text', text, pdf: true };
  } catch (e) {
    if (isPdfProblem(e)) return { kind: 'unreadable', error: e.message };
    // pdf.js failing in a way the reader did not foresee is still a bad file, not a crash.
    return { kind: 'unreadable', error: `damaged PDF: ${(e as Error)?.message ?? String(e)}` };
  }
}

/**
 * The letter text of a file on disk. `decodeText` turns a text file's bytes into text (the caller's
 * rules: byte order marks, binary sniffing); the bytes are valid only during that call (they are
 * read into a buffer reused for the next file: readRegularFileShared). A file named .pdf goes
 * through the PDF reader, with bytes of its own (pdf.js reads them across awaits).
 */
export async function readLetterText(
  file: string,
  decodeText: (bytes: Buffer) => LetterTextResult,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
  maxTextBytes = MAX_FILE_BYTES,
  lettersOnly = false,
): Promise<LetterTextResult> {
  // Read as the folder walker reads: never blocking on a FIFO nor reading a device, and a file
  // larger than the reader takes refused before it is read into memory.
  const pdf = isPdfPath(file);
  const read = pdf ? readRegularFileSync(file, limits.maxBytes) : readRegularFileShared(file, maxTextBytes);
  if (read.kind !== 'bytes') return { kind: 'unreadable', error: read.reason };
  // By name only: a PDF saved as .txt stays a binary file that is skipped, as before PDFs were read.
  if (pdf) return pdfBytesToText(read.bytes, limits, lettersOnly);
  return decodeText(read.bytes);
}

/**
 * A letter file's text: a PDF's through the PDF reader, a text file's as an editor decodes it.
 * `lettersOnly`: see pdfBytesToText.
 */
export function readLetterFile(file: string, lettersOnly = false): Promise<LetterTextResult> {
  return readLetterText(file, decodeLetterBytes, DEFAULT_PDF_LIMITS, MAX_FILE_BYTES, lettersOnly);
}
