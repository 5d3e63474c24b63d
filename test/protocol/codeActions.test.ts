// Quick fixes, Fix All, Format Document and Format Selection over stdio, against the built server,
// with edits applied the way an editor applies them (vscode-languageserver-textdocument).

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction,
  createMessageConnection,
  Diagnostic,
  MessageConnection,
  Range,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ItemsResult } from '../../server/src/protocol/requests';
import { MALFORMED } from '../unit/helpers';
import { fixture, openDocument, ROOT, serverPath, startServer, TestServer } from './client';

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit!;
  if (edit.changes) return edit.changes[uri];
  const change = edit.documentChanges![0] as TextDocumentEdit;
  assert.strictEqual(change.textDocument.uri, uri);
  return change.edits as TextEdit[];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'imr-letter', 1, text), edits);
}

interface Session {
  connection: MessageConnection;
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

/** Replace a document's text (full sync) and wait for the diagnostics of that version. */
async function change(s: Session, uri: string, version: number, text: string): Promise<Diagnostic[]> {
  const published = s.nextDiagnostics(uri, version);
  await s.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ text }],
  });
  return published;
}

async function open(s: TestServer | Session, uri: string, text: string): Promise<Diagnostic[]> {
  const published = s.nextDiagnostics(uri, 1);
  await openDocument(s as TestServer, uri, text);
  return published;
}

function requestActions(
  s: Session,
  uri: string,
  range: Range,
  diagnostics: Diagnostic[],
  only?: string[],
): Promise<CodeAction[]> {
  return s.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, only },
  }) as Promise<CodeAction[]>;
}

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

/** Several problems in one letter: a typo, a contradiction, two missing guideline parts. */
function brokenLetter(): string {
  let text = fixture('letters', '001_95d645f4881bb0c4.txt');
  text = text.replace(
    '12 months: Upheld \n\n \n\nClaims Administrator guideline: Decision based on MTUS',
    '12 months: Uphled \n\n \n\nClaims Administrator guideline: Decision based on MTUS',
  );
  text = text.replace('Lexapro 20mg, 1 daily for 12 months: Upheld', 'Lexapro 20mg, 1 daily for 12 months: Overturned');
  text = text.replace(
    'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.  \n\nDecision based on Non-MTUS Citation National guidelines for Anxiety Disorders \n\n \n\n',
    '',
  );
  return text.replace(
    'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence \n\nfor its decision.   \n\n \n\n',
    '',
  );
}

