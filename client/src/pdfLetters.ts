// PDF letters in the editor: "IMR: Open PDF Letter as Text" reads a PDF's text layer (the PDF
// reader bundle, dist/pdf.js, loaded on the first PDF) and opens it as a read-only document of the
// extension's own scheme, in the letter language, so that every letter feature works on it; "IMR:
// Save as Text" writes that text where the user chooses. The text is read in the extension host
// through vscode.workspace.fs, so a PDF on any file system VS Code can read works.

import * as vscode from 'vscode';
import { pdfBytesToText } from '../../server/src/pdf/letterText';
import { LETTER_LANGUAGE } from './languageSwitches';
import { registerPdfReader } from './node/platform';

/** The scheme of PDF letters opened as text: imr-pdf:/path/Letter.pdf?<the PDF's own URI>. */
export const PDF_TEXT_SCHEME = 'imr-pdf';
export const OPEN_PDF_COMMAND = 'imrLetters.openPdfAsText';
export const SAVE_TEXT_COMMAND = 'imrLetters.saveAsText';

/** The document URI for a PDF: the PDF's path (so the tab is named after it), its own URI in the query. */
export function pdfTextUri(pdf: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: PDF_TEXT_SCHEME, path: pdf.path, query: pdf.toString() });
}

export function pdfOfTextUri(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(uri.query, true);
}

/** The PDF the user means: the one clicked, else the one shown in the active tab (any viewer). */
function pdfInView(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  const uri = input?.uri instanceof vscode.Uri ? input.uri : vscode.window.activeTextEditor?.document.uri;
  return uri && /\.pdf$/i.test(uri.path) ? uri : undefined;
}

class PdfTextProvider implements vscode.TextDocumentContentProvider {
  /** Texts read by the command, by document URI; read again when VS Code asks for one it lacks (a restored tab). */
  private readonly texts = new Map<string, string>();

  async read(pdf: vscode.Uri): Promise<{ text: string } | { error: string }> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(pdf);
    } catch (e) {
      return { error: `cannot read (${(e as Error)?.message ?? String(e)})` };
    }
    const result = await pdfBytesToText(bytes);
    if (result.kind !== 'text') return { error: result.kind === 'unreadable' ? result.error : 'not a PDF' };
    this.texts.set(pdfTextUri(pdf).toString(), result.text);
    return { text: result.text };
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const read = await this.read(pdfOfTextUri(uri));
    return 'text' in read ? read.text : '';
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }
}

export function registerPdfLetters(context: vscode.ExtensionContext): void {
  const provider = new PdfTextProvider();
  // In VS Code for the Web, pdf.js in a Worker (client/src/browser/pdfReader.ts); nothing to do in Node.
  registerPdfReader(context);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PDF_TEXT_SCHEME, provider),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === PDF_TEXT_SCHEME) provider.forget(doc.uri);
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
      const name = pdf.path.slice(pdf.path.lastIndexOf('/') + 1);
      const read = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Reading ${name}` },
        () => provider.read(pdf),
      );
      if ('error' in read) {
        void vscode.window.showErrorMessage(`${name}: ${read.error}`);
        return undefined;
      }
      let doc = await vscode.workspace.openTextDocument(pdfTextUri(pdf));
      if (doc.languageId !== LETTER_LANGUAGE)
        doc = await vscode.languages.setTextDocumentLanguage(doc, LETTER_LANGUAGE);
      return vscode.window.showTextDocument(doc, { preview: false });
    }),
    // From a menu the first argument is the document's URI; a second one (from code, such as the
    // editor tests) names the file to write and skips the dialog.
    vscode.commands.registerCommand(SAVE_TEXT_COMMAND, async (_resource?: unknown, to?: vscode.Uri) => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return undefined;
      const from = doc.uri.scheme === PDF_TEXT_SCHEME ? pdfOfTextUri(doc.uri) : doc.uri;
      const target =
        to instanceof vscode.Uri
          ? to
          : await vscode.window.showSaveDialog({
              defaultUri: from.with({ path: from.path.replace(/(\.pdf)?$/i, '.txt'), query: '' }),
              filters: { Text: ['txt'] },
              saveLabel: 'Save as Text',
            });
      if (!target) return undefined;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(doc.getText()));
      return target;
    }),
  );
}
