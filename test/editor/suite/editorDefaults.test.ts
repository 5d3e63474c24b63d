// The prose defaults the extension gives the IMR Letter language, as Markdown does for its own: a
// letter is read and typed as prose, not code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, LETTER_LANGUAGE, activateExtension, openLetter } from '../helpers';

describe('editor defaults for letters', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = (await openLetter(FIXTURES.letter001)).document;
  });

  it('wrap words, and neither colour brackets nor draw bracket guides (an unbalanced "(" left by extraction is no error)', () => {
    const editor = vscode.workspace.getConfiguration('editor', document);
    assert.equal(document.languageId, LETTER_LANGUAGE);
    assert.equal(editor.get('wordWrap'), 'on');
    assert.equal(editor.get('bracketPairColorization.enabled'), false);
    assert.equal(editor.get('guides.bracketPairs'), false);
    assert.equal(editor.get('matchBrackets'), 'never');
  });

  it('offer no word suggestions while typing ("Benz" does not pop up five spellings of Benzodiazepine)', () => {
    const editor = vscode.workspace.getConfiguration('editor', document);
    assert.equal(editor.get('wordBasedSuggestions'), 'off');
    assert.deepEqual(editor.get('quickSuggestions'), { comments: 'off', strings: 'off', other: 'off' });
  });

  it('leave plain text as VS Code has it', () => {
    const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    assert.notEqual(plain.get('wordBasedSuggestions'), 'off');
  });
});
