// The language server's connection in VS Code for the Web: it runs in a Worker the client started
// (client/src/browser/platform.ts) and speaks LSP over postMessage. Stands in for
// server/src/node/connection.ts in the browser build (scripts/browserBundle.mjs).

import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import './timers';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];

export function createServerConnection() {
  const scope = globalThis as unknown as WorkerScope;
  return createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
}
