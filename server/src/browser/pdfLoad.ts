// The PDF reader in VS Code for the Web. Node's loader (server/src/pdf/load.ts) requires the
// reader's bundle from disk; here the extension registers a reader that runs pdf.js in a Worker
// (client/src/browser/pdfReader.ts). The language server's Worker registers none: reading a PDF
// there gives the reason instead of text. Stands in for server/src/pdf/load.ts in the browser build.

import type { PdfReader } from '../pdf/load';
import type { PdfLimits } from '../pdf/limits';
import { PdfProblem, PdfProblemKind } from '../pdf/problems';
import { NOT_IN_THE_BROWSER } from './unavailable';

export type { PdfReader };

/** What the client posts to the PDF reader's Worker (server/src/browser/pdfWorker.ts)... */
export interface PdfWorkerRequest {
  id: number;
  bytes: Uint8Array;
  limits?: PdfLimits;
}
/** ...and what comes back. */
export type PdfWorkerReply =
  { id: number; text: string; pages: number } | { id: number; problem: { kind: PdfProblemKind; message: string } };

let reader: PdfReader | undefined;

export function setPdfReader(next: PdfReader | undefined): void {
  reader = next;
}

export function loadPdfReader(): PdfReader {
  if (!reader) throw new PdfProblem('damaged', `reading PDF letters is ${NOT_IN_THE_BROWSER}`);
  return reader;
}
