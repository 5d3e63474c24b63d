// The language server's connection in Node: stdio, IPC or a socket, as the process was started.
// The browser build swaps this module for server/src/browser/connection.ts (scripts/browserBundle.mjs).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

export function createServerConnection() {
  return createConnection(ProposedFeatures.all);
}
