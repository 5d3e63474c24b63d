// Problems of letters that are not open: pulled by the client (workspace/diagnostic, held while
// nothing changes) or pushed to a client that only takes published diagnostics. Also the pull of
// one document's diagnostics (textDocument/diagnostic).

import { DocumentDiagnosticReportKind, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { diagnostics } from '../../features/diagnostics';
import { summaryDiagnostics } from '../../features/workspaceDiagnostics';
import type { ChangeCollector, ServerState } from '../state';

/** Result id of a file reported with no problems, or not reported. */
const EMPTY_RESULT = 'empty';
/** Changes that come together (a folder being indexed) are answered together. */
const WORKSPACE_DIAGNOSTICS_BATCH_MS = 250;

/** Whether the Problems of letters that are not open are shown: the scope setting, or Check All Letters asked. */
export async function workspaceScope(state: ServerState): Promise<boolean> {
  return state.checkAllAsked || (await state.workspaceSettings()).diagnostics?.scope !== 'openFiles';
}

/** Held workspace/diagnostic requests look again: at these files, or at everything. */
export function wakeWorkspaceDiagnostics(state: ServerState, uris?: readonly string[]): void {
  for (const c of state.workspaceCollectors) {
    if (uris) uris.forEach((u) => c.uris.add(u));
    else c.all = true;
    c.wake?.();
  }
}

/** For a client that takes only published diagnostics: the problems of these files if not open. */
export function pushClosedDiagnostics(state: ServerState, uris: readonly string[]): void {
  if (state.client.pullDiagnostics) return;
  void Promise.all([state.workspaceSettings(), workspaceScope(state)]).then(([settings, scope]) => {
    for (const uri of uris) {
      if (state.documents.get(uri)) continue;
      const entry = state.letterIndex.get(uri);
      const list = scope && entry ? summaryDiagnostics(uri, entry.summary, settings.diagnostics?.severity) : [];
      if (list.length > 0) state.pushedClosed.add(uri);
      else if (!state.pushedClosed.delete(uri)) continue;
      void state.connection.sendDiagnostics({ uri, diagnostics: list }).catch(() => undefined);
    }
  });
}

export function registerWorkspaceDiagnostics(state: ServerState): void {
  const { connection } = state;

  connection.languages.diagnostics.on(async (params) => {
    const uri = params.textDocument.uri;
    const settings = await state.settingsFor(uri);
    const ctx = state.contextOf(uri);
    if (ctx)
      return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics(ctx, settings.diagnostics?.severity) };
    const entry = state.letterIndex.get(uri);
    const items =
      entry && (await workspaceScope(state))
        ? summaryDiagnostics(uri, entry.summary, settings.diagnostics?.severity)
        : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  // Answers with the files whose problems changed since the client's result ids, and holds the
  // request while nothing changed (the client asks again as soon as it has an answer). After the
  // first look, only the files that changed are looked at again.
  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const collector: ChangeCollector = { uris: new Set(), all: true };
    state.workspaceCollectors.add(collector);
    try {
      for (;;) {
        if (token.isCancellationRequested) return { items: [] };
        const settings = await state.workspaceSettings();
        const scope = await workspaceScope(state);
        const candidates = collector.all ? [...state.letterIndex.uris(), ...previous.keys()] : [...collector.uris];
        collector.all = false;
        collector.uris = new Set();
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        const seen = new Set<string>();
        for (const uri of candidates) {
          if (seen.has(uri) || state.documents.get(uri)) continue;
          seen.add(uri);
          const entry = state.letterIndex.get(uri);
          const list = scope && entry ? summaryDiagnostics(uri, entry.summary, settings.diagnostics?.severity) : [];
          const known = previous.get(uri);
          const resultId = list.length === 0 ? EMPTY_RESULT : `${entry!.stamp}:${state.settings.stamp}`;
          if (known === resultId || (known === undefined && resultId === EMPTY_RESULT)) continue;
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: list });
        }
        if (items.length > 0) return { items };
        await new Promise<void>((resolve) => {
          collector.wake = resolve;
          token.onCancellationRequested(() => resolve());
        });
        collector.wake = undefined;
        await new Promise((resolve) => setTimeout(resolve, WORKSPACE_DIAGNOSTICS_BATCH_MS));
      }
    } finally {
      state.workspaceCollectors.delete(collector);
    }
  });
}
