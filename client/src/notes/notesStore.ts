// The notes files (`.imr-letters/notes.json` in each workspace folder), read and written by the
// client through vscode.workspace.fs, so that the same code works on the desktop and in VS Code for
// the Web. A change is applied to the file as it is on disk at the moment of writing, written as a
// temporary file renamed over the old one and read back; a write replaced meanwhile elsewhere is
// merged note by note and written again (verifiedWrite.ts). A damaged file is named once and never
// written: its folder's notes are read-only.

import * as vscode from 'vscode';
import { EMPTY_NOTES_FILE, type NotesFile } from '../../../server/src/notes/model';
import { parseNotesFile } from '../../../server/src/notes/notesFile';
import { applyOperation, newNoteId, type Operation, type OpResult } from '../../../server/src/notes/operations';
import { writeVerified, type NotesFileIo } from '../../../server/src/notes/verifiedWrite';
import type { NotesParams } from '../../../server/src/protocol';

export const NOTES_DIR = '.imr-letters';
export const NOTES_FILE = 'notes.json';

type FolderState = { kind: 'ok'; file: NotesFile } | { kind: 'damaged'; error: string };

export function notesUriOf(folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, NOTES_DIR, NOTES_FILE);
}

function isMissing(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/** What a write or a damaged file says: the file's path in its folder, and what is wrong. */
function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

async function readState(uri: vscode.Uri): Promise<FolderState> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (isMissing(e)) return { kind: 'ok', file: EMPTY_NOTES_FILE };
    return { kind: 'damaged', error: `${shown(uri)}: cannot read the notes file (${(e as Error)?.message ?? e})` };
  }
  const parsed = parseNotesFile(new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok)
    return { kind: 'damaged', error: `${shown(uri)}: damaged notes file, left as it is: ${parsed.error}` };
  return { kind: 'ok', file: parsed.file };
}

export class NotesStore implements vscode.Disposable {
  private readonly states = new Map<string, FolderState>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Writes of this window, one after another. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Damaged-file messages already shown: each once. */
  private readonly told = new Set<string>();
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  readonly loaded: Promise<void>;

  constructor(private readonly send: (params: NotesParams) => void) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${NOTES_DIR}/${NOTES_FILE}`);
    const reload = () => {
      // Another window, the command line, a sync or a git pull: read again once the burst is over.
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.load(), 100);
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      this.changed,
    );
    this.loaded = this.load();
  }

  /** Reads every folder's notes file again, and tells the server and the listeners. */
  async load(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const states = await Promise.all(folders.map((f) => readState(notesUriOf(f.uri))));
    this.states.clear();
    folders.forEach((f, i) => this.states.set(f.uri.toString(), states[i]));
    for (const s of states) if (s.kind === 'damaged') this.tell(s.error);
    this.publish();
  }

  private tell(error: string): void {
    if (this.told.has(error)) return;
    this.told.add(error);
    void vscode.window.showErrorMessage(`IMR notes: ${error}. Fix or move the file; nothing writes over it.`);
  }

  private publish(): void {
    this.send({
      folders: [...this.states].map(([folder, s]) => ({ folder, file: s.kind === 'ok' ? s.file : null })),
    });
    this.changed.fire();
  }

  /** The notes file of the folder, or undefined when it is damaged or the folder is not open. */
  fileOf(folder: vscode.Uri): NotesFile | undefined {
    const s = this.states.get(folder.toString());
    return s?.kind === 'ok' ? s.file : undefined;
  }

  files(): NotesFile[] {
    return [...this.states.values()].flatMap((s) => (s.kind === 'ok' ? [s.file] : []));
  }

  /** Applies a change to the folder's notes file as it is on disk now, and writes it. */
  apply(folder: vscode.Uri, op: Operation): Promise<OpResult> {
    const run = this.queue.then(() => this.applyNow(folder, op));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(folder: vscode.Uri, op: Operation): Promise<OpResult> {
    const uri = notesUriOf(folder);
    const io: NotesFileIo = {
      read: async () => {
        try {
          return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch (e) {
          if (isMissing(e)) return undefined;
          throw e;
        }
      },
      replace: async (text) => {
        const temp = vscode.Uri.joinPath(folder, NOTES_DIR, `.${NOTES_FILE}.${newNoteId()}.tmp`);
        try {
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, NOTES_DIR));
          await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
          await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
        } catch (e) {
          await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
          throw e;
        }
      },
    };
    const outcome = await writeVerified(io, (latest) => applyOperation(latest, op), shown(uri));
    if (outcome.kind === 'damaged') {
      this.states.set(folder.toString(), { kind: 'damaged', error: outcome.error });
      this.told.delete(outcome.error);
      this.tell(outcome.error);
      this.publish();
      return { ok: false, error: outcome.error };
    }
    if (outcome.kind !== 'written') return { ok: false, error: outcome.error };
    this.states.set(folder.toString(), { kind: 'ok', file: outcome.file });
    this.publish();
    return outcome.result;
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
