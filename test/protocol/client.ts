// A real JSON-RPC client for the built language server, spoken over stdio as any editor would.
// Shared by the protocol tests (and usable by benchmarks): spawn, initialize, open, request, close.

import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
// vscode-languageserver-protocol re-exports the JSON-RPC layer it was built with: one version of it.
import {
  ClientCapabilities,
  createMessageConnection,
  Diagnostic,
  InitializeParams,
  MessageConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

import type { NotesFile } from '../../server/src/notes/model';
import { IndexStatsRequest, IndexStatsResult, NotesNotification } from '../../server/src/protocol/requests';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The bundled server when it has been built, else tsc's output. */
export function serverPath(): string {
  const bundled = path.join(ROOT, 'dist', 'server.js');
  return fs.existsSync(bundled) ? bundled : path.join(ROOT, 'out', 'server', 'src', 'server.js');
}

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Server-to-client requests seen (method names), e.g. to prove the server never applies edits itself. */
  serverRequests: string[];
  /** The registrations the server asked for (client/registerCapability), in order. */
  registrations: Array<{ method: string; registerOptions?: unknown }>;
  /** Documents the server asked the client to show (window/showDocument), answered with success. */
  shown: ShowDocumentParams[];
  /** Other notifications from the server (window/showMessage, window/logMessage, $/progress...). */
  notifications: Array<{ method: string; params: unknown }>;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Values the server gets for `workspace/configuration` (section imrLetters). */
  settings?: unknown;
  /** Advertise workspace/configuration support (default true). */
  configuration?: boolean;
  /** Folders the server may index for workspace symbols (file URIs). */
  workspaceFolders?: string[];
  /** Capabilities added to the defaults, e.g. window.showDocument (top-level keys replace the defaults' own). */
  capabilities?: ClientCapabilities;
  /** Sent with initialize: the VS Code client's `clientCommands`, `clientListsFiles`, `storageDir`. */
  initializationOptions?: unknown;
  /** Answers the server's other requests (undefined: null), e.g. imrLetters/readFile. */
  answer?: (method: string, params: unknown) => unknown;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [serverPath(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const published: PublishDiagnosticsParams[] = [];
  const serverRequests: string[] = [];
  const registrations: TestServer['registrations'] = [];
  const shown: ShowDocumentParams[] = [];
  const waiters: Array<{ uri: string; version?: number; resolve: (d: Diagnostic[]) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.method, (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) {
        waiters.splice(i--, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest((method: string, params: unknown) => {
    serverRequests.push(method);
    if (method === 'client/registerCapability')
      registrations.push(...(params as { registrations: TestServer['registrations'] }).registrations);
    if (method === 'workspace/configuration') {
      const items = (params as { items: unknown[] }).items;
      return items.map(() => options.settings ?? null);
    }
    if (method === 'window/showDocument') {
      shown.push(params as ShowDocumentParams);
      return { success: true };
    }
    return options.answer?.(method, params) ?? null;
  });
  const notifications: Array<{ method: string; params: unknown }> = [];
  connection.onNotification((method: string, params: unknown): void => {
    notifications.push({ method, params });
  });
  connection.listen();
  const init: InitializeParams = {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: {
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
      },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
      ...options.capabilities,
    },
    initializationOptions: options.initializationOptions,
    workspaceFolders: options.workspaceFolders
      ? options.workspaceFolders.map((uri) => ({ uri, name: path.basename(uri) }))
      : null,
  };
  await connection.sendRequest('initialize', init);
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    published,
    serverRequests,
    registrations,
    shown,
    notifications,
    nextDiagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown', undefined), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit', undefined);
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

export async function openDocument(
  server: TestServer,
  uri: string,
  text: string,
  languageId = 'imr-letter',
  version = 1,
): Promise<void> {
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version, text },
  });
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', ...parts), 'utf8');
}

/** Resolves once the server's workspace index is built: the folder listed and every file read. */
export async function waitForIndex(server: TestServer): Promise<IndexStatsResult> {
  for (;;) {
    const stats = (await server.connection.sendRequest(IndexStatsRequest, {})) as IndexStatsResult;
    if (!stats.indexing) return stats;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A server over a new temporary folder holding these files of test/fixtures/extraction, indexed,
 * and told the folder's notes file as the client sends it; `stop` ends it and removes the folder.
 */
export async function serveLettersWithNotes(
  files: readonly string[],
  notes: NotesFile,
  settings?: unknown,
): Promise<{ dir: string; server: TestServer; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr letters notes-'));
  for (const f of files) fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'extraction', f), path.join(dir, f));
  const folder = pathToFileURL(dir).toString();
  const server = await startServer({ workspaceFolders: [folder], settings });
  await waitForIndex(server);
  await server.connection.sendNotification(NotesNotification, { folders: [{ folder, file: notes }] });
  const stop = async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dir, server, stop };
}
