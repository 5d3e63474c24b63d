// The server's lazily applied edits (server/src/documents) against vscode-languageserver-textdocument,
// which applies every change at once: after any burst of notifications, each of one or more
// incremental or full changes, the two hold the same text, lines and positions.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { lazyDocuments } from '../../server/src/documents/lazyDocument';
import { fixtures, params } from './arbitraries';

const { letters } = fixtures();

/** Texts whose line breaks are every kind, lone '\r' and surrogate pairs included. */
const PIECES = ['a', 'b', 'xyz', ' ', '\n', '\r', '\r\n', '\n\r', '\t', 'é', '\ud83d\ude00', 'Upheld', ': '];
const smallText = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join(''));

/**
 * A change as numbers, turned into a range against the text the changes before it left: lines
 * within the document (a line past the end is read differently by vscode-languageserver-textdocument,
 * which then breaks its own line table), characters anywhere, a range sometimes given end first.
 */
const change = fc.record({
  full: fc.integer({ min: 0, max: 29 }).map((n) => n === 0),
  startLine: fc.nat(),
  startCharacter: fc.integer({ min: -2, max: 40 }),
  lines: fc.integer({ min: 0, max: 3 }),
  endCharacter: fc.integer({ min: -2, max: 40 }),
  text: smallText,
});
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

const burst = fc.array(fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), read: fc.boolean() }), {
  minLength: 1,
  maxLength: 40,
});

const base = fc.oneof(
  smallText,
  fc.constantFrom(...letters.map((l) => l.text)),
  fc.constantFrom(...letters.map((l) => l.text.replace(/\n/g, '\r\n'))),
);

function toEvent(c: Change, lineCount: number): TextDocumentContentChangeEvent {
  if (c.full) return { text: c.text };
  const startLine = c.startLine % lineCount;
  const endLine = Math.min(lineCount - 1, startLine + c.lines);
  const start = { line: startLine, character: c.startCharacter };
  const end = { line: endLine, character: c.endCharacter };
  return {
    range: c.lines === 0 && c.endCharacter < c.startCharacter ? { start: end, end: start } : { start, end },
    text: c.text,
  };
}

describe('lazily applied edits (server/src/documents)', function () {
  it('hold the text, lines and positions vscode-languageserver-textdocument holds after any burst of edits', function () {
    fc.assert(
      fc.property(base, burst, fc.array(fc.nat(), { minLength: 5, maxLength: 20 }), (text, notifications, picks) => {
        const lazy = lazyDocuments.create('file:///x.txt', 'imr-letter', 1, text);
        let reference = TextDocument.create('file:///x.txt', 'imr-letter', 1, text);
        let version = 1;
        for (const n of notifications) {
          version++;
          // Each change's range is made against the reference as the changes before it left it.
          const events: TextDocumentContentChangeEvent[] = [];
          for (const c of n.changes) {
            const event = toEvent(c, reference.lineCount);
            events.push(event);
            reference = TextDocument.update(reference, [event], version);
          }
          lazyDocuments.update(lazy, events, version);
          assert.strictEqual(lazy.length, reference.getText().length, 'length');
          assert.strictEqual(lazy.lineCount, reference.lineCount, 'line count');
          // Reading the text mid-burst joins the pieces; the edits after it start from that text.
          if (n.read) assert.strictEqual(lazy.getText(), reference.getText());
        }
        const lines = reference.lineCount;
        for (const p of picks) {
          const position = { line: p % (lines + 1), character: (p >> 4) % 50 };
          assert.strictEqual(
            lazy.offsetAt(position),
            reference.offsetAt(position),
            `offsetAt(${position.line}:${position.character})`,
          );
          assert.deepStrictEqual(lazy.getLineRange(position.line), reference.getLineRange(position.line));
          assert.strictEqual(lazy.getEOLCharacters(position.line), reference.getEOLCharacters(position.line));
        }
        assert.strictEqual(lazy.getText(), reference.getText());
        assert.strictEqual(lazy.version, reference.version);
        for (const p of picks) {
          const offset = p % (reference.getText().length + 1);
          assert.deepStrictEqual(lazy.positionAt(offset), reference.positionAt(offset), `positionAt(${offset})`);
        }
      }),
      params(300),
    );
  });
});
