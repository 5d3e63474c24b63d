// Problems through the real language client: the expected codes at the expected lines of a malformed
// letter, none on a clean one, and a fix in the editor clears its diagnostic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  DIAGNOSTIC_SOURCE,
  FIXTURES,
  activateExtension,
  codeOf,
  documentFor,
  fixtureUri,
  focus,
  lineOf,
  openLetter,
  positionOf,
  until,
} from '../helpers';

function summary(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}`)
    .sort();
}

describe('diagnostics', () => {
  let malformed: vscode.TextEditor;
  // Lines of the malformed letter, found by their text (see FIXTURES.malformed001).
  let busparLine: number;
  let xanaxLine: number;

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    // Leave the fixture as it is on disk for the other tests and the next run.
    if (malformed?.document.isDirty) {
      await focus(malformed);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('reports the missing reviewer guideline and the misspelt outcome of the malformed letter, and nothing on clean ones', async () => {
    const cleanNames = [FIXTURES.letter002, FIXTURES.letter001];
    for (const name of cleanNames) await openLetter(name);
    // The server publishes nothing for a letter without problems. The malformed letter, opened after
    // the clean ones and nowhere else, bounds the wait: once its problems are in, the server has
    // checked the clean letters too, which were opened (and scheduled) first.
    assert.equal(documentFor(fixtureUri(FIXTURES.malformed001)), undefined, 'no other suite opens the malformed letter');
    malformed = await openLetter(FIXTURES.malformed001);
    const { document } = malformed;
    busparLine = lineOf(document, 'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld');
    xanaxLine = lineOf(document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled');
    const expected = [`missing-reviewer-guideline@${busparLine}`, `unknown-decision@${xanaxLine}`].sort();

    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (summary(document.uri).length > 0 ? true : undefined),
      () => `diagnostics of ${FIXTURES.malformed001}`,
    );
    for (const name of cleanNames) assert.deepEqual(summary(fixtureUri(name)), [], `diagnostics on the clean ${name}`);
    assert.deepEqual(summary(document.uri), expected);

    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    for (const diagnostic of diagnostics) assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    const typo = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'unknown-decision');
    assert.ok(typo);
    // Exactly the misspelt word.
    assert.equal(document.getText(typo.range), 'Uphled');
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.match(typo.message, /Uphled/);
    const missing = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'missing-reviewer-guideline');
    assert.ok(missing);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('flags an outcome that contradicts the rationale (letter 004, outcome alone on its line)', async () => {
    const { document } = await openLetter(FIXTURES.malformed004);
    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (summary(document.uri).length > 0 ? true : undefined),
      () => `diagnostics of ${FIXTURES.malformed004}`,
    );
    const outcomeLine = lineOf(document, 'Overturned');
    assert.equal(
      document.lineAt(outcomeLine - 1).text.trim(),
      'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions:',
    );
    assert.deepEqual(summary(document.uri), [`decision-contradicts-rationale@${outcomeLine}`]);
    const [diagnostic] = vscode.languages.getDiagnostics(document.uri);
    assert.equal(document.getText(diagnostic.range), 'Overturned');
    assert.match(diagnostic.message, /not medically necessary/);
  });

  it('clears the outcome diagnostic once the typo is fixed in the editor, and keeps the other', async () => {
    assert.ok(malformed, 'the first test opened the malformed letter');
    const { document } = malformed;
    const word = positionOf(document, xanaxLine, 'Uphled');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(word, word.translate(0, 'Uphled'.length)), 'Upheld');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(document.lineAt(xanaxLine).text.trim(), 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld');

    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (summary(document.uri).every((entry) => !entry.startsWith('unknown-decision@')) ? true : undefined),
      () => `the unknown-decision diagnostic to clear (now: ${summary(document.uri).join(', ')})`,
    );
    assert.deepEqual(summary(document.uri), [`missing-reviewer-guideline@${busparLine}`]);
  });
});
