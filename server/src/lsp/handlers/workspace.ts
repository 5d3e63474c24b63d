// The folder of letters: its file list (from the client, or a walk), file events, the index's
// changes reaching the client, and the requests over the whole folder (Go to Symbol in Workspace,
// the Letters view, the decisions report, check all, export).

import {
  CancellationToken,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  WatchKind,
} from 'vscode-languageserver/node';
import { countProblems } from '../../features/workspaceDiagnostics';
import { decisionsReport } from '../../features/decisionsReport';
import { exportDecisions } from '../../features/exportDecisions';
import { letterGroups, lettersInGroup } from '../../features/letterGroups';
import type { MarksContext } from '../../features/letterMarks';
import { detachedNotes } from '../../features/detachedNotes';
import { localToday } from '../../engine/calendar';
import { workspaceSymbols } from '../../features/workspaceSymbols';
import { letterFilesGlob } from '../../files/fileKinds';
import {
  CheckAllRequest,
  CheckAllResult,
  DecisionsReportParams,
  DecisionsReportRequest,
  DetachedNotesRequest,
  ExportDecisionsParams,
  ExportDecisionsRequest,
  IndexChangedNotification,
  IndexStatsRequest,
  IndexStatsResult,
  LetterGroupsParams,
  LetterGroupsRequest,
  LettersInGroupParams,
  LettersInGroupRequest,
  ReadFileRequest,
  ReadFileResult,
  WorkspaceFilesNotification,
  WorkspaceFilesParams,
} from '../../protocol';
import type { IndexerHost, IndexProgress } from '../../workspace/indexer';
import { limitsFrom } from '../settings';
import type { ServerState } from '../state';
import { pushClosedDiagnostics, wakeWorkspaceDiagnostics } from './workspaceDiagnostics';

/** What the index asks of the server: open documents, messages, the client's reads, progress. */
export function indexerHost(state: ServerState): IndexerHost {
  const { connection } = state;
  return {
    isOpen: (uri: string) => state.documents.get(uri) !== undefined,
    // A notification, not a request: the index goes on without waiting for the user.
    warn: (message: string) =>
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    log: (message: string) => connection.console.log(message),
    get readFile() {
      return state.client.readsFiles
        ? (uri: string, maxBytes: number) => connection.sendRequest<ReadFileResult>(ReadFileRequest, { uri, maxBytes })
        : undefined;
    },
    beginProgress: async (total: number): Promise<IndexProgress | undefined> => {
      if (!state.client.workDoneProgress) return undefined;
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
}

/** Once initialized: follow folder changes, and walk the folders for a client that does not list files. */
export function startWorkspace(state: ServerState): void {
  const { connection } = state;
  if (state.client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
      state.setFolders((folders ?? []).map((f) => f.uri));
      state.settings.foldersChanged();
      // The extension's client lists the files again itself; other clients get a new walk.
      if (!state.client.listsFiles) void state.indexer?.walk(state.folderPaths);
    });
  }
  if (state.client.listsFiles) return;
  // A client without the extension's file list (Neovim, for one): walk the folders with the same rules.
  if (state.client.watchedFilesRegistration)
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        // Deletions of anything too: a deleted folder comes as one event for the folder.
        watchers: [{ globPattern: letterFilesGlob(true) }, { globPattern: '**/*', kind: WatchKind.Delete }],
      })
      .catch(() => undefined);
  void state.workspaceSettings().then((settings) => {
    state.limits = limitsFrom(settings, false);
    state.indexer?.setLimits(state.limits);
    const walked = state.indexer?.walk(state.folderPaths);
    state.listingPending = false;
    return walked;
  });
}

