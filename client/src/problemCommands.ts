// The commands behind the problems a letter shows: "Turn off this check" (the code action the
// server offers with each problem: it writes the severity setting) and "IMR: Fix All in Letter"
// (applies the server's Fix All and says how many problems it fixed).

import * as vscode from 'vscode';
import { CodeAction, CodeActionParams, CodeActionRequest, LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_KIND, FixAllData, TURN_OFF_CHECK_COMMAND } from '../../server/src/protocol';
import { LETTER_LANGUAGE } from './languageSwitches';
import { fixAllMessage, turnedOffMessage, withCheckOff } from './problemText';

export const FIX_ALL_IN_LETTER_COMMAND = 'imrLetters.fixAllInLetter';

/** What the server is told the client runs itself (initializationOptions.clientCommands). */
export const CLIENT_COMMANDS = [TURN_OFF_CHECK_COMMAND];

export function registerProblemCommands(client: LanguageClient, ready: Promise<void>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(TURN_OFF_CHECK_COMMAND, turnOffCheck),
    vscode.commands.registerCommand(FIX_ALL_IN_LETTER_COMMAND, () => fixAllInLetter(client, ready)),
  ];
}

/**
 * Sets the code's severity to `off`: in the workspace settings when a folder is open, else in the
 * user settings; the other codes keep their values. Returns where it wrote (the editor tests read it).
 */
async function turnOffCheck(code: unknown, uri: unknown): Promise<'workspace' | 'user' | undefined> {
  if (typeof code !== 'string') return undefined;
  const scope = typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  const config = vscode.workspace.getConfiguration('imrLetters', scope);
  const where = vscode.workspace.workspaceFolders?.length ? 'workspace' : 'user';
  const target = where === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, unknown>>('diagnostics.severity');
  const current = where === 'workspace' ? inspected?.workspaceValue : inspected?.globalValue;
  await config.update('diagnostics.severity', withCheckOff(current, code), target);
  void vscode.window.showInformationMessage(turnedOffMessage(code, where));
  return where;
}

/** Applies Fix All to the active letter and says how many problems it fixed. Returns the count (for tests). */
async function fixAllInLetter(client: LanguageClient, ready: Promise<void>): Promise<number | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LETTER_LANGUAGE) {
    void vscode.window.showInformationMessage('IMR: open an IMR letter to fix its problems.');
    return undefined;
  }
  const document = editor.document;
  let action: CodeAction | undefined;
  try {
    await ready;
    const end = document.lineAt(document.lineCount - 1).range.end;
    const params: CodeActionParams = {
      textDocument: { uri: document.uri.toString() },
      range: { start: { line: 0, character: 0 }, end: { line: end.line, character: end.character } },
      context: { diagnostics: [], only: [FIX_ALL_KIND] },
    };
    const actions = await client.sendRequest(CodeActionRequest.type, params);
    action = actions?.find((a): a is CodeAction => 'kind' in a && a.kind === FIX_ALL_KIND);
  } catch {
    void vscode.window.showWarningMessage(
      'The IMR Letters language server is not running: see the "IMR Letters" output.',
    );
    return undefined;
  }
  const fixed = action?.edit ? ((action.data as FixAllData | undefined)?.fixed ?? 0) : 0;
  if (action?.edit && fixed > 0) {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(action.edit);
    if (!(await vscode.workspace.applyEdit(edit))) {
      // A versioned edit is refused when the letter changed since the server read it.
      void vscode.window.showWarningMessage('IMR: the letter changed while its fixes were computed; try again.');
      return undefined;
    }
  }
  void vscode.window.showInformationMessage(fixAllMessage(fixed));
  return fixed;
}
