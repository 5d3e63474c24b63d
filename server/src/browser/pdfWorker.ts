// The PDF reader in VS Code for the Web: the entry of dist/browser/pdf.js, which the client starts
// in a Worker of its own the first time a PDF is read (client/src/browser/pdfReader.ts), so that
// pdf.js (a megabyte and more) is loaded only then and reads off the extension host's thread. One
// message in (the bytes and the limits), one out (the text, or the problem's kind and reason).

import { readPdfText } from '../pdf/reader';
import { isPdfProblem } from '../pdf/problems';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdfLoad';

interface WorkerScope {
  onmessage: ((event: { data: PdfWorkerRequest }) => void) | null;
  postMessage(message: PdfWorkerReply): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data: { id, bytes, limits } }) => {
  readPdfText(bytes, limits).then(
    (read) => scope.postMessage({ id, text: read.text, pages: read.pages }),
    (e: unknown) =>
      scope.postMessage({
        id,
        problem: isPdfProblem(e)
          ? { kind: e.kind, message: e.message }
          : { kind: 'damaged', message: `damaged PDF: ${(e as Error)?.message ?? String(e)}` },
      }),
  );
};
