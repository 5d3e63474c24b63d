// Problems through the real language client: the expected codes at the expected lines of malformed
// letters, none on clean ones; a fix typed in the editor, or a quick fix applied through
// vscode.workspace.applyEdit, gives the expected text and clears its diagnostic.
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
  revert,
  until,
} from '../helpers';

function summary(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}`)
    .sort();
}

describe('diagnostics', () => {
  let malformed: vscode.TextEditor | undefined;
  let contradicting: vscode.TextEditor | undefined;
  // Lines of the malformed letter, found by their text (see FIXTURES.malformed001).
  let busparLine: number;
  let xanaxLine: number;

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await revert(malformed);
    await revert(contradicting);
  });

  it('reports the missing reviewer guideline and the misspelt outcome of the malformed letter, and nothing on clean ones', async () => {
    const cleanNames = [FIXTURES.letter002, FIXTURES.letter001];
    for (const name of cleanNames) await openLetter(name);
    // The server publishes nothing for a letter without problems. The malformed letter, opened after
    // the clean ones and nowhere else, bounds the wait: once its problems are in, the server has
    // checked the clean letters too, which were opened (and scheduled) first.
    assert.equal(
      documentFor(fixtureUri(FIXTURES.malformed001)),
      undefined,
      'no other suite opens the malformed letter',
    );
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

    // The typo's quick fix is offered (applying one is tested below on other problems).
    const fixes = await quickFixes(document, typo);
    assert.ok(
      fixes.some((fix) => fix.title.startsWith('Change "Uphled" to "Upheld"') && fix.isPreferred),
      `quick fixes offered: ${fixes.map((fix) => fix.title).join(' | ')}`,
    );
  });

  it('flags an outcome that contradicts the rationale (letter 004, outcome alone on its line)', async () => {
    contradicting = await openLetter(FIXTURES.malformed004);
    const { document } = contradicting;
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
    await focus(malformed);
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

  it('quick fix: "Insert MAXIMUS guideline:" inserts the label with a placeholder under the Buspar item, itself a problem', async () => {
    assert.ok(malformed, 'the first test opened the malformed letter');
    const { document } = malformed;
    const missing = vscode.languages
      .getDiagnostics(document.uri)
      .find((diagnostic) => codeOf(diagnostic) === 'missing-reviewer-guideline');
    assert.ok(missing, 'the missing-reviewer-guideline diagnostic');
    const fix = (await quickFixes(document, missing)).find((action) => action.title === 'Insert "MAXIMUS guideline:"');
    assert.ok(fix?.edit, 'an "Insert "MAXIMUS guideline:"" quick fix with an edit');

    const before = document.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const after = document.getText();
    // One insertion, between the end of the claims administrator guideline and "Decision rationale:".
    const inserted = insertionIn(before, after);
    assert.equal(inserted.text.trim(), 'MAXIMUS guideline: [state the guideline source]');
    const labelLine = lineOf(document, 'MAXIMUS guideline: [state the guideline source]');
    const caLine = lineOf(
      document,
      'MTUS.  Decision based on Non-MTUS Citation OFFICIAL DISABILITY GUIDELINES',
      busparLine,
    );
    const rationaleLine = lineOf(
      document,
      'Decision rationale: According to the guidelines, BuSpar is a newer anti-anxiety medication use',
    );
    assert.ok(
      caLine < labelLine && labelLine < rationaleLine,
      `label at line ${labelLine}, expected between ${caLine} and ${rationaleLine}`,
    );

    // The placeholder is the problem now, until the user writes the guideline over it (problems.test.ts).
    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (summary(document.uri).join() === `missing-reviewer-guideline@${labelLine}` ? true : undefined),
      () => `the problem to move to the placeholder (now: ${summary(document.uri).join(', ')})`,
    );
  });

  it('quick fix: a contradicting outcome changes to the one the rationale supports', async () => {
    assert.ok(contradicting, 'an earlier test opened the contradicting letter');
    const { document } = contradicting;
    const [diagnostic] = vscode.languages.getDiagnostics(document.uri);
    assert.equal(codeOf(diagnostic), 'decision-contradicts-rationale');
    const outcomeLine = diagnostic.range.start.line;
    const fix = (await quickFixes(document, diagnostic)).find((action) =>
      action.title.startsWith('Change the outcome to "Upheld"'),
    );
    assert.ok(fix?.edit, 'a "Change the outcome to "Upheld"" quick fix with an edit');

    const before = document.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.lineAt(outcomeLine).text.trim(), 'Upheld');
    assert.equal(document.getText(), before.replace('6 sessions: \nOverturned', '6 sessions: \nUpheld'));

    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (summary(document.uri).length === 0 ? true : undefined),
      () => `the letter's diagnostics to clear (now: ${summary(document.uri).join(', ')})`,
    );
  });
});

async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter(
    (action): action is vscode.CodeAction =>
      'title' in action && !('command' in action && typeof action.command === 'string'),
  );
}

/** The text `after` has in addition to `before`, when it differs by a single insertion. */
function insertionIn(before: string, after: string): { offset: number; text: string } {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++;
  assert.equal(prefix + suffix, before.length, 'the edit removed text');
  return { offset: prefix, text: after.slice(prefix, after.length - suffix) };
}
