// What the VS Code client (client/src/problemCommands.ts) and the server agree on about code
// actions: the Fix All kind and what its action carries, and the commands the client runs itself.
// A client tells the server which of those commands it has in `initializationOptions.clientCommands`;
// the server puts only those in code actions, so another editor is never offered one it cannot run.

/** The Fix All action's kind, as `editor.codeActionsOnSave` names it. */
export const FIX_ALL_KIND = 'source.fixAll.imr-letters';

/** What the Fix All action carries in `data`: how many problems its edit repairs. */
export interface FixAllData {
  fixed: number;
}

/** Arguments [code, documentUri]: sets `imrLetters.diagnostics.severity.<code>` to `off`. */
export const TURN_OFF_CHECK_COMMAND = 'imrLetters.turnOffCheck';

export interface ClientCommandsOption {
  clientCommands?: string[];
}