export function registerWorkspace(state: ServerState): void {
  const { connection, letterIndex } = state;

  connection.onNotification(WorkspaceFilesNotification, (params: WorkspaceFilesParams) => {
    if (!params || !Array.isArray(params.uris)) return;
    void state.workspaceSettings().then((settings) => {
      state.listingPending = false;
      state.limits = limitsFrom(settings, state.client.listsFiles);
      state.indexer?.setLimits(state.limits);
      state.indexer?.setFiles(
        params.uris.filter((u) => typeof u === 'string'),
        params.limitReached === true,
      );
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes ?? []) {
      if (typeof change?.uri !== 'string') continue;
      if (change.type === FileChangeType.Deleted) state.indexer?.deleted(change.uri);
      else state.indexer?.changed(change.uri);
    }
  });

  // Index changes reach the Letters view, held workspace diagnostics and, for clients that only take
  // published diagnostics, the Problems of letters that are not open.
  let viewNotice: ReturnType<typeof setTimeout> | undefined;
  letterIndex.onChange((uris) => {
    wakeWorkspaceDiagnostics(state, uris);
    pushClosedDiagnostics(state, uris);
    if (!viewNotice && state.client.listsFiles)
      viewNotice = setTimeout(() => {
        viewNotice = undefined;
        void connection.sendNotification(IndexChangedNotification);
      }, 300);
  });

  connection.onWorkspaceSymbol((params, token) => {
    if (token.isCancellationRequested) return [];
    state.indexOpenDocuments();
    return workspaceSymbols(letterIndex, params.query, undefined, state.notes);
  });

  const marksContext = (): MarksContext => ({
    placeOf: (uri) => state.notes.placeOf(uri),
    appeal: state.appealOptions,
    today: localToday(),
  });
  connection.onRequest(LetterGroupsRequest, (params: LetterGroupsParams) =>
    letterGroups(
      state.indexedValues(),
      { groupBy: params?.groupBy ?? 'outcome', filter: params?.filter },
      state.folderUris,
      state.indexer?.pending ?? 0,
      state.indexing(),
      marksContext(),
    ),
  );
  connection.onRequest(LettersInGroupRequest, (params: LettersInGroupParams) =>
    lettersInGroup(
      state.indexedValues(),
      {
        groupBy: params?.groupBy ?? 'outcome',
        filter: params?.filter,
        key: String(params?.key ?? ''),
      },
      marksContext(),
    ),
  );

  connection.onRequest(DetachedNotesRequest, () => detachedNotes(state.indexedValues(), state.notes, state.indexing()));

  connection.onRequest(DecisionsReportRequest, (params: DecisionsReportParams) =>
    decisionsReport(
      state.indexedValues(),
      {
        uri: typeof params?.uri === 'string' ? params.uri : undefined,
        maxItems: Number.isInteger(params?.maxItems) ? params.maxItems : undefined,
        status: typeof params?.status === 'string' ? params.status : undefined,
        tag: typeof params?.tag === 'string' ? params.tag : undefined,
        knownStatuses: Array.isArray(params?.knownStatuses)
          ? params.knownStatuses.filter((s): s is string => typeof s === 'string').slice(0, 100)
          : undefined,
      },
      state.folderUris,
      state.indexing(),
      (uri) => state.notes.placeOf(uri),
      { options: state.appealOptions, today: localToday() },
    ),
  );

  connection.onRequest(IndexStatsRequest, (): IndexStatsResult => ({
    indexing: state.indexing(),
    files: state.indexer?.fileCount ?? 0,
    entries: letterIndex.size,
    filesRead: state.indexer?.filesRead ?? 0,
    pending: state.indexer?.pending ?? 0,
  }));

  connection.onRequest(CheckAllRequest, async (): Promise<CheckAllResult> => {
    state.indexOpenDocuments();
    await state.indexSettled();
    state.checkAllAsked = true;
    wakeWorkspaceDiagnostics(state);
    pushClosedDiagnostics(
      state,
      [...letterIndex.values()].map((e) => e.uri),
    );
    const settings = await state.workspaceSettings();
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
    await state.indexSettled();
    const sources = [...state.indexedValues()]
      .filter((e) => e.summary.isLetter)
      .map((e) => ({ uri: e.uri, text: state.documents.get(e.uri)?.getText() }))
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const settings = await state.workspaceSettings();
    return exportDecisions(
      sources,
      params,
      settings.diagnostics?.severity,
      () => undefined,
      () => token.isCancellationRequested,
      indexerHost(state).readFile,
      (uri) => state.notes.placeOf(uri),
    );
  });
}
