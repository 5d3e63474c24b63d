// Shared by the editor tests: opening fixtures of the workspace folder
// (test/fixtures/editor-workspace), waiting on editor events, reading hovers and diagnostic codes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'imr-letters.imr-letters';
export const LETTER_LANGUAGE = 'imr-letter';
export const DIAGNOSTIC_SOURCE = 'imr-letters';

/** What the extension's activate() returns (ImrLettersApi in client/src/extension.ts). */
export interface ExtensionApi {
  /** The status bar text while it is shown (the active editor is a letter), else undefined. */
  statusBarText(): string | undefined;
  /** Resolves once the language client has started. */
  ready: PromiseLike<void>;
  /** What new integrated terminals get in their environment from the extension. */
  terminalEnvironment(): vscode.EnvironmentVariableCollection;
  /** The Letters view (client/src/lettersView.ts). */
  letters: import('../../client/src/lettersView').LettersView;
  /** IMR: Show Decisions Report's webview (client/src/decisionsReport.ts). */
  decisionsReport: import('../../client/src/decisionsReport').DecisionsReportPanel;
  /** The PDF views (client/src/pdfView/pdfEditor.ts). */
  pdfViews: import('../../client/src/pdfView/pdfEditor').PdfViews;
  /** The notes files and their comment threads (client/src/notes/). */
  notes: {
    store: import('../../client/src/notes/notesStore').NotesStore;
    comments: import('../../client/src/notes/notesComments').NotesComments;
  };
}

export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api && typeof api.statusBarText === 'function', 'activate() returns no statusBarText()');
  assert.ok(api.ready && typeof api.ready.then === 'function', 'activate() returns no ready promise');
  await api.ready;
  return api;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder: the runner opens test/fixtures/editor-workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Waits until `check` returns something other than undefined, testing it now and after each of
 * `events` (and every `pollMs` when given, for state no event announces). The time limit only turns
 * a hang into a readable failure before mocha's own timeout; it asserts nothing about speed.
 */
export function until<T>(
  events: readonly vscode.Event<unknown>[],
  check: () => T | undefined,
  what: () => string,
  options: { limitMs?: number; pollMs?: number } = {},
): Promise<T> {
  const limitMs = options.limitMs ?? 15000;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      for (const subscription of subscriptions) subscription.dispose();
      for (const timer of timers) clearTimeout(timer);
      settle();
    };
    const test = () => {
      if (done) return;
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value !== undefined) finish(() => resolve(value as T));
    };
    for (const event of events) subscriptions.push(event(test));
    timers.push(
      setTimeout(() => finish(() => reject(new Error(`gave up after ${limitMs} ms waiting for ${what()}`))), limitMs),
    );
    if (options.pollMs) timers.push(setInterval(test, options.pollMs));
    test();
  });
}

/** Waits for the server's index to hold the whole folder: the view's summary stops saying "indexing". */
export async function indexed(api: ExtensionApi) {
  let last = '';
  return until(
    [],
    () => {
      void api.letters
        .groups()
        .then((r) => (last = r && !r.totals.indexing && r.totals.letters >= 9 ? JSON.stringify(r) : ''));
      return last ? (JSON.parse(last) as NonNullable<Awaited<ReturnType<typeof api.letters.groups>>>) : undefined;
    },
    () => 'the workspace index',
    { pollMs: 100, limitMs: 30000 },
  );
}

/** Opens a workspace file in an editor, as a user would, without waiting for anything else. */
export async function showFixture(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(fixtureUri(name), { preview: false });
}

/**
 * Opens a letter in an editor and waits for the extension to switch it from plaintext to the letter
 * language (setTextDocumentLanguage reopens the document: onDidOpenTextDocument with the new id).
 */
export async function openLetter(name: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(name);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await until(
    [vscode.workspace.onDidOpenTextDocument],
    () => (documentFor(uri)?.languageId === LETTER_LANGUAGE ? true : undefined),
    () => `${name} to switch to ${LETTER_LANGUAGE} (it is ${documentFor(uri)?.languageId})`,
  );
  assert.equal(editor.document.languageId, LETTER_LANGUAGE);
  return editor;
}

