// Go to Symbol in Workspace through the real language client: the disputed items of the letters in
// the folder, open in an editor or only on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, activateExtension, documentFor, fixtureUri, lineOf, openLetter, showFixture } from '../helpers';

describe('workspace symbols', () => {
  before(async () => {
    await activateExtension();
  });

  it('finds the Xanax items of three letters, each at its decision line', async () => {
    const expected: Array<[string, string, string]> = [
      // [file, item, decision line as written]
      [FIXTURES.letter000, 'XANAX 0.5MG #90', 'XANAX 0.5MG #90:  Upheld'],
      [
        FIXTURES.letter001,
        'Xanax 2mg, 1 twice a day as needed for 12 months',
        'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld',
      ],
      [FIXTURES.letter002, 'Refill of Xanax 1mg, QTY: 90', 'Refill of Xanax 1mg, QTY: 90:  Upheld'],
    ];
    const lines = new Map<string, number>();
    for (const [file, , decisionLine] of expected) {
      const { document } = await openLetter(file);
      lines.set(file, lineOf(document, decisionLine));
    }
    // Not letters: they mention outcomes but hold no items.
    await showFixture(FIXTURES.notes);

    const symbols =
      (await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>(
        'vscode.executeWorkspaceSymbolProvider',
        'xanax',
      )) ?? [];
    for (const [file, item] of expected) {
      const uri = fixtureUri(file).toString();
      const found = symbols.filter((symbol) => symbol.location.uri.toString() === uri);
      // The name carries the outcome and the sources (VS Code filters symbols by their name); the container is the file.
      assert.deepEqual(
        found.map((symbol) => [symbol.name.split(' \u00b7 ').slice(0, 2), symbol.location.range.start.line]),
        [[[item, 'Upheld'], lines.get(file)]],
        `items of ${file} matching "xanax"`,
      );
      assert.ok(found[0].containerName.startsWith(file.split('/').pop()!), found[0].containerName);
    }
    const notes = fixtureUri(FIXTURES.notes).toString();
    assert.equal(symbols.filter((symbol) => symbol.location.uri.toString() === notes).length, 0);
  });

  it('finds the items of a letter on disk in a nested folder that no editor opened', async () => {
    const uri = fixtureUri(FIXTURES.neverOpened002);
    assert.equal(documentFor(uri), undefined, `${FIXTURES.neverOpened002} is open: the test needs it unopened`);
    // Read through the file system API, which opens no document.
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r?\n/);
    const decisionLine = lines.findIndex((line) => line.trim() === 'Refill of Xanax 1mg, QTY: 90:  Upheld');
    assert.ok(decisionLine > 0);

    const symbols =
      (await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>(
        'vscode.executeWorkspaceSymbolProvider',
        'refill of xanax',
      )) ?? [];
    const found = symbols.filter((symbol) => symbol.location.uri.toString() === uri.toString());
    assert.deepEqual(
      found.map((symbol) => [symbol.name.split(' \u00b7 ')[0], symbol.location.range.start.line]),
      [['Refill of Xanax 1mg, QTY: 90', decisionLine]],
    );
    assert.equal(documentFor(uri), undefined, 'the search opened the file as a document');
  });
});
