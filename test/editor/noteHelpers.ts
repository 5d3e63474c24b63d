// Shared by the editor tests of notes (suite/notes.test.ts and the window reload's two halves in
// reload/): the notes file of the fixture folder, and an item's hover once the server has its notes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, hoverText, until } from './helpers';

export const NOTES_DIR = '.imr-letters';

export async function notesFileText(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(`${NOTES_DIR}/notes.json`)));
}

/**
 * The items of a letter without a case number (keyed by its path in the folder) as the notes file
 * holds them: [name, tags, the notes' texts] for each.
 */
export async function itemNotesInFile(letterPath: string): Promise<Array<[string, string[], string[]]>> {
  const text = await notesFileText();
  const letter = JSON.parse(text).letters[`path:${letterPath}`];
  assert.ok(letter, `no letter path:${letterPath} in the notes file: ${text}`);
  const items = Object.values(letter.items) as Array<{ name: string; tags: string[]; notes: Array<{ text: string }> }>;
  return items.map((i) => [i.name, i.tags, i.notes.map((n) => n.text)]);
}

/** Removes the notes folder the tests write into the fixture folder (absent or not). */
export async function removeNotes(): Promise<void> {
  await vscode.workspace.fs.delete(fixtureUri(NOTES_DIR), { recursive: true }).then(undefined, () => undefined);
}

export async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hoverText(hovers);
}

/** The hover until it says `pattern` (the server gets the notes a moment after the file is written). */
export function hoverUntil(document: vscode.TextDocument, position: vscode.Position, pattern: RegExp): Promise<string> {
  let last = '';
  return until(
    [],
    () => {
      void hoverAt(document, position).then((t) => (last = t));
      return pattern.test(last) ? last : undefined;
    },
    () => `a hover matching ${pattern}; last: ${last}`,
    { pollMs: 100 },
  );
}

/** The titles of the document's CodeLenses once one of them is `title`. */
export function lensTitlesUntil(uri: vscode.Uri, title: string): Promise<string[]> {
  let titles: string[] = [];
  return until(
    [],
    () => {
      void vscode.commands
        .executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)
        .then((l) => (titles = (l ?? []).map((x) => x.command?.title ?? '')));
      return titles.includes(title) ? titles : undefined;
    },
    () => `a "${title}" lens; lenses: ${titles.join(' | ')}`,
    { pollMs: 100 },
  );
}
