// Edits sent back to back, as a fast typist or a multi-cursor edit sends them: the server records
// them (server/src/documents) and builds one model for the version a request asks for. Whatever it
// answers after the burst must be what it answers for the same final text opened fresh.

import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { ItemsResult } from '../../server/src/protocol/requests';
import { fixture, openDocument, startServer, TestServer } from './client';

const LETTER_001 = '001_95d645f4881bb0c4.txt';
const LETTER_004 = '004_b9c7ee4c5df882e9.txt';

function names(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
}

describe('language server: a burst of edits', function () {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.stop());

  it('answers the outline, folding, items and diagnostics of the final text, as for that text opened fresh', async () => {
    // An export of two letters: 001 (four items, all Upheld) then 004 (one item, Upheld).
    const text = fixture('letters', LETTER_001) + fixture('letters', LETTER_004);
    const uri = 'file:///burst/export.txt';
    const opened = server.nextDiagnostics(uri);
    await openDocument(server, uri, text);
    assert.deepStrictEqual(await opened, []);

    let mirror = TextDocument.create(uri, 'imr-letter', 1, text);
    let version = 1;
    const sent: Array<Promise<void>> = [];
    const send = (changes: TextDocumentContentChangeEvent[]) => {
      version++;
      mirror = TextDocument.update(mirror, changes, version);
      sent.push(
        server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: changes,
        }),
      );
    };
    const at = (needle: string, after = 0) => {
      const offset = mirror.getText().indexOf(needle);
      assert.ok(offset >= 0, `the text holds ${needle}`);
      return mirror.positionAt(offset + after);
    };
    const type = (needle: string, after: number, typed: string) => {
      const start = at(needle, after);
      for (let i = 0; i < typed.length; i++) {
        const p = { line: start.line, character: start.character + i };
        send([{ range: { start: p, end: p }, text: typed[i] }]);
      }
    };

    // Letter 004's case summary gets a sentence, typed one character at a time.
    type('The applicant is a represented', 0, 'A sentence typed into the summary. ');
    // Letter 001's Xanax outcome is mistyped: three backspaces, then "led".
    const xanax = 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld';
    const outcomeEnd = at(xanax, xanax.length);
    for (let i = 1; i <= 3; i++) {
      const { line, character } = outcomeEnd;
      send([
        { range: { start: { line, character: character - i }, end: { line, character: character - i + 1 } }, text: '' },
      ]);
    }
    type(xanax.slice(0, -3), xanax.length - 3, 'led');
    // Enter in the middle of a line of letter 001's summary, and a line removed from letter 004's.
    send([{ range: { start: at('CLINICAL CASE SUMMARY'), end: at('CLINICAL CASE SUMMARY') }, text: 'Added line\n' }]);
    const removed = at('months. The claims administrator referenced');
    send([{ range: { start: removed, end: { line: removed.line + 1, character: 0 } }, text: '' }]);
    // One notification of two changes, the second placed against the text the first left:
    // Lexapro renamed, then the name typed after it in the same line.
    const lexapro = at('Lexapro 20mg');
    send([
      {
        range: { start: lexapro, end: { line: lexapro.line, character: lexapro.character + 'Lexapro'.length } },
        text: 'Escitalopram',
      },
      { range: { start: lexapro, end: lexapro }, text: 'Generic ' },
    ]);
    // Registered before anything is awaited: diagnostics of the last version may come at any time now.
    const diagnosticsAfterBurst = server.nextDiagnostics(uri, version);
    await Promise.all(sent);
    const final = mirror.getText();
    assert.ok(final.includes('Generic Escitalopram 20mg, 1 daily for 12 months: Upheld'));

    const burstSymbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    const burstDiagnostics = await diagnosticsAfterBurst;
    const burstFolding = await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    const burstItems = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;

    // The same file name in another folder: a letter without a case number is keyed by its file's path.
    const fresh = 'file:///fresh/export.txt';
    const freshDiagnostics = server.nextDiagnostics(fresh);
    await openDocument(server, fresh, final);
    const freshSymbols = await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: fresh },
    });

    // What the edits did, read from the letters: the renamed item and the mistyped outcome.
    assert.ok(names(burstSymbols).some((n) => n.includes('Generic Escitalopram 20mg, 1 daily for 12 months')));
    assert.deepStrictEqual(
      burstDiagnostics.map((d: Diagnostic) => [d.code, d.range.start.line]),
      [['unknown-decision', at(xanax.slice(0, -3) + 'led').line]],
    );
    // And everything the same as for the final text opened fresh.
    assert.deepStrictEqual(burstSymbols, freshSymbols);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(burstDiagnostics).split(uri).join(fresh)), await freshDiagnostics);
    assert.deepStrictEqual(
      burstFolding,
      await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: fresh } }),
    );
    // The same file name: a letter without a case number is keyed for notes by its path.
    assert.deepStrictEqual(burstItems, await server.connection.sendRequest('imrLetters/items', { uri: fresh }));
  });
});
