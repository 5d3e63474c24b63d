// PDF letters in the workspace index, over the protocol: a temporary folder (its name holds a space,
// so that the URIs must be encoded as VS Code encodes them) with a real posted PDF letter, a text
// letter and a damaged PDF. Symbols and the Letters view point at the PDF's text document
// (imr-pdf:), on the lines of the text the PDF reader gives; the damaged PDF is kept as a non-letter
// without a problem; the setting leaves PDFs out; the saved index is not read again for an
// unchanged PDF. Expected items come from the letter (CM16-0213037: two MRIs, both upheld).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { SymbolInformation, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import {
  LettersInGroupRequest,
  LettersInGroupResult,
  WorkspaceFilesNotification,
} from '../../server/src/protocol/requests';
import { ROOT, startServer, TestServer, waitForIndex } from './client';

const PDF = path.join(ROOT, 'test', 'fixtures', 'letters-pdf', 'CM16-0213037.pdf');
const TEXT_LETTER = '002_5ad3443a4d2d1746.txt';
const TYPO = path.join(ROOT, 'test', 'fixtures', 'cli', 'malformed', '001_outcome_typo.txt');
const SHOULDER = 'MRI of the right shoulder without contrast';
const SPINE = 'MRI of the cervical spine without contrast';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function folderWithPdf(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr letters pdf-'));
  made.push(dir);
  fs.copyFileSync(PDF, path.join(dir, 'CM16-0213037.pdf'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'letters', TEXT_LETTER), path.join(dir, TEXT_LETTER));
  // A PDF cut off after its first kilobyte: no cross-reference table, no text.
  fs.writeFileSync(path.join(dir, 'damaged.pdf'), fs.readFileSync(PDF).subarray(0, 1024));
  // A text letter with a problem, so that the folder's problems are answered at once.
  fs.copyFileSync(TYPO, path.join(dir, 'typo.txt'));
  return dir;
}

const uriOf = (file: string) => pathToFileURL(file).toString();

/** The imr-pdf: document the editor opens for a PDF, as VS Code writes its URI (client/src/pdfLetters.ts). */
function pdfTextUri(file: string): string {
  const pdf = URI.file(file);
  return URI.from({ scheme: 'imr-pdf', path: pdf.path, query: pdf.toString() }).toString();
}

/** The PDF's text as the reader gives it (the bundle the server loads), by line. */
async function readerLines(file: string): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the shipped bundle, as the server loads it
  const reader = require(path.join(ROOT, 'dist', 'pdf.js')) as {
    readPdfText(b: Uint8Array): Promise<{ text: string }>;
  };
  return (await reader.readPdfText(new Uint8Array(fs.readFileSync(file)))).text.split(/\r?\n/);
}

