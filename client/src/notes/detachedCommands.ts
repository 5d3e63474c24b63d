// IMR: Re-attach Notes… and IMR: Delete Detached Notes…: the notes of an item a letter no longer
// has, or of a letter no file holds any more, moved onto an item or letter (ids, text and times
// kept) or deleted after a confirmation that says how many, undoable with IMR: Undo Delete Note.
// Each takes a row of the Letters view, arguments for scripts and tests, or nothing (a quick pick
// of every detached note). Writes go through the notes store, as every change does.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { describeLetterKey, itemKeyOf } from '../../../server/src/notes/keys';
import type { LetterNotes, Target } from '../../../server/src/notes/model';
import { describeTarget, type NotesScope } from '../../../server/src/notes/operations';
import {
  LetterGroupsRequest,
  LettersInGroupRequest,
  type DetachedNotesLetter,
  type LetterGroupsResult,
  type LetterListEntry,
  type LettersInGroupResult,
} from '../../../server/src/protocol';
import { count } from '../letterRows';
import type { LetterNode, LettersView } from '../lettersView';
import type { NotesComments } from './notesComments';
import { folderOf } from './notesDocuments';
import type { NotesStore } from './notesStore';
import { targetsOf } from './noteTargets';

export const REATTACH_COMMAND = 'imrLetters.reattachNotes';
export const DELETE_DETACHED_COMMAND = 'imrLetters.deleteDetachedNotes';

/** Which detached notes: a letter's key and, for a detached item, its key (or name). */
export interface DetachedArgs {
  /** The workspace folder (URI) whose notes file holds them; default: the folder of `uri`, else the first. */
  folder?: string;
  /** The letter's file, when a file holds it (the items to re-attach to are its). */
  uri?: string;
  /** The letter's notes key (`case:…`, `path:…`). */
  letter: string;
  /** The detached item's key or name; absent: the letter's own notes. */
  item?: string;
  /** Everything kept for the letter (a letter no file holds any more). */
  whole?: boolean;
}
export interface ReattachArgs extends DetachedArgs {
  /** Where to: a letter's file, its nth letter (0-based), an item's name; no item: the letter as a whole. */
  to?: { uri: string; letterIndex?: number; item?: string };
}

interface Picked {
  folder: vscode.Uri;
  scope: NotesScope;
  /** `"L5-S1 ESI" of CM16-0247274`, for titles and messages. */
  what: string;
  /** The notes the user is shown: a deletion takes these, never one added meanwhile. */
  ids: string[];
  /** The letter's file and its letter there (its place, or its key), for a detached item of a letter a file holds. */
  home?: { uri: string; letter: number | string };
}

function isNode(value: unknown): value is LetterNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function lostPicked(l: DetachedNotesLetter, item?: DetachedNotesLetter['items'][number], whole = false): Picked {
  const folder = vscode.Uri.parse(l.folder);
  if (item)
    return {
      folder,
      scope: { letter: l.key, item: item.key },
      what: `"${item.name}" of ${l.label}`,
      ids: item.notes.map((n) => n.id),
    };
  const ids = whole ? [...l.notes, ...l.items.flatMap((i) => i.notes)].map((n) => n.id) : l.notes.map((n) => n.id);
  return { folder, scope: whole ? { letter: l.key, whole } : { letter: l.key }, what: l.label, ids };
}

/** A row of the Letters view as what it holds. */
function fromNode(node: LetterNode): Picked | undefined {
  switch (node.kind) {
    case 'detached': {
      const l = node.parent.letter;
      const folder = folderOf(vscode.Uri.parse(l.uri));
      if (!folder || !l.letterKey) return undefined;
      return {
        folder: folder.uri,
        scope: { letter: l.letterKey, item: node.item.key },
        what: `"${node.item.name}" of ${l.caseNumber ?? l.fileName}`,
        ids: node.item.notes.map((n) => n.id),
        home: { uri: l.uri, letter: l.letterIndex },
      };
    }
    case 'lostLetter':
      return lostPicked(node.letter, undefined, true);
    case 'lostPart':
      return lostPicked(node.letter, node.item);
    default:
      return undefined;
  }
}

