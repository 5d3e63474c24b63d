// The folder of letters through the real language client: problems of letters no editor opened,
// the Letters view, CodeLens, references across the folder, the workspace search and the commands.
// The workspace (test/fixtures/editor-workspace) holds 9 letters with 20 disputed items: 17 upheld,
// 1 overturned (malformed 004), 2 with the outcome typed "Uphled" (malformed 001 and
// archive/2014/malformed_never_opened.txt); 3 letters have problems; 2 text files are no letters.
// One letter is a PDF (CM16-0213037.pdf: two MRIs, both upheld, no problem).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LetterNode } from '../../../client/src/lettersView';
import type { CheckAllResult, ExportDecisionsResult } from '../../../server/src/protocol/requests';
import {
  DIAGNOSTIC_SOURCE,
  ExtensionApi,
  FIXTURES,
  activateExtension,
  codeOf,
  documentFor,
  fixtureUri,
  indexed,
  lineOf,
  openLetter,
  until,
} from '../helpers';

function problemsOf(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

describe('folders of letters', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
  });

  it('lists the problems of a letter no editor opened in the Problems panel', async () => {
    const uri = fixtureUri(FIXTURES.neverOpenedMalformed);
    assert.equal(documentFor(uri), undefined, 'no test opens it');
    // "Uphled" on line 121, column 51 of the letter.
    const found = await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (problemsOf(uri).length > 0 ? problemsOf(uri) : undefined),
      () => `problems of ${FIXTURES.neverOpenedMalformed}`,
      { limitMs: 30000 },
    );
    assert.deepEqual(found, ['unknown-decision@121:51']);
    assert.equal(documentFor(uri), undefined, 'reporting its problems did not open it');
  });

  it("keeps a letter's problems after its editor closes", async () => {
    const editor = await openLetter(FIXTURES.malformed004);
    const uri = editor.document.uri;
    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (problemsOf(uri).length > 0 ? true : undefined),
      () => 'problems of malformed 004',
    );
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Line 45: the Overturned outcome that its rationale contradicts.
    const after = await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (problemsOf(uri).length > 0 ? problemsOf(uri) : undefined),
      () => 'problems of malformed 004 after closing',
      { pollMs: 200 },
    );
    assert.deepEqual(
      after.map((p) => p.split(':')[0]),
      ['decision-contradicts-rationale@45'],
    );
  });

  it('shows the Letters view: summary, groups by outcome with counts, letters opening to their items', async () => {
    const groups = await indexed(api);
    assert.deepEqual(
      [
        groups.totals.letters,
        groups.totals.items,
        groups.totals.upheld,
        groups.totals.overturned,
        groups.totals.lettersWithProblems,
      ],
      [9, 20, 17, 1, 3],
    );
    api.letters.setGrouping('outcome');
    const roots = await api.letters.getChildren();
    const items = roots.map((n) => api.letters.getTreeItem(n));
    assert.equal(
      items[0].label,
      '9 letters \u00b7 20 items \u00b7 17 upheld \u00b7 1 overturned \u00b7 3 with problems',
    );
    assert.deepEqual(
      items.slice(1).map((t) => [t.label, t.description]),
      [
        ['Upheld', '8 letters \u00b7 2 with problems'],
        ['Overturned', '1 letter \u00b7 1 with problems'],
        ['unknown outcome', '2 letters \u00b7 2 with problems'],
      ],
    );
    const overturned = roots.find((n) => n.kind === 'group' && n.group.key === 'overturned')!;
    const letters = await api.letters.getChildren(overturned);
    assert.deepEqual(
      letters.map((n) => (n.kind === 'letter' ? n.letter.fileName : '')),
      [FIXTURES.malformed004],
    );
    const itemNodes = await api.letters.getChildren(letters[0]);
    const item = api.letters.getTreeItem(itemNodes[0]);
    assert.equal(item.label, 'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions');
    assert.equal(item.command?.command, 'vscode.open');
    // Outcome icons in chart colours, not error red or green.
    assert.equal(((item.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'charts.purple');

    api.letters.setGrouping('source');
    api.letters.setFilter('odg');
    const filtered = await api.letters.getChildren();
    assert.ok(
      filtered.some((n: LetterNode) => n.kind === 'group' && n.group.key === 'ODG'),
      'letters citing ODG are grouped under it',
    );
    api.letters.setFilter('');
    api.letters.setGrouping('outcome');
  });

  it('puts a CodeLens above each item of letter 001 that goes to its rationale', async () => {
    const editor = await openLetter(FIXTURES.letter001);
    const found =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        editor.document.uri,
      )) ?? [];
    const ours = found.filter((l) => l.command?.title.startsWith('Upheld'));
    assert.equal(ours.length, 4);
    const xanax = lineOf(editor.document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld');
    const lens = ours.find((l) => l.range.start.line === xanax);
    assert.equal(lens?.command?.title, 'Upheld \u00b7 MTUS/CPMTG');
  });

  it('finds every citation of MTUS page 24 across the folder, in letters no editor opened too', async () => {
    const editor = await openLetter(FIXTURES.letter001);
    const line = editor.document
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.startsWith('Benzodiazepines Page(s): 24.'));
    const refs =
      (await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        editor.document.uri,
        new vscode.Position(line, 3),
      )) ?? [];
    const files = new Set(refs.map((r) => path.basename(r.uri.fsPath)));
    assert.ok(files.has('002_never_opened.txt'), [...files].join(', '));
    assert.ok(files.has(FIXTURES.letter002), [...files].join(', '));
  });

  it('searches items by outcome and guideline source with Go to Symbol in Workspace', async () => {
    const overturned =
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'overturned',
      )) ?? [];
    assert.deepEqual(
      overturned.map((s) => path.basename(s.location.uri.fsPath)),
      [FIXTURES.malformed004],
    );
    const odg =
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'odg',
      )) ?? [];
    assert.ok(odg.length > 0 && odg.every((s) => s.name.includes('ODG')), odg.map((s) => s.name).join('\n'));
  });

  it('finds the items of a PDF letter with Go to Symbol in Workspace and opens them in its text', async () => {
    await indexed(api);
    const found =
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'cervical',
      )) ?? [];
    const spine = found.find((s) => s.name.startsWith('MRI of the cervical spine without contrast'));
    assert.ok(spine, found.map((s) => s.name).join('\n'));
    assert.equal(spine.location.uri.scheme, 'imr-pdf');
    assert.equal(path.basename(spine.location.uri.path), 'CM16-0213037.pdf');
    const editor = await vscode.window.showTextDocument(spine.location.uri, { selection: spine.location.range });
    assert.equal(editor.document.uri.scheme, 'imr-pdf');
    assert.equal(editor.document.languageId, 'imr-letter');
    // The symbol's line in the PDF's text is the item's decision line.
    assert.equal(
      editor.document.lineAt(spine.location.range.start.line).text.trim(),
      'MRI of the cervical spine without contrast: Upheld',
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('IMR: Check All Letters counts every letter; IMR: Export Decisions... writes the command-line schema', async () => {
    const check = await vscode.commands.executeCommand<CheckAllResult>('imrLetters.checkAll');
    assert.deepEqual(check, { letters: 9, files: 9, errors: 2, warnings: 2, lettersWithProblems: 3 });
    const out = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-export-')), 'decisions.json'));
    const result = await vscode.commands.executeCommand<ExportDecisionsResult>(
      'imrLetters.exportDecisions',
      out,
      'json',
    );
    assert.deepEqual(result, { items: 20, letters: 9, skipped: 0 });
    const records = JSON.parse(fs.readFileSync(out.fsPath, 'utf8')) as Array<{ outcome: string }>;
    assert.equal(records.length, 20);
    assert.equal(records.filter((r) => r.outcome === 'Overturned').length, 1);
  });

  it('IMR: Show Output and IMR: Restart Language Server; the index is back after the restart', async () => {
    await vscode.commands.executeCommand('imrLetters.showOutput');
    await vscode.commands.executeCommand('imrLetters.restartServer');
    const groups = await indexed(api);
    assert.equal(groups.totals.letters, 9);
  });
});
