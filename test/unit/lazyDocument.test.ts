// The server's open documents (server/src/documents): edits recorded in a piece table and joined
// into one string when the text is read. What they hold must be what vscode-languageserver-textdocument
// holds after the same edits (the property test test/property/lazyDocument.test.ts tries random
// bursts); here, the cases the language server depends on, on a real letter.

import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LazyTextDocument, lazyDocuments } from '../../server/src/documents/lazyDocument';
import { MAX_PIECES } from '../../server/src/documents/pieceText';
import { FIXTURES, letterText, toCrlf } from './helpers';

const URI = 'file:///letters/001.txt';

function open(text: string): { lazy: LazyTextDocument; reference: TextDocument } {
  return {
    lazy: lazyDocuments.create(URI, 'imr-letter', 1, text),
    reference: TextDocument.create(URI, 'imr-letter', 1, text),
  };
}

function apply(
  docs: { lazy: LazyTextDocument; reference: TextDocument },
  changes: TextDocumentContentChangeEvent[],
  version: number,
) {
  lazyDocuments.update(docs.lazy, changes, version);
  docs.reference = TextDocument.update(docs.reference, changes, version);
}

function assertSame(docs: { lazy: LazyTextDocument; reference: TextDocument }): void {
  assert.strictEqual(docs.lazy.version, docs.reference.version);
  assert.strictEqual(docs.lazy.lineCount, docs.reference.lineCount);
  assert.strictEqual(docs.lazy.length, docs.reference.getText().length);
  assert.strictEqual(docs.lazy.getText(), docs.reference.getText());
}

describe('lazy documents (server/src/documents)', () => {
  const letter = letterText(FIXTURES.familyPractice);

  it('records 300 keystrokes without joining the text, then joins it once when it is read', () => {
    const docs = open(letter);
    // Typed in the middle of line 40: "medically" one character at a time, then three backspaces.
    const line = 40;
    const word = 'medically '.repeat(30);
    for (let i = 0; i < 297; i++) {
      const at = { line, character: i };
      apply(docs, [{ range: { start: at, end: at }, text: word[i] }], i + 2);
    }
    for (let i = 0; i < 3; i++) {
      const end = { line, character: 297 - i };
      apply(docs, [{ range: { start: { line, character: 296 - i }, end }, text: '' }], 299 + i);
    }
    assert.strictEqual(docs.lazy.joins, 0, 'an edit joined the pieces');
    assert.strictEqual(docs.lazy.version, 301);
    assertSame(docs);
    assert.strictEqual(docs.lazy.joins, 1);
    const typed = { start: { line, character: 0 }, end: { line, character: 294 } };
    assert.strictEqual(docs.lazy.getText(typed), word.slice(0, 294));
    docs.lazy.getText();
    assert.strictEqual(docs.lazy.joins, 1, 'a second read of the same version joined again');
  });

  it('keeps the pieces few: an edit past MAX_PIECES joins them, and the text stays right', () => {
    const docs = open(letter);
    // Edits spread over the whole letter, each one splitting a piece in two.
    for (let i = 0; i < MAX_PIECES * 2; i++) {
      const at = { line: (i * 37) % docs.reference.lineCount, character: i % 11 };
      apply(docs, [{ range: { start: at, end: at }, text: i % 5 === 0 ? '\n' : 'x' }], i + 2);
    }
    assert.ok(docs.lazy.joins >= 1 && docs.lazy.joins <= 4, `${docs.lazy.joins} joins`);
    assertSame(docs);
  });

  it('reads each change of one notification against the text the changes before it left', () => {
    const docs = open(toCrlf(letter));
    const start = { line: 3, character: 0 };
    apply(
      docs,
      [
        { range: { start, end: start }, text: 'FIRST\r\n' },
        // Line 3 is now "FIRST": this replaces its first two characters.
        { range: { start, end: { line: 3, character: 2 } }, text: 'fi' },
        // End before start, as a client may send it.
        { range: { start: { line: 5, character: 4 }, end: { line: 4, character: 1 } }, text: '' },
      ],
      2,
    );
    assertSame(docs);
    assert.ok(docs.lazy.getText().includes('\r\nfiRST\r\n'));
  });

  it("counts a '\\r' typed before a '\\n' as one line break with it, as the text does", () => {
    const docs = open('one\ntwo\nthree\n');
    apply(docs, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '\r' }], 2);
    assertSame(docs);
    assert.strictEqual(docs.lazy.lineCount, 4);
    assert.deepStrictEqual(docs.lazy.positionAt(5), { line: 1, character: 0 });
    // And a deletion that brings a lone '\r' and a '\n' together.
    const crDocs = open('a\rX\nb');
    apply(crDocs, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }], 2);
    assertSame(crDocs);
    assert.strictEqual(crDocs.lazy.lineCount, 2);
  });

  it('answers line ranges and line breaks as vscode-languageserver-textdocument does', () => {
    const docs = open(toCrlf(letter));
    apply(docs, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, text: 'x\ry\n' }], 2);
    for (const line of [-1, 0, 2, 3, 4, docs.reference.lineCount - 1, docs.reference.lineCount + 3]) {
      assert.deepStrictEqual(docs.lazy.getLineRange(line), docs.reference.getLineRange(line), `line ${line}`);
      assert.strictEqual(docs.lazy.getEOLCharacters(line), docs.reference.getEOLCharacters(line), `line ${line}`);
    }
    assert.strictEqual(docs.lazy.joins, 0, 'line ranges joined the pieces');
  });

  it('opens a document sent without text as empty, and refuses changes that are not changes', () => {
    const empty = lazyDocuments.create(URI, 'imr-letter', 1, undefined as unknown as string);
    assert.strictEqual(empty.getText(), '');
    const docs = open(letter);
    const bad = [
      { range: null, text: 5 },
      { range: { start: { line: 0, character: 0 } }, text: 'x' },
      { range: { start: { line: 'a', character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
    ];
    for (const change of bad)
      assert.throws(
        () => lazyDocuments.update(docs.lazy, [change as unknown as TextDocumentContentChangeEvent], 2),
        /textDocument\/didChange: a change/,
      );
    assert.strictEqual(docs.lazy.getText(), letter);
    assert.strictEqual(docs.lazy.version, 1);
  });
});
