// Detached notes in the real editor: a notes file with a note on an item name letter 001 does not
// have ("Xanax 1mg": the letter decides "Xanax 2mg, ...") shows a detached row under the letter in
// the Letters view; IMR: Re-attach Notes with arguments moves it onto the Xanax item, where its
// hover shows it. A letter no file holds (notes filed under an old path) shows in a group of its
// own; deleting detached notes takes them from the file and IMR: Undo Delete Note brings them back
// byte for byte. The suite writes into the fixture folder, so it removes the notes folder before and after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LetterNode } from '../../../client/src/lettersView';
import type { registerDetachedCommands } from '../../../client/src/notes/detachedCommands';
import {
  FIXTURES,
  activateExtension,
  fixtureUri,
  hoverText,
  indexed,
  lineOf,
  openLetter,
  positionOf,
  until,
  type ExtensionApi,
} from '../helpers';

const NOTES_DIR = '.imr-letters';
const XANAX = 'Xanax 2mg, 1 twice a day as needed for 12 months';
const KEY = `path:${FIXTURES.letter001}`;
const LOST = 'path:inbox/renamed-away.txt';
const T = '2026-12-07T10:00:00.000Z';

/** The notes file as the store writes it (sorted, one value per line), so a byte-for-byte comparison holds. */
const NOTES_TEXT =
  JSON.stringify(
    {
      version: 1,
      letters: {
        [KEY]: {
          items: {
            'xanax 1mg': {
              name: 'Xanax 1mg',
              tags: ['refill'],
              notes: [{ id: 'd0000000000000a1', created: T, updated: T, text: 'Ask for the **refill** history' }],
            },
          },
        },
        [LOST]: {
          notes: [{ id: 'd0000000000000b2', created: T, updated: T, text: 'On the letter that was here' }],
        },
      },
    },
    null,
    2,
  ) + '\n';

type DetachedApi = ReturnType<typeof registerDetachedCommands>['api'];

async function notesFileText(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(`${NOTES_DIR}/notes.json`)));
}

async function removeNotes(): Promise<void> {
  await vscode.workspace.fs.delete(fixtureUri(NOTES_DIR), { recursive: true }).then(undefined, () => undefined);
}

