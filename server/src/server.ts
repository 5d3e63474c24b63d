// The language server: LSP wiring only. Every answer comes from a feature module reading the one
// model parsed for the document's current version (features/context.ts).
//
// The server never edits a document on its own: it publishes diagnostics and answers requests;
// text changes only through edits the user picks (code actions, formatting).

import {
  CancellationToken,
  createConnection,
  DidChangeConfigurationNotification,
  Disposable,
  InitializeResult,
  ProposedFeatures,
  Range,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectSoon } from './collect';
import { keepModelShapes } from './engine/parse';
import { ItemsParams, ItemsRequestMethod, ItemsResult } from './protocol';
import { createContext, LetterContext } from './features/context';
import type { SeveritySettings } from './engine/check';
import { diagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { WorkspaceIndex } from './workspaceIndex';
import { CODE_ACTION_KINDS, codeActions, REVEAL_COMMAND, revealRange } from './features/codeActions';
import { formatDocument, formatRange } from './features/formatting';
import { ClientCommandsOption, TURN_OFF_CHECK_COMMAND } from './codeActionProtocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** The model of each open document, for the version it was parsed from. */
const contexts = new Map<string, LetterContext>();
const workspaceIndex = new WorkspaceIndex();
let workspaceFoldersSupported = false;

interface Settings {
  diagnostics?: { severity?: SeveritySettings };
}

let configurationPull = false;
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
  canReveal = params.capabilities.window?.showDocument?.support === true;
  versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
  turnOffCheck = Array.isArray(options?.clientCommands) && options.clientCommands.includes(TURN_OFF_CHECK_COMMAND);
  workspaceFoldersSupported = params.capabilities.workspace?.workspaceFolders === true;
  workspaceIndex.setFolders(
    (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []),
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
      workspaceIndex.setFolders((folders ?? []).map((f) => f.uri));
    });
  }
  if (configurationPull) {
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'imrLetters' })
      .catch(() => undefined);
  }
});

connection.onDidChangeConfiguration((change) => {
  settingsByUri.clear();
  const pushed = (change.settings as { imrLetters?: Settings } | undefined)?.imrLetters;
  if (!configurationPull && pushed && typeof pushed === 'object') initialSettings = pushed;
  for (const doc of documents.all()) scheduleDiagnostics(doc, 0);
});

function settingsFor(uri: string): Promise<Settings> {
  if (!configurationPull) return Promise.resolve(initialSettings);
  let s = settingsByUri.get(uri);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'imrLetters' })
      .then((v: unknown) => (v && typeof v === 'object' ? (v as Settings) : {}))
      .catch(() => initialSettings);
    settingsByUri.set(uri, s);
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

// Diagnostics wait for typing to pause; larger documents wait a little longer so that a burst of
// edits costs one parse, not one per keystroke.
const pending = new Map<string, Disposable>();
const published = new Set<string>();

/** Past this many characters a document is an export of many letters: slower debounce, memory given back. */
const LARGE_DOCUMENT = 1_000_000;

function delayFor(doc: TextDocument): number {
  const size = doc.getText().length;
  return size > LARGE_DOCUMENT ? 120 : size > 100_000 ? 60 : 20;
}

function scheduleDiagnostics(doc: TextDocument, delay = delayFor(doc)): void {
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
  const list = diagnostics(ctx, settings.diagnostics?.severity);
  // A plain-text file that is not a letter gets no noise: publish to it only to clear what was shown.
  if (!ctx.isLetter && !published.has(uri)) return;
  if (ctx.isLetter) published.add(uri);
  else published.delete(uri);
  await connection.sendDiagnostics({ uri, version, diagnostics: list });
  // The models of a large document's earlier versions are garbage now: collect once typing pauses.
  if (ctx.model.text.length > LARGE_DOCUMENT) collectSoon(2000);
}

/** When each open document last changed, to tell the first edit after a pause from a burst. */
const lastChange = new Map<string, number>();

// TextDocuments reports an open as a change too. An open, or the first edit after a pause, is
// checked at once; edits that follow it within the delay wait for the typing to pause.
documents.onDidChangeContent((e) => {
  const now = Date.now();
  const last = lastChange.get(e.document.uri);
  lastChange.set(e.document.uri, now);
  const delay = delayFor(e.document);
  scheduleDiagnostics(e.document, last === undefined || now - last > delay ? 0 : delay);
});
documents.onDidClose((e) => {
  pending.get(e.document.uri)?.dispose();
  pending.delete(e.document.uri);
  lastChange.delete(e.document.uri);
  // Its model is garbage now; once the server stays idle, the pages its parse grew go back too.
  if (e.document.getText().length > LARGE_DOCUMENT) {
    collectSoon(1000, { release: true });
  }
  contexts.delete(e.document.uri);
  settingsByUri.delete(e.document.uri);
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
  guarded(null, (ctx, params: { position: { line: number; character: number } }) => hover(ctx, params.position)),
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

connection.onWorkspaceSymbol(async (params, token) => {
  const all: LetterContext[] = [];
  for (const doc of documents.all()) {
    if (token.isCancellationRequested) return [];
    const ctx = contextOf(doc.uri);
    if (ctx?.isLetter) all.push(ctx);
  }
  // Letters on disk that are not open; an open document's current text wins over its file.
  const open = new Set(documents.keys());
  for (const ctx of await workspaceIndex.letters(() => token.isCancellationRequested)) {
    if (!open.has(ctx.uri)) all.push(ctx);
  }
  if (token.isCancellationRequested) return [];
  return workspaceSymbols(all, params.query);
});

connection.onRequest(ItemsRequestMethod, (params: ItemsParams): ItemsResult => {
  const ctx = params && typeof params.uri === 'string' ? contextOf(params.uri) : undefined;
  if (!ctx || !ctx.isLetter) return { isLetter: false, letters: 0, items: [] };
  return {
    isLetter: true,
    letters: ctx.model.letters.length,
    items: ctx.model.letters.flatMap((letter) =>
      letter.items.map((item) => ({
        name: item.name,
        outcome: item.outcome.kind,
        letterIndex: letter.index,
        decisionRange: ctx.range(item.decisionRange),
      })),
    ),
  };
});

documents.listen(connection);
connection.listen();
