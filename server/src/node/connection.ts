// The language server's connection in Node: stdio, IPC or a socket, as the process was started.
// The browser build swaps this module for server/src/browser/connection.ts (scripts/browserBundle.mjs).

import { Console } from 'console';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { StdioMessageWriter } from './stdioMessageWriter';

export function createServerConnection() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // stdout carries the protocol: anything a dependency prints goes to stderr, which editors show
  // as the server's log (the library does this itself only when it opens stdio on its own).
  globalThis.console = new Console(process.stderr, process.stderr);
  // The input stays a stream so that the library still exits when the editor closes it; at run time
  // it takes a stream beside a MessageWriter (createMessageConnection wraps only what is a stream),
  // though its types list only pairs of one kind.
  const writer = new StdioMessageWriter(process.stdout) as unknown as NodeJS.WritableStream;
  return createConnection(ProposedFeatures.all, process.stdin, writer);
}
