// The extension in VS Code for the Web (vscode.dev, github.dev): the web worker extension host has
// no Node, so the language server (dist/browser/server.js) runs in a Worker and the client speaks
// LSP to it over postMessage. Stands in for client/src/node/platform.ts in the browser build
// (scripts/browserBundle.mjs).

import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient as BrowserLanguageClient,
} from 'vscode-languageclient/browser';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';

export const IN_BROWSER = true;

/** The Worker API of the extension host's global scope (the project compiles without the DOM's types). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

export function createLanguageClient(
  context: vscode.ExtensionContext,
  clientOptions: LanguageClientOptions,
): LanguageClient {
  let worker: ServerWorker | undefined;
  let workerUrl: string | undefined;
  const stopWorker = () => {
    worker?.terminate();
    if (workerUrl) URL.revokeObjectURL(workerUrl);
    worker = workerUrl = undefined;
  };
  // A Worker cannot be started from the extension's own (vscode-remote:, https:) address, only from
  // a blob of the bundle's text. A start after a restart gets a new Worker. The transports are made
  // here: the host's Worker is VS Code's wrapper, which the client's `instanceof Worker` misses.
  const startWorker = async () => {
    stopWorker();
    const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
    const bytes = await vscode.workspace.fs.readFile(bundle);
    workerUrl = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    worker = new Worker(workerUrl, { name: 'IMR Letters language server' });
    const port = worker as unknown as Port;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  context.subscriptions.push(new vscode.Disposable(stopWorker));
  // The shared modules name the Node build's LanguageClient type; in this build that import is the
  // browser's class (the bundler's alias), with the same members.
  return new BrowserLanguageClient(
    'imrLetters',
    'IMR Letters',
    startWorker,
    clientOptions,
  ) as unknown as LanguageClient;
}
