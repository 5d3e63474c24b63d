// The extension loads in a real VS Code, switches .txt letters to the letter language and leaves
// other text alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  DiagnosticEvents,
  FIXTURES,
  LETTER_LANGUAGE,
  activateExtension,
  documentFor,
  fixtureUri,
  openLetter,
  showFixture,
  until,
} from '../helpers';

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
    const events = new DiagnosticEvents();
    try {
      const notes = await showFixture(FIXTURES.notes);
      const log = await showFixture(FIXTURES.log);
      // A letter opened after them: once it is switched and diagnosed, the extension has had its
      // look at the two ordinary files, which were opened first.
      const letterUri = fixtureUri(FIXTURES.letter000);
      await openLetter(FIXTURES.letter000);
      await until(
        [vscode.languages.onDidChangeDiagnostics],
        () => (events.has(letterUri) ? true : undefined),
        () => `diagnostics of ${FIXTURES.letter000}`,
      );
      for (const editor of [notes, log]) {
        const document = documentFor(editor.document.uri);
        assert.ok(document, `${editor.document.uri.path} was closed`);
        assert.equal(document.languageId, 'plaintext', `${document.uri.path} was switched to ${document.languageId}`);
        assert.deepEqual(vscode.languages.getDiagnostics(document.uri), [], `diagnostics on ${document.uri.path}`);
      }
    } finally {
      events.dispose();
    }
  });
});