async function symbols(server: TestServer, query: string): Promise<SymbolInformation[]> {
  return (await server.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[];
}

const itemName = (s: SymbolInformation) => s.name.split(' \u00b7 ')[0];

describe('workspace index: PDF letters', function () {
  let dir: string;
  let pdf: string;
  before(() => {
    dir = folderWithPdf();
    pdf = path.join(dir, 'CM16-0213037.pdf');
  });

  describe('walked by the server (a plain client)', function () {
    let server: TestServer;
    before(async () => {
      // imr-pdf: documents open only in the extension's client: another client asks for PDFs.
      server = await startServer({
        workspaceFolders: [uriOf(dir)],
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
        settings: { workspace: { includePdf: true } },
      });
      await waitForIndex(server);
    });
    after(() => server.stop());

    it('leaves PDFs out for a plain client that does not ask for them', async () => {
      const plain = await startServer({ workspaceFolders: [uriOf(dir)] });
      try {
        await waitForIndex(plain);
        assert.deepStrictEqual(await symbols(plain, 'mri'), []);
        assert.strictEqual((await symbols(plain, 'refill')).length, 1);
      } finally {
        await plain.stop();
      }
    });

    it("finds the PDF's items at the imr-pdf: document, on the lines of the reader's text", async () => {
      const found = (await symbols(server, 'mri')).sort(
        (a, b) => a.location.range.start.line - b.location.range.start.line,
      );
      assert.deepStrictEqual(found.map(itemName), [SHOULDER, SPINE]);
      const lines = await readerLines(pdf);
      for (const s of found) {
        assert.strictEqual(s.location.uri, pdfTextUri(pdf));
        assert.ok(
          lines[s.location.range.start.line].includes(`${itemName(s)}: Upheld`),
          lines[s.location.range.start.line],
        );
      }
      // The text letter beside it is indexed as before, at its file.
      const refill = await symbols(server, 'refill');
      assert.deepStrictEqual(
        refill.map((s) => [s.location.uri, itemName(s)]),
        [[uriOf(path.join(dir, TEXT_LETTER)), 'Refill of Xanax 1mg, QTY: 90']],
      );
    });

    it('keeps the damaged PDF as a non-letter: its reason in the log, no problem', async () => {
      const stats = await waitForIndex(server);
      // The PDF letter, two text letters and the damaged PDF are listed and kept (the damaged one as a non-letter).
      assert.deepStrictEqual([stats.files, stats.entries], [4, 4]);
      const logged = server.notifications
        .filter((n) => n.method === 'window/logMessage')
        .map((n) => (n.params as { message: string }).message);
      assert.ok(
        logged.some((m) => m.startsWith(`Not indexed as a letter: ${path.join(dir, 'damaged.pdf')}: `)),
        logged.join('\n'),
      );
      const report = (await server.connection.sendRequest('workspace/diagnostic', {
        previousResultIds: [],
      })) as WorkspaceDiagnosticReport;
      // Only the typo (001 with an outcome written "Uphled") has a problem: neither the damaged PDF nor the posted letter.
      assert.deepStrictEqual(
        report.items.filter((i) => i.kind === 'full' && i.items.length > 0).map((i) => i.uri),
        [uriOf(path.join(dir, 'typo.txt'))],
      );
    });
  });

  describe("listed by the extension's client", function () {
    let server: TestServer;
    let storageDir: string;
    const open = async (settings?: unknown) => {
      const s = await startServer({
        workspaceFolders: [uriOf(dir)],
        initializationOptions: { clientListsFiles: true, storageDir },
        settings,
      });
      await s.connection.sendNotification(WorkspaceFilesNotification, {
        uris: [pdf, path.join(dir, TEXT_LETTER), path.join(dir, 'damaged.pdf')].map(uriOf),
        limitReached: false,
      });
      await waitForIndex(s);
      return s;
    };
    before(async () => {
      storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-pdf-storage-'));
      made.push(storageDir);
      server = await open();
    });
    after(() => server.stop());

    it("lists the PDF letter in the Letters view at its text document, in its PDF's folder", async () => {
      const upheld = (await server.connection.sendRequest(LettersInGroupRequest, {
        groupBy: 'outcome',
        key: 'upheld',
      })) as LettersInGroupResult;
      const entry = upheld.letters.find((l) => l.caseNumber === 'CM16-0213037');
      assert.ok(entry, JSON.stringify(upheld.letters.map((l) => l.fileName)));
      assert.deepStrictEqual(
        [entry.uri, entry.fileName, entry.items.map((i) => [i.name, i.outcome])],
        [
          pdfTextUri(pdf),
          'CM16-0213037.pdf',
          [
            [SHOULDER, 'upheld'],
            [SPINE, 'upheld'],
          ],
        ],
      );
      // Keyed as the server sees the folder: the text letter's folder holds the PDF letter too.
      const folderKey = uriOf(path.join(dir, TEXT_LETTER)).replace(/\/[^/]*$/, '');
      const sameFolder = (await server.connection.sendRequest(LettersInGroupRequest, {
        groupBy: 'folder',
        key: folderKey,
      })) as LettersInGroupResult;
      assert.deepStrictEqual(sameFolder.letters.map((l) => l.fileName).sort(), [
        '002_5ad3443a4d2d1746.txt',
        'CM16-0213037.pdf',
      ]);
    });

    it('does not read an unchanged PDF again in the next session', async () => {
      await server.stop();
      server = await open();
      const stats = await waitForIndex(server);
      assert.deepStrictEqual([stats.files, stats.entries, stats.filesRead], [3, 3, 0]);
      assert.deepStrictEqual((await symbols(server, 'mri')).map(itemName).sort(), [SPINE, SHOULDER].sort());
    });

    it('leaves PDFs out with imrLetters.workspace.includePdf off', async () => {
      await server.stop();
      server = await open({ workspace: { includePdf: false } });
      const stats = await waitForIndex(server);
      assert.deepStrictEqual([stats.files, stats.entries], [1, 1]);
      assert.deepStrictEqual(await symbols(server, 'mri'), []);
    });
  });
});
