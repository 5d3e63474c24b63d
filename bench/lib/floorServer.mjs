// The floor of the 1,000-letters comparison (bench/lib/peer.mjs): a language server that keeps the
// open documents as ours does and answers every outline with nothing. What it costs is the JSON-RPC
// transport alone, which any server over stdio pays. It writes its messages as ours does under
// --stdio (server/src/node/stdioMessageWriter.ts: header and body in one write).
//
//   node bench/lib/floorServer.mjs --stdio

import { createRequire } from 'node:module';
import lsp from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const { StdioMessageWriter } = createRequire(import.meta.url)('../../out/server/src/node/stdioMessageWriter.js');
const connection = lsp.createConnection(
  lsp.ProposedFeatures.all,
  process.stdin,
  new StdioMessageWriter(process.stdout),
);
const documents = new lsp.TextDocuments(TextDocument);
connection.onInitialize(() => ({
  capabilities: { textDocumentSync: lsp.TextDocumentSyncKind.Incremental, documentSymbolProvider: true },
}));
connection.onDocumentSymbol(() => []);
documents.listen(connection);
connection.listen();
