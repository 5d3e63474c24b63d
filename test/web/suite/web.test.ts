// The extension in VS Code for the Web: the browser build (dist/browser/client.js, its language
// server in a Worker) in the web worker extension host, on the editor suite's workspace
// (test/fixtures/editor-workspace). Expected values are the editor suite's, read from the letters
// (see test/editor/helpers.ts FIXTURES and the editor tests that check the same things).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  ExtensionApi,
  FIXTURES,
  ITEMS_001,
  activateExtension,
  codeOf,
  documentFor,
  fixtureUri,
  focus,
  hoverText,
  lineOf,
  openLetter,
  positionOf,
  problemLines,
  revert,
  showFixture,
  until,
  waitForProblems,
} from '../../editor/helpers';

let outline: vscode.DocumentSymbol[] = [];

describe('VS Code for the Web', () => {
  let api: ExtensionApi;
  let malformed: vscode.TextEditor | undefined;

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    await revert(malformed);
  });

  it("runs in the browser's web worker extension host", () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the web workbench');
    const scope = globalThis as { WorkerGlobalScope?: unknown; importScripts?: unknown };
    assert.equal(typeof scope.WorkerGlobalScope, 'function', 'a web worker, not the Node extension host');
    assert.equal(typeof scope.importScripts, 'function');
    const extension = vscode.extensions.getExtension('imr-letters.imr-letters');
    assert.ok(extension?.isActive, 'the extension is active');
    assert.ok(extension.packageJSON.browser, 'its manifest has a browser entry');
  });

  it('switches a .txt letter to the letter language and leaves other text plain', async () => {
    const notes = await showFixture(FIXTURES.notes);
    const editor = await openLetter(FIXTURES.letter001);
    assert.equal(editor.document.languageId, 'imr-letter');
    assert.equal(documentFor(notes.document.uri)?.languageId, 'plaintext');
  });

  it('outlines letter 001: its three sections, its four items outcome first', async () => {
    const { document } = await openLetter(FIXTURES.letter001);
    const symbols =
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      )) ?? [];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    assert.deepEqual(
      symbols[2].children.map((item) => item.name),
      ITEMS_001.map((name) => `Upheld: ${name}`),
    );
    const xanax = symbols[2].children[2];
    assert.equal(xanax.selectionRange.start.line, lineOf(document, `${ITEMS_001[2]}: Upheld`));
    assert.ok(xanax.range.contains(xanax.selectionRange), 'the selection range lies inside the range');
  });

  it("hovers on the Xanax item's name with a summary of the item", async () => {
    const { document } = await openLetter(FIXTURES.letter001);
    const xanaxLine = lineOf(document, `${ITEMS_001[2]}: Upheld`);
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, xanaxLine, 'Xanax', 2),
      )) ?? [];
    const text = hoverText(hovers);
    // Read from letter 001: Upheld, the MAXIMUS guideline cites the MTUS Chronic Pain Treatment
    // Guidelines only, and the rationale ends "not medically necessary".
    assert.match(text, /^\*\*Upheld\*\*: Xanax 2mg, 1 twice a day as needed for 12 months\n/, text);
    assert.match(text, /Rationale concludes: not medically necessary, as decided/, text);
  });

  it('adds a note with IMR: Add Note: written through workspace.fs, read back, shown in the hover and exported', async () => {
    const notesDir = fixtureUri('.imr-letters');
    await vscode.workspace.fs.delete(notesDir, { recursive: true }).then(undefined, () => undefined);
    try {
      await api.notes.store.load();
      const { document } = await openLetter(FIXTURES.letter001);
      const xanaxLine = lineOf(document, `${ITEMS_001[2]}: Upheld`);
      const id = await vscode.commands.executeCommand<string>('imrLetters.addNote', {
        uri: document.uri.toString(),
        line: xanaxLine,
        text: 'Ask for the *refill* history',
        tags: ['appeal'],
      });
      assert.match(id ?? '', /^[0-9a-f]{16}$/);
      // Letter 001 states no case number: keyed by its path in the folder; the item by its name.
      const bytes = await vscode.workspace.fs.readFile(fixtureUri('.imr-letters/notes.json'));
      const file = JSON.parse(new TextDecoder().decode(bytes)) as {
        letters: Record<
          string,
          { items: Record<string, { name: string; tags: string[]; notes: { id: string; text: string }[] }> }
        >;
      };
      const items = Object.values(file.letters[`path:${FIXTURES.letter001}`]?.items ?? {});
      assert.deepEqual(
        items.map((i) => [i.name, i.tags, i.notes.map((n) => [n.id, n.text])]),
        [[ITEMS_001[2], ['appeal'], [[id, 'Ask for the *refill* history']]]],
      );
      let text = '';
      await until(
        [],
        () => {
          void vscode.commands
            .executeCommand<vscode.Hover[]>(
              'vscode.executeHoverProvider',
              document.uri,
              positionOf(document, xanaxLine, 'Xanax', 1),
            )
            .then((hovers) => (text = hoverText(hovers ?? [])));
          return /1 note/.test(text) ? text : undefined;
        },
        () => `the hover to show the note; it reads: ${text}`,
        { pollMs: 100 },
      );
      assert.match(text, /\*\*1 note\*\* · \\#appeal/, text);
      // Shown literally: the note's Markdown escaped.
      assert.match(text, /> Ask for the \\\*refill\\\* history/, text);
      // The export carries it: the server takes it from the notes file the client read, having no disk.
      const target = fixtureUri('web-export-notes.json');
      try {
        await vscode.commands.executeCommand('imrLetters.exportDecisions', target, 'json');
        const records = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as Array<{
          item: string;
          notes: string[];
          tags: string[];
        }>;
        assert.deepEqual(
          records.filter((r) => r.notes.length > 0).map((r) => [r.item, r.notes, r.tags]),
          [[ITEMS_001[2], ['Ask for the *refill* history'], ['appeal']]],
        );
      } finally {
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      }
    } finally {
      await vscode.workspace.fs.delete(notesDir, { recursive: true }).then(undefined, () => undefined);
      await api.notes.store.load();
    }
  });

  it('reports the malformed letter\u2019s problems, and a quick fix corrects the misspelt outcome', async () => {
    malformed = await openLetter(FIXTURES.malformed001);
    const { document } = malformed;
    const busparLine = lineOf(document, 'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld');
    const xanaxLine = lineOf(document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled');
    await waitForProblems(document.uri, [`missing-reviewer-guideline@${busparLine}`, `unknown-decision@${xanaxLine}`]);

    const typo = vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'unknown-decision');
    assert.ok(typo);
    assert.equal(document.getText(typo.range), 'Uphled');
    // Asked again until the fix comes: in one run of many the first answer was empty, as if the
    // problems VS Code passed were not those of the open document's version (not understood yet).
    let actions: vscode.CodeAction[] = [];
    const fix = await until(
      [],
      () => {
        void vscode.commands
          .executeCommand<vscode.CodeAction[] | undefined>(
            'vscode.executeCodeActionProvider',
            document.uri,
            typo.range,
            vscode.CodeActionKind.QuickFix.value,
          )
          .then((found) => (actions = found ?? []));
        return actions.find((a) => a.isPreferred && a.edit);
      },
      () => `a preferred quick fix (actions: ${actions.map((a) => a.title).join(' | ')})`,
      { pollMs: 200 },
    );
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(xanaxLine).text.trim(), 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld');
    await waitForProblems(document.uri, [`missing-reviewer-guideline@${busparLine}`]);
  });

  it('moves to the next item and counts the items in the status bar', async () => {
    const editor = await focus(await openLetter(FIXTURES.letter001));
    const decisionLines = ITEMS_001.map((name) => lineOf(editor.document, `${name}: Upheld`));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const message = await vscode.commands.executeCommand<string>('imrLetters.nextItem');
    assert.equal(message, 'Item 1 of 4');
    assert.equal(editor.selection.start.line, decisionLines[0]);
    const text = await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () => (/\b4 items\b/.test(api.statusBarText() ?? '') ? api.statusBarText() : undefined),
      () => `the status bar to count 4 items (it reads "${api.statusBarText()}")`,
      { pollMs: 50 },
    );
    assert.match(text, /\b4 upheld\b/);
  });

  it('checks all letters of the folder, open or not, the PDF among them', async () => {
    // As the editor suite's folder test counts them (9 letters; errors: the two "Uphled"; warnings:
    // malformed 001's missing reviewer guideline and malformed 004's contradiction), less the
    // "Uphled" of malformed 001, which the quick fix above corrected in its open editor.
    const check = await vscode.commands.executeCommand('imrLetters.checkAll');
    assert.deepEqual(check, { letters: 9, files: 9, errors: 1, warnings: 2, lettersWithProblems: 3 });
  });

  it('exports the decisions of every letter in the folder: the server hands the export to the client to write', async () => {
    const target = fixtureUri('web-export.json');
    try {
      const result = await vscode.commands.executeCommand('imrLetters.exportDecisions', target, 'json');
      // The workspace's 9 letters (the PDF among them) and their 20 disputed items, as the editor
      // suite's folder test counts them.
      assert.deepEqual(result, { items: 20, letters: 9, skipped: 0 });
      const records = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as Array<{
        outcome: string;
      }>;
      assert.equal(records.length, 20);
      // Malformed 004's "Overturned", which its rationale contradicts.
      assert.equal(records.filter((r) => r.outcome === 'Overturned').length, 1);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it("shows the decisions report over the folder's letters: the export's totals", async () => {
    const result = await vscode.commands.executeCommand<{
      report: { totals: { letters: number; items: number; upheld: number; overturned: number; unknown: number } };
    }>('imrLetters.showDecisionsReport');
    assert.ok(result, 'the command returns the report it shows');
    const t = result.report.totals;
    // The same 9 letters and 20 items as the export above: on disk 17 upheld, malformed 004's one
    // "Overturned" and two outcomes typed "Uphled" (the editor suite's decisions report test); the
    // quick fix test above corrected one "Uphled" in its open editor, and the report reads open
    // letters as they are in the editor: 18 upheld, 1 unknown.
    assert.deepEqual([t.letters, t.items, t.upheld, t.overturned, t.unknown], [9, 20, 18, 1, 1]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('lists the problems of a letter no editor opened: the client reads the folder for the server', async () => {
    const uri = fixtureUri(FIXTURES.neverOpenedMalformed);
    assert.equal(documentFor(uri), undefined, 'no test opens it');
    // "Uphled" on line 121 (0-based 120) of the letter.
    const found = await until(
      [vscode.languages.onDidChangeDiagnostics],
      () => (problemLines(uri).length > 0 ? problemLines(uri) : undefined),
      () => `problems of ${FIXTURES.neverOpenedMalformed}`,
      { limitMs: 30000 },
    );
    assert.deepEqual(found, ['unknown-decision@120']);
  });

  it('restarts the language server in a new Worker: the outline comes back', async () => {
    const { document } = await openLetter(FIXTURES.letter001);
    await vscode.commands.executeCommand('imrLetters.restartServer');
    let names: string[] = [];
    const items = await until(
      [],
      () => {
        void vscode.commands
          .executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)
          .then((symbols) => (names = (symbols?.[2]?.children ?? []).map((s) => s.name)));
        return names.length > 0 ? names : undefined;
      },
      () => 'the outline after the restart',
      { pollMs: 200 },
    );
    assert.deepEqual(
      items,
      ITEMS_001.map((name) => `Upheld: ${name}`),
    );
  });

  // Before any test opens the PDF: its entry comes from the folder, not from an editor's text.
  it("finds the items of the folder's PDF letter (read with pdf.js for the server) in Go to Symbol in Workspace", async () => {
    let symbols: vscode.SymbolInformation[] = [];
    const found = await until(
      [],
      () => {
        void vscode.commands
          .executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', 'shoulder')
          .then((list) => (symbols = list ?? []));
        const inPdf = symbols.filter((s) => s.location.uri.scheme === 'imr-pdf');
        return inPdf.length > 0 ? inPdf : undefined;
      },
      () => `the PDF letter's shoulder MRI (symbols: ${symbols.map((s) => s.name).join(' | ')})`,
      { pollMs: 200, limitMs: 30000 },
    );
    // CM16-0213037.pdf: "MRI of the right shoulder without contrast: Upheld".
    assert.deepEqual(
      found.map((s) => [s.location.uri.path.split('/').pop(), s.name.split(' \u00b7 ')[0]]),
      [['CM16-0213037 \u00b7 letter text', 'MRI of the right shoulder without contrast']],
    );
  });

  it('opens a PDF letter as text with pdf.js in a Worker, its two items in the outline', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'imrLetters.openPdfAsText',
      fixtureUri('CM16-0213037.pdf'),
    );
    assert.ok(editor, 'the command opened no editor');
    assert.equal(editor.document.uri.scheme, 'imr-pdf');
    // The letter's own words, read from its text layer (as the editor suite reads them in Node).
    assert.match(editor.document.getText(), /^Case Number: +CM16-0213037$/m);
    const items = await until(
      [],
      () => {
        void vscode.commands
          .executeCommand<vscode.DocumentSymbol[] | undefined>(
            'vscode.executeDocumentSymbolProvider',
            editor.document.uri,
          )
          .then((symbols) => (outline = symbols ?? []));
        const names = outline.flatMap((s) => [s, ...s.children]).map((s) => s.name);
        const found = names.filter((n) => / without contrast$/.test(n));
        return found.length > 0 ? found : undefined;
      },
      () => 'the PDF letter\u2019s outline',
      { pollMs: 100 },
    );
    assert.deepEqual(items, [
      'Upheld: MRI of the right shoulder without contrast',
      'Upheld: MRI of the cervical spine without contrast',
    ]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a PDF letter in the PDF view, its pages drawn and its text beside, as in desktop VS Code', async () => {
    const pdf = fixtureUri('CM16-0213037.pdf');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('vscode.open', pdf);
    const shown = await until(
      [api.pdfViews.onDidChange, vscode.window.onDidChangeVisibleTextEditors],
      () => {
        const view = api.pdfViews.stateOf(pdf);
        const text = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'imr-pdf');
        return view?.rendered.has(1) && text ? { view, text } : undefined;
      },
      () => `the PDF view's page 1 and the letter's text (view: ${JSON.stringify(api.pdfViews.stateOf(pdf))})`,
      // Under mocha's 20 s, so that a hang reads as what it waited for.
      { limitMs: 18000 },
    );
    assert.equal(shown.view.pages, 2);
    assert.ok(shown.text.document.uri.path.endsWith('/CM16-0213037 \u00b7 letter text'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
