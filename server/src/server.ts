// The language server: LSP wiring only. Every answer comes from a feature module reading the one
// model parsed for the document's current version (features/context.ts).
//
// The server never edits a document on its own: it publishes diagnostics and answers requests;
// text changes only through edits the user picks (code actions, formatting).

import {
  CancellationToken,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  Disposable,
  DocumentDiagnosticReportKind,
  FileChangeType,
  InitializeResult,
  MessageType,
  ShowMessageNotification,
  Range,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'url';
import { collectSoon } from './collect';
import { createServerConnection } from './node/connection';
import { diagnosticsDelay, LARGE_DOCUMENT } from './diagnosticsDelay';
import { indexWorkerScript } from './node/indexWorkerScript';
import { LazyTextDocument, lazyDocuments } from './documents/lazyDocument';
import { keepModelShapes } from './engine/parse';
import {
  CheckAllRequest,
  CheckAllResult,
  DecisionsReportParams,
  DecisionsReportRequest,
  ExportDecisionsParams,
  ExportDecisionsRequest,
  IndexChangedNotification,
  IndexStatsRequest,
  IndexStatsResult,
  ItemsParams,
  ItemsRequestMethod,
  ItemsResult,
  LetterGroupsParams,
  NotesNotification,
  NotesParams,
  LetterGroupsRequest,
  LettersInGroupParams,
  LettersInGroupRequest,
  ReadFileRequest,
  ReadFileResult,
  WorkspaceFilesNotification,
  WorkspaceFilesParams,
  WorkspaceInitOptions,
} from './protocol';
import { createContext, LetterContext } from './features/context';
import type { SeveritySettings } from './engine/check';
import { diagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { appealOptionsFrom, type AppealSettings } from './features/appealSettings';
import { WorkspaceNotes } from './features/workspaceNotes';
import { letterItems } from './features/letterItems';
import { fileNameOf } from './features/itemSearch';
import type { AppealOptions } from './engine/appeal';
import { localToday } from './engine/calendar';
import { documentSymbols } from './features/symbols';
import { indexWorkspaceSymbols, workspaceSymbols } from './features/workspaceSymbols';
import { LetterIndex } from './workspace/letterIndex';
import { DEFAULT_LIMITS, Indexer, IndexLimits, IndexProgress } from './workspace/indexer';
import { letterFilesGlob } from './workspace/extensions';
import { NOT_A_LETTER, summarize } from './workspace/summary';
import { placeIn } from './workspace/summarizeText';
import { countProblems, summaryDiagnostics } from './features/workspaceDiagnostics';
import { letterGroups, lettersInGroup } from './features/letterGroups';
import { decisionsReport } from './features/decisionsReport';
import { codeLenses } from './features/codeLens';
import { citationReferences, documentHighlights } from './features/citationReferences';
import { exportDecisions } from './features/exportDecisions';
import { CODE_ACTION_KINDS, codeActions, REVEAL_COMMAND, revealRange } from './features/codeActions';
import { formatDocument, formatRange } from './features/formatting';
import { ClientCommandsOption, TURN_OFF_CHECK_COMMAND } from './codeActionProtocol';

// Over stdio or IPC in Node; over postMessage in a Worker (the browser build swaps the module).
const connection = createServerConnection();
// Edits are recorded, not applied, until the text is read: see documents/lazyDocument.ts.
const documents = new TextDocuments(lazyDocuments);

/** The model of each open document, for the version it was parsed from. */
const contexts = new Map<string, LetterContext>();
const letterIndex = new LetterIndex();
indexWorkspaceSymbols(letterIndex);
let indexer: Indexer | undefined;
let workspaceFoldersSupported = false;
/** The workspace folders as file paths: the server walks them when the client does not list files. */
let folderPaths: string[] = [];
let folderUris: string[] = [];
let clientListsFiles = false;
/** VS Code for the Web: the server has no disk, the client reads the listed files for it. */
let clientReadsFiles = false;
/** The folder is still to be listed (by the client, or by the walker): until then the index is not complete. */
let listingPending = false;
/** Pull diagnostics (textDocument/diagnostic, workspace/diagnostic) instead of publishing them. */
let pullDiagnostics = false;
let workDoneProgress = false;
let watchedFilesRegistration = false;
let codeLensRefresh = false;
let diagnosticRefresh = false;

interface Settings {
  diagnostics?: { severity?: SeveritySettings; scope?: 'openFiles' | 'workspace' };
  workspace?: { maxFiles?: number; maxFileSize?: number; includePdf?: boolean };
  codeLens?: { enabled?: boolean };
  appeal?: AppealSettings;
}

/** The notes files the client read, matched to open documents' letters. */
const workspaceNotes = new WorkspaceNotes();

/** The appeal window's options, of the whole workspace: a hover is answered at once, without asking for settings. */
let appealOptions: AppealOptions = appealOptionsFrom(undefined);

let configurationPull = false;
/** Settings by the workspace folder of the documents they are for (settingsFor). */
const settingsByUri = new Map<string, Promise<Settings>>();
let initialSettings: Settings = {};
/** Code actions: "go to" actions need window/showDocument; versioned edits are refused on a stale version instead of misapplied. */
let canReveal = false;
let versionedEdits = false;
/** Code actions: placeholders come as snippets; "Turn off this check" only for a client that runs the command. */
let snippetEdits = false;
let turnOffCheck = false;

connection.onInitialize((params): InitializeResult => {
  configurationPull = params.capabilities.workspace?.configuration === true;
  const options = params.initializationOptions as ({ settings?: Settings } & ClientCommandsOption) | undefined;
  if (options?.settings && typeof options.settings === 'object') initialSettings = options.settings;
  appealOptions = appealOptionsFrom(initialSettings.appeal);
  canReveal = params.capabilities.window?.showDocument?.support === true;
  versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
  turnOffCheck = Array.isArray(options?.clientCommands) && options.clientCommands.includes(TURN_OFF_CHECK_COMMAND);
  workspaceFoldersSupported = params.capabilities.workspace?.workspaceFolders === true;
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  workDoneProgress = params.capabilities.window?.workDoneProgress === true;
  watchedFilesRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  diagnosticRefresh = pullDiagnostics && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  const workspaceOptions = (params.initializationOptions ?? {}) as WorkspaceInitOptions;
  clientListsFiles = workspaceOptions.clientListsFiles === true;
  clientReadsFiles = clientListsFiles && workspaceOptions.clientReadsFiles === true;
  setFolders(
    (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []),
  );
  listingPending = clientListsFiles || folderPaths.length > 0;
  indexer = new Indexer(
    letterIndex,
    indexerHost,
    limitsFrom(initialSettings),
    typeof workspaceOptions.storageDir === 'string' ? workspaceOptions.storageDir : undefined,
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
      ...(pullDiagnostics
        ? {
            diagnosticProvider: { identifier: 'imr-letters', interFileDependencies: false, workspaceDiagnostics: true },
          }
        : {}),
    },
    serverInfo: { name: 'imr-letters-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // Before the first document comes: see engine/memory.ts.
  keepModelShapes();
  if (workspaceFoldersSupported) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
      setFolders((folders ?? []).map((f) => f.uri));
      settingsByUri.clear();
      // The extension's client lists the files again itself; other clients get a new walk.
      if (!clientListsFiles) void indexer?.walk(folderPaths);
    });
  }
  if (!clientListsFiles) {
    // A client without the extension's file list (Neovim, for one): walk the folders with the same rules.
    if (watchedFilesRegistration)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // Deletions of anything too: a deleted folder comes as one event for the folder.
          watchers: [{ globPattern: letterFilesGlob(true) }, { globPattern: '**/*', kind: WatchKind.Delete }],
        })
        .catch(() => undefined);
    void workspaceSettings().then((settings) => {
      indexer?.setLimits(limitsFrom(settings));
      const walked = indexer?.walk(folderPaths);
      listingPending = false;
      return walked;
    });
  }
  if (configurationPull) {
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'imrLetters' })
      .catch(() => undefined);
  }
  void workspaceSettings().then((settings) => (appealOptions = appealOptionsFrom(settings.appeal)));
});

