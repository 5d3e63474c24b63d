// PDF letters in the editor: the PDF view (pdfView/pdfEditor.ts, VS Code's default editor for
// *.pdf) shows a PDF's pages and, for a letter, its text beside them (pdfView/pdfTexts.ts: a
// read-only document in the letter language, so that every letter feature works on it); "IMR: Open
// PDF Letter as Text" opens that text from the Explorer or the command palette; "IMR: Save as Text"
// writes the reader's text where the user chooses.

import * as vscode from 'vscode';
import { registerPdfReader } from './node/platform';
import { PdfViews } from './pdfView/pdfEditor';
import { fileName, openPdfText, pdfOfTextUri, PdfTexts, PDF_TEXT_SCHEME } from './pdfView/pdfTexts';

export const OPEN_PDF_COMMAND = 'imrLetters.openPdfAsText';
export const SAVE_TEXT_COMMAND = 'imrLetters.saveAsText';

/** The PDF the user means: the one clicked, else the one shown in the active tab (any viewer). */
function pdfInView(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  const uri = input?.uri instanceof vscode.Uri ? input.uri : vscode.window.activeTextEditor?.document.uri;
  return uri && /\.pdf$/i.test(uri.path) ? uri : undefined;
}

export function registerPdfLetters(context: vscode.ExtensionContext): PdfViews {
  const texts = new PdfTexts();
  const views = new PdfViews(context.extensionUri, texts);
  // In VS Code for the Web, pdf.js in a Worker (client/src/browser/pdfReader.ts); nothing to do in Node.
  registerPdfReader(context);
  context.subscriptions.push(
    views,
    vscode.workspace.registerTextDocumentContentProvider(PDF_TEXT_SCHEME, texts),
    // A hidden tab's page is let go; shown again, it is drawn again at the page it was left on.
    vscode.window.registerCustomEditorProvider(PdfViews.viewType, views, { supportsMultipleEditorsPerDocument: true }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      // A language switch (the text is opened in the letter language) also fires this, with the
      // document still open: its reader's text is still needed then, for Save as Text.
      const key = doc.uri.toString();
      if (doc.uri.scheme === PDF_TEXT_SCHEME && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === key))
        texts.forget(doc.uri);
    }),
    vscode.commands.registerCommand(OPEN_PDF_COMMAND, async (clicked?: vscode.Uri) => {
      let pdf = clicked instanceof vscode.Uri ? clicked : pdfInView();
      if (!pdf) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { 'PDF letters': ['pdf'] },
          openLabel: 'Open as Text',
        });
        pdf = picked?.[0];
      }
      if (!pdf) return undefined;
      const name = fileName(pdf);
      const read = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Reading ${name}` },
        () => texts.read(pdf),
      );
      if ('error' in read) {
        void vscode.window.showErrorMessage(`${name}: ${read.error}`);
        return undefined;
      }
      // From the PDF view's title bar: beside its pages, as the view itself opens a letter's text.
      const fromView = views.isShown(pdf) && !clicked;
      return openPdfText(pdf, fromView ? { viewColumn: vscode.ViewColumn.Beside } : { preview: false });
    }),
    // From a menu the first argument is the document's URI; a second one (from code, such as the
    // editor tests) names the file to write and skips the dialog.
    vscode.commands.registerCommand(SAVE_TEXT_COMMAND, async (_resource?: unknown, to?: vscode.Uri) => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return undefined;
      const pdf = doc.uri.scheme === PDF_TEXT_SCHEME ? pdfOfTextUri(doc.uri) : undefined;
      const from = pdf ?? doc.uri;
      const target =
        to instanceof vscode.Uri
          ? to
          : await vscode.window.showSaveDialog({
              defaultUri: from.with({ path: from.path.replace(/(\.pdf)?$/i, '.txt'), query: '' }),
              filters: { Text: ['txt'] },
              saveLabel: 'Save as Text',
            });
      if (!target) return undefined;
      // A PDF's text as the reader gives it (form feeds between pages, as pdftotext writes them).
      const kept = texts.known(doc.uri);
      const text = kept ? kept.readerText : doc.getText();
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      return target;
    }),
  );
  void views.reopenBinaryTabs().catch(() => undefined);
  return views;
}
