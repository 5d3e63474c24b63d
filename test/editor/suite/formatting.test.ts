// Format Document through the real language client, its edits applied with
// vscode.workspace.applyEdit: extraction noise goes, the letter's words and items stay.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, activateExtension, lineOf, openLetter, revert, wordsOf } from '../helpers';

async function formatEdits(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  const options: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true };
  return (
    (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
      'vscode.executeFormatDocumentProvider',
      document.uri,
      options,
    )) ?? []
  );
}

async function format(document: vscode.TextDocument): Promise<void> {
  const edits = await formatEdits(document);
  assert.ok(edits.length > 0, `no formatting edits for ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

async function itemsOf(document: vscode.TextDocument): Promise<string[]> {
  const symbols =
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    )) ?? [];
  const out: string[] = [];
  const visit = (list: readonly vscode.DocumentSymbol[]) => {
    for (const symbol of list) {
      // The outline names an item outcome first (`Upheld: XANAX 0.5MG #90`); written back as the letter has it.
      const decided = /^(Upheld|Overturned): (.*)$/s.exec(symbol.name);
      if (symbol.kind === vscode.SymbolKind.Boolean && decided) out.push(`${decided[2]}: ${decided[1]}`);
      visit(symbol.children ?? []);
    }
  };
  visit(symbols);
  return out;
}

/** What a formatted letter looks like, whatever its spacing was. */
function assertTidy(text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, i) =>
    assert.doesNotMatch(line, /\s$/, `line ${i} keeps trailing white space: ${JSON.stringify(line)}`),
  );
  assert.doesNotMatch(text, /\n\n\n/, 'two blank lines in a row');
}

describe('formatting', () => {
  const edited: vscode.TextEditor[] = [];

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    for (const editor of edited) await revert(editor);
  });

  it('removes the double spacing of letter 000 and keeps its words and items', async () => {
    const editor = await openLetter(FIXTURES.letter000);
    edited.push(editor);
    const { document } = editor;
    const before = document.getText();
    const linesBefore = document.lineCount;
    const itemsBefore = await itemsOf(document);
    assert.deepEqual(itemsBefore, [
      'PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS: Upheld',
      'XANAX 0.5MG #90: Upheld',
    ]);

    await format(document);
    const after = document.getText();
    assert.deepEqual(wordsOf(after), wordsOf(before), 'formatting changed the words');
    assertTidy(after);
    // Double spacing is a blank line after every line: about half the lines go.
    assert.ok(document.lineCount < linesBefore * 0.6, `${linesBefore} lines before, ${document.lineCount} after`);
    // Sentences that ran over two lines now sit on adjacent lines.
    const line = lineOf(
      document,
      'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no',
    );
    assert.equal(
      document.lineAt(line + 1).text,
      'affiliation with the employer, employee, providers or the claims administrator. The expert',
    );

    assert.deepEqual(await itemsOf(document), itemsBefore);
    assert.deepEqual(await formatEdits(document), [], 'formatting a formatted letter changes nothing');
  });

  it('joins the outcome of letter 004 that wrapped onto its own line', async () => {
    const editor = await openLetter(FIXTURES.letter004);
    edited.push(editor);
    const { document } = editor;
    const before = document.getText();
    const item = 'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions';
    assert.equal(document.lineAt(lineOf(document, `${item}:`) + 1).text.trim(), 'Upheld');

    await format(document);
    assert.deepEqual(wordsOf(document.getText()), wordsOf(before), 'formatting changed the words');
    assertTidy(document.getText());
    lineOf(document, `${item}: Upheld`);
    assert.deepEqual(await itemsOf(document), [`${item}: Upheld`]);
    assert.deepEqual(await formatEdits(document), [], 'formatting a formatted letter changes nothing');
  });
});
