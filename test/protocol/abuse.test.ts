// The built language server under abuse, over stdio: bursts of edits (some with ranges no editor
// would send), requests on documents that are not open, positions past the end, cancelled
// requests, malformed messages, a 5 MB single line, a binary file opened as text, a 10 MB letter
// file edited while another letter is queried. Each request gets a result or a proper JSON-RPC
// error; the process stays up, keeps its documents exactly as the edits describe, keeps answering
// correctly afterwards, and never asks the client to edit a document on its own.
//
// Latencies are printed for `npm run bench`-style reading, never asserted beyond a 30 s sanity bound.

import * as assert from 'assert';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol';
import type {
  DocumentSymbol,
  Hover,
  MarkupContent,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createContext } from '../../server/src/features/context';
import { diagnostics as localDiagnostics } from '../../server/src/features/diagnostics';
import type { ItemsResult } from '../../server/src/protocol/requests';
import { itemName } from '../../server/src/engine/outline';
import { fixture, openDocument, startServer, TestServer } from './client';

const LETTER_001 = '001_95d645f4881bb0c4.txt';
const LETTER_004 = '004_b9c7ee4c5df882e9.txt';
const LETTER_001_ITEMS = [
  'Lexapro 20mg, 1 daily for 12 months',
  'Buspar 15mg, 1 three times a day as needed for 12 months',
  'Xanax 2mg, 1 twice a day as needed for 12 months',
  '12 Sessions of medication management with a psychiatrist',
];
/** How the outline names them: all four are Upheld in the letter. */
const UPHELD_001 = LETTER_001_ITEMS.map((name) => `Upheld: ${name}`);

/** A small seeded generator (mulberry32): the abuse is random-looking but the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Item names as the server's outline shows them (`Upheld: ...`, under sections or letters). */
function outlineItems(symbols: DocumentSymbol[]): string[] {
  const out: string[] = [];
  const walk = (list: DocumentSymbol[]) => {
    for (const s of list) {
      if (s.kind === 17 /* Boolean: a disputed item */) out.push(s.name);
      else walk(s.children ?? []);
    }
  };
  walk(symbols);
  return out;
}

/** The items' names as the outline shows them, outcome first. */
function outlineNames(text: string): string[] {
  const ctx = createContext('file:///local', 1, text, 'imr-letter');
  return ctx.model.letters.flatMap((l) => l.items.map(itemName));
}

function itemNames(text: string): string[] {
  const ctx = createContext('file:///local', 1, text, 'imr-letter');
  return ctx.model.letters.flatMap((l) => l.items.map((i) => i.name));
}

/** A request's outcome: its result, or the JSON-RPC error it was answered with. Anything else fails the test. */
async function settle<T>(p: Promise<T>): Promise<{ result?: T; error?: ResponseError<unknown> }> {
  try {
    return { result: await p };
  } catch (e) {
    assert.ok(e instanceof ResponseError, `not a JSON-RPC error: ${String(e)}`);
    assert.ok(Number.isInteger(e.code), 'error without a code');
    return { error: e };
  }
}

