// The extension loads in a real VS Code, switches .txt letters to the letter language and leaves
// other text alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, LETTER_LANGUAGE, activateExtension, documentFor, openLetter, showFixture, until } from '../helpers';

describe('letter detection', () => {
  before(async () => {
    await activateExtension();
  });

  it('switches a .txt letter to the letter language', async () => {
    const editor = await openLetter(FIXTURES.letter001);
    assert.equal(editor.document.languageId, LETTER_LANGUAGE);
    assert.equal(editor.document.uri.path.endsWith('.txt'), true);
  });

  it('leaves ordinary .txt files plaintext, with no diagnostics', async () => {
    const notes = await showFixture(FIXTURES.notes);
    const log = await showFixture(FIXTURES.log);
    // A letter with a problem, opened after them: once it is switched and its diagnostics are in,
    // the extension and the server have had their look at the two ordinary files, opened first.
    // (The server publishes nothing for a document without problems, so a clean letter cannot
    // serve to wait on.)
    const letter = await openLetter(FIXTURES.malformed004);
    await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (vscode.languages.getDiagnostics(letter.document.uri).length > 0 ? true : undefined),
      () => `diagnostics of ${FIXTURES.malformed004}`,
    );
    for (const editor of [notes, log]) {
      const document = documentFor(editor.document.uri);
      assert.ok(document, `${editor.document.uri.path} was closed`);
      assert.equal(document.languageId, 'plaintext', `${document.uri.path} was switched to ${document.languageId}`);
      assert.deepEqual(vscode.languages.getDiagnostics(document.uri), [], `diagnostics on ${document.uri.path}`);
    }
  });
});
