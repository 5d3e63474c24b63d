// The workspace's letter files as VS Code sees them, for the language server's index: found with
// the editor's own file search (which honours files.exclude; search.exclude is applied here), and
// listed again when the folders, the excludes or the limit change. File events reach the server
// through the language client's file watcher (see extension.ts).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { excludeMatchers, isExcluded } from './searchExclude';
import { ReadFileRequest, WorkspaceFilesNotification, WorkspaceFilesParams } from '../../server/src/protocol';
import { letterFilesGlob } from '../../server/src/files/fileKinds';
import { readWorkspaceFile } from './workspaceFileReader';

export const DEFAULT_MAX_FILES = 100_000;

/**
 * The watchers whose events the language client sends the server: letter files created, changed
 * or deleted, and deletions of anything, since a deleted folder comes as one event for the folder
 * (none for the files inside), which the letter files' glob does not match.
 */
export function letterFileWatchers(): vscode.FileSystemWatcher[] {
  return [
    // Deletions come from the second watcher only: with both, a deleted letter was sent twice.
    vscode.workspace.createFileSystemWatcher(letterFilesGlob(true), false, false, true),
    vscode.workspace.createFileSystemWatcher('**/*', true, true, false),
  ];
}

export class WorkspaceFiles implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      // Asked only by a server without a disk (VS Code for the Web): it reads the files listed here.
      client.onRequest(ReadFileRequest, readWorkspaceFile),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration('files.exclude') ||
          e.affectsConfiguration('search.exclude') ||
          e.affectsConfiguration('imrLetters.workspace')
        )
          this.schedule();
      }),
    );
  }

  schedule(delay = 200): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, delay);
  }

  /** Lists the letter files and sends them to the server. */
  async send(): Promise<void> {
    const generation = ++this.generation;
    const settings = vscode.workspace.getConfiguration('imrLetters');
    const maxFiles = settings.get<number>('workspace.maxFiles', DEFAULT_MAX_FILES);
    const includePdf = settings.get<boolean>('workspace.includePdf', true);
    // Undefined excludes: files.exclude applies (search.exclude does not: filtered below).
    const found = await vscode.workspace.findFiles(letterFilesGlob(includePdf), undefined, maxFiles + 1);
    if (generation !== this.generation) return;
    const uris: string[] = [];
    for (const uri of found) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const matchers = excludeMatchers(
        vscode.workspace.getConfiguration('search', folder).get<Record<string, unknown>>('exclude'),
      );
      if (folder && isExcluded(vscode.workspace.asRelativePath(uri, false), matchers)) continue;
      uris.push(uri.toString());
    }
    // The order of the file search is not stable: sorted, the index and its saved copy are the same each time.
    uris.sort();
    const params: WorkspaceFilesParams = { uris: uris.slice(0, maxFiles), limitReached: found.length > maxFiles };
    await this.client.sendNotification(WorkspaceFilesNotification, params);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
