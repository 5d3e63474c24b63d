// Diagnostics of open documents: checked once typing pauses (diagnosticsDelay.ts), published to a
// client that takes them so, and cleared when a document closes.

import { collectSoon } from '../../node/garbageCollection';
import type { LazyTextDocument } from '../../documents/lazyDocument';
import { diagnostics } from '../../features/diagnostics';
import { diagnosticsDelay, LARGE_DOCUMENT } from '../diagnosticsDelay';
import type { ServerState } from '../state';

export function scheduleDiagnostics(state: ServerState, doc: LazyTextDocument, delay: number): void {
  state.pendingDiagnostics.get(doc.uri)?.dispose();
  const timer = setTimeout(() => {
    state.pendingDiagnostics.delete(doc.uri);
    // A rejection here would be unhandled, and Node ends the process on one: a single document that
    // breaks the checks (or a malformed didOpen without text, found by test/protocol/abuse.test.ts)
    // must cost that document its diagnostics, not every document its language server.
    publishDiagnostics(state, doc.uri, doc.version).catch((e: unknown) =>
      state.connection.console.error(
        `Diagnostics for ${doc.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      ),
    );
  }, delay);
  state.pendingDiagnostics.set(doc.uri, { dispose: () => clearTimeout(timer) });
}

async function publishDiagnostics(state: ServerState, uri: string, version: number): Promise<void> {
  // The settings first, then the checks: vscode-jsonrpc writes each message from a setImmediate
  // callback, and a large answer (the outline VS Code asks for with the open) goes out over several
  // turns of the event loop. Checks run before the answer is written would hold it back. The
  // settings answer comes after the client has read what was sent before the request.
  const settings = await state.settingsFor(uri);
  // A newer version is on its way, or the document closed: its own run will publish.
  if (state.documents.get(uri)?.version !== version) return;
  const ctx = state.contextOf(uri);
  if (!ctx) return;
  state.scheduleOpenDocumentIndex(uri, version);
  // Pull clients ask for the diagnostics themselves (textDocument/diagnostic).
  if (state.client.pullDiagnostics) return;
  const list = diagnostics(ctx, settings.diagnostics?.severity);
  // A plain-text file that is not a letter gets no noise: publish to it only to clear what was shown.
  if (!ctx.isLetter && !state.published.has(uri)) return;
  if (list.length > 0) state.published.add(uri);
  else state.published.delete(uri);
  await state.connection.sendDiagnostics({ uri, version, diagnostics: list });
  // The models of a large document's earlier versions are garbage now: collect once typing pauses.
  if (ctx.model.text.length > LARGE_DOCUMENT) collectSoon(2000);
}

/** Opens, changes and closes of documents. */
export function registerDocumentEvents(state: ServerState): void {
  const { documents, connection } = state;
  // TextDocuments reports an open as a change too (diagnosticsDelay.ts says when each is checked).
  documents.onDidChangeContent((e) => {
    const now = Date.now();
    const last = state.lastChange.get(e.document.uri);
    state.lastChange.set(e.document.uri, now);
    scheduleDiagnostics(
      state,
      e.document,
      diagnosticsDelay(e.document.length, last === undefined ? undefined : now - last),
    );
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    state.pendingDiagnostics.get(uri)?.dispose();
    state.pendingDiagnostics.delete(uri);
    clearTimeout(state.pendingIndex.get(uri));
    state.pendingIndex.delete(uri);
    state.lastChange.delete(uri);
    // Its model is garbage now; once the server stays idle, the pages its parse grew go back too.
    if (e.document.length > LARGE_DOCUMENT) collectSoon(1000, { release: true });
    state.contexts.delete(uri);
    state.notes.forget(uri);
    // Its entry goes back to what the disk holds (a closed letter's problems stay in the Problems panel).
    state.indexedVersions.delete(uri);
    state.indexer?.closed(uri);
    if (state.published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  });
}
