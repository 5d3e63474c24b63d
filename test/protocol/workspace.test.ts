// The workspace index over the protocol, on a temporary folder of real letters: listed by the
// extension's client or walked by the server for a plain client, following files created, changed,
// deleted and renamed; hostile entries skipped; saved between sessions; and what reads it (workspace
// symbols, the folder's problems by pull and by push, references, CodeLens, the Letters view's
// groups, the export). Expected values come from the letters' text.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type {
  CodeLens,
  Location,
  SymbolInformation,
  WorkspaceDiagnosticReport,
  WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import {
  CheckAllRequest,
  CheckAllResult,
  DecisionsReportRequest,
  DecisionsReportResult,
  ExportDecisionsRequest,
  ExportDecisionsResult,
  LetterGroupsRequest,
  LetterGroupsResult,
  WorkspaceFilesNotification,
} from '../../server/src/protocol/requests';
import { fixture, openDocument, ROOT, startServer, TestServer, waitForIndex } from './client';

const LETTER_000 = '000_ccd83326e20498fa.txt';
const LETTER_001 = '001_95d645f4881bb0c4.txt';
const LETTER_002 = '002_5ad3443a4d2d1746.txt';
const LETTER_004 = '004_b9c7ee4c5df882e9.txt';
const TYPO = path.join(ROOT, 'test', 'fixtures', 'cli', 'malformed', '001_outcome_typo.txt');
const posix = process.platform !== 'win32';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempFolder(prefix: string, letters: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `imr-letters-ws-${prefix}-`));
  made.push(dir);
  for (const name of letters) fs.writeFileSync(path.join(dir, name), fixture('letters', name));
  return dir;
}

const uriOf = (file: string) => pathToFileURL(file).toString();

async function symbols(server: TestServer, query: string): Promise<SymbolInformation[]> {
  return (await server.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[];
}

/** [file name, item name] of each symbol, sorted. */
async function found(server: TestServer, query: string): Promise<string[][]> {
  return (await symbols(server, query)).map((s) => [path.basename(s.location.uri), s.name.split(' \u00b7 ')[0]]).sort();
}

async function changed(server: TestServer, changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  await waitForIndex(server);
}

describe('workspace index: a plain LSP client (no custom requests)', function () {
  let server: TestServer;
  let dir: string;
  before(async function () {
    dir = tempFolder('plain', [LETTER_000, LETTER_002]);
    fs.writeFileSync(path.join(dir, 'notes.txt'), fixture('non-letters', 'claim-notes.txt'));
    if (posix) {
      // Entries that must not hang the walk or the reads.
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
      fs.symlinkSync('.', path.join(dir, 'loop'));
      fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
    }
    server = await startServer({ workspaceFolders: [uriOf(dir)] });
  });
  after(() => server.stop());

  it('walks the folder itself, skips FIFOs, devices and loops, and answers workspace symbols', async () => {
    const stats = await waitForIndex(server);
    // The two letters and the notes: regular .txt files only.
    assert.strictEqual(stats.files, 3);
    assert.deepStrictEqual(await found(server, 'xanax'), [
      [LETTER_000, 'XANAX 0.5MG #90'],
      [LETTER_002, 'Refill of Xanax 1mg, QTY: 90'],
    ]);
    const logged = server.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
    if (posix) {
      assert.ok(
        logged.includes(`Skipped ${path.join(dir, 'zero.txt')}: a device, not a regular file`),
        logged.join('\n'),
      );
      assert.ok(logged.includes(`Skipped ${path.join(dir, 'pipe.txt')}: a FIFO (named pipe), not a regular file`));
    }
  });

  it('matches words of the outcome, the sources and the file name, never letters scattered through a name', async () => {
    // Every item of 000 and 002 is upheld.
    assert.strictEqual((await symbols(server, 'upheld')).length, (await symbols(server, '')).length);
    // ODG is cited in 002's Xanax item only (its reviewer guideline names it); none of 000's items.
    assert.deepStrictEqual(await found(server, 'odg'), [[LETTER_002, 'Refill of Xanax 1mg, QTY: 90']]);
    // "xanax 002_5ad": 002's Xanax item holds both words and comes first; 000's Xanax item holds one.
    const both = await symbols(server, 'xanax 002_5ad');
    assert.deepStrictEqual(
      both.map((s) => path.basename(s.location.uri)),
      [LETTER_002, LETTER_000],
    );
  });

  it('publishes the problems of letters no editor opened (a push-only client)', async () => {
    fs.copyFileSync(TYPO, path.join(dir, 'typo.txt'));
    const uri = uriOf(path.join(dir, 'typo.txt'));
    const published = server.nextDiagnostics(uri);
    await changed(server, [{ uri, type: 1 }]);
    // 001 with the third item's outcome written "Uphled" (line 121, column 51 in the fixture's README).
    assert.deepStrictEqual(
      (await published).map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]),
      [['unknown-decision', 121, 51]],
    );
  });
});

