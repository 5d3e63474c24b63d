// IMR: Add Note, IMR: Tag Item and IMR: Set Letter Status, for keys and scripts: each takes
// optional arguments (`{ uri, line, text, tags }`, `{ uri, line, tags }`, `{ uri, line, status }`)
// and otherwise works on the cursor's item or letter and asks for what is missing. What a command
// did is its result, so that a script can read it.

import * as vscode from 'vscode';
import type { Target } from '../../../server/src/notes/model';
import { normalizeTag, sortedUnique } from '../../../server/src/notes/notesFile';
import { describeTarget } from '../../../server/src/notes/operations';
import type { NotesComments } from './notesComments';
import { folderOf } from './notesDocuments';
import type { NotesStore } from './notesStore';
import { targetAt } from './noteTargets';

export const DEFAULT_STATUSES = ['New', 'In review', 'Appeal', 'Done'];

interface Where {
  uri?: string | vscode.Uri;
  /** 0-based line; the cursor's when absent. */
  line?: number;
}
export interface AddNoteArgs extends Where {
  text?: string;
  tags?: string[];
}
export interface TagArgs extends Where {
  tags?: string[];
}
export interface StatusArgs extends Where {
  status?: string;
}

interface Resolved {
  folder: vscode.Uri;
  target: Target;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export function registerNotesCommands(store: NotesStore, comments: NotesComments): vscode.Disposable[] {
  /** The letter or item the arguments or the cursor point at. */
  const resolve = async (args: Where | undefined, letterOnly = false): Promise<Resolved | undefined> => {
    let doc: vscode.TextDocument | undefined;
    let line = typeof args?.line === 'number' && args.line >= 0 ? Math.floor(args.line) : undefined;
    if (args?.uri) {
      const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri, true) : args.uri;
      doc = await vscode.workspace.openTextDocument(uri);
    } else {
      const editor = vscode.window.activeTextEditor;
      doc = editor?.document;
      line ??= editor?.selection.active.line;
    }
    if (!doc) {
      void vscode.window.showWarningMessage('Open a letter first: notes go on its items or on the letter.');
      return undefined;
    }
    const folder = folderOf(doc.uri);
    const result = await comments.itemsOf(doc);
    if (!folder || !result) {
      void vscode.window.showWarningMessage(
        folder
          ? 'This document is not an IMR letter.'
          : 'Notes are kept in a workspace folder: open the letter in one.',
      );
      return undefined;
    }
    const placed = targetAt(result, line ?? 0);
    if (!placed) return undefined;
    return { folder: folder.uri, target: letterOnly ? { letter: placed.target.letter } : placed.target };
  };

  const fail = (error: string): undefined => {
    void vscode.window.showErrorMessage(`IMR notes: ${error}`);
    return undefined;
  };

  const tagsUsed = (): string[] => {
    const tags: string[] = [];
    for (const file of store.files())
      for (const letter of Object.values(file.letters)) {
        tags.push(...letter.tags);
        for (const item of Object.values(letter.items)) tags.push(...item.tags);
      }
    return sortedUnique(tags);
  };

  const addNote = async (args?: AddNoteArgs): Promise<string | undefined> => {
    const where = await resolve(args);
    if (!where) return undefined;
    const text =
      typeof args?.text === 'string'
        ? args.text
        : await vscode.window.showInputBox({
            title: `Note on ${describeTarget(where.target)}`,
            prompt: 'Markdown; shown as text that cannot run anything',
          });
    if (text === undefined || text.trim() === '') return undefined;
    const done = await store.apply(where.folder, { kind: 'add', target: where.target, text });
    if (!done.ok) return fail(done.error);
    const tags = strings(args?.tags);
    if (tags && tags.length > 0) {
      const tagged = await store.apply(where.folder, { kind: 'changeTags', target: where.target, add: tags });
      if (!tagged.ok) return fail(tagged.error);
    }
    return done.note?.id;
  };

  const tagItem = async (args?: TagArgs): Promise<string[] | undefined> => {
    const where = await resolve(args);
    if (!where) return undefined;
    let tags = strings(args?.tags);
    if (!tags) {
      const NEW = '$(add) New tag...';
      const used = tagsUsed();
      const picked = await vscode.window.showQuickPick([...used, NEW], {
        title: `Tag ${describeTarget(where.target)}`,
        placeHolder: used.length > 0 ? 'Tags used in this folder' : 'No tags yet: add one',
        canPickMany: true,
      });
      if (!picked) return undefined;
      tags = picked.filter((t) => t !== NEW);
      if (picked.includes(NEW)) {
        const typed = await vscode.window.showInputBox({ title: 'New tags', prompt: 'Words, separated by spaces' });
        if (typed) tags.push(...typed.split(/[\s,]+/));
      }
    }
    tags = sortedUnique(tags.map(normalizeTag).filter((t) => t !== ''));
    if (tags.length === 0) return undefined;
    const done = await store.apply(where.folder, { kind: 'changeTags', target: where.target, add: tags });
    return done.ok ? tags : fail(done.error);
  };

  const setLetterStatus = async (args?: StatusArgs): Promise<string | undefined> => {
    const where = await resolve(args, true);
    if (!where) return undefined;
    const statuses = vscode.workspace.getConfiguration('imrLetters').get<string[]>('notes.statuses', DEFAULT_STATUSES);
    const list = Array.isArray(statuses) && statuses.length > 0 ? statuses : DEFAULT_STATUSES;
    const status =
      typeof args?.status === 'string'
        ? args.status
        : await vscode.window.showQuickPick(list, { title: `Status of ${describeTarget(where.target)}` });
    if (status === undefined || status.trim() === '') return undefined;
    const done = await store.apply(where.folder, {
      kind: 'setStatus',
      letter: where.target.letter,
      value: status.trim(),
    });
    return done.ok ? status.trim() : fail(done.error);
  };

  return [
    vscode.commands.registerCommand('imrLetters.addNote', addNote),
    vscode.commands.registerCommand('imrLetters.tagItem', tagItem),
    vscode.commands.registerCommand('imrLetters.setLetterStatus', setLetterStatus),
  ];
}