describe('code actions over stdio', function () {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('advertises quick fixes, Fix All and both formatting providers', async () => {
    // The capabilities came with initialize; ask again through a second server to read them.
    const probe = spawn(process.execPath, [serverPath(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(
      new StreamMessageReader(probe.stdout!),
      new StreamMessageWriter(probe.stdin!),
    );
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {},
      })) as { capabilities: Record<string, unknown> };
      assert.deepStrictEqual(result.capabilities.codeActionProvider, {
        codeActionKinds: ['quickfix', 'source.fixAll.imr-letters'],
      });
      assert.strictEqual(result.capabilities.documentFormattingProvider, true);
      assert.strictEqual(result.capabilities.documentRangeFormattingProvider, true);
      assert.deepStrictEqual(result.capabilities.executeCommandProvider, { commands: ['imrLetters.revealRange'] });
    } finally {
      connection.dispose();
      probe.kill();
    }
  });

  it('offers "Uphled" -> "Upheld" for the diagnostic, preferred; applying it clears the diagnostics', async () => {
    const uri = 'file:///fix/typo.txt';
    const text = fixture('malformed', 'unknown-outcome-typo.txt');
    const [diagnostic, ...rest] = await open(server, uri, text);
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(diagnostic.code, 'unknown-decision');
    const actions = await requestActions(server, uri, diagnostic.range, [diagnostic]);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [['Change "Uphled" to "Upheld" (the rationale concludes: not medically necessary)', 'quickfix', true]],
    );
    assert.deepStrictEqual(actions[0].diagnostics, [diagnostic]);
    assert.deepStrictEqual(editsOf(actions[0], uri), [{ range: diagnostic.range, newText: 'Upheld' }]);
    const fixed = apply(text, editsOf(actions[0], uri));
    assert.strictEqual(fixed, fixture('letters', '001_95d645f4881bb0c4.txt'));
    assert.deepStrictEqual(await change(server, uri, 2, fixed), []);
  });

  for (const [name, code] of MALFORMED) {
    it(`${name}: the preferred quick fix for ${code} leaves no diagnostic, or one on the placeholder it wrote`, async () => {
      const uri = `file:///fix/each/${name}`;
      const text = fixture('malformed', name);
      const diagnostics = await open(server, uri, text);
      assert.deepStrictEqual(
        diagnostics.map((d) => d.code),
        [code],
      );
      const actions = await requestActions(server, uri, diagnostics[0].range, diagnostics);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.strictEqual(preferred.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.strictEqual(preferred[0].kind, 'quickfix');
      // No client-side command here: this client cannot show documents, so no "go to" action.
      assert.ok(actions.every((a) => a.command === undefined && a.edit !== undefined));
      const fixed = apply(text, editsOf(preferred[0], uri));
      const left = await change(server, uri, 2, fixed);
      const placeholder = /\[state the [a-z ]+\]/.exec(editsOf(preferred[0], uri)[0].newText)?.[0];
      if (placeholder === undefined) assert.deepStrictEqual(left, []);
      else {
        // The placeholder is the same problem, at the same severity, until written over.
        assert.deepStrictEqual(
          left.map((d) => [d.code, d.severity]),
          [[code, diagnostics[0].severity]],
        );
        const lines = fixed.split(/\r?\n/);
        const at = left[0].range;
        assert.strictEqual(lines[at.start.line].slice(at.start.character, at.end.character), placeholder);
        const written = apply(fixed, [{ range: at, newText: 'Written by the reviewer.' }]);
        assert.deepStrictEqual(await change(server, uri, 3, written), []);
      }
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }

  it('Fix All corrects the typo, leaves the decision and the missing parts to the user, only when asked for (only: source.fixAll)', async () => {
    const uri = 'file:///fix/all.txt';
    const text = brokenLetter();
    const diagnostics = await open(server, uri, text);
    assert.deepStrictEqual(diagnostics.map((d) => d.code).sort(), [
      'decision-contradicts-rationale',
      'missing-claims-administrator-guideline',
      'missing-reviewer-guideline',
      'unknown-decision',
    ]);
    const quick = await requestActions(server, uri, WHOLE, diagnostics, ['quickfix']);
    assert.ok(quick.length >= 4 && quick.every((a) => a.kind === 'quickfix'));
    for (const only of [['source.fixAll.imr-letters'], ['source.fixAll'], ['source']]) {
      const actions = await requestActions(server, uri, WHOLE, [], only);
      assert.deepStrictEqual(
        actions.map((a) => [a.kind, a.title]),
        [['source.fixAll.imr-letters', 'Fix all auto-fixable problems in the letter']],
        only.join(),
      );
    }
    const [fixAll] = await requestActions(server, uri, WHOLE, [], ['source.fixAll.imr-letters']);
    const edits = editsOf(fixAll, uri);
    const typo = diagnostics.find((d) => d.code === 'unknown-decision')!;
    assert.deepStrictEqual(edits, [{ range: typo.range, newText: 'Upheld' }]);
    assert.deepStrictEqual(fixAll.data, { fixed: 1 });
    const fixed = apply(text, edits);
    // Fix All never changes a decision (the contradiction waits for the user's quick fix) and never
    // stamps a placeholder in for a missing part.
    assert.deepStrictEqual((await change(server, uri, 2, fixed)).map((d) => d.code).sort(), [
      'decision-contradicts-rationale',
      'missing-claims-administrator-guideline',
      'missing-reviewer-guideline',
    ]);
    const items = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;
    assert.deepStrictEqual(
      items.items.map((i) => i.outcome),
      ['overturned', 'upheld', 'upheld', 'upheld'],
    );
    assert.deepStrictEqual(
      await requestActions(server, uri, WHOLE, [], ['source.fixAll.imr-letters']),
      [],
      'nothing left to fix',
    );
  });

  it('Format Document: small edits that single-space the letter, join the wrapped outcome, keep words, items and a clean bill', async () => {
    const uri = 'file:///format/004.txt';
    const text = fixture('letters', '004_b9c7ee4c5df882e9.txt');
    assert.deepStrictEqual(await open(server, uri, text), []);
    const itemsBefore = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;
    const edits = (await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    assert.ok(edits.length > 10, `${edits.length} edits`);
    const formatted = apply(text, edits);
    assert.deepStrictEqual(words(formatted), words(text));
    assert.ok(
      formatted.includes(
        'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions: Upheld\n\nClaims Administrator guideline:',
      ),
    );
    assert.ok(
      formatted.split('\n').every((l) => !/\s$/.test(l)),
      'no trailing white space',
    );
    assert.deepStrictEqual(await change(server, uri, 2, formatted), []);
    const itemsAfter = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;
    assert.deepStrictEqual(
      itemsAfter.items.map((i) => [i.name, i.outcome]),
      itemsBefore.items.map((i) => [i.name, i.outcome]),
    );
    assert.strictEqual(
      itemsAfter.items[0].decisionRange.start.line,
      itemsAfter.items[0].decisionRange.end.line,
      'the decision is on one line now',
    );
    const again = await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.deepStrictEqual(again, [], 'formatting a formatted letter changes nothing');
  });

  it('Format Document keeps CRLF', async () => {
    const uri = 'file:///format/000-crlf.txt';
    const text = fixture('letters', '000_ccd83326e20498fa.txt').replace(/\n/g, '\r\n');
    assert.deepStrictEqual(await open(server, uri, text), []);
    const edits = (await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    const formatted = apply(text, edits);
    assert.ok(formatted.length < text.length);
    assert.ok(!/[^\r]\n/.test(formatted) && !/\r(?!\n)/.test(formatted), 'every line break is CRLF');
    assert.deepStrictEqual(words(formatted), words(text));
    assert.deepStrictEqual(await change(server, uri, 2, formatted), []);
  });

  it('Format Selection edits only the selected lines', async () => {
    const uri = 'file:///format/001-range.txt';
    const text = fixture('letters', '001_95d645f4881bb0c4.txt');
    assert.deepStrictEqual(await open(server, uri, text), []);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('Buspar 15mg'));
    const range: Range = { start: { line: first, character: 3 }, end: { line: first + 10, character: 4 } };
    const edits = (await server.connection.sendRequest('textDocument/rangeFormatting', {
      textDocument: { uri },
      range,
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    assert.ok(edits.length > 3, `${edits.length} edits`);
    for (const e of edits) {
      assert.ok(e.range.start.line >= first && e.range.end.line <= first + 11, JSON.stringify(e.range));
      if (e.range.end.line === first + 11) assert.strictEqual(e.range.end.character, 0);
    }
    const formatted = apply(text, edits);
    assert.deepStrictEqual(words(formatted), words(text));
    assert.ok(formatted.startsWith(lines.slice(0, first).join('\n')));
    assert.ok(formatted.endsWith(lines.slice(first + 11).join('\n')));
    assert.deepStrictEqual(await change(server, uri, 2, formatted), []);
  });

  it('answers nothing for a plain-text file that is not a letter', async () => {
    const uri = 'file:///notes/meeting.txt';
    await openDocument(server, uri, fixture('non-letters', 'meeting.txt'), 'plaintext');
    assert.deepStrictEqual(
      await server.connection.sendRequest('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 4, insertSpaces: true },
      }),
      [],
    );
    assert.deepStrictEqual(await requestActions(server, uri, WHOLE, [], undefined), []);
  });
});

describe('code actions over stdio: a code set to off gets no fix', function () {
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { diagnostics: { severity: { 'unknown-decision': 'off' } } } });
  });
  after(() => server.stop());

  it('Fix All leaves an "off" problem alone and repairs the rest', async () => {
    const uri = 'file:///off/all.txt';
    const text = brokenLetter();
    const diagnostics = await open(server, uri, text);
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-decision'));
    // The typo was the one thing Fix All would do: with its code off, there is nothing to fix.
    assert.deepStrictEqual(await requestActions(server, uri, WHOLE, [], ['source.fixAll.imr-letters']), []);
    const [typo] = await requestActions(server, uri, WHOLE, [], ['quickfix']).then((actions) =>
      actions.filter((a) => a.title.startsWith('Change "Uphled"')),
    );
    assert.strictEqual(typo, undefined, 'and no quick fix for it either');
  });
});