describe('workspace index: read on worker threads', function () {
  this.timeout(120_000);
  // 520 files, past the size a build starts workers for (500): every hundredth is letter 001 with
  // its third outcome written "Uphled" (one unknown-decision error), the others the four letters in turn.
  let dir: string;
  before(() => {
    dir = tempFolder('workers', []);
    const letters = [LETTER_000, LETTER_001, LETTER_002, LETTER_004].map((n) => fixture('letters', n));
    for (let i = 0; i < 520; i++)
      fs.writeFileSync(
        path.join(dir, `${String(i).padStart(3, '0')}.txt`),
        i % 100 === 0 ? fs.readFileSync(TYPO, 'utf8') : letters[i % 4],
      );
  });

  async function indexed(workers: string | undefined) {
    const before = process.env.IMR_LETTERS_INDEX_WORKERS;
    if (workers === undefined) delete process.env.IMR_LETTERS_INDEX_WORKERS;
    else process.env.IMR_LETTERS_INDEX_WORKERS = workers;
    const server = await startServer({ workspaceFolders: [uriOf(dir)] });
    if (before === undefined) delete process.env.IMR_LETTERS_INDEX_WORKERS;
    else process.env.IMR_LETTERS_INDEX_WORKERS = before;
    try {
      const stats = await waitForIndex(server);
      const logged = server.notifications
        .filter((n) => n.method === 'window/logMessage')
        .map((n) => (n.params as { message: string }).message);
      return {
        files: [stats.files, stats.filesRead],
        workerLine: logged.find((m) => /^Indexing \d+ files on \d+ worker threads\.$/.test(m)),
        check: (await server.connection.sendRequest(CheckAllRequest, {})) as CheckAllResult,
        psychotropic: (await symbols(server, 'psychotropic'))
          .map((s) => `${path.basename(s.location.uri)} ${s.name}`)
          .sort(),
        groups: (await server.connection.sendRequest(LetterGroupsRequest, {
          groupBy: 'outcome',
        })) as LetterGroupsResult,
      };
    } finally {
      await server.stop();
    }
  }

  it('gives the same index as the server reading on its own thread', async () => {
    const onWorkers = await indexed(undefined);
    const alone = await indexed('0');
    assert.match(onWorkers.workerLine ?? '', /^Indexing 520 files on [1-8] worker threads\.$/);
    assert.strictEqual(alone.workerLine, undefined);
    assert.deepStrictEqual(onWorkers.files, [520, 520]);
    // Six copies of the typo (000, 100, ... 500), one error each.
    assert.deepStrictEqual(onWorkers.check, {
      letters: 520,
      files: 520,
      errors: 6,
      warnings: 0,
      lettersWithProblems: 6,
    });
    // "Psychotropic" begins an item of 000 (i % 4 == 0, but not the typo copies) and of 004 (i % 4 == 3): 124 + 130.
    assert.strictEqual(onWorkers.psychotropic.length, 254);
    assert.deepStrictEqual(alone, { ...onWorkers, workerLine: undefined });
  });
});

