// The language server: it creates the connection and the server's state, registers the handler
// modules and listens. Every answer comes from a feature module (features/) reading the one model
// parsed for the document's current version.
//
// The server never edits a document on its own: it publishes diagnostics and answers requests;
// text changes only through edits the user picks (code actions, formatting).

import { registerDocumentFeatures } from './lsp/handlers/documentFeatures';
import { registerLifecycle } from './lsp/handlers/lifecycle';
import { registerDocumentEvents } from './lsp/handlers/openDiagnostics';
import { registerWorkspace } from './lsp/handlers/workspace';
import { registerWorkspaceDiagnostics } from './lsp/handlers/workspaceDiagnostics';
import { ServerState } from './lsp/state';
import { createServerConnection } from './node/connection';

// Over stdio or IPC in Node; over postMessage in a Worker (the browser build swaps the module).
const state = new ServerState(createServerConnection());
registerLifecycle(state);
registerDocumentEvents(state);
registerDocumentFeatures(state);
registerWorkspace(state);
registerWorkspaceDiagnostics(state);
state.documents.listen(state.connection);
state.connection.listen();
