// A letter without a case number is filed by its path: when the editor renames or moves it (or
// its folder), its notes follow (renameLetterPath). A rename done elsewhere (a shell, a sync)
// leaves them under the old path, where the Letters view shows them as notes of a letter not found.

import * as vscode from 'vscode';
import { pathKey } from '../../../server/src/notes/keys';
import type { NotesStore } from './notesStore';

export function followRenames(store: NotesStore): vscode.Disposable {
  return vscode.workspace.onDidRenameFiles(async (e) => {
    for (const { oldUri, newUri } of e.files) {
      const folder = vscode.workspace.getWorkspaceFolder(oldUri);
      // Moved into another workspace folder: its notes file is another; they stay, shown as not found.
      if (!folder || vscode.workspace.getWorkspaceFolder(newUri)?.uri.toString() !== folder.uri.toString()) continue;
      const from = vscode.workspace.asRelativePath(oldUri, false);
      const to = vscode.workspace.asRelativePath(newUri, false);
      const key = pathKey(from);
      const keys = Object.keys(store.fileOf(folder.uri)?.letters ?? {});
      // Nothing filed there: nothing to write (a rename must not create a notes file).
      if (!keys.some((k) => k === key || k.startsWith(key + '#') || k.startsWith(key + '/'))) continue;
      const done = await store.apply(folder.uri, { kind: 'renameLetterPath', from, to });
      if (!done.ok) void vscode.window.showErrorMessage(`IMR notes: ${done.error}`);
    }
  });
}
