// A document as the notes see it: the workspace folder whose notes file holds its notes, its path
// in that folder (the key of a letter without a case number), and its letters' and items' keys
// from the server. A PDF letter's text (imr-pdf:) belongs where its PDF is.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ItemsRequestMethod, type ItemsParams, type ItemsResult } from '../../../server/src/protocol';
import { pdfOfTextUri, PDF_TEXT_SCHEME } from '../pdfView/pdfTexts';

/** The file the document shows: a PDF letter's text is its PDF. */
export function sourceUriOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === PDF_TEXT_SCHEME ? pdfOfTextUri(uri) : uri;
}

export function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(sourceUriOf(uri));
}

export function relativePathOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(sourceUriOf(uri), false);
}

/** The document's letters and items with their notes keys; undefined when it is no letter or the server cannot answer. */
export async function notesItemsOf(
  client: LanguageClient,
  ready: Promise<void>,
  doc: vscode.TextDocument,
): Promise<ItemsResult | undefined> {
  try {
    await ready;
    const params: ItemsParams = { uri: doc.uri.toString(), relativePath: relativePathOf(doc.uri) };
    const result = await client.sendRequest<ItemsResult | null>(ItemsRequestMethod, params);
    return result?.isLetter && result.letterKeys ? result : undefined;
  } catch {
    return undefined;
  }
}
