// Switching plain-text letters to the letter language without fighting the user. The event
// sequences are the ones VS Code fires: a language change is a close and an open of the same URI in
// one go, then (after the microtask the client queues) settle().

import * as assert from 'assert';
import { LanguageSwitches } from '../../client/src/languageSwitches';

const URI = 'file:///letters/001_95d645f4881bb0c4.txt';
const OTHER = 'file:///letters/meeting-notes.txt';

/** What VS Code fires when a document's language changes from `from` to `to`. */
function languageChange(s: LanguageSwitches, uri: string, from: string, to: string): void {
  s.onClose(uri, from);
  s.onOpen(uri, to);
  s.settle();
}

function realClose(s: LanguageSwitches, uri: string, languageId: string): void {
  s.onClose(uri, languageId);
  s.settle();
}

describe('client: switching plain-text letters', () => {
  it('only plain-text documents are candidates', () => {
    const s = new LanguageSwitches();
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), true);
    assert.strictEqual(s.mayDetect(URI, 'markdown'), false);
    assert.strictEqual(s.mayDetect(URI, 'imr-letter'), false);
  });

  it('a document being switched is not switched twice', () => {
    const s = new LanguageSwitches();
    s.switching(URI);
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), false);
    assert.strictEqual(s.mayDetect(OTHER, 'plaintext'), true);
  });

  it("our own switch to the letter language is not taken for the user's choice", () => {
    const s = new LanguageSwitches();
    s.switching(URI);
    languageChange(s, URI, 'plaintext', 'imr-letter');
    assert.strictEqual(s.isLeftAlone(URI), false);
  });

  it('a letter the user switches back to plain text is left alone for the session, even reopened', () => {
    const s = new LanguageSwitches();
    s.switching(URI);
    languageChange(s, URI, 'plaintext', 'imr-letter');
    languageChange(s, URI, 'imr-letter', 'plaintext');
    assert.strictEqual(s.isLeftAlone(URI), true);
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), false);
    realClose(s, URI, 'plaintext');
    s.onOpen(URI, 'plaintext');
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), false);
    assert.strictEqual(s.mayDetect(OTHER, 'plaintext'), true);
  });

  it('switching a letter to another language counts as leaving it alone too', () => {
    const s = new LanguageSwitches();
    s.switching(URI);
    languageChange(s, URI, 'plaintext', 'imr-letter');
    languageChange(s, URI, 'imr-letter', 'markdown');
    languageChange(s, URI, 'markdown', 'plaintext');
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), false);
  });

  it('a letter picked by hand and then switched back to plain text is left alone', () => {
    const s = new LanguageSwitches();
    languageChange(s, OTHER, 'plaintext', 'imr-letter');
    languageChange(s, OTHER, 'imr-letter', 'plaintext');
    assert.strictEqual(s.mayDetect(OTHER, 'plaintext'), false);
  });

  it('a switched letter that is closed for real is recognized again when reopened', () => {
    const s = new LanguageSwitches();
    s.switching(URI);
    languageChange(s, URI, 'plaintext', 'imr-letter');
    realClose(s, URI, 'imr-letter');
    s.onOpen(URI, 'plaintext');
    assert.strictEqual(s.isLeftAlone(URI), false);
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), true);
  });

  it('a refused switch may be tried again', () => {
    const s = new LanguageSwitches();
    s.switching(URI);
    s.switchFailed(URI);
    assert.strictEqual(s.mayDetect(URI, 'plaintext'), true);
  });
});
