// Initialize, initialized, settings changes and shutdown: what the client can do, what the server
// offers, the index set up and kept to the settings.

import { appealOptionsFrom } from '../../features/appealSettings';
import {
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { keepModelShapes } from '../../engine/parse';
import { CODE_ACTION_KINDS, REVEAL_COMMAND } from '../../features/codeActions';
import { indexWorkerScript } from '../../node/indexWorkerScript';
import { Indexer } from '../../workspace/indexer';
import { clientCapabilitiesOf } from '../clientCapabilities';
import { limitsFrom, Settings } from '../settings';
import type { ServerState } from '../state';
import { scheduleDiagnostics } from './openDiagnostics';
import { indexerHost, startWorkspace } from './workspace';
import { pushClosedDiagnostics, wakeWorkspaceDiagnostics } from './workspaceDiagnostics';

function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  const client = clientCapabilitiesOf(params);
  state.client = client;
  state.settings.pull = client.configurationPull;
  const options = params.initializationOptions as { settings?: Settings } | undefined;
  if (options?.settings && typeof options.settings === 'object') state.settings.pushed = options.settings;
  state.appealOptions = appealOptionsFrom(state.settings.pushed.appeal);
  state.setFolders(
    (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []),
  );
  state.listingPending = client.listsFiles || state.folderPaths.length > 0;
  state.limits = limitsFrom(state.settings.pushed, client.listsFiles);
  state.indexer = new Indexer(
    state.letterIndex,
    indexerHost(state),
    state.limits,
    client.storageDir,
    indexWorkerScript(),
  );
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'IMR letter' },
      foldingRangeProvider: true,
      hoverProvider: true,
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      executeCommandProvider: { commands: [REVEAL_COMMAND] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      referencesProvider: true,
      documentHighlightProvider: true,
      ...(client.pullDiagnostics
        ? {
            diagnosticProvider: { identifier: 'imr-letters', interFileDependencies: false, workspaceDiagnostics: true },
          }
        : {}),
    },
    serverInfo: { name: 'imr-letters-language-server', version: '0.1.0' },
  };
}

export function registerLifecycle(state: ServerState): void {
  const { connection } = state;
  connection.onInitialize((params) => initialize(state, params));

  connection.onInitialized(() => {
    // Before the first document comes: see engine/memory.ts.
    keepModelShapes();
    startWorkspace(state);
    if (state.client.configurationPull)
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'imrLetters' })
        .catch(() => undefined);
    void state.workspaceSettings().then((settings) => (state.appealOptions = appealOptionsFrom(settings.appeal)));
  });

  connection.onDidChangeConfiguration((change) => {
    state.settings.changed((change.settings as { imrLetters?: Settings } | undefined)?.imrLetters);
    for (const doc of state.documents.all()) scheduleDiagnostics(state, doc, 0);
    void state.workspaceSettings().then((settings) => {
      state.appealOptions = appealOptionsFrom(settings.appeal);
      const limits = limitsFrom(settings, state.client.listsFiles);
      const walkAgain = !state.client.listsFiles && JSON.stringify(limits) !== JSON.stringify(state.limits);
      state.limits = limits;
      state.indexer?.setLimits(limits);
      if (walkAgain) void state.indexer?.walk(state.folderPaths);
      wakeWorkspaceDiagnostics(state);
      pushClosedDiagnostics(
        state,
        [...state.letterIndex.values()].map((e) => e.uri),
      );
      if (state.client.codeLensRefresh)
        void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      // A pull client asks again for open documents only when told: severities may have changed.
      if (state.client.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
    });
  });

  connection.onShutdown(async () => {
    state.indexer?.stop();
    await state.indexer?.save();
  });
}
