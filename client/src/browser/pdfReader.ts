// PDF letters in VS Code for the Web: pdf.js runs in a Worker (dist/browser/pdf.js, entry
// server/src/browser/pdfWorker.ts) started on the first PDF, and registered as the PDF reader that
// pdfBytesToText (server/src/pdf/letterText.ts) uses, so that "IMR: Open PDF Letter as Text" and
// the folder's PDFs read as they do in Node.

import * as vscode from 'vscode';
import { PdfWorkerReply, setPdfReader } from '../../../server/src/browser/pdfLoad';
import type { PdfLimits } from '../../../server/src/pdf/limits';
import { PdfProblem } from '../../../server/src/pdf/problems';
import type { PdfText } from '../../../server/src/pdf/reader';
import { startBundleWorker, StartedWorker } from './bundleWorker';

export function registerPdfReader(context: vscode.ExtensionContext): void {
  let started: Promise<StartedWorker> | undefined;
  let nextId = 1;
  const waiting = new Map<number, (reply: PdfWorkerReply) => void>();
  const start = () => {
    started ??= startBundleWorker(context, 'pdf.js', 'IMR Letters PDF reader').then((s) => {
      s.worker.addEventListener('message', ({ data }) => {
        const reply = data as PdfWorkerReply;
        waiting.get(reply.id)?.(reply);
        waiting.delete(reply.id);
      });
      return s;
    });
    return started;
  };
  setPdfReader({
    readPdfText: async (bytes: Uint8Array, limits?: PdfLimits): Promise<PdfText> => {
      const { worker } = await start();
      const id = nextId++;
      const reply = await new Promise<PdfWorkerReply>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, bytes, limits });
      });
      if ('problem' in reply) throw new PdfProblem(reply.problem.kind, reply.problem.message);
      return { text: reply.text, pages: reply.pages };
    },
  });
  context.subscriptions.push(
    new vscode.Disposable(() => {
      setPdfReader(undefined);
      void started?.then((s) => s.stop());
    }),
  );
}
