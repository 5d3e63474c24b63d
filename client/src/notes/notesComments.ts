// Notes in the editor through VS Code's Comments API: a thread on each item's decision line and on
// each letter's first line holding their notes (several per target), which a user replies to, edits
// and deletes (with a confirmation, undoable until the window closes). The threads are drawn again
// from the notes file whenever it or the document changes; a note's text is untrusted Markdown.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Note, Target } from '../../../server/src/notes/model';
import { describeTarget, type Operation } from '../../../server/src/notes/operations';
import type { ItemsResult } from '../../../server/src/protocol';
import { untrustedMarkdown } from './noteMarkdown';
import { folderOf, notesItemsOf } from './notesDocuments';
import type { NotesStore } from './notesStore';
import { commentingLines, targetAt, targetsOf } from './noteTargets';

export const NOTES_CONTROLLER = 'imrLetters.notes';
const NOTE_CONTEXT = 'imrNote';
const REFRESH_DELAY_MS = 300;

function threadKey(thread: vscode.CommentThread): string {
  return thread.contextValue ?? '';
}

export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  readonly contextValue = NOTE_CONTEXT;
  readonly author: vscode.CommentAuthorInformation = { name: 'Note' };
  body: string | vscode.MarkdownString;
  readonly timestamp: Date;
  readonly label: string | undefined;

  constructor(
    readonly note: Note,
    readonly folder: vscode.Uri,
    readonly thread: vscode.CommentThread,
  ) {
    this.body = untrustedMarkdown(note.text);
    this.timestamp = new Date(note.updated);
    this.label = note.updated !== note.created ? 'edited' : undefined;
  }
}

interface Deleted {
  readonly folder: vscode.Uri;
  /** What puts the deleted notes back. */
  readonly restore: Operation;
}

