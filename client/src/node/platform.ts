// The extension in a Node extension host (desktop VS Code, a remote, code-server): the language
// server is a Node process the client forks. The browser build swaps this module for
// client/src/browser/platform.ts (scripts/browserBundle.mjs).

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_ENVIRONMENT } from '../../../server/src/protocol';

/** Whether the extension runs in VS Code for the Web's extension host (no Node, no disk, no terminal). */
export const IN_BROWSER = false;

/** Node reads PDFs with the reader's own bundle, loaded on the first PDF (server/src/pdf/load.ts). */
export function registerPdfReader(_context: vscode.ExtensionContext): void {}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  clientOptions: LanguageClientOptions,
): LanguageClient {
  const serverOptions: ServerOptions = {
    module: context.asAbsolutePath('dist/server.js'),
    transport: TransportKind.ipc,
    options: { env: { ...process.env, ...SERVER_ENVIRONMENT } },
  };
  return new LanguageClient('imrLetters', 'IMR Letters', serverOptions, clientOptions);
}