export function registerDetachedCommands(
  client: LanguageClient,
  ready: Promise<void>,
  store: NotesStore,
  comments: NotesComments,
  view: LettersView,
) {
  const fail = (error: string): undefined => {
    void vscode.window.showErrorMessage(`IMR notes: ${error}`);
    return undefined;
  };

  /** Arguments as what they name, read from the notes file as it is now. */
  const fromArgs = (args: DetachedArgs): Picked | undefined => {
    const folder = args.folder
      ? vscode.Uri.parse(args.folder)
      : args.uri
        ? folderOf(vscode.Uri.parse(args.uri))?.uri
        : vscode.workspace.workspaceFolders?.[0]?.uri;
    const entry = folder ? store.fileOf(folder)?.letters[args.letter] : undefined;
    if (!folder || !entry) return fail(`no notes kept for ${args.letter}`);
    let home: Picked['home'];
    if (args.uri) home = { uri: args.uri, letter: args.letter };
    if (args.item !== undefined) {
      const key = entry.items[args.item] ? args.item : itemKeyOf(args.item);
      const item = entry.items[key];
      if (!item) return fail(`no notes kept for the item "${args.item}" of ${args.letter}`);
      return {
        folder,
        scope: { letter: args.letter, item: key },
        what: `"${item.name}" of ${describeLetterKey(args.letter)}`,
        ids: item.notes.map((n) => n.id),
        home,
      };
    }
    const whole = args.whole === true;
    const ids = [...entry.notes, ...(whole ? Object.values(entry.items).flatMap((i) => i.notes) : [])];
    return {
      folder,
      scope: whole ? { letter: args.letter, whole } : { letter: args.letter },
      what: describeLetterKey(args.letter),
      ids: ids.map((n) => n.id),
      home,
    };
  };

  /** Every detached note of the folders, to pick from (the palette, without a row). */
  const pickDetached = async (title: string): Promise<Picked | undefined> => {
    const r = await view.detachedNotes();
    type Entry = vscode.QuickPickItem & { choice: Picked };
    const entries: Entry[] = [];
    for (const l of r?.detached ?? [])
      for (const item of l.items) {
        const folder = vscode.Uri.parse(l.folder);
        entries.push({
          label: `$(debug-disconnect) ${item.name}`,
          description: `${l.label} · ${count(item.notes.length, 'note')}`,
          choice: {
            folder,
            scope: { letter: l.key, item: item.key },
            what: `"${item.name}" of ${l.label}`,
            ids: item.notes.map((n) => n.id),
            home: l.uri !== undefined ? { uri: l.uri, letter: l.letterIndex ?? 0 } : undefined,
          },
        });
      }
    for (const l of r?.notFound ?? []) {
      const picked = lostPicked(l, undefined, true);
      entries.push({
        label: `$(question) ${l.label}`,
        description: `letter not found · ${count(picked.ids.length, 'note')}`,
        choice: picked,
      });
    }
    if (entries.length === 0) {
      void vscode.window.showInformationMessage('No detached notes: every note is on its letter or item.');
      return undefined;
    }
    return (await vscode.window.showQuickPick(entries, { title, placeHolder: 'Detached notes' }))?.choice;
  };

  const whatOf = async (arg: unknown, title: string): Promise<Picked | undefined> => {
    if (isNode(arg)) return fromNode(arg);
    if (typeof arg === 'object' && arg !== null && typeof (arg as DetachedArgs).letter === 'string')
      return fromArgs(arg as DetachedArgs);
    return pickDetached(title);
  };

  /** The letters of the folder, from the index (a letter no file holds goes onto one of them). */
  const lettersOfFolder = async (folder: vscode.Uri): Promise<LetterListEntry[]> => {
    await ready;
    const groups = await client.sendRequest<LetterGroupsResult>(LetterGroupsRequest, { groupBy: 'outcome' });
    const seen = new Map<string, LetterListEntry>();
    for (const g of groups.groups) {
      const r = await client.sendRequest<LettersInGroupResult>(LettersInGroupRequest, {
        groupBy: 'outcome',
        key: g.key,
      });
      for (const l of r.letters)
        if (folderOf(vscode.Uri.parse(l.uri))?.uri.toString() === folder.toString())
          seen.set(`${l.uri}#${l.letterIndex}`, l);
    }
    return [...seen.values()].sort((a, b) => a.fileName.localeCompare(b.fileName) || a.letterIndex - b.letterIndex);
  };

  /** The targets of one letter of a file (by its place in the file, or its key): its items, and the letter as a whole. */
  const targetsIn = async (uri: string, letter: number | string): Promise<Target[] | undefined> => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const result = await comments.itemsOf(doc);
    const key = typeof letter === 'string' ? letter : result?.letterKeys?.[letter];
    if (!result || key === undefined || !result.letterKeys?.includes(key)) return undefined;
    return targetsOf(result)
      .map((t) => t.target)
      .filter((t) => t.letter === key);
  };

  /** Where the notes go: from the arguments, or asked (a letter first when no file holds theirs). */
  const destination = async (picked: Picked, to: ReattachArgs['to']): Promise<Target | undefined> => {
    if (to) {
      const targets = await targetsIn(to.uri, to.letterIndex ?? 0);
      if (!targets) return fail(`${to.uri} is not a letter`);
      if (to.item === undefined) return targets.find((t) => t.item === undefined);
      const key = itemKeyOf(to.item);
      return targets.find((t) => t.item === key) ?? fail(`no item "${to.item}" in ${to.uri}`);
    }
    let home = picked.home;
    if (!home) {
      const letters = await lettersOfFolder(picked.folder);
      const chosen = await vscode.window.showQuickPick(
        letters.map((l) => ({
          label: l.caseNumber ?? l.fileName,
          description: vscode.workspace.asRelativePath(vscode.Uri.parse(l.uri), false),
          detail: l.items.map((i) => i.name).join(' · '),
          l,
        })),
        {
          title: `Re-attach the notes of ${picked.what} to the letter…`,
          matchOnDescription: true,
          matchOnDetail: true,
        },
      );
      if (!chosen) return undefined;
      home = { uri: chosen.l.uri, letter: chosen.l.letterIndex };
    }
    const targets = await targetsIn(home.uri, home.letter);
    if (!targets) return fail('the letter can no longer be read');
    // A whole letter's entry goes onto the letter: its items find theirs by name there.
    if (picked.scope.whole) return targets.find((t) => t.item === undefined);
    const chosen = await vscode.window.showQuickPick(
      targets.map((t) => ({
        label: t.item === undefined ? '$(mail) The letter as a whole' : (t.itemName ?? t.item),
        t,
      })),
      { title: `Re-attach the notes of ${picked.what} to…` },
    );
    return chosen?.t;
  };

  const reattach = async (arg?: unknown): Promise<string | undefined> => {
    const picked = await whatOf(arg, 'Re-attach Notes…');
    if (!picked) return undefined;
    const to = await destination(picked, isNode(arg) ? undefined : (arg as ReattachArgs | undefined)?.to);
    if (!to) return undefined;
    const done = await store.apply(picked.folder, { kind: 'moveScope', scope: picked.scope, to });
    if (!done.ok) return fail(done.error);
    const where = describeTarget(to);
    void vscode.window.showInformationMessage(`Notes of ${picked.what} re-attached to ${where}.`);
    return where;
  };

  /** Asks (unless `confirm` is false: the tests), deletes, and offers to undo; how many notes went. */
  const deleteDetached = async (arg?: unknown, confirm = true): Promise<number | undefined> => {
    const picked = await whatOf(arg, 'Delete Detached Notes…');
    if (!picked) return undefined;
    const how = picked.ids.length > 0 ? count(picked.ids.length, 'detached note') : 'the tags kept';
    if (confirm) {
      const choice = await vscode.window.showWarningMessage(
        `Delete ${how} of ${picked.what}?`,
        { modal: true, detail: 'IMR: Undo Delete Note brings them back until the window closes.' },
        'Delete',
      );
      if (choice !== 'Delete') return undefined;
    }
    const done = await store.apply(picked.folder, { kind: 'deleteScope', scope: picked.scope, ids: picked.ids });
    if (!done.ok) return fail(done.error);
    const removed = (done as { removed?: LetterNotes }).removed;
    if (removed)
      comments.rememberDeleted(picked.folder, { kind: 'restoreScope', letter: picked.scope.letter, removed });
    void vscode.window
      .showInformationMessage(`Deleted ${how} of ${picked.what}.`, 'Undo')
      .then((c) => (c === 'Undo' ? comments.undoDelete() : undefined));
    return picked.ids.length;
  };

  return {
    disposables: [
      vscode.commands.registerCommand(REATTACH_COMMAND, reattach),
      vscode.commands.registerCommand(DELETE_DETACHED_COMMAND, (arg?: unknown) => deleteDetached(arg)),
    ],
    /** For the editor tests: a deletion without the modal question. */
    api: { reattach, deleteDetached },
  };
}
