// The workspace index when the client reads the files (VS Code for the Web, where the server runs in
// a Worker with no disk): the server asks imrLetters/readFile for each listed file, of any scheme
// (here github.dev's vscode-vfs:), a PDF's text too, and indexes the text it is given. The server
// runs in Node here; test/web runs the same route in the browser. Expected values come from the
// letters' text (as in workspace.test.ts).

import * as assert from 'assert';
import * as path from 'path';
import type { Diagnostic, SymbolInformation } from 'vscode-languageserver-protocol';
import {
  ExportDecisionsRequest,
  ExportDecisionsResult,
  ReadFileParams,
  ReadFileRequest,
  ReadFileResult,
  WorkspaceFilesNotification,
} from '../../server/src/protocol/requests';
import { DEFAULT_PDF_LIMITS } from '../../server/src/pdf/limits';
import { pdfTextUriOf } from '../../server/src/protocol/pdfTextUri';
import { fixture, startServer, TestServer, waitForIndex } from './client';

const FOLDER = 'vscode-vfs://github/acme/letters';
const LETTER_000 = '000_ccd83326e20498fa.txt';
const LETTER_002 = '002_5ad3443a4d2d1746.txt';

/** What the "client" holds, by file name: a text, or a file it cannot read. */
const FILES: Record<string, ReadFileResult> = {
  [LETTER_000]: { kind: 'text', text: fixture('letters', LETTER_000), size: 1, mtimeMs: 1 },
  [LETTER_002]: { kind: 'text', text: fixture('letters', LETTER_002), size: 1, mtimeMs: 1 },
  'typo.txt': { kind: 'text', text: fixture('cli', 'malformed', '001_outcome_typo.txt'), size: 1, mtimeMs: 1 },
  'gone.txt': { kind: 'skipped', reason: 'file not found' },
  // The client reads a PDF's text layer; here, letter 004's text stands for it.
  'scan.pdf': { kind: 'text', text: fixture('letters', '004_b9c7ee4c5df882e9.txt'), size: 1, mtimeMs: 1 },
};

describe('workspace index: the client reads the files (VS Code for the Web)', function () {
  let server: TestServer;
  let typoProblems: Promise<Diagnostic[]>;
  const asked: string[] = [];
  before(async function () {
    server = await startServer({
      workspaceFolders: [FOLDER],
      initializationOptions: { clientListsFiles: true, clientReadsFiles: true },
      answer: (method, params) => {
        if (method !== ReadFileRequest) return undefined;
        const { uri, maxBytes } = params as ReadFileParams;
        // The default imrLetters.workspace.maxFileSize; a PDF's, the PDF reader's limit.
        assert.strictEqual(maxBytes, uri.endsWith('.pdf') ? DEFAULT_PDF_LIMITS.maxBytes : 5 * 1024 * 1024);
        asked.push(uri.slice(FOLDER.length + 1));
        return FILES[uri.slice(FOLDER.length + 1)];
      },
    });
    typoProblems = server.nextDiagnostics(`${FOLDER}/typo.txt`);
    await server.connection.sendNotification(WorkspaceFilesNotification, {
      uris: [LETTER_000, LETTER_002, 'gone.txt', 'scan.pdf', 'typo.txt'].map((n) => `${FOLDER}/${n}`),
      limitReached: false,
    });
    await waitForIndex(server);
  });
  after(() => server.stop());

  it('asks the client for each listed file and indexes what it reads', async () => {
    assert.deepStrictEqual([...asked].sort(), [LETTER_000, LETTER_002, 'gone.txt', 'scan.pdf', 'typo.txt']);
    const symbols = (await server.connection.sendRequest('workspace/symbol', {
      query: 'xanax',
    })) as SymbolInformation[];
    assert.deepStrictEqual(
      symbols.map((s) => [path.posix.basename(s.location.uri), s.name.split(' \u00b7 ')[0]]).sort(),
      [
        [LETTER_000, 'XANAX 0.5MG #90'],
        [LETTER_002, 'Refill of Xanax 1mg, QTY: 90'],
        // 001 with the third item's outcome written "Uphled".
        ['typo.txt', 'Xanax 2mg, 1 twice a day as needed for 12 months'],
      ],
    );
    assert.ok(symbols.every((s) => s.location.uri.startsWith(`${FOLDER}/`)));
  });

  it("indexes a PDF's text at its imr-pdf: document, as when the server reads the PDF itself", async () => {
    const symbols = (await server.connection.sendRequest('workspace/symbol', {
      query: 'psychotropic',
    })) as SymbolInformation[];
    // Letter 000 has a psychotropic item too, at its own vscode-vfs: URI.
    assert.deepStrictEqual(
      symbols
        .filter((s) => !s.location.uri.startsWith(FOLDER))
        .map((s) => [s.location.uri, s.name.split(' \u00b7 ')[0]]),
      [
        [
          pdfTextUriOf(`${FOLDER}/scan.pdf`),
          'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions',
        ],
      ],
    );
  });

  it('exports the decisions inline, for the client to write, reading the letters through the client', async () => {
    const { content, ...counts } = (await server.connection.sendRequest(ExportDecisionsRequest, {
      format: 'jsonl',
      path: `${FOLDER}/decisions.jsonl`,
      inline: true,
    })) as ExportDecisionsResult;
    // The decision lines of the letters: 000 has two items, 001 (with its typo) four, 002 one and
    // 004 (the PDF's text) one.
    assert.deepStrictEqual(counts, { items: 8, letters: 4, skipped: 0 });
    const records = (content ?? '')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { item: string; outcome: string });
    assert.strictEqual(records.length, 8);
    assert.ok(
      records.some(
        (r) =>
          r.item === 'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions' &&
          r.outcome === 'Upheld',
      ),
    );
  });

  it('publishes the problems of a letter no editor opened, and names a file the client could not read', async () => {
    // "Uphled" on line 121, column 51 of the letter (0-based 120 and 50).
    assert.deepStrictEqual(
      (await typoProblems).map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['unknown-decision', 120, 50]],
    );
    const logged = server.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
    assert.ok(logged.includes(`Skipped ${FOLDER}/gone.txt: file not found`), logged.join('\n'));
  });
});