/** A client that can show documents (window/showDocument) and takes versioned document changes. */
function startShowingClient(): Promise<TestServer> {
  return startServer({
    capabilities: {
      window: { showDocument: { support: true } },
      workspace: { workspaceEdit: { documentChanges: true } },
    },
  });
}

describe('"go to" code actions with a client that can show documents', function () {
  let client: TestServer;
  before(async () => {
    client = await startShowingClient();
  });
  after(() => client.stop());

  it('duplicate-item: "Go to the first occurrence" runs a server command that shows the first one', async () => {
    const uri = 'file:///goto/duplicate.txt';
    const text = fixture('malformed', 'duplicate-item.txt');
    const [diagnostic] = await open(client, uri, text);
    assert.strictEqual(diagnostic.code, 'duplicate-item');
    const actions = await requestActions(client, uri, diagnostic.range, [diagnostic]);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.isPreferred === true]),
      [
        ['Go to the first occurrence', false],
        ['Remove this duplicate item', true],
      ],
    );
    const goTo = actions[0];
    const firstLine = text.split('\n').findIndex((l) => l.startsWith('XANAX 0.5MG #90:'));
    const firstRange = {
      start: { line: firstLine, character: 0 },
      end: { line: firstLine, character: 'XANAX 0.5MG #90'.length },
    };
    assert.deepStrictEqual(goTo.command, {
      title: 'Go to the first occurrence',
      command: 'imrLetters.revealRange',
      arguments: [uri, firstRange],
    });
    assert.strictEqual(goTo.edit, undefined);
    assert.ok(firstLine < diagnostic.range.start.line);
    await client.connection.sendRequest('workspace/executeCommand', {
      command: goTo.command!.command,
      arguments: goTo.command!.arguments,
    });
    assert.deepStrictEqual(client.shown, [{ uri, selection: firstRange, takeFocus: true }]);

    // The removal comes as a versioned document change.
    const change0 = actions[1].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(change0.textDocument, { uri, version: 1 });
    const fixed = apply(text, change0.edits as TextEdit[]);
    assert.strictEqual(fixed, fixture('letters', '000_ccd83326e20498fa.txt'));
    assert.deepStrictEqual(await change(client, uri, 2, fixed), []);
  });

  it("decision-contradicts-rationale: change the outcome (preferred) or go to the rationale's conclusion", async () => {
    const uri = 'file:///goto/contradiction.txt';
    const text = fixture('malformed', 'outcome-contradicts-rationale.txt');
    const [diagnostic] = await open(client, uri, text);
    assert.strictEqual(diagnostic.code, 'decision-contradicts-rationale');
    const actions = await requestActions(client, uri, diagnostic.range, [diagnostic]);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.isPreferred === true, a.command?.command]),
      [
        ['Change the outcome to "Upheld" (the rationale concludes: not medically necessary)', true, undefined],
        ["Go to the rationale's conclusion", false, 'imrLetters.revealRange'],
      ],
    );
    const target = actions[1].command!.arguments![1] as Range;
    assert.deepStrictEqual(target, diagnostic.relatedInformation![0].location.range);
    const lines = text.split('\n');
    assert.match(lines[target.start.line].slice(target.start.character), /^not be considered as/);
    assert.match(lines[target.end.line].slice(0, target.end.character), /medically necessary$/);
  });
});