function withinSeconds<T>(p: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${seconds} s`)), seconds * 1000);
    }),
  ]);
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

describe('language server under abuse', function () {
  this.timeout(180_000);
  let server: TestServer;
  let exit: string | undefined;

  const request = <T>(method: string, params: unknown) =>
    withinSeconds(server.connection.sendRequest(method, params) as Promise<T>, 30, method);
  const notify = (method: string, params: unknown) => server.connection.sendNotification(method, params);
  const symbolsOf = (uri: string) =>
    request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

  before(async () => {
    server = await startServer();
    server.process.on('exit', (code, signal) => (exit = `exited with code ${code} signal ${signal}`));
  });

  afterEach(function () {
    assert.strictEqual(exit, undefined, 'the server process died');
    assert.ok(
      !server.serverRequests.includes('workspace/applyEdit'),
      'the server asked the client to edit a document on its own',
    );
  });

  after(async () => {
    await server?.stop();
  });

  it('a burst of 3000 edits, some with ranges past the end, huge, negative or reversed, leaves exactly the text they describe', async () => {
    const uri = 'file:///abuse/burst.txt';
    const text = fixture('letters', LETTER_001);
    await openDocument(server, uri, text);
    let mirror = TextDocument.create(uri, 'imr-letter', 1, text);
    const random = prng(7);
    const int = (n: number) => Math.floor(random() * n);
    const pos = () => ({ line: int(mirror.lineCount + 2), character: int(120) });
    const words = [
      'Upheld',
      'Overturned',
      ': ',
      '\n',
      '\r\n',
      'Decision rationale: ',
      '\u2028',
      '\ud800',
      '\0',
      '\t',
      'x',
      '[x](command:a)',
      '',
    ];
    let version = 1;
    const sent: Array<Promise<void>> = [];
    for (let i = 0; i < 3000; i++) {
      const kind = int(10);
      const word = words[int(words.length)];
      let change: TextDocumentContentChangeEvent;
      if (kind === 0)
        change = {
          range: { start: { line: 1_000_000, character: 5 }, end: { line: 2_000_000, character: 0 } },
          text: word,
        };
      else if (kind === 1)
        change = {
          range: {
            start: { line: 4_294_967_295, character: 4_294_967_295 },
            end: { line: 2_147_483_647, character: 2_147_483_648 },
          },
          text: word,
        };
      else if (kind === 2)
        change = {
          range: { start: { line: -1, character: -1 }, end: { line: -2_147_483_648, character: -7 } },
          text: word,
        };
      else if (kind === 3) {
        // Reversed: end before start.
        const a = pos();
        change = { range: { start: { line: a.line + 3, character: a.character }, end: a }, text: word };
      } else if (kind === 4 && i % 500 === 4)
        change = { text: text.slice(0, int(text.length)) + word }; // the whole document
      else change = { range: { start: pos(), end: pos() }, text: word.repeat(1 + int(3)) };
      const changes = i % 7 === 0 ? [change, { range: { start: pos(), end: pos() }, text: 'y' }] : [change];
      version++;
      mirror = TextDocument.update(mirror, changes, version);
      sent.push(notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes }));
    }
    await Promise.all(sent);
    const final = mirror.getText();
    const symbols = await symbolsOf(uri);
    assert.deepStrictEqual(
      outlineItems(symbols),
      outlineNames(final),
      'the server holds a different text than the edits describe',
    );
    const items = await request<ItemsResult>('imrLetters/items', { uri });
    assert.deepStrictEqual(
      items.items.map((i) => i.name),
      itemNames(final),
    );
    // Diagnostics come for the last version, and match what the engine finds in the expected text.
    const published = server.published.filter((p) => p.uri === uri && p.version === version);
    const last =
      published.length > 0
        ? published[published.length - 1].diagnostics
        : await withinSeconds(server.nextDiagnostics(uri, version), 30, 'diagnostics');
    const expected = localDiagnostics(createContext(uri, version, final, 'imr-letter'));
    assert.deepStrictEqual(
      last.map((d) => [d.code, d.range]),
      expected.map((d) => [d.code, d.range]),
    );
    await notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers empty, not an error, for documents that are not open, were closed, or were never letters', async () => {
    const unknown = 'file:///abuse/never-opened.txt';
    const closed = 'file:///abuse/closed.txt';
    await openDocument(server, closed, fixture('letters', LETTER_004));
    assert.ok(outlineItems(await symbolsOf(closed)).length > 0);
    await notify('textDocument/didClose', { textDocument: { uri: closed } });
    // Edits and closes for documents that are not open must be ignored.
    await notify('textDocument/didChange', {
      textDocument: { uri: closed, version: 9 },
      contentChanges: [{ text: 'gone' }],
    });
    await notify('textDocument/didClose', { textDocument: { uri: closed } });
    await notify('textDocument/didClose', { textDocument: { uri: unknown } });
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    for (const uri of [unknown, closed, 'untitled:Untitled-1', 'not a uri at all', '']) {
      const textDocument = { uri };
      assert.deepStrictEqual(await request('textDocument/documentSymbol', { textDocument }), [], uri);
      assert.deepStrictEqual(await request('textDocument/foldingRange', { textDocument }), [], uri);
      assert.strictEqual(
        await request('textDocument/hover', { textDocument, position: { line: 0, character: 0 } }),
        null,
        uri,
      );
      assert.deepStrictEqual(
        await request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }),
        [],
        uri,
      );
      assert.deepStrictEqual(
        await request('textDocument/rangeFormatting', {
          textDocument,
          range,
          options: { tabSize: 4, insertSpaces: true },
        }),
        [],
        uri,
      );
      assert.deepStrictEqual(
        await request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
        [],
        uri,
      );
      assert.deepStrictEqual(
        await request('imrLetters/items', { uri }),
        { isLetter: false, letters: 0, items: [] },
        uri,
      );
    }
  });

  it('answers positions and ranges past the end, negative or reversed without failing', async () => {
    const uri = 'file:///abuse/positions.txt';
    const text = fixture('letters', LETTER_001);
    await openDocument(server, uri, text);
    const lines = text.split(/\r\n|\r|\n/).length;
    const positions = [
      { line: lines - 1, character: 1_000_000 },
      { line: lines, character: 0 },
      { line: 1_000_000_000, character: 1_000_000_000 },
      { line: 4_294_967_295, character: 4_294_967_295 },
      { line: -1, character: 0 },
      { line: 0, character: -1 },
    ];
    for (const position of positions) {
      const h = await settle(request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }));
      assert.ok(
        h.error !== undefined || h.result === null || typeof (h.result?.contents as MarkupContent).value === 'string',
        JSON.stringify(position),
      );
      for (const end of positions) {
        const range = { start: position, end };
        const f = await settle(
          request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri },
            range,
            options: { tabSize: 4, insertSpaces: true },
          }),
        );
        assert.ok(f.error !== undefined || Array.isArray(f.result), `rangeFormatting ${JSON.stringify(range)}`);
        const a = await settle(
          request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
        );
        assert.ok(a.error !== undefined || Array.isArray(a.result), `codeAction ${JSON.stringify(range)}`);
      }
    }
    // Still the same letter.
    assert.deepStrictEqual(outlineItems(await symbolsOf(uri)), UPHELD_001);
    await notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers malformed requests with a JSON-RPC error, ignores malformed notifications, and carries on', async () => {
    const uri = 'file:///abuse/malformed.txt';
    await openDocument(server, uri, fixture('letters', LETTER_001));
    const unknownMethod = await settle(request('imrLetters/noSuchRequest', {}));
    assert.strictEqual(unknownMethod.error?.code, -32601, 'MethodNotFound');
    for (const params of [
      null,
      {},
      { textDocument: null },
      { textDocument: { uri: 42 } },
      { textDocument: { uri }, position: null },
      { textDocument: { uri }, position: { line: 'x', character: {} } },
      [1, 2, 3],
    ]) {
      for (const method of [
        'textDocument/documentSymbol',
        'textDocument/hover',
        'textDocument/foldingRange',
        'textDocument/formatting',
        'textDocument/rangeFormatting',
        'textDocument/codeAction',
        'imrLetters/items',
        'workspace/symbol',
        'workspace/executeCommand',
      ]) {
        await settle(request(method, params));
      }
    }
    // Notifications a confused client might send: no answer is due, and nothing may break.
    await notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: null, text: 5 }],
    });
    await notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: 'not an array' });
    await notify('textDocument/didChange', null);
    await notify('textDocument/didOpen', {
      textDocument: { uri: 'file:///abuse/no-text.txt', languageId: 'imr-letter', version: 1 },
    });
    await notify('textDocument/didOpen', null);
    await notify('workspace/didChangeConfiguration', {
      settings: { imrLetters: { diagnostics: { severity: 'not an object' } } },
    });
    await notify('workspace/didChangeConfiguration', null);
    await notify('$/cancelRequest', { id: 987654321 });
    await notify('$/noSuchNotification', { x: 1 });
    // The configuration change re-checks every open document, the one opened without text too: that
    // check used to throw outside any request and end the server (an unhandled rejection). A letter
    // opened now is checked after it, so its diagnostics arriving means the server lived through it.
    const again = 'file:///abuse/after-malformed.txt';
    const checked = server.nextDiagnostics(again);
    await openDocument(server, again, fixture('letters', LETTER_001));
    assert.deepStrictEqual(await withinSeconds(checked, 30, 'diagnostics after the malformed messages'), []);
    assert.deepStrictEqual(outlineItems(await symbolsOf(again)), UPHELD_001);
    await notify('textDocument/didClose', { textDocument: { uri } });
    await notify('textDocument/didClose', { textDocument: { uri: again } });
  });

  it('cancelled requests are answered with a result or RequestCancelled, and later requests are unaffected', async () => {
    const uri = 'file:///abuse/cancel.txt';
    // Large enough (2.3 MB) that the first request's parse keeps later ones queued while their cancellations arrive.
    const text = fixture('letters', LETTER_001).repeat(400);
    await openDocument(server, uri, text);
    const outcomes = { result: 0, empty: 0, cancelled: 0 };
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < 60; i++) {
      const source = new CancellationTokenSource();
      const method = [
        'textDocument/documentSymbol',
        'textDocument/foldingRange',
        'textDocument/formatting',
        'textDocument/hover',
      ][i % 4];
      const params = {
        textDocument: { uri },
        position: { line: i * 7, character: 3 },
        options: { tabSize: 4, insertSpaces: true },
      };
      const p = server.connection.sendRequest(method, params, source.token);
      // Cancel some at once, some after a turn of the event loop, some never.
      if (i % 3 === 0) source.cancel();
      else if (i % 3 === 1) setImmediate(() => source.cancel());
      pending.push(
        settle(withinSeconds(p, 30, method)).then((o) => {
          if (o.error) {
            assert.strictEqual(o.error.code, -32800, `${method}: ${o.error.message}`);
            outcomes.cancelled++;
          } else {
            outcomes.result++;
            // The server saw the cancellation before starting the work and answered empty.
            if (o.result === null || (Array.isArray(o.result) && o.result.length === 0)) outcomes.empty++;
          }
        }),
      );
    }
    await Promise.all(pending);
    assert.strictEqual(outcomes.result + outcomes.cancelled, 60);
    console.log(
      `      60 requests, 40 of them cancelled: ${outcomes.result} answered with a result (${outcomes.empty} of them empty), ${outcomes.cancelled} with RequestCancelled`,
    );
    assert.strictEqual(outlineItems(await symbolsOf(uri)).length, 400 * LETTER_001_ITEMS.length);
    await notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('a 5 MB single line and a 200 KB binary file opened as text, as a letter and as plain text', async () => {
    const random = prng(11);
    const bytes = Buffer.alloc(200 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    const binary = bytes.toString('latin1');
    const longLine =
      'Decision rationale: ' + 'The request is not medically necessary. Upheld: '.repeat(Math.ceil(5_000_000 / 48));
    for (const [name, text] of [
      ['5 MB line', longLine],
      ['200 KB binary', binary],
    ] as const) {
      for (const languageId of ['imr-letter', 'plaintext']) {
        const uri = `file:///abuse/${name.replace(/\W+/g, '-')}-${languageId}.txt`;
        const started = Date.now();
        await openDocument(server, uri, text, languageId);
        const end = { line: 0, character: 2_500_000 };
        const symbols = await symbolsOf(uri);
        assert.ok(Array.isArray(symbols));
        assert.ok(Array.isArray(await request('textDocument/foldingRange', { textDocument: { uri } })));
        await settle(request('textDocument/hover', { textDocument: { uri }, position: end }));
        assert.ok(
          Array.isArray(
            await request('textDocument/formatting', {
              textDocument: { uri },
              options: { tabSize: 4, insertSpaces: true },
            }),
          ),
        );
        assert.ok(
          Array.isArray(
            await request('textDocument/codeAction', {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end },
              context: { diagnostics: [] },
            }),
          ),
        );
        await notify('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [
            { range: { start: { line: 0, character: 1000 }, end: { line: 0, character: 1005 } }, text: '\n\0\r' },
          ],
        });
        assert.ok(Array.isArray(await symbolsOf(uri)));
        console.log(
          `      ${name} as ${languageId}: open + outline + folding + hover + format + code actions + edit + outline in ${Date.now() - started} ms`,
        );
        await notify('textDocument/didClose', { textDocument: { uri } });
      }
    }
  });

  it('queries on a small letter while a 10 MB letter file is edited repeatedly: answered, and correctly', async () => {
    const big = 'file:///abuse/ten-megabytes.txt';
    const small = 'file:///abuse/small.txt';
    const letters = [LETTER_001, LETTER_004].map((f) => fixture('letters', f));
    let text = '';
    for (let i = 0; text.length < 10_000_000; i++) text += letters[i % 2];
    await openDocument(server, small, letters[0]);
    assert.deepStrictEqual(outlineItems(await symbolsOf(small)), UPHELD_001);

    let t = Date.now();
    await openDocument(server, big, text);
    const bigSymbols = await symbolsOf(big);
    const firstParse = Date.now() - t;
    assert.ok(bigSymbols.length > 1000, `${bigSymbols.length} letters in the outline`);

    // Edit the big document every 50 ms for 15 s while asking for the small letter's outline every 100 ms.
    const latencies: number[] = [];
    const bigLatencies: number[] = [];
    let version = 1;
    let stop = false;
    const editing = (async () => {
      while (!stop) {
        version++;
        await notify('textDocument/didChange', {
          textDocument: { uri: big, version },
          contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x' }],
        });
        if (version % 40 === 0) {
          const s = Date.now();
          await symbolsOf(big);
          bigLatencies.push(Date.now() - s);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const s = Date.now();
      const items = outlineItems(await symbolsOf(small));
      latencies.push(Date.now() - s);
      assert.deepStrictEqual(items, UPHELD_001);
      await new Promise((r) => setTimeout(r, 100));
    }
    stop = true;
    await editing;
    t = Date.now();
    const finalSymbols = await symbolsOf(big);
    const lastParse = Date.now() - t;
    assert.strictEqual(finalSymbols.length, bigSymbols.length);
    console.log(
      `      10 MB document (${text.length} characters): open + first outline ${firstParse} ms; ${version - 1} edits; ` +
        `small-letter outline while editing: n=${latencies.length} median ${percentile(latencies, 50)} ms, p90 ${percentile(latencies, 90)} ms, max ${Math.max(...latencies)} ms; ` +
        `big outline while editing: ${bigLatencies.map((x) => x + ' ms').join(', ')}; after: ${lastParse} ms`,
    );
    await notify('textDocument/didClose', { textDocument: { uri: big } });
    await notify('textDocument/didClose', { textDocument: { uri: small } });
  });

  it('after all of it: a real letter opens and gets its outline, items and diagnostics', async () => {
    const uri = 'file:///abuse/after.txt';
    const diagnostics = server.nextDiagnostics(uri);
    await openDocument(server, uri, fixture('letters', LETTER_001));
    assert.deepStrictEqual(outlineItems(await symbolsOf(uri)), UPHELD_001);
    assert.deepStrictEqual(await withinSeconds(diagnostics, 30, 'diagnostics'), []);
    const items = await request<ItemsResult>('imrLetters/items', { uri });
    assert.deepStrictEqual(
      items.items.map((i) => [i.name, i.outcome]),
      LETTER_001_ITEMS.map((n) => [n, 'upheld']),
    );
    assert.strictEqual(exit, undefined);
  });
});
