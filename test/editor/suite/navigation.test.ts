// The next/previous item commands and the status bar, on letter 001 (four items, all Upheld).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  ExtensionApi,
  FIXTURES,
  ITEMS_001,
  activateExtension,
  focus,
  lineOf,
  openLetter,
  showFixture,
  until,
} from '../helpers';

describe('item navigation and status bar', () => {
  let api: ExtensionApi;
  let editor: vscode.TextEditor;
  let decisionLines: number[];

  before(async () => {
    api = await activateExtension();
    editor = await openLetter(FIXTURES.letter001);
    decisionLines = ITEMS_001.map((name) => lineOf(editor.document, `${name}: Upheld`));
  });

  /**
   * Runs `change` (which selects in `editor` from this extension host) and waits until the window
   * reports that very selection back. The extension host applies a selection at once and hears of it
   * from the window later, so until then an older selection can still arrive and replace it: a
   * command run in that gap would start from a stale cursor, which no user is fast enough to hit.
   */
  async function selectAndSettle(change: () => Thenable<unknown> | void): Promise<vscode.Selection> {
    const reported: vscode.Selection[] = [];
    const subscription = vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor.document === editor.document) reported.push(...event.selections.slice(0, 1));
    });
    try {
      const before = editor.selection;
      await change();
      const target = editor.selection;
      if (target.isEqual(before)) return target;
      await until(
        [vscode.window.onDidChangeTextEditorSelection],
        () => (reported.some((selection) => selection.isEqual(target)) ? true : undefined),
        () =>
          `the window to report the selection at line ${target.active.line} (reported: ${reported.map((s) => s.active.line).join(', ')})`,
      );
      return target;
    } finally {
      subscription.dispose();
    }
  }

  async function step(command: 'imrLetters.nextItem' | 'imrLetters.previousItem', expectedLine: number): Promise<void> {
    const from = editor.selection.active.line;
    const selection = await selectAndSettle(() => vscode.commands.executeCommand(command));
    assert.equal(selection.start.line, expectedLine, `${command} from line ${from}`);
    assert.equal(selection.start.character, 0, `${command} selects from the start of the decision line`);
  }

  it('imrLetters.nextItem visits each decision line in order, then wraps to the first', async () => {
    editor = await focus(editor);
    await selectAndSettle(() => {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    });
    for (const line of decisionLines) await step('imrLetters.nextItem', line);
    await step('imrLetters.nextItem', decisionLines[0]);
  });

  it('imrLetters.previousItem wraps from the first item to the last, then goes back in order', async () => {
    editor = await focus(editor);
    const first = decisionLines[0];
    await selectAndSettle(() => {
      editor.selection = new vscode.Selection(first, 0, first, 0);
    });
    for (const line of [...decisionLines].reverse()) await step('imrLetters.previousItem', line);
  });

  it('says where each move landed, "Item 2 of 4", and that Next wrapped after the last', async () => {
    editor = await focus(editor);
    await selectAndSettle(() => {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    });
    const messages: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      await selectAndSettle(async () => {
        messages.push(await vscode.commands.executeCommand('imrLetters.nextItem'));
      });
    }
    assert.deepEqual(messages, [
      'Item 1 of 4',
      'Item 2 of 4',
      'Item 3 of 4',
      'Item 4 of 4',
      'Item 1 of 4 (wrapped from the last item)',
    ]);
  });

  it('Next works while the Outline view has focus: it moves in the letter editor', async () => {
    editor = await focus(editor);
    await selectAndSettle(() => {
      editor.selection = new vscode.Selection(decisionLines[1], 0, decisionLines[1], 0);
    });
    await vscode.commands.executeCommand('outline.focus');
    // The keybinding's `when` clause admits the Outline: activeEditorLangId stays the letter's.
    const keybinding = (
      vscode.extensions.getExtension('imr-letters.imr-letters')!.packageJSON.contributes.keybindings as {
        command: string;
        when: string;
      }[]
    ).find((k) => k.command === 'imrLetters.nextItem')!;
    assert.match(keybinding.when, /focusedView == outline/);
    assert.match(keybinding.when, /activeEditorLangId == imr-letter/);
    let message: unknown;
    const selection = await selectAndSettle(async () => {
      message = await vscode.commands.executeCommand('imrLetters.nextItem');
    });
    assert.equal(selection.start.line, decisionLines[2]);
    assert.equal(message, 'Item 3 of 4');
  });

  it('the status bar counts the four items of letter 001', async () => {
    editor = await focus(editor);
    // The status bar follows the active editor through a request to the server, and announces no
    // event: poll its text until it names the items.
    const text = await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () => (/\b4 items\b/.test(api.statusBarText() ?? '') ? api.statusBarText() : undefined),
      () => `the status bar to count 4 items (it reads "${api.statusBarText()}")`,
      { pollMs: 50 },
    );
    assert.match(text!, /\b4 items\b/);
    assert.match(text!, /\b4 upheld\b/);
  });

  it('the status bar hides for an ordinary .txt and returns with the letter', async () => {
    await showFixture(FIXTURES.notes);
    await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () => (api.statusBarText() === undefined ? true : undefined),
      () => `the status bar to hide for ${FIXTURES.notes} (it reads "${api.statusBarText()}")`,
      { pollMs: 50 },
    );
    editor = await focus(editor);
    await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () => (/\b4 items\b/.test(api.statusBarText() ?? '') ? true : undefined),
      () => `the status bar to return for ${FIXTURES.letter001} (it reads "${api.statusBarText()}")`,
      { pollMs: 50 },
    );
  });
});
