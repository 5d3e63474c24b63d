// The texts of PDF letters: read-only documents of the extension's own scheme (imr-pdf:), named
// `CM16-0248698 · letter text`, holding the PDF's text layer as the PDF reader gives it (dist/pdf.js,
// loaded on the first PDF), shown without control characters (letterText.ts). The PDF is read in the
// extension host through vscode.workspace.fs, so a PDF on any file system VS Code can read works.

import * as vscode from 'vscode';
import { isLetter } from '../../../server/src/engine/detect';
import { pdfBytesToText } from '../../../server/src/pdf/letterText';
import { pdfTextPath, PDF_TEXT_SCHEME } from '../../../server/src/protocol';
import { LETTER_LANGUAGE } from '../languageSwitches';
import { pageStarts, shownText } from './letterText';

export { PDF_TEXT_SCHEME };

/** The document URI for a PDF: imr-pdf:/folder/CM16-0248698 · letter text?<the PDF's own URI>. */
export function pdfTextUri(pdf: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: PDF_TEXT_SCHEME, path: pdfTextPath(pdf.path), query: pdf.toString() });
}

export function pdfOfTextUri(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(uri.query, true);
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A PDF's letter text as read: the reader's own (with its form feeds) and where its pages begin. */
export interface PdfLetterText {
  readonly readerText: string;
  readonly pageStarts: readonly number[];
  /** Whether the text is an IMR letter (the PDF view opens only a letter's text beside it). */
  readonly letter: boolean;
}

/** The texts of PDFs, by text document URI: what the imr-pdf: documents show. */
export class PdfTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, PdfLetterText>();

  /** Reads the PDF's text (from `bytes` when the caller has them) and keeps it for its document. */
  async read(pdf: vscode.Uri, bytes?: Uint8Array): Promise<PdfLetterText | { error: string }> {
    if (!bytes) {
      try {
        bytes = await vscode.workspace.fs.readFile(pdf);
      } catch (e) {
        return { error: `cannot read (${(e as Error)?.message ?? String(e)})` };
      }
    }
    const result = await pdfBytesToText(bytes);
    if (result.kind !== 'text') return { error: result.kind === 'unreadable' ? result.error : 'not a PDF' };
    const read = { readerText: result.text, pageStarts: pageStarts(result.text), letter: isLetter(result.text) };
    this.texts.set(pdfTextUri(pdf).toString(), read);
    return read;
  }

  /** The text kept for an imr-pdf: document, if it was read. */
  known(uri: vscode.Uri): PdfLetterText | undefined {
    return this.texts.get(uri.toString());
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const read = this.known(uri) ?? (await this.read(pdfOfTextUri(uri)));
    return 'readerText' in read ? shownText(read.readerText) : '';
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }
}

/** Opens a PDF's text document (read already) in the letter language. */
export async function openPdfText(
  pdf: vscode.Uri,
  options: vscode.TextDocumentShowOptions,
): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(pdfTextUri(pdf));
  if (doc.languageId !== LETTER_LANGUAGE) doc = await vscode.languages.setTextDocumentLanguage(doc, LETTER_LANGUAGE);
  return vscode.window.showTextDocument(doc, options);
}