export class NotesComments implements vscode.Disposable {
  readonly controller = vscode.comments.createCommentController(NOTES_CONTROLLER, 'IMR Notes');
  private readonly threads = new Map<string, vscode.CommentThread[]>();
  private readonly items = new Map<string, ItemsResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Deleted notes, latest last: undoable until the window closes. */
  private readonly deleted: Deleted[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly store: NotesStore,
  ) {
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (doc) => {
        const result = this.items.get(doc.uri.toString());
        return result ? commentingLines(result).map((line) => new vscode.Range(line, 0, line, 0)) : [];
      },
    };
    this.controller.options = { prompt: 'Add a note', placeHolder: 'A note on this item (Markdown)' };
    this.subscriptions.push(
      this.controller,
      store.onDidChange(() => this.refreshVisible(0)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.threads.has(e.document.uri.toString()))
          this.schedule(e.document, REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri.toString())),
      vscode.commands.registerCommand('imrLetters.notes.reply', (reply: vscode.CommentReply) => this.reply(reply)),
      vscode.commands.registerCommand('imrLetters.notes.edit', (c: NoteComment) => this.setMode(c, true)),
      vscode.commands.registerCommand('imrLetters.notes.cancel', (c: NoteComment) => this.setMode(c, false)),
      vscode.commands.registerCommand('imrLetters.notes.save', (c: NoteComment) => this.save(c)),
      vscode.commands.registerCommand('imrLetters.notes.delete', (c: NoteComment) => this.delete(c)),
      vscode.commands.registerCommand('imrLetters.undoDeleteNote', () => this.undoDelete()),
    );
    this.refreshVisible(0);
  }

  /** The document's items and keys as last fetched (for the commands). */
  itemsOf(doc: vscode.TextDocument): Promise<ItemsResult | undefined> {
    return notesItemsOf(this.client, this.ready, doc);
  }

  private refreshVisible(delay: number): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document, delay);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    const uri = doc.uri.toString();
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        if (!doc.isClosed) void this.refresh(doc);
      }, delay),
    );
  }

  /** Draws the document's threads from the notes file, keeping the threads still needed (and their expanded state). */
  async refresh(doc: vscode.TextDocument): Promise<void> {
    const folder = folderOf(doc.uri);
    if (!folder) return;
    const result = await this.itemsOf(doc);
    const uri = doc.uri.toString();
    if (!result) {
      this.clear(uri);
      this.items.delete(uri);
      return;
    }
    this.items.set(uri, result);
    const file = this.store.fileOf(folder.uri);
    const old = new Map((this.threads.get(uri) ?? []).map((t) => [threadKey(t), t]));
    const threads: vscode.CommentThread[] = [];
    for (const { line, target } of file ? targetsOf(result) : []) {
      const entry = file!.letters[target.letter];
      const notes = target.item === undefined ? entry?.notes : entry?.items[target.item]?.notes;
      if (!notes || notes.length === 0) continue;
      const key = `${line}\n${target.letter}\n${target.item ?? ''}`;
      let thread = old.get(key);
      old.delete(key);
      if (!thread) {
        thread = this.controller.createCommentThread(doc.uri, new vscode.Range(line, 0, line, 0), []);
        thread.contextValue = key;
        thread.label =
          target.item === undefined ? 'Notes on this letter' : `Notes on ${target.itemName ?? 'this item'}`;
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      }
      const t = thread;
      const same =
        t.comments.length === notes.length &&
        t.comments.every(
          (c, i) =>
            c instanceof NoteComment &&
            c.note.id === notes[i].id &&
            c.note.updated === notes[i].updated &&
            c.mode === vscode.CommentMode.Preview,
        );
      if (!same) t.comments = notes.map((n) => new NoteComment(n, folder.uri, t));
      threads.push(t);
    }
    old.forEach((t) => t.dispose());
    this.threads.set(uri, threads);
  }

  private clear(uri: string): void {
    this.threads.get(uri)?.forEach((t) => t.dispose());
    this.threads.delete(uri);
  }

  /** Threads drawn for a document (the editor tests read them). */
  threadsOf(uri: vscode.Uri): readonly vscode.CommentThread[] {
    return this.threads.get(uri.toString()) ?? [];
  }

  /** A note typed into a thread, new or not: added to the target the thread's line belongs to. */
  private async reply(reply: vscode.CommentReply): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(reply.thread.uri);
    const folder = folderOf(doc.uri);
    const result = await this.itemsOf(doc);
    const placed = result && reply.thread.range ? targetAt(result, reply.thread.range.start.line) : undefined;
    if (!folder || !placed) {
      void vscode.window.showWarningMessage('A note goes on a letter in a workspace folder.');
      return;
    }
    const done = await this.store.apply(folder.uri, { kind: 'add', target: placed.target, text: reply.text });
    if (!done.ok) {
      void vscode.window.showErrorMessage(`IMR notes: ${done.error}`);
      return;
    }
    // Ours are drawn again from the file; a thread the user just opened goes.
    if (!this.threadsOf(doc.uri).includes(reply.thread)) reply.thread.dispose();
    await this.refresh(doc);
  }

  private setMode(comment: NoteComment, editing: boolean): void {
    if (!(comment instanceof NoteComment)) return;
    const thread = comment.thread;
    thread.comments = thread.comments.map((c) => {
      if (c !== comment) return c;
      c.mode = editing ? vscode.CommentMode.Editing : vscode.CommentMode.Preview;
      // Editing shows the text as written; cancelling puts the rendered note back.
      comment.body = editing ? comment.note.text : untrustedMarkdown(comment.note.text);
      return c;
    });
  }

  private async save(comment: NoteComment): Promise<void> {
    if (!(comment instanceof NoteComment)) return;
    const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
    const done = await this.store.apply(comment.folder, { kind: 'edit', id: comment.note.id, text });
    if (!done.ok) void vscode.window.showErrorMessage(`IMR notes: ${done.error}`);
    // The store's change draws the threads again.
  }

  /** Asks, deletes, and offers to undo. */
  async delete(comment: NoteComment, confirm = true): Promise<boolean> {
    if (!(comment instanceof NoteComment)) return false;
    if (confirm) {
      const choice = await vscode.window.showWarningMessage(
        'Delete this note?',
        { modal: true, detail: 'IMR: Undo Delete Note brings it back until the window closes.' },
        'Delete',
      );
      if (choice !== 'Delete') return false;
    }
    const done = await this.store.apply(comment.folder, { kind: 'delete', id: comment.note.id });
    if (!done.ok) {
      void vscode.window.showErrorMessage(`IMR notes: ${done.error}`);
      return false;
    }
    const from = (done as { deletedFrom?: Target }).deletedFrom;
    if (from) this.rememberDeleted(comment.folder, { kind: 'restore', target: from, note: comment.note });
    void vscode.window
      .showInformationMessage(`Note deleted from ${from ? describeTarget(from) : 'the letter'}.`, 'Undo')
      .then((c) => (c === 'Undo' ? this.undoDelete() : undefined));
    return true;
  }

  /** A deletion made elsewhere (detached notes in the Letters view), for IMR: Undo Delete Note. */
  rememberDeleted(folder: vscode.Uri, restore: Operation): void {
    this.deleted.push({ folder, restore });
  }

  /** The last deleted notes put back where they were; false when there are none. */
  async undoDelete(): Promise<boolean> {
    const last = this.deleted.pop();
    if (!last) {
      void vscode.window.showInformationMessage('No deleted note to bring back in this window.');
      return false;
    }
    const done = await this.store.apply(last.folder, last.restore);
    if (!done.ok) {
      this.deleted.push(last);
      void vscode.window.showErrorMessage(`IMR notes: ${done.error}`);
    }
    return done.ok;
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.threads.forEach((list) => list.forEach((t) => t.dispose()));
    this.subscriptions.forEach((s) => s.dispose());
  }
}