describe('workspace index: a deleted folder', function () {
  it('asks a plain client for deletions of anything, and drops the letters under a deleted folder', async () => {
    const dir = tempFolder('folders', [LETTER_000]);
    // cases/a/b holds 001 and 002, cases/a 004; cases/ab (a name that begins like cases/a) holds 002 again.
    const deep = path.join(dir, 'cases', 'a', 'b');
    const beside = path.join(dir, 'cases', 'ab');
    fs.mkdirSync(deep, { recursive: true });
    fs.mkdirSync(beside);
    for (const [folder, name] of [
      [deep, LETTER_001],
      [deep, LETTER_002],
      [path.dirname(deep), LETTER_004],
      [beside, LETTER_002],
    ])
      fs.writeFileSync(path.join(folder, name), fixture('letters', name));
    const server = await startServer({
      workspaceFolders: [uriOf(dir)],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    try {
      await waitForIndex(server);
      const files = async () =>
        (await symbols(server, ''))
          .map((s) => path.relative(dir, fileURLToPath(s.location.uri)))
          .filter((v, i, a) => a.indexOf(v) === i)
          .sort();
      assert.deepStrictEqual(await files(), [
        LETTER_000,
        path.join('cases', 'a', LETTER_004),
        path.join('cases', 'a', 'b', LETTER_001),
        path.join('cases', 'a', 'b', LETTER_002),
        path.join('cases', 'ab', LETTER_002),
      ]);
      // The watchers asked for: letter files, and deletions (kind 4) of any path, folders included.
      const watchers = server.registrations
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
        .flatMap((r) => (r.registerOptions as { watchers: Array<{ globPattern: string; kind?: number }> }).watchers);
      assert.deepStrictEqual(watchers, [{ globPattern: '**/*.{txt,imr,pdf}' }, { globPattern: '**/*', kind: 4 }]);

      // A deleted folder comes as one event, for the folder: every letter below it goes.
      fs.rmSync(path.join(dir, 'cases', 'a'), { recursive: true });
      await changed(server, [{ uri: uriOf(path.join(dir, 'cases', 'a')), type: 3 }]);
      assert.deepStrictEqual(await files(), [LETTER_000, path.join('cases', 'ab', LETTER_002)]);
      // The deletion of a file that holds no letter, or of a folder with none, changes nothing.
      await changed(server, [
        { uri: uriOf(path.join(dir, 'notes.log')), type: 3 },
        { uri: uriOf(path.join(dir, 'empty')), type: 3 },
      ]);
      assert.deepStrictEqual(await files(), [LETTER_000, path.join('cases', 'ab', LETTER_002)]);
      // A folder URI may end in a slash.
      fs.rmSync(beside, { recursive: true });
      await changed(server, [{ uri: uriOf(beside) + '/', type: 3 }]);
      assert.deepStrictEqual(await files(), [LETTER_000]);
    } finally {
      await server.stop();
    }
  });
});

describe("workspace index: the extension's client lists the files", function () {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = tempFolder('listed', [LETTER_000, LETTER_001, LETTER_002, LETTER_004]);
    server = await startServer({
      workspaceFolders: [uriOf(dir)],
      initializationOptions: { clientListsFiles: true },
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    // Letter 004 is left out of the list, as files.exclude would.
    await server.connection.sendNotification(WorkspaceFilesNotification, {
      uris: [LETTER_000, LETTER_001, LETTER_002].map((n) => uriOf(path.join(dir, n))),
      limitReached: false,
    });
    await waitForIndex(server);
  });
  after(() => server.stop());

  it('indexes the listed files only', async () => {
    assert.deepStrictEqual(
      (await symbols(server, ''))
        .map((s) => path.basename(s.location.uri))
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
      [LETTER_000, LETTER_001, LETTER_002],
    );
  });

  it('follows files created, changed, renamed and deleted', async () => {
    const added = path.join(dir, 'new', 'letter.imr');
    fs.mkdirSync(path.dirname(added));
    fs.writeFileSync(added, fixture('letters', LETTER_002).replace('Refill of Xanax 1mg', 'Refill of Clonazepam 1mg'));
    await changed(server, [{ uri: uriOf(added), type: 1 }]);
    assert.deepStrictEqual(await found(server, 'clonazepam'), [['letter.imr', 'Refill of Clonazepam 1mg, QTY: 90']]);

    fs.writeFileSync(added, fixture('letters', LETTER_002).replace('Refill of Xanax 1mg', 'Refill of Diazepam 1mg'));
    await changed(server, [{ uri: uriOf(added), type: 2 }]);
    assert.deepStrictEqual(await found(server, 'clonazepam'), []);
    assert.deepStrictEqual(await found(server, 'diazepam'), [['letter.imr', 'Refill of Diazepam 1mg, QTY: 90']]);

    const renamed = path.join(dir, 'new', 'renamed.txt');
    fs.renameSync(added, renamed);
    await changed(server, [
      { uri: uriOf(added), type: 3 },
      { uri: uriOf(renamed), type: 1 },
    ]);
    assert.deepStrictEqual(await found(server, 'diazepam'), [['renamed.txt', 'Refill of Diazepam 1mg, QTY: 90']]);

    fs.rmSync(path.dirname(renamed), { recursive: true });
    // A deleted folder comes as one event for the folder.
    await changed(server, [{ uri: uriOf(path.dirname(renamed)), type: 3 }]);
    assert.deepStrictEqual(await found(server, 'diazepam'), []);
  });

  it('reports the problems of closed letters through workspace/diagnostic, and holds the request until one changes', async () => {
    const typo = path.join(dir, 'typo.txt');
    fs.copyFileSync(TYPO, typo);
    await changed(server, [{ uri: uriOf(typo), type: 1 }]);
    const first = (await server.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: [],
    })) as WorkspaceDiagnosticReport;
    const reports = first.items as WorkspaceFullDocumentDiagnosticReport[];
    // The four real letters have no problems: only the typo is reported.
    assert.deepStrictEqual(
      reports.map((r) => [path.basename(r.uri), r.items.map((d) => [d.code, d.range.start.line + 1])]),
      [['typo.txt', [['unknown-decision', 121]]]],
    );
    // Nothing new: the next pull waits; fixing the file answers it with no problems.
    const next = server.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: reports.map((r) => ({ uri: r.uri, value: r.resultId })),
    }) as Promise<WorkspaceDiagnosticReport>;
    fs.writeFileSync(typo, fs.readFileSync(TYPO, 'utf8').replace('Uphled', 'Upheld'));
    await changed(server, [{ uri: uriOf(typo), type: 2 }]);
    const fixed = (await next).items as WorkspaceFullDocumentDiagnosticReport[];
    assert.deepStrictEqual(
      fixed.map((r) => [path.basename(r.uri), r.items.length]),
      [['typo.txt', 0]],
    );
  });

  it('finds every citation of the same source and page across the folder', async () => {
    const file = path.join(dir, LETTER_001);
    const text = fixture('letters', LETTER_001);
    await openDocument(server, uriOf(file), text);
    const lines = text.split(/\r?\n/);
    // "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines / Benzodiazepines Page(s): 24."
    const line = lines.findIndex((l, i) => l.startsWith('Benzodiazepines Page(s): 24.') && i > 0);
    const refs = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf(file) },
      position: { line, character: 3 },
      context: { includeDeclaration: true },
    })) as Location[];
    // MTUS chronic pain guidelines page 24: twice in 001 (claims administrator, reviewer), twice in 002,
    // twice in 000 (both its items cite "CHRONIC PAIN MEDICAL TREATMENT GUIDELINES, SECTION 2 PAIN
    // INTERVENTIONS AND TREATMENTS, 24", lines 69 and 109),
    // and twice in typo.txt, a copy of 001 made by the test before.
    const counts: Record<string, number> = {};
    for (const r of refs) {
      const name = path.basename(r.uri);
      counts[name] = (counts[name] ?? 0) + 1;
      const fileLines = fs.readFileSync(fileURLToPath(r.uri), 'utf8').split(/\r?\n/);
      assert.match(
        fileLines[r.range.end.line],
        /(Page\(s\): |TREATMENTS, )24\b/,
        `${name} line ${r.range.end.line + 1}`,
      );
    }
    assert.deepStrictEqual(counts, { [LETTER_000]: 2, [LETTER_001]: 2, [LETTER_002]: 2, 'typo.txt': 2 });
    const highlights = (await server.connection.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri: uriOf(file) },
      position: { line, character: 3 },
    })) as unknown[];
    assert.strictEqual(highlights.length, 2);
  });

  it('shows a CodeLens per item that goes to its rationale', async () => {
    const file = path.join(dir, LETTER_001);
    const text = fixture('letters', LETTER_001);
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri: uriOf(file) },
    })) as CodeLens[];
    // Letter 001 has four items, all upheld.
    assert.strictEqual(lenses.length, 4);
    assert.ok(
      lenses.every((l) => l.command!.title.startsWith('Upheld \u00b7 ')),
      lenses.map((l) => l.command!.title).join('\n'),
    );
    const lines = text.split(/\r?\n/);
    const xanax = lenses.find((l) => lines[l.range.start.line].startsWith('Xanax 2mg'))!;
    assert.ok(xanax, 'a lens on the Xanax item');
    assert.strictEqual(xanax.command!.title, 'Upheld \u00b7 MTUS/CPMTG');
    const target = (xanax.command!.arguments as [string, { start: { line: number } }])[1];
    assert.ok(lines[target.start.line].startsWith('Decision rationale: Benzodiazepines'), lines[target.start.line]);
  });

  it('groups the letters by outcome for the Letters view and counts them', async () => {
    const r = (await server.connection.sendRequest(LetterGroupsRequest, { groupBy: 'outcome' })) as LetterGroupsResult;
    // 000, 001, 002 and typo.txt (fixed: upheld); 2 + 4 + 1 + 4 items, every one upheld.
    assert.deepStrictEqual(
      r.groups.map((g) => [g.key, g.letters]),
      [['upheld', 4]],
    );
    assert.deepStrictEqual(
      [r.totals.letters, r.totals.items, r.totals.upheld, r.totals.overturned, r.totals.lettersWithProblems],
      [4, 11, 11, 0, 0],
    );
    const filtered = (await server.connection.sendRequest(LetterGroupsRequest, {
      groupBy: 'source',
      filter: 'odg',
    })) as LetterGroupsResult;
    assert.ok(filtered.groups.some((g) => g.key === 'ODG'));
  });

  it("groups the letters by the DWC's Request Category for the Letters view", async () => {
    const r = (await server.connection.sendRequest(LetterGroupsRequest, { groupBy: 'category' })) as LetterGroupsResult;
    // Drugs (Xanax, Lexapro, Buspar) in all four letters; psychiatric visits in 000, 001 and typo.txt.
    assert.deepStrictEqual(Object.fromEntries(r.groups.map((g) => [g.label, g.letters])), {
      Pharmaceuticals: 4,
      'Psych Services': 3,
    });
  });

  it("answers the decisions report of the folder's letters, of one file, and its first items", async () => {
    const all = (await server.connection.sendRequest(DecisionsReportRequest, {})) as DecisionsReportResult;
    const t = all.report.totals;
    // The same letters as the Letters view's: 2 + 4 + 1 + 4 items, every one upheld.
    assert.deepStrictEqual([t.letters, t.items, t.upheld, t.overturned, t.overturnRate], [4, 11, 11, 0, 0]);
    assert.strictEqual(all.report.items.length, 11);
    // None of the four states a date to count an appeal window from.
    const a = all.report.appeals!;
    assert.deepStrictEqual([a.open, a.closed, a.undated], [[], 0, 4]);
    const one = (await server.connection.sendRequest(DecisionsReportRequest, {
      uri: uriOf(path.join(dir, LETTER_001)),
      maxItems: 2,
    })) as DecisionsReportResult;
    // Letter 001: Lexapro, Buspar, Xanax, medication management, by a Family Practice reviewer.
    assert.deepStrictEqual([one.report.totals.letters, one.report.totals.items], [1, 4]);
    assert.deepStrictEqual(
      one.report.items.map((i) => [i.item, i.line]),
      [
        ['Lexapro 20mg, 1 daily for 12 months', 53],
        ['Buspar 15mg, 1 three times a day as needed for 12 months', 89],
      ],
    );
    assert.deepStrictEqual(
      one.report.bySpecialty.map((g) => [g.key, g.items]),
      [['Family Practice', 4]],
    );
  });

  it('checks all letters and exports their decisions with the command-line schema', async () => {
    const check = (await server.connection.sendRequest(CheckAllRequest, {})) as CheckAllResult;
    assert.deepStrictEqual(check, { letters: 4, files: 4, errors: 0, warnings: 0, lettersWithProblems: 0 });
    const out = path.join(dir, 'decisions.jsonl');
    const result = (await server.connection.sendRequest(ExportDecisionsRequest, {
      format: 'jsonl',
      path: out,
    })) as ExportDecisionsResult;
    assert.deepStrictEqual(result, { items: 11, letters: 4, skipped: 0 });
    const records = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { item: string; outcome: string; file: string });
    assert.strictEqual(records.length, 11);
    assert.ok(records.some((r) => r.item === 'Refill of Xanax 1mg, QTY: 90' && r.outcome === 'Upheld'));
  });
});