connection.onDidChangeConfiguration((change) => {
  settingsByUri.clear();
  globalSettings = undefined;
  settingsStamp++;
  const pushed = (change.settings as { imrLetters?: Settings } | undefined)?.imrLetters;
  if (!configurationPull && pushed && typeof pushed === 'object') initialSettings = pushed;
  for (const doc of documents.all()) scheduleDiagnostics(doc, 0);
  void workspaceSettings().then((settings) => {
    appealOptions = appealOptionsFrom(settings.appeal);
    const limits = limitsFrom(settings);
    const walkAgain = !clientListsFiles && JSON.stringify(limits) !== JSON.stringify(currentLimits);
    indexer?.setLimits(limits);
    currentLimits = limits;
    if (walkAgain) void indexer?.walk(folderPaths);
    wakeWorkspaceDiagnostics();
    pushClosedDiagnostics([...letterIndex.values()].map((e) => e.uri));
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    // A pull client asks again for open documents only when told: severities may have changed.
    if (diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  });
});

/** Settings of the whole workspace (no document scope): limits, and severities of letters not open. */
let globalSettings: Promise<Settings> | undefined;
let settingsStamp = 0;
let currentLimits: IndexLimits = DEFAULT_LIMITS;
function workspaceSettings(): Promise<Settings> {
  if (!configurationPull) return Promise.resolve(initialSettings);
  globalSettings ??= connection.workspace
    .getConfiguration({ section: 'imrLetters' })
    .then((v: unknown) => (v && typeof v === 'object' ? (v as Settings) : {}))
    .catch(() => initialSettings);
  return globalSettings;
}

function limitsFrom(settings: Settings): IndexLimits {
  const maxFiles = settings.workspace?.maxFiles;
  const maxFileSize = settings.workspace?.maxFileSize;
  currentLimits = {
    maxFiles: typeof maxFiles === 'number' && maxFiles >= 0 ? Math.floor(maxFiles) : DEFAULT_LIMITS.maxFiles,
    maxFileBytes:
      typeof maxFileSize === 'number' && maxFileSize > 0 ? maxFileSize * 1024 * 1024 : DEFAULT_LIMITS.maxFileBytes,
    // A PDF letter's entry lives at its imr-pdf: text, which only the extension's client opens:
    // another client gets PDFs only when it asks for them.
    includePdf: clientListsFiles ? settings.workspace?.includePdf !== false : settings.workspace?.includePdf === true,
  };
  return currentLimits;
}

function setFolders(uris: readonly string[]): void {
  folderUris = uris.filter((u) => clientReadsFiles || u.startsWith('file:'));
  folderPaths = folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

/**
 * A document's settings. VS Code reads a file's settings from its workspace folder (there is no
 * .vscode/settings.json below one, and a URI scope gets no language overrides): the documents of a
 * folder share one request, and opening letter after letter asks once.
 */
function settingsFor(uri: string): Promise<Settings> {
  if (!configurationPull) return Promise.resolve(initialSettings);
  const folder = folderUris
    .filter((f) => uri.startsWith(f.endsWith('/') ? f : f + '/'))
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  let s = settingsByUri.get(folder);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: folder || uri, section: 'imrLetters' })
      .then((v: unknown) => (v && typeof v === 'object' ? (v as Settings) : {}))
      .catch(() => initialSettings);
    settingsByUri.set(folder, s);
  }
  return s;
}