describe('the problems as the VS Code client gets them: doc links, snippets, "Turn off this check"', function () {
  let client: TestServer;
  before(async () => {
    // What vscode-languageclient 11 declares, and the command the extension registers itself.
    client = await startServer({
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
        textDocument: { publishDiagnostics: { codeDescriptionSupport: true, relatedInformation: true } },
      },
      initializationOptions: { clientCommands: ['imrLetters.turnOffCheck'] },
    });
  });
  after(() => client.stop());

  it("each diagnostic's code links its page shipped beside the server (file://)", async () => {
    const uri = 'file:///vscode/typo.txt';
    const [diagnostic] = await open(client, uri, fixture('malformed', 'unknown-outcome-typo.txt'));
    assert.strictEqual(diagnostic.code, 'unknown-decision');
    const href = diagnostic.codeDescription?.href;
    assert.strictEqual(href, pathToFileURL(path.join(ROOT, 'docs', 'rules', 'unknown-decision.md')).href);
    assert.match(fs.readFileSync(fileURLToPath(href!), 'utf8'), /^# unknown-decision\n/);
  });

  it('"Turn off this check" comes after the fixes, as a command the client runs with the code and the document', async () => {
    const uri = 'file:///vscode/duplicate.txt';
    const [diagnostic] = await open(client, uri, fixture('malformed', 'duplicate-item.txt'));
    const actions = await requestActions(client, uri, diagnostic.range, [diagnostic]);
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Remove this duplicate item', 'Turn off this check (duplicate-item)'],
    );
    assert.deepStrictEqual(actions[1].command, {
      title: 'Turn off this check (duplicate-item)',
      command: 'imrLetters.turnOffCheck',
      arguments: ['duplicate-item', uri],
    });
    assert.strictEqual(actions[1].edit, undefined);
  });

  it('an insert with a placeholder is a snippet edit whose tab stop is the placeholder', async () => {
    const uri = 'file:///vscode/rationale.txt';
    const text = fixture('malformed', 'missing-rationale.txt');
    const [diagnostic] = await open(client, uri, text);
    const [insert] = await requestActions(client, uri, diagnostic.range, [diagnostic]);
    assert.strictEqual(insert.title, 'Insert "Decision rationale:"');
    const change0 = insert.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(change0.textDocument, { uri, version: 1 });
    assert.deepStrictEqual(change0.edits, [
      {
        range: change0.edits[0].range,
        snippet: { kind: 'snippet', value: '\n\n \n\nDecision rationale: ${1:[state the decision rationale]}' },
      },
    ]);
    // Where the plain edit goes for a client without snippets: after the reviewer guideline's last word.
    const lines = text.split('\n');
    const at = change0.edits[0].range.start;
    assert.match(lines[at.line].slice(0, at.character), /Mental Illness Chapter, Benzodiazepines\.$/);
  });
});
