// The problems as a user meets them, through the real language client: each code links its page;
// the quick fix that inserts a missing part leaves its placeholder selected, and the placeholder is
// a problem until typed over; "Turn off this check" writes the setting; "IMR: Fix All in Letter"
// fixes what it can and says how many. On letter 001 with the Buspar item's MAXIMUS guideline
// removed and Xanax's outcome typed "Uphled" (FIXTURES.malformed001).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  FIXTURES,
  fixtureUri,
  focus,
  lineOf,
  openLetter,
  revert,
  until,
  waitForProblems,
} from '../helpers';

const GUIDELINE_PLACEHOLDER = '[state the guideline source]';

describe('problems: doc links, placeholders, turning a check off, Fix All in Letter', () => {
  let editor: vscode.TextEditor;
  let busparLine: number;
  let xanaxLine: number;
  let settingsFile: string;
  let settingsText: string;

  before(async () => {
    await activateExtension();
    // "Turn off this check" writes the workspace settings: the fixture's own file is put back after.
    settingsFile = vscode.Uri.joinPath(fixtureUri('.vscode'), 'settings.json').fsPath;
    settingsText = fs.readFileSync(settingsFile, 'utf8');
    editor = await openLetter(FIXTURES.malformed001);
    busparLine = lineOf(editor.document, 'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld');
    xanaxLine = lineOf(editor.document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled');
    await waitForProblems(editor.document.uri, [
      `missing-reviewer-guideline@${busparLine}`,
      `unknown-decision@${xanaxLine}`,
    ]);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('imrLetters')
      .update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    if (fs.readFileSync(settingsFile, 'utf8') !== settingsText) fs.writeFileSync(settingsFile, settingsText);
    await revert(editor);
  });

  it("each problem's code links its documentation page (codeDescription), shipped with the extension", () => {
    for (const diagnostic of vscode.languages.getDiagnostics(editor.document.uri)) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target, `${codeOf(diagnostic)} carries a link`);
      assert.equal(code.target.scheme, 'file');
      assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), code.target.path);
      assert.match(fs.readFileSync(code.target.fsPath, 'utf8'), new RegExp(`^# ${code.value}\\n`));
    }
  });

  it('the preferred quick fix inserts "MAXIMUS guideline:" with its placeholder selected, a problem until typed over', async () => {
    editor = await focus(editor);
    const { document } = editor;
    const missing = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => codeOf(d) === 'missing-reviewer-guideline');
    assert.ok(missing);
    editor.selection = new vscode.Selection(missing.range.start, missing.range.start);
    // As a user applies it: the preferred quick fix at the cursor (what "Auto Fix..." runs).
    await vscode.commands.executeCommand('editor.action.codeAction', {
      kind: vscode.CodeActionKind.QuickFix.value,
      preferred: true,
      apply: 'first',
    });
    const labelLine = await until(
      [vscode.workspace.onDidChangeTextDocument],
      () => {
        const found = document.getText().indexOf(`MAXIMUS guideline: ${GUIDELINE_PLACEHOLDER}`);
        return found >= 0 ? document.positionAt(found).line : undefined;
      },
      () => 'the inserted guideline',
    );
    assert.ok(labelLine > busparLine, 'under the Buspar item');
    // The placeholder is selected, ready for typing, and on screen.
    const selected = await until(
      [vscode.window.onDidChangeTextEditorSelection],
      () => (document.getText(editor.selection) === GUIDELINE_PLACEHOLDER ? editor.selection : undefined),
      () => `the placeholder to be selected (selection: "${document.getText(editor.selection)}")`,
      { pollMs: 50 },
    );
    assert.equal(selected.start.line, labelLine);
    assert.ok(
      editor.visibleRanges.some((r) => r.contains(selected)),
      'the placeholder is revealed',
    );
    // The insert moved the Xanax item down.
    xanaxLine = lineOf(document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled');
    // Still the same problem, squiggling the placeholder, at the missing part's severity.
    await waitForProblems(document.uri, [`missing-reviewer-guideline@${labelLine}`, `unknown-decision@${xanaxLine}`]);
    const onPlaceholder = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => codeOf(d) === 'missing-reviewer-guideline')!;
    assert.ok(onPlaceholder.range.isEqual(selected));
    assert.equal(onPlaceholder.severity, missing.severity);

    assert.ok(await editor.edit((b) => b.replace(editor.selection, 'Decision based on Non-MTUS Citation ODG')));
    await waitForProblems(document.uri, [`unknown-decision@${xanaxLine}`]);
  });

  it('"Turn off this check" writes the severity setting "off", and the problem goes', async () => {
    const { document } = editor;
    const typo = vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'unknown-decision');
    assert.ok(typo);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        typo.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const off = actions.find((a) => a.title === 'Turn off this check (unknown-decision)');
    assert.ok(off?.command, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(off.edit, undefined);
    const where = await vscode.commands.executeCommand(off.command.command, ...(off.command.arguments ?? []));
    assert.equal(where, 'workspace');
    const severity = vscode.workspace.getConfiguration('imrLetters', document.uri).inspect('diagnostics.severity');
    assert.deepEqual(severity?.workspaceValue, { 'unknown-decision': 'off' });
    await waitForProblems(document.uri, []);

    // Back on: the problem returns.
    await vscode.workspace
      .getConfiguration('imrLetters')
      .update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForProblems(document.uri, [`unknown-decision@${xanaxLine}`]);
  });

  it('"IMR: Fix All in Letter" corrects the typo and reports one fix', async () => {
    editor = await focus(editor);
    const fixed = await vscode.commands.executeCommand<number>('imrLetters.fixAllInLetter');
    assert.equal(fixed, 1);
    assert.equal(
      editor.document.lineAt(xanaxLine).text.trim(),
      'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld',
    );
    await waitForProblems(editor.document.uri, []);
    // Nothing left: the command says so and changes nothing.
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand<number>('imrLetters.fixAllInLetter'), 0);
    assert.equal(editor.document.getText(), before);
  });
});