describe('detached notes', function () {
  // Each step waits for a file write, the server and the editor: slow on a loaded machine.
  this.timeout(60_000);
  let api: ExtensionApi;
  let detached: DetachedApi;
  let document: vscode.TextDocument;

  before(async () => {
    await removeNotes();
    api = await activateExtension();
    detached = (api.notes as unknown as { detached: DetachedApi }).detached;
    await indexed(api);
    await vscode.commands.executeCommand('imrLetters.letters.focus');
    document = (await openLetter(FIXTURES.letter001)).document;
  });
  beforeEach(async () => {
    await vscode.workspace.fs.writeFile(fixtureUri(`${NOTES_DIR}/notes.json`), new TextEncoder().encode(NOTES_TEXT));
    await api.notes.store.load();
  });
  after(async () => {
    await removeNotes();
    await api.notes.store.load();
    api.letters.setGrouping('outcome');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The rows under letter 001 in the Letters view (grouped by outcome: its items are upheld), until `check` is met. */
  function rowsOf001(check: (rows: vscode.TreeItem[]) => boolean, what: string): Promise<vscode.TreeItem[]> {
    let rows: vscode.TreeItem[] = [];
    return until(
      [],
      () => {
        void (async () => {
          api.letters.setGrouping('outcome');
          const groups = (await api.letters.getChildren()).filter((n) => n.kind === 'group');
          const upheld = groups.find((g) => g.kind === 'group' && g.group.key === 'upheld')!;
          const letter = (await api.letters.getChildren(upheld)).find(
            (n) => n.kind === 'letter' && n.letter.fileName === FIXTURES.letter001,
          );
          rows = letter ? (await api.letters.getChildren(letter)).map((n) => api.letters.getTreeItem(n)) : [];
        })();
        return check(rows) ? rows : undefined;
      },
      () => `${what}; rows: ${rows.map((r) => `${String(r.label)} | ${r.description}`).join(' ; ')}`,
      { pollMs: 100 },
    );
  }

  it('shows a detached row under the letter, and Re-attach Notes puts the note on the item', async () => {
    const rows = await rowsOf001(
      (r) => r.some((t) => t.label === 'detached: Xanax 1mg'),
      'a detached row under letter 001',
    );
    const row = rows.find((t) => t.label === 'detached: Xanax 1mg')!;
    assert.equal(row.description, '1 note · #refill');
    assert.equal(row.contextValue, 'detachedNotes');
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'debug-disconnect');
    const tooltip = row.tooltip as vscode.MarkdownString;
    // The row's words as text (VS Code's escaping keeps spaces as &nbsp;), the note as untrusted Markdown.
    assert.match(tooltip.value.replace(/&nbsp;/g, ' '), /Item "Xanax 1mg" is no longer found in this letter/);
    assert.match(tooltip.value, /Ask for the \*\*refill\*\* history/);
    assert.ok(!tooltip.isTrusted, 'a note is never trusted Markdown');
    // The letter's four items are still there, before it.
    assert.equal(rows.filter((t) => t.contextValue === 'item').length, 4);

    const where = await vscode.commands.executeCommand<string>('imrLetters.reattachNotes', {
      uri: document.uri.toString(),
      letter: KEY,
      item: 'Xanax 1mg',
      to: { uri: document.uri.toString(), item: XANAX },
    });
    assert.equal(where, `${FIXTURES.letter001}, item "${XANAX}"`);
    // Moved with its id, text, times and tag.
    const file = JSON.parse(await notesFileText());
    assert.deepEqual(file.letters[KEY].items, {
      'xanax 2mg 1 twice a day as needed for 12 months': {
        name: XANAX,
        tags: ['refill'],
        notes: [{ id: 'd0000000000000a1', created: T, updated: T, text: 'Ask for the **refill** history' }],
      },
    });

    const xanax = positionOf(document, lineOf(document, `${XANAX}: Upheld`), 'Xanax', 1);
    let hover = '';
    await until(
      [],
      () => {
        void vscode.commands
          .executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, xanax)
          .then((h) => (hover = hoverText(h ?? [])));
        return /Ask for the \\\*\\\*refill/.test(hover) ? hover : undefined;
      },
      () => `the note in the Xanax hover; hover: ${hover}`,
      { pollMs: 100 },
    );
    assert.match(hover, /\*\*1 note\*\* · \\#refill/);
    await rowsOf001((r) => r.length === 4, 'no detached row any more');
  });

  it('shows the notes of a letter not found, deletes detached notes, and undo brings them back', async () => {
    let roots: LetterNode[] = [];
    await until(
      [],
      () => {
        void api.letters.getChildren().then((r) => (roots = r));
        return roots.some((n) => n.kind === 'notFound') ? roots : undefined;
      },
      () => `a group of letters not found; roots: ${roots.map((n) => n.kind).join(', ')}`,
      { pollMs: 100 },
    );
    const group = roots.find((n) => n.kind === 'notFound')!;
    assert.equal(api.letters.getTreeItem(group).label, 'Notes of letters not found (1)');
    const [lost] = await api.letters.getChildren(group);
    const lostRow = api.letters.getTreeItem(lost);
    assert.equal(lostRow.label, 'inbox/renamed-away.txt');
    assert.equal(lostRow.description, '1 note');
    assert.equal(lostRow.contextValue, 'detachedNotes');
    await rowsOf001((r) => r.some((t) => t.label === 'detached: Xanax 1mg'), 'a detached row under letter 001');

    assert.equal(
      await detached.deleteDetached({ uri: document.uri.toString(), letter: KEY, item: 'Xanax 1mg' }, false),
      1,
    );
    assert.equal(JSON.parse(await notesFileText()).letters[KEY], undefined);
    await rowsOf001((r) => r.length === 4, 'no detached row after the delete');

    assert.ok(await vscode.commands.executeCommand<boolean>('imrLetters.undoDeleteNote'));
    assert.equal(await notesFileText(), NOTES_TEXT);
    await rowsOf001((r) => r.some((t) => t.label === 'detached: Xanax 1mg'), 'the detached row back after undo');

    // The letter renamed away, re-attached whole onto letter 001: its note is on the letter now.
    await vscode.commands.executeCommand('imrLetters.reattachNotes', {
      letter: LOST,
      whole: true,
      to: { uri: document.uri.toString() },
    });
    const file = JSON.parse(await notesFileText());
    assert.equal(file.letters[LOST], undefined);
    assert.deepEqual(
      file.letters[KEY].notes.map((n: { id: string }) => n.id),
      ['d0000000000000b2'],
    );
  });

  const move = async (from: string, to: string) => {
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(fixtureUri(from), fixtureUri(to));
    assert.ok(await vscode.workspace.applyEdit(edit));
  };
  // imrLetters.notes.updateOnFileMove in the user settings (the fixture folder's own stay untouched).
  const updateOnFileMove = (value: string | undefined) =>
    vscode.workspace
      .getConfiguration('imrLetters')
      .update('notes.updateOnFileMove', value, vscode.ConfigurationTarget.Global);

  it('with imrLetters.notes.updateOnFileMove at never, a rename leaves the notes under the old path', async () => {
    const text = NOTES_TEXT.replace(KEY, 'path:meeting-notes.txt');
    await vscode.workspace.fs.writeFile(fixtureUri(`${NOTES_DIR}/notes.json`), new TextEncoder().encode(text));
    await api.notes.store.load();
    await updateOnFileMove('never');
    try {
      await move('meeting-notes.txt', 'archive/meeting-notes.txt');
      // Nothing to wait for when nothing happens: a second for a write that must not come.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(await notesFileText(), text);
    } finally {
      await move('archive/meeting-notes.txt', 'meeting-notes.txt');
      await updateOnFileMove(undefined);
    }
  });

  it('a file renamed in the editor takes its notes along (updateOnFileMove at always)', async () => {
    const text = NOTES_TEXT.replace(KEY, 'path:meeting-notes.txt');
    await vscode.workspace.fs.writeFile(fixtureUri(`${NOTES_DIR}/notes.json`), new TextEncoder().encode(text));
    await api.notes.store.load();
    await updateOnFileMove('always');
    let keys: string[] = [];
    // Polled: a read that finds the file mid-write, or gone after the suite, is tried again.
    const readKeys = () =>
      notesFileText()
        .then((t) => (keys = Object.keys(JSON.parse(t).letters)))
        .catch(() => undefined);
    await move('meeting-notes.txt', 'archive/meeting-notes.txt');
    try {
      await until(
        [],
        () => {
          void readKeys();
          return keys.includes('path:archive/meeting-notes.txt') ? keys : undefined;
        },
        () => `the notes under the new path; keys: ${keys.join(', ')}`,
        { pollMs: 100 },
      );
      assert.deepEqual(keys, ['path:archive/meeting-notes.txt', LOST]);
    } finally {
      await move('archive/meeting-notes.txt', 'meeting-notes.txt');
      // The notes follow the file back: waited for, so that no write comes after the suite removes the file.
      await until(
        [],
        () => {
          void readKeys();
          return keys.includes('path:meeting-notes.txt') ? keys : undefined;
        },
        () => `the notes back under the old path; keys: ${keys.join(', ')}`,
        { pollMs: 100 },
      );
      await updateOnFileMove(undefined);
    }
  });
});