export function documentFor(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

/** Makes `editor`'s document the active editor again (tests share one window). */
export async function focus(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(editor.document, { preview: false, viewColumn: editor.viewColumn });
}

/** Discards in-memory edits to `editor`'s document, so later tests and runs see the fixture as on disk. */
export async function revert(editor: vscode.TextEditor | undefined): Promise<void> {
  if (!editor?.document.isDirty) return;
  await focus(editor);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(editor.document.isDirty, false, `could not revert ${editor.document.uri.path}`);
}

/** The words of a text, in order: what reformatting must keep. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

/** The 0-based index of the only line whose text, trimmed, equals `text`, searching from `fromLine`. */
export function lineOf(document: vscode.TextDocument, text: string, fromLine = 0): number {
  const found: number[] = [];
  for (let line = fromLine; line < document.lineCount; line++) {
    if (document.lineAt(line).text.trim() === text) found.push(line);
  }
  assert.equal(
    found.length,
    1,
    `expected exactly one line "${text}" from line ${fromLine} of ${document.uri.path}, found ${found.length}`,
  );
  return found[0];
}

/** The position of the first `word` on `line`, `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, line: number, word: string, offset = 0): vscode.Position {
  const character = document.lineAt(line).text.indexOf(word);
  assert.ok(character >= 0, `"${word}" is not on line ${line}: ${document.lineAt(line).text}`);
  return new vscode.Position(line, character + offset);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The extension's problems of a document as `code@line` (0-based), sorted. */
export function problemLines(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => `${codeOf(d)}@${d.range.start.line}`)
    .sort();
}

/** Waits until the extension's problems of a document are exactly `expected` (`code@line`, any order). */
export function waitForProblems(uri: vscode.Uri, expected: string[]): Promise<true> {
  const want = JSON.stringify([...expected].sort());
  return until(
    [vscode.languages.onDidChangeDiagnostics],
    () => (JSON.stringify(problemLines(uri)) === want ? true : undefined),
    () => `problems ${want} (there are ${JSON.stringify(problemLines(uri))})`,
  );
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  const parts: string[] = [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (typeof content === 'string') parts.push(content);
      else parts.push(content.value);
    }
  }
  return parts.join('\n');
}

/** Files of test/fixtures/editor-workspace. */
export const FIXTURES = {
  /** Four disputed items, all Upheld, double-spaced. */
  letter001: '001_95d645f4881bb0c4.txt',
  /** One item whose name holds a colon: `Refill of Xanax 1mg, QTY: 90:  Upheld`. */
  letter002: '002_5ad3443a4d2d1746.txt',
  /** Double-spaced, two items. */
  letter000: '000_ccd83326e20498fa.txt',
  /** One item whose outcome wrapped onto its own line. */
  letter004: '004_b9c7ee4c5df882e9.txt',
  /** Letter 001 with the Buspar item's `MAXIMUS guideline:` block removed and Xanax's outcome typed `Uphled`. */
  malformed001: 'malformed_001_missing_guideline_typo.txt',
  /** Letter 004 with its outcome (alone on the line after the item) changed to `Overturned`; the rationale still concludes "not medically necessary". */
  malformed004: 'malformed_004_outcome_contradicts_rationale.txt',
  /** A copy of letter 002 in a nested folder that no test opens: found on disk, not through an editor. */
  neverOpened002: 'archive/2014/002_never_opened.txt',
  /** Letter 001 with the Xanax outcome typed `Uphled` (test/fixtures/cli/malformed/001_outcome_typo.txt): no test opens it. */
  neverOpenedMalformed: 'archive/2014/malformed_never_opened.txt',
  /** Ordinary text that mentions "upheld" and "rationale" but is no letter. */
  notes: 'meeting-notes.txt',
  log: 'import-log.txt',
} as const;

/** The disputed items of letter 001 as its decision lines read (`<item>: Upheld`), in order. */
export const ITEMS_001 = [
  'Lexapro 20mg, 1 daily for 12 months',
  'Buspar 15mg, 1 three times a day as needed for 12 months',
  'Xanax 2mg, 1 twice a day as needed for 12 months',
  '12 Sessions of medication management with a psychiatrist',
] as const;