describe('workspace index: saved between sessions, and its limits', function () {
  it('a reopened folder reads only the files that changed', async () => {
    const dir = tempFolder('saved', [LETTER_000, LETTER_001, LETTER_002, LETTER_004]);
    const storageDir = path.join(dir, '.storage');
    const open = async () => {
      const s = await startServer({ workspaceFolders: [uriOf(dir)], initializationOptions: { storageDir } });
      const stats = await waitForIndex(s);
      await s.stop();
      return stats;
    };
    assert.strictEqual((await open()).filesRead, 4);
    const again = await open();
    assert.deepStrictEqual([again.files, again.filesRead], [4, 0]);
    fs.appendFileSync(path.join(dir, LETTER_004), '\n');
    assert.strictEqual((await open()).filesRead, 1);
  });

  it('says so when the folder holds more letter files than imrLetters.workspace.maxFiles', async () => {
    const dir = tempFolder('limit', [LETTER_000, LETTER_001, LETTER_002]);
    const server = await startServer({ workspaceFolders: [uriOf(dir)], settings: { workspace: { maxFiles: 2 } } });
    try {
      const stats = await waitForIndex(server);
      assert.strictEqual(stats.files, 2);
      const warnings = server.notifications
        .filter((n) => n.method === 'window/showMessage')
        .map((n) => (n.params as { message: string }).message);
      assert.deepStrictEqual(warnings, [
        'IMR Letters: this workspace holds more than 2 letter files; only the first 2 are indexed (setting imrLetters.workspace.maxFiles).',
      ]);
    } finally {
      await server.stop();
    }
  });
});
