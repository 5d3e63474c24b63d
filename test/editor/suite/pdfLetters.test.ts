// A real posted PDF letter opened through "IMR: Open PDF Letter as Text": a read-only document of
// the extension's scheme named `CM16-0213037 · letter text`, in the letter language, with its items
// in the outline and the status bar; "IMR: Save as Text" writes the reader's text to a file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LETTER_LANGUAGE, activateExtension, fixtureUri, until, type ExtensionApi } from '../helpers';

const PDF_LETTER = 'CM16-0213037.pdf';

/** The outline, asked for again until the language server has the document (it may be opening still). */
async function outline(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    if (symbols && symbols.length > 0) return symbols;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no outline for ${document.uri.toString()}`);
}

function* walk(symbols: readonly vscode.DocumentSymbol[]): Generator<vscode.DocumentSymbol> {
  for (const symbol of symbols) {
    yield symbol;
    yield* walk(symbol.children);
  }
}

describe('PDF letters', () => {
  let api: ExtensionApi;
  let editor: vscode.TextEditor | undefined;
  before(async () => {
    api = await activateExtension();
  });

  it('opens a PDF letter as text through the command, with its items in the outline and the status bar', async () => {
    editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'imrLetters.openPdfAsText',
      fixtureUri(PDF_LETTER),
    );
    assert.ok(editor, 'the command opened no editor');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'imr-pdf');
    // The tab says what it is: the letter's text, named after its PDF.
    assert.ok(document.uri.path.endsWith('/CM16-0213037 \u00b7 letter text'), document.uri.path);
    assert.equal(document.languageId, LETTER_LANGUAGE);
    // The letter's own words, read from its text layer.
    assert.match(document.getText(), /^Case Number: +CM16-0213037$/m);

    const names = [...walk(await outline(document))].map((s) => `${s.name} ${s.detail}`);
    // The letter's two disputed items, as its decision lines read.
    const items = names.filter((n) => /without contrast/.test(n));
    assert.equal(items.length, 2, names.join('\n'));
    assert.match(items[0], /^Upheld: MRI of the right shoulder without contrast\b/);
    assert.match(items[1], /^Upheld: MRI of the cervical spine without contrast\b/);

    const status = await until(
      [vscode.window.onDidChangeActiveTextEditor, vscode.languages.onDidChangeDiagnostics],
      () => api.statusBarText(),
      () => 'the status bar on the PDF letter',
      { pollMs: 100 },
    );
    assert.match(status, /2 items: 2 upheld/);
  });

  it('keeps the document read-only: typing in it changes nothing', async () => {
    assert.ok(editor);
    const shown = await vscode.window.showTextDocument(editor.document);
    const before = shown.document.getText();
    shown.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('type', { text: 'typed ' });
    assert.equal(shown.document.getText(), before);
    assert.equal(shown.document.isDirty, false);
  });

  it('saves the text where asked', async () => {
    // A copy no earlier test opened: its text is opened in the letter language for the first time,
    // a switch VS Code reports as the document closed and opened again.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-pdf-'));
    try {
      const pdf = vscode.Uri.file(path.join(folder, PDF_LETTER));
      fs.copyFileSync(fixtureUri(PDF_LETTER).fsPath, pdf.fsPath);
      const opened = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
        'imrLetters.openPdfAsText',
        pdf,
      );
      assert.ok(opened, 'the command opened no editor');
      assert.equal(opened.document.languageId, LETTER_LANGUAGE);
      const target = vscode.Uri.file(path.join(folder, 'saved.txt'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        'imrLetters.saveAsText',
        opened.document.uri,
        target,
      );
      assert.equal(written?.toString(), target.toString());
      const text = fs.readFileSync(target.fsPath, 'utf8');
      // The reader's text, as `imr-letters text` writes it: the form feed before page 2's first line
      // ("The Final Determination was based on ...", as pdftotext reads page 2) is back.
      assert.equal(text.split('\f').length, 2);
      assert.match(text, /^\fThe Final Determination was based on decisions/m);
      assert.equal(text.replace(/\f/g, '\u00a0'), opened.document.getText());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
