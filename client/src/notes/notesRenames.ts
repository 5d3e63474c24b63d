// A letter without a case number is filed by its path: when the editor renames or moves it (or
// its folder), its notes can follow (renameLetterPath). Moving them writes the notes file, so it
// asks first unless imrLetters.notes.updateOnFileMove says otherwise, as VS Code's Markdown asks
// before updating links on a file move. A rename done elsewhere (a shell, a sync) leaves them under
// the old path, where the Letters view shows them as notes of a letter not found.

import * as vscode from 'vscode';
import { pathKey, pathKeyRest } from '../../../server/src/notes/keys';
import type { NotesStore } from './notesStore';

const SETTING = 'notes.updateOnFileMove';
type Choice = 'prompt' | 'always' | 'never';

interface Move {
  folder: vscode.WorkspaceFolder;
  from: string;
  to: string;
}

export function followRenames(store: NotesStore): vscode.Disposable {
  return vscode.workspace.onDidRenameFiles(async (e) => {
    const moves: Move[] = [];
    for (const { oldUri, newUri } of e.files) {
      const folder = vscode.workspace.getWorkspaceFolder(oldUri);
      // Moved into another workspace folder: its notes file is another; they stay, shown as not found.
      if (!folder || vscode.workspace.getWorkspaceFolder(newUri)?.uri.toString() !== folder.uri.toString()) continue;
      const from = vscode.workspace.asRelativePath(oldUri, false);
      const key = pathKey(from);
      const keys = Object.keys(store.fileOf(folder.uri)?.letters ?? {});
      // Nothing filed there: nothing to ask or write (a rename must not create a notes file).
      if (!keys.some((k) => pathKeyRest(k, key) !== undefined)) continue;
      moves.push({ folder, from, to: vscode.workspace.asRelativePath(newUri, false) });
    }
    if (moves.length === 0 || !(await wanted(moves))) return;
    for (const { folder, from, to } of moves) {
      const done = await store.apply(folder.uri, { kind: 'renameLetterPath', from, to });
      if (!done.ok) void vscode.window.showErrorMessage(`IMR notes: ${done.error}`);
    }
  });
}

/** Whether to move the notes: the setting, else the user's answer (Always and Never stored). */
async function wanted(moves: readonly Move[]): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('imrLetters', moves[0].folder.uri);
  const choice = config.get<Choice>(SETTING, 'prompt');
  if (choice !== 'prompt') return choice === 'always';
  const what = moves.length === 1 ? `"${moves[0].from}" to "${moves[0].to}"` : `${moves.length} letter files`;
  const answer = await vscode.window.showInformationMessage(
    `Move the notes of ${what}? They are filed under the letter's path in .imr-letters/notes.json.`,
    'Yes',
    'No',
    'Always',
    'Never',
  );
  if (answer === 'Always' || answer === 'Never') {
    const inspected = config.inspect(SETTING);
    const target =
      inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await config.update(SETTING, answer.toLowerCase(), target);
  }
  return answer === 'Yes' || answer === 'Always';
}
