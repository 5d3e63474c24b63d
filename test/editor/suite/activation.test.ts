// Opening a folder of letters starts the extension by itself (package.json's workspaceContains
// activation events): the Problems panel and the Letters view fill with no command and no letter
// opened. This file's name sorts first, so that no other test has activated the extension yet.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  DIAGNOSTIC_SOURCE,
  EXTENSION_ID,
  ExtensionApi,
  FIXTURES,
  LETTER_LANGUAGE,
  codeOf,
  fixtureUri,
  until,
} from '../helpers';

describe('starting by itself', () => {
  it('fills the Problems panel and the Letters view of a folder of letters with no command', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    assert.deepEqual(
      vscode.workspace.textDocuments.filter((d) => d.languageId === LETTER_LANGUAGE).map((d) => d.uri.path),
      [],
      'no letter is open',
    );
    // Nothing here calls activate(): the folder's files do.
    await until(
      [vscode.extensions.onDidChange],
      () => extension.isActive || undefined,
      () => 'activation',
      {
        pollMs: 100,
        limitMs: 15000,
      },
    );
    const uri = fixtureUri(FIXTURES.neverOpenedMalformed);
    const problems = await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => {
        const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
        return ours.length > 0 ? ours.map(codeOf) : undefined;
      },
      () => `problems of ${FIXTURES.neverOpenedMalformed}`,
      { limitMs: 15000 },
    );
    assert.deepEqual(problems, ['unknown-decision']);
    // The view is closed (it has a container of its own); its badge on the activity bar counts the
    // 3 letters with problems (malformed 001 and 004, and the one in archive/2014).
    const letters = extension.exports.letters;
    assert.equal(letters.view.visible, false);
    const badge = await until(
      [],
      () => (letters.view.badge?.value === 3 ? letters.view.badge : undefined),
      () => `the Letters badge (it is ${JSON.stringify(letters.view.badge)})`,
      { pollMs: 100, limitMs: 15000 },
    );
    assert.equal(badge.tooltip, '3 letters with problems');
    assert.deepEqual(
      [letters.lastGroups?.totals.letters, letters.lastGroups?.totals.items],
      [9, 20],
      'the view holds every letter of the folder',
    );
  });
});
