// What the client can do, read once from its initialize request: the handlers answer accordingly.

import type { InitializeParams } from 'vscode-languageserver';
import { ClientCommandsOption, TURN_OFF_CHECK_COMMAND, WorkspaceInitOptions } from '../protocol';

export interface ClientCapabilities {
  configurationPull: boolean;
  workspaceFolders: boolean;
  /** Pull diagnostics (textDocument/diagnostic, workspace/diagnostic) instead of publishing them. */
  pullDiagnostics: boolean;
  workDoneProgress: boolean;
  watchedFilesRegistration: boolean;
  codeLensRefresh: boolean;
  diagnosticRefresh: boolean;
  /** Code actions: "go to" actions need window/showDocument. */
  canReveal: boolean;
  /** Versioned edits are refused on a stale version instead of misapplied. */
  versionedEdits: boolean;
  /** Placeholders come as snippets. */
  snippetEdits: boolean;
  /** "Turn off this check" only for a client that runs the command. */
  turnOffCheck: boolean;
  /** The extension's client lists the folder's files (otherwise the server walks the folders). */
  listsFiles: boolean;
  /** VS Code for the Web: the server has no disk, the client reads the listed files for it. */
  readsFiles: boolean;
  storageDir: string | undefined;
}

export function clientCapabilitiesOf(params: InitializeParams): ClientCapabilities {
  const caps = params.capabilities;
  const options = (params.initializationOptions ?? {}) as ClientCommandsOption & WorkspaceInitOptions;
  const pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
  const listsFiles = options.clientListsFiles === true;
  return {
    configurationPull: caps.workspace?.configuration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    pullDiagnostics,
    workDoneProgress: caps.window?.workDoneProgress === true,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    diagnosticRefresh: pullDiagnostics && caps.workspace?.diagnostics?.refreshSupport === true,
    canReveal: caps.window?.showDocument?.support === true,
    versionedEdits: caps.workspace?.workspaceEdit?.documentChanges === true,
    snippetEdits: caps.workspace?.workspaceEdit?.snippetEditSupport === true,
    turnOffCheck: Array.isArray(options.clientCommands) && options.clientCommands.includes(TURN_OFF_CHECK_COMMAND),
    listsFiles,
    readsFiles: listsFiles && options.clientReadsFiles === true,
    storageDir: typeof options.storageDir === 'string' ? options.storageDir : undefined,
  };
}