/** The model of a document's current version: parsed once per version, shared by every feature. */
function contextOf(uri: string): LetterContext | undefined {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const cached = contexts.get(uri);
  if (cached && cached.version === doc.version) return cached;
  // After an edit, the letters it did not reach are taken from the last version's model.
  const ctx = createContext(uri, doc.version, doc.getText(), doc.languageId, cached);
  contexts.set(uri, ctx);
  return ctx;
}

// Diagnostics wait for typing to pause (diagnosticsDelay.ts).
const pending = new Map<string, Disposable>();
/** Documents whose last published diagnostics were not empty: closing them clears what is shown. */
const published = new Set<string>();

function scheduleDiagnostics(doc: LazyTextDocument, delay: number): void {
  pending.get(doc.uri)?.dispose();
  const timer = setTimeout(() => {
    pending.delete(doc.uri);
    // A rejection here would be unhandled, and Node ends the process on one: a single document that
    // breaks the checks (or a malformed didOpen without text, found by test/protocol/abuse.test.ts)
    // must cost that document its diagnostics, not every document its language server.
    publishDiagnostics(doc.uri, doc.version).catch((e: unknown) =>
      connection.console.error(
        `Diagnostics for ${doc.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      ),
    );
  }, delay);
  pending.set(doc.uri, { dispose: () => clearTimeout(timer) });
}

async function publishDiagnostics(uri: string, version: number): Promise<void> {
  // The settings first, then the checks: vscode-jsonrpc writes each message from a setImmediate
  // callback, and a large answer (the outline VS Code asks for with the open) goes out over several
  // turns of the event loop. Checks run before the answer is written hold it back for as long as
  // they take (tens of milliseconds on a 10 MB export). The settings answer comes after the client
  // has read what was sent before the request.
  const settings = await settingsFor(uri);
  // A newer version is on its way, or the document closed: its own run will publish.
  if (documents.get(uri)?.version !== version) return;
  const ctx = contextOf(uri);
  if (!ctx) return;
  scheduleOpenDocumentIndex(uri, version);
  // Pull clients ask for the diagnostics themselves (textDocument/diagnostic).
  if (pullDiagnostics) return;
  const list = diagnostics(ctx, settings.diagnostics?.severity);
  // A plain-text file that is not a letter gets no noise: publish to it only to clear what was shown.
  if (!ctx.isLetter && !published.has(uri)) return;
  if (list.length > 0) published.add(uri);
  else published.delete(uri);
  await connection.sendDiagnostics({ uri, version, diagnostics: list });
  // The models of a large document's earlier versions are garbage now: collect once typing pauses.
  if (ctx.model.text.length > LARGE_DOCUMENT) collectSoon(2000);
}

/** When each open document last changed, to tell the first edit after a pause from a burst. */
const lastChange = new Map<string, number>();

// TextDocuments reports an open as a change too (diagnosticsDelay.ts says when each is checked).
documents.onDidChangeContent((e) => {
  const now = Date.now();
  const last = lastChange.get(e.document.uri);
  lastChange.set(e.document.uri, now);
  scheduleDiagnostics(e.document, diagnosticsDelay(e.document.length, last === undefined ? undefined : now - last));
});
documents.onDidClose((e) => {
  pending.get(e.document.uri)?.dispose();
  pending.delete(e.document.uri);
  clearTimeout(pendingIndex.get(e.document.uri));
  pendingIndex.delete(e.document.uri);
  lastChange.delete(e.document.uri);
  // Its model is garbage now; once the server stays idle, the pages its parse grew go back too.
  if (e.document.length > LARGE_DOCUMENT) {
    collectSoon(1000, { release: true });
  }
  contexts.delete(e.document.uri);
  workspaceNotes.forget(e.document.uri);
  // Its entry goes back to what the disk holds (a closed letter's problems stay in the Problems panel).
  indexedVersions.delete(e.document.uri);
  indexer?.closed(e.document.uri);
  if (published.delete(e.document.uri))
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
});

function guarded<P, R>(empty: R, handler: (ctx: LetterContext, params: P, token: CancellationToken) => R) {
  return (params: P & { textDocument: { uri: string } }, token: CancellationToken): R => {
    if (token.isCancellationRequested) return empty;
    const ctx = contextOf(params.textDocument.uri);
    if (!ctx || !ctx.isLetter) return empty;
    return handler(ctx, params, token);
  };
}

connection.onDocumentSymbol(guarded([], (ctx) => documentSymbols(ctx)));
connection.onFoldingRanges(guarded([], (ctx) => foldingRanges(ctx)));
connection.onHover(
  guarded(null, (ctx, params: { position: { line: number; character: number } }) =>
    hover(ctx, params.position, {
      appeal: { options: appealOptions, today: localToday() },
      notes: workspaceNotes.viewsOf(ctx),
    }),
  ),
);

connection.onCodeAction(async (params, token) => {
  const uri = params.textDocument.uri;
  if (!contextOf(uri)?.isLetter) return [];
  const settings = await settingsFor(uri);
  // The document may have changed while the settings came: answer for the version there is now.
  const ctx = contextOf(uri);
  if (!ctx || !ctx.isLetter || token.isCancellationRequested) return [];
  return codeActions(ctx, params, {
    severity: settings.diagnostics?.severity,
    canReveal,
    versionedEdits,
    snippetEdits,
    turnOffCheck,
  });
});
connection.onExecuteCommand(async (params) => {
  if (params.command === REVEAL_COMMAND) await revealRange((p) => connection.window.showDocument(p), params.arguments);
});
connection.onDocumentFormatting(guarded([], (ctx) => formatDocument(ctx)));
connection.onDocumentRangeFormatting(guarded([], (ctx, params: { range: Range }) => formatRange(ctx, params.range)));

connection.onWorkspaceSymbol((params, token) => {
  if (token.isCancellationRequested) return [];
  indexOpenDocuments();
  return workspaceSymbols(letterIndex, params.query);
});

connection.onRequest(ItemsRequestMethod, (params: ItemsParams): ItemsResult => {
  const ctx = params && typeof params.uri === 'string' ? contextOf(params.uri) : undefined;
  if (!ctx || !ctx.isLetter) return { isLetter: false, letters: 0, items: [] };
  const relativePath =
    typeof params.relativePath === 'string'
      ? params.relativePath
      : (workspaceNotes.placeOf(params.uri)?.relativePath ?? fileNameOf(params.uri));
  return letterItems(ctx, relativePath, appealOptions);
});

// --- the workspace of letters -----------------------------------------------------------------

/** The version of each open document its index entry was made from. */
const indexedVersions = new Map<string, number>();

/** Open documents whose entries are behind their text (edited since diagnostics last ran) catch up. */
/** The index's entries, open documents' up to their current text. */
function indexedValues(): ReturnType<typeof letterIndex.values> {
  indexOpenDocuments();
  return letterIndex.values();
}

function indexOpenDocuments(): void {
  for (const doc of documents.all())
    if (indexedVersions.get(doc.uri) !== doc.version) indexOpenDocument(contextOf(doc.uri));
}

/**
 * Once the user pauses, an open document's entry in the index follows its text. Not on the way to
 * its diagnostics: a summary reads every item's citations and reviewer (about 0.5 s on a 10 MB
 * export, more than the parse), and a workspace request that comes first catches up itself
 * (indexOpenDocuments).
 */
const OPEN_DOCUMENT_INDEX_DELAY_MS = 1000;
const pendingIndex = new Map<string, ReturnType<typeof setTimeout>>();
function scheduleOpenDocumentIndex(uri: string, version: number): void {
  clearTimeout(pendingIndex.get(uri));
  pendingIndex.set(
    uri,
    setTimeout(() => {
      pendingIndex.delete(uri);
      if (documents.get(uri)?.version === version && indexedVersions.get(uri) !== version)
        indexOpenDocument(contextOf(uri));
    }, OPEN_DOCUMENT_INDEX_DELAY_MS),
  );
}

/** An open document's entry in the index follows its text. */
function indexOpenDocument(ctx: LetterContext | undefined): void {
  if (!ctx) return;
  indexedVersions.set(ctx.uri, ctx.version);
  if (ctx.isLetter) letterIndex.set(ctx.uri, summarize(ctx.model, ctx.findings(), placeIn(ctx.lines)), 0, 0, true);
  else if (indexer?.isListed(ctx.uri)) letterIndex.set(ctx.uri, NOT_A_LETTER, 0, 0, true);
  else letterIndex.delete(ctx.uri);
}

const indexerHost = {
  isOpen: (uri: string) => documents.get(uri) !== undefined,
  // A notification, not a request: the index goes on without waiting for the user.
  warn: (message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
  log: (message: string) => connection.console.log(message),
  get readFile() {
    return clientReadsFiles
      ? (uri: string, maxBytes: number) => connection.sendRequest<ReadFileResult>(ReadFileRequest, { uri, maxBytes })
      : undefined;
  },
  beginProgress: async (total: number): Promise<IndexProgress | undefined> => {
    if (!workDoneProgress) return undefined;
    const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
    if (!reporter) return undefined;
    let cancelled = false;
    reporter.token.onCancellationRequested(() => (cancelled = true));
    reporter.begin('Indexing IMR letters', 0, `0 of ${total} files`, true);
    return {
      get cancelled() {
        return cancelled;
      },
      report: (done, all) => reporter.report(Math.floor((done / Math.max(1, all)) * 100), `${done} of ${all} files`),
      done: () => reporter.done(),
    };
  },
};

connection.onNotification(NotesNotification, (params: NotesParams) => {
  workspaceNotes.set(params);
  if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
});

connection.onNotification(WorkspaceFilesNotification, (params: WorkspaceFilesParams) => {
  if (!params || !Array.isArray(params.uris)) return;
  void workspaceSettings().then((settings) => {
    listingPending = false;
    indexer?.setLimits(limitsFrom(settings));
    indexer?.setFiles(
      params.uris.filter((u) => typeof u === 'string'),
      params.limitReached === true,
    );
  });
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes ?? []) {
    if (typeof change?.uri !== 'string') continue;
    if (change.type === FileChangeType.Deleted) indexer?.deleted(change.uri);
    else indexer?.changed(change.uri);
  }
});

// Index changes reach the Letters view, held workspace diagnostics and, for clients that only take
// published diagnostics, the Problems of letters that are not open.
let viewNotice: ReturnType<typeof setTimeout> | undefined;
letterIndex.onChange((uris) => {
  wakeWorkspaceDiagnostics(uris);
  pushClosedDiagnostics(uris);
  if (!viewNotice && clientListsFiles)
    viewNotice = setTimeout(() => {
      viewNotice = undefined;
      void connection.sendNotification(IndexChangedNotification);
    }, 300);
});

/** Whether the Problems of letters that are not open are shown: the scope setting, or Check All Letters asked. */
let checkAllAsked = false;
async function workspaceScope(): Promise<boolean> {
  return checkAllAsked || (await workspaceSettings()).diagnostics?.scope !== 'openFiles';
}

const pushedClosed = new Set<string>();
function pushClosedDiagnostics(uris: readonly string[]): void {
  if (pullDiagnostics) return;
  void Promise.all([workspaceSettings(), workspaceScope()]).then(([settings, scope]) => {
    for (const uri of uris) {
      if (documents.get(uri)) continue;
      const entry = letterIndex.get(uri);
      const list = scope && entry ? summaryDiagnostics(uri, entry.summary, settings.diagnostics?.severity) : [];
      if (list.length > 0) pushedClosed.add(uri);
      else if (!pushedClosed.delete(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics: list }).catch(() => undefined);
    }
  });
}

/** What changed since a held workspace/diagnostic request last looked: some files, or everything (settings). */
interface ChangeCollector {
  uris: Set<string>;
  all: boolean;
  wake?: () => void;
}
const workspaceCollectors = new Set<ChangeCollector>();
function wakeWorkspaceDiagnostics(uris?: readonly string[]): void {
  for (const c of workspaceCollectors) {
    if (uris) uris.forEach((u) => c.uris.add(u));
    else c.all = true;
    c.wake?.();
  }
}
/** Changes that come together (a folder being indexed) are answered together. */
const WORKSPACE_DIAGNOSTICS_BATCH_MS = 250;

connection.languages.diagnostics.on(async (params) => {
  const uri = params.textDocument.uri;
  const settings = await settingsFor(uri);
  const ctx = contextOf(uri);
  if (ctx) return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics(ctx, settings.diagnostics?.severity) };
  const entry = letterIndex.get(uri);
  const items =
    entry && (await workspaceScope()) ? summaryDiagnostics(uri, entry.summary, settings.diagnostics?.severity) : [];
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

/** Result id of a file reported with no problems, or not reported. */
const EMPTY_RESULT = 'empty';

// Answers with the files whose problems changed since the client's result ids, and holds the request
// while nothing changed (the client asks again as soon as it has an answer). After the first look,
// only the files that changed are looked at again.
connection.languages.diagnostics.onWorkspace(async (params, token) => {
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const collector: ChangeCollector = { uris: new Set(), all: true };
  workspaceCollectors.add(collector);
  try {
    for (;;) {
      if (token.isCancellationRequested) return { items: [] };
      const settings = await workspaceSettings();
      const scope = await workspaceScope();
      const candidates = collector.all ? [...letterIndex.uris(), ...previous.keys()] : [...collector.uris];
      collector.all = false;
      collector.uris = new Set();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const seen = new Set<string>();
      for (const uri of candidates) {
        if (seen.has(uri) || documents.get(uri)) continue;
        seen.add(uri);
        const entry = letterIndex.get(uri);
        const list = scope && entry ? summaryDiagnostics(uri, entry.summary, settings.diagnostics?.severity) : [];
        const known = previous.get(uri);
        const resultId = list.length === 0 ? EMPTY_RESULT : `${entry!.stamp}:${settingsStamp}`;
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
    workspaceCollectors.delete(collector);
  }
});

connection.onCodeLens(async (params, token) => {
  const uri = params.textDocument.uri;
  if (!contextOf(uri)?.isLetter) return [];
  const settings = await settingsFor(uri);
  const ctx = contextOf(uri);
  if (!ctx?.isLetter || token.isCancellationRequested || settings.codeLens?.enabled === false) return [];
  return codeLenses(ctx, undefined, workspaceNotes.viewsOf(ctx));
});
connection.onReferences(
  guarded(
    [],
    (ctx, params: { position: { line: number; character: number }; context?: { includeDeclaration?: boolean } }) =>
      citationReferences(ctx, params.position, indexedValues(), params.context?.includeDeclaration !== false),
  ),
);
connection.onDocumentHighlight(
  guarded([], (ctx, params: { position: { line: number; character: number } }) =>
    documentHighlights(ctx, params.position),
  ),
);

connection.onRequest(LetterGroupsRequest, (params: LetterGroupsParams) =>
  letterGroups(
    indexedValues(),
    { groupBy: params?.groupBy ?? 'outcome', filter: params?.filter },
    folderUris,
    indexer?.pending ?? 0,
    indexing(),
  ),
);
connection.onRequest(LettersInGroupRequest, (params: LettersInGroupParams) =>
  lettersInGroup(indexedValues(), {
    groupBy: params?.groupBy ?? 'outcome',
    filter: params?.filter,
    key: String(params?.key ?? ''),
  }),
);

connection.onRequest(DecisionsReportRequest, (params: DecisionsReportParams) =>
  decisionsReport(
    indexedValues(),
    {
      uri: typeof params?.uri === 'string' ? params.uri : undefined,
      maxItems: Number.isInteger(params?.maxItems) ? params.maxItems : undefined,
    },
    folderUris,
    indexing(),
  ),
);

connection.onRequest(IndexStatsRequest, (): IndexStatsResult => ({
  indexing: indexing(),
  files: indexer?.fileCount ?? 0,
  entries: letterIndex.size,
  filesRead: indexer?.filesRead ?? 0,
  pending: indexer?.pending ?? 0,
}));

/** Whether the folder is still being listed or read. */
function indexing(): boolean {
  return listingPending || (indexer?.busy ?? false);
}

/** Resolves once the folder is listed and every listed file read. */
async function indexSettled(): Promise<void> {
  while (indexing()) {
    await indexer?.idle;
    // Listing, or a build that starts as the last one ends: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

connection.onRequest(CheckAllRequest, async (): Promise<CheckAllResult> => {
  indexOpenDocuments();
  await indexSettled();
  checkAllAsked = true;
  wakeWorkspaceDiagnostics();
  pushClosedDiagnostics([...letterIndex.values()].map((e) => e.uri));
  const settings = await workspaceSettings();
  const result: CheckAllResult = { letters: 0, files: 0, errors: 0, warnings: 0, lettersWithProblems: 0 };
  for (const e of letterIndex.values()) {
    if (!e.summary.isLetter) continue;
    result.files++;
    result.letters += e.summary.letters.length;
    const { errors, warnings } = countProblems(e.summary, settings.diagnostics?.severity);
    result.errors += errors;
    result.warnings += warnings;
    result.lettersWithProblems += new Set(e.summary.problems.map((p) => p.letter)).size;
  }
  return result;
});

connection.onRequest(ExportDecisionsRequest, async (params: ExportDecisionsParams, token: CancellationToken) => {
  await indexSettled();
  const sources = [...indexedValues()]
    .filter((e) => e.summary.isLetter)
    .map((e) => ({ uri: e.uri, text: documents.get(e.uri)?.getText() }))
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const settings = await workspaceSettings();
  return exportDecisions(
    sources,
    params,
    settings.diagnostics?.severity,
    () => undefined,
    () => token.isCancellationRequested,
    indexerHost.readFile,
  );
});

connection.onShutdown(async () => {
  indexer?.stop();
  await indexer?.save();
});

documents.listen(connection);
connection.listen();
