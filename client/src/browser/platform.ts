// The extension in VS Code for the Web (vscode.dev, github.dev): the web worker extension host has
// no Node, so the language server (dist/browser/server.js) runs in a Worker and the client speaks
// LSP to it over postMessage; PDFs are read by pdf.js in a Worker of its own (pdfReader.ts). Stands
// in for client/src/node/platform.ts in the browser build (scripts/browserBundle.mjs).

import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient as BrowserLanguageClient,
} from 'vscode-languageclient/browser';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { startBundleWorker, StartedWorker } from './bundleWorker';

export { registerPdfReader } from './pdfReader';

export const IN_BROWSER = true;

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * The browser's client with the one member of the Node client that the shared modules use and the
 * browser's lacks: restart (IMR: Restart Language Server; the web suite runs it).
 */
class WorkerLanguageClient extends BrowserLanguageClient {
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  clientOptions: LanguageClientOptions,
): LanguageClient {
  let server: StartedWorker | undefined;
  // A start after a restart gets a new Worker. The transports are made here: the host's Worker is
  // VS Code's wrapper, which the client's `instanceof Worker` misses.
  const startServer = async () => {
    server?.stop();
    server = await startBundleWorker(context, 'server.js', 'IMR Letters language server');
    const port = server.worker as unknown as Port;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  context.subscriptions.push(new vscode.Disposable(() => server?.stop()));
  // The shared modules name the Node build's LanguageClient type; in this build that import is the
  // browser's class (the bundler's alias), which has every member they use (restart added above).
  return new WorkerLanguageClient('imrLetters', 'IMR Letters', startServer, clientOptions) as unknown as LanguageClient;
}
