// The next/previous item commands and the status bar, on letter 001 (four items, all Upheld).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtensionApi, FIXTURES, ITEMS_001, activateExtension, focus, lineOf, openLetter, until } from '../helpers';

describe('item navigation and status bar', () => {
  let api: ExtensionApi;
  let editor: vscode.TextEditor;
  let decisionLines: number[];

  before(async () => {
    api = await activateExtension();
    editor = await openLetter(FIXTURES.letter001);
    decisionLines = ITEMS_001.map((name) => lineOf(editor.document, `${name}: Upheld`));
  });

  async function step(command: 'imrLetters.nextItem' | 'imrLetters.previousItem', expectedLine: number): Promise<void> {
    const before = editor.selection;
    await vscode.commands.executeCommand(command);
    // The command may finish before the selection change reaches this extension host.
    const selection = await until(
      [vscode.window.onDidChangeTextEditorSelection],
      () => (editor.selection.isEqual(before) ? undefined : editor.selection),
      () => `${command} to move the selection from line ${before.active.line} (expected line ${expectedLine})`,
    );
    assert.equal(selection.start.line, expectedLine, `${command} from line ${before.active.line}`);
    assert.equal(selection.start.character, 0, `${command} selects from the start of the decision line`);
  }

  it('imrLetters.nextItem visits each decision line in order, then wraps to the first', async () => {
    editor = await focus(editor);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    for (const line of decisionLines) await step('imrLetters.nextItem', line);
    await step('imrLetters.nextItem', decisionLines[0]);
  });

  it('imrLetters.previousItem wraps from the first item to the last, then goes back in order', async () => {
    editor = await focus(editor);
    const first = decisionLines[0];
    editor.selection = new vscode.Selection(first, 0, first, 0);
    for (const line of [...decisionLines].reverse()) await step('imrLetters.previousItem', line);
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
  });
});
