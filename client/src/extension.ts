// The VS Code side of the extension: starts the language server, recognizes letters saved as
// plain text, and adds item navigation and a status bar summary. Every letter feature (outline,
// folding, hovers, diagnostics, fixes) comes from the server; this file only wires the editor.

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, State } from 'vscode-languageclient/node';
import { isLetter } from '../../server/src/engine/detect';
import { ItemsParams, ItemsRequestMethod, ItemsResult, NotesNotification } from '../../server/src/protocol';
import { Direction, moveMessage, moveToItem } from './itemNavigation';
import { LanguageSwitches, LETTER_LANGUAGE, PLAIN_TEXT } from './languageSwitches';
import { CLIENT_COMMANDS, registerProblemCommands } from './problemCommands';
import { registerPdfLetters } from './pdfLetters';
import type { PdfViews } from './pdfView/pdfEditor';
import { appealShown, countLetter, statusBarText, statusBarTooltip } from './statusText';
import { localToday } from '../../server/src/engine/calendar';
import { terminalCliPath } from './terminalCli';
import type { ClientCommandsOption } from '../../server/src/protocol';
import { WorkspaceInitOptions } from '../../server/src/protocol';
import { LettersView } from './lettersView';
import { DecisionsReportPanel } from './decisionsReport';
import { registerWorkspaceCommands } from './workspaceCommands';
import { NotesComments } from './notes/notesComments';
import { registerNotesCommands } from './notes/notesCommands';
import { registerDetachedCommands } from './notes/detachedCommands';
import { followRenames } from './notes/notesRenames';
import { NotesStore } from './notes/notesStore';
import { letterFileWatchers, WorkspaceFiles } from './workspaceFiles';
import { createLanguageClient, IN_BROWSER } from './node/platform';

/** What activate() returns: the editor tests read the status bar through it. */
export interface ImrLettersApi {
  /** The status bar text while it is shown (the active editor is a letter), else undefined. */
  statusBarText(): string | undefined;
  /** Resolves once the language client has started; rejects if the server could not start. */
  ready: Promise<void>;
  /** What new integrated terminals get in their environment from the extension (see terminalCli.ts). */
  terminalEnvironment(): vscode.EnvironmentVariableCollection;
  /** The Letters view (the editor tests read its groups). */
  letters: LettersView;
  /** IMR: Show Decisions Report's webview (the editor tests read its report and pass it a row's click). */
  decisionsReport: DecisionsReportPanel;
  /** The PDF views (the editor tests read what they show and scroll them). */
  pdfViews: PdfViews;
  /** The notes files and their comment threads (the editor tests read them). */
  notes: {
    store: NotesStore;
    comments: NotesComments;
    detached: ReturnType<typeof registerDetachedCommands>['api'];
  };
}

const DIAGNOSTIC_SOURCE = 'imr-letters';
/** Letters announce themselves in their first lines: a huge plain-text file is not read whole to decide. */
const DETECT_LIMIT = 256 * 1024;
/** Where a letter kept as plain text (detection off, or switched back by hand) can live. */
const PLAIN_TEXT_SCHEMES = ['file', 'untitled', 'vscode-vfs'];
/** Schemes of editor-internal documents (output panes, input boxes) that are never letters to switch. */
const INTERNAL_SCHEMES = new Set([
  'output',
  'vscode-scm',
  'comment',
  'debug',
  'vscode-terminal',
  'vscode-chat-code-block',
]);
const TYPING_PAUSE_MS = 300;
/** After a settings change, time for the server to have read the new settings. */
const SETTINGS_SETTLE_MS = 300;

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ImrLettersApi {
  const clientOptions: LanguageClientOptions = {
    // The server reads only the text VS Code sends it, so a letter is served whatever its scheme
    // (untitled, a virtual workspace, the old side of a git diff). Plain text is sent only from the
    // schemes a letter kept as plain text lives in: output panes and the like would stream every
    // change of text that is never a letter.
    documentSelector: [
      { language: LETTER_LANGUAGE },
      ...PLAIN_TEXT_SCHEMES.map((scheme) => ({ language: PLAIN_TEXT, scheme })),
    ],
    synchronize: {
      configurationSection: 'imrLetters',
      // Letter files created, changed or deleted on disk, and deleted folders: the server's workspace
      // index follows. PDFs too: the server leaves them out when imrLetters.workspace.includePdf is off.
      fileEvents: letterFileWatchers(),
    },
    initializationOptions: {
      clientCommands: CLIENT_COMMANDS,
      clientListsFiles: true,
      storageDir: context.storageUri?.scheme === 'file' && !IN_BROWSER ? context.storageUri.fsPath : undefined,
      // In VS Code for the Web the server has no disk: the client reads the files it lists.
      clientReadsFiles: IN_BROWSER,
    } satisfies WorkspaceInitOptions & ClientCommandsOption,
  };
  // A Node process, or a Worker in VS Code for the Web (client/src/node/platform.ts, browser/platform.ts).
  const languageClient = createLanguageClient(context, clientOptions);
  client = languageClient;
  const ready = languageClient.start();
  ready.catch((e: unknown) => languageClient.error('The IMR Letters language server did not start.', e, 'force'));

  // --- the folder of letters: file list for the server's index, the Letters view, commands -------
  const workspaceFiles = new WorkspaceFiles(languageClient);
  context.subscriptions.push(
    workspaceFiles,
    // At start and after a restart the server's index is new: list the files again.
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Running) workspaceFiles.schedule(0);
    }),
  );
  ready.then(
    () => workspaceFiles.schedule(0),
    () => undefined,
  );
  const letters = new LettersView(languageClient, ready);
  context.subscriptions.push(letters, ...registerWorkspaceCommands(languageClient, () => ready, letters));
  const decisionsReport = new DecisionsReportPanel(languageClient, () => ready, letters.indexChanged.event);
  context.subscriptions.push(decisionsReport);

  // --- notes: the client reads and writes the notes files, the server shows them -------------------
  const notesStore = new NotesStore((params) => {
    ready.then(
      () => languageClient.sendNotification(NotesNotification, params),
      () => undefined,
    );
  });
  const notesComments = new NotesComments(languageClient, ready, notesStore);
  const detachedNotes = registerDetachedCommands(languageClient, ready, notesStore, notesComments, letters);
  context.subscriptions.push(
    ...detachedNotes.disposables,
    followRenames(notesStore),
    // The Letters view shows each letter's status, tags and detached notes.
    notesStore.onDidChange(() => {
      letters.refresh();
      // The palette offers the commands on detached notes only while there are some.
      if (!letters.view.visible) void letters.detachedNotes();
    }),
    notesStore,
    notesComments,
    ...registerNotesCommands(notesStore, notesComments),
    // The report shows each item's status and tags.
    notesStore.onDidChange(() => decisionsReport.scheduleRefresh()),
    // A restarted server has no notes: send them again.
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Running) void notesStore.load();
    }),
  );

  const switches = new LanguageSwitches();
  const status = new LetterStatus(languageClient, ready);
  context.subscriptions.push(status);

  // --- recognizing letters saved as plain text -------------------------------------------------

  const detectIn = (doc: vscode.TextDocument): void => {
    const uri = doc.uri.toString();
    if (!switches.mayDetect(uri, doc.languageId) || INTERNAL_SCHEMES.has(doc.uri.scheme)) return;
    if (!vscode.workspace.getConfiguration('imrLetters', doc).get<boolean>('detect.plainText', true)) return;
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECT_LIMIT)));
    if (!isLetter(head)) return;
    switches.switching(uri);
    vscode.languages.setTextDocumentLanguage(doc, LETTER_LANGUAGE).then(undefined, () => switches.switchFailed(uri));
  };

  // An untitled document starts empty: a letter pasted into it is recognized once typing pauses.
  const untitledChecks = new Map<string, ReturnType<typeof setTimeout>>();
  context.subscriptions.push(new vscode.Disposable(() => untitledChecks.forEach((t) => clearTimeout(t))));

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      switches.onOpen(doc.uri.toString(), doc.languageId);
      detectIn(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      switches.onClose(doc.uri.toString(), doc.languageId);
      // A language change reopens the document synchronously; anything still closing after that closed for real.
      queueMicrotask(() => switches.settle());
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (doc.uri.scheme !== 'untitled' || doc.languageId !== PLAIN_TEXT || e.contentChanges.length === 0) return;
      const uri = doc.uri.toString();
      clearTimeout(untitledChecks.get(uri));
      untitledChecks.set(
        uri,
        setTimeout(() => {
          untitledChecks.delete(uri);
          if (!doc.isClosed) detectIn(doc);
        }, TYPING_PAUSE_MS),
      );
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('imrLetters.detect.plainText')) vscode.workspace.textDocuments.forEach(detectIn);
    }),
  );
  vscode.workspace.textDocuments.forEach(detectIn);

  // --- commands --------------------------------------------------------------------------------

  /** Moves to the next or previous item and says where it landed; the message is also the command's result. */
  const goToItem = async (direction: Direction): Promise<string | undefined> => {
    const editor = letterEditor();
    if (!editor) return undefined;
    const result = await requestItems(languageClient, ready, editor.document);
    if (!result) {
      void vscode.window.showWarningMessage(
        'The IMR Letters language server is not running: see the "IMR Letters" output.',
      );
      return undefined;
    }
    const move = result.isLetter ? moveToItem(result.items, editor.selection.active, direction) : undefined;
    if (!move) {
      void vscode.window.showInformationMessage('This document has no disputed items.');
      return undefined;
    }
    const start = move.item.decisionRange.start;
    const at = new vscode.Position(start.line, start.character);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const message = moveMessage(move, direction);
    navigationMessage?.dispose();
    navigationMessage = vscode.window.setStatusBarMessage(
      `$(arrow-${direction === 'next' ? 'down' : 'up'}) ${message}`,
      4000,
    );
    return message;
  };
  let navigationMessage: vscode.Disposable | undefined;
  context.subscriptions.push(new vscode.Disposable(() => navigationMessage?.dispose()));

  context.subscriptions.push(
    vscode.commands.registerCommand('imrLetters.nextItem', () => goToItem('next')),
    vscode.commands.registerCommand('imrLetters.previousItem', () => goToItem('previous')),
    vscode.commands.registerCommand('imrLetters.showOutline', () => vscode.commands.executeCommand('outline.focus')),
    ...registerProblemCommands(languageClient, ready),
  );

  terminalCliPath(context);
  const pdfViews = registerPdfLetters(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('imrLetters.terminal.addCliToPath')) terminalCliPath(context);
    }),
  );

  return {
    statusBarText: () => status.text(),
    ready,
    terminalEnvironment: () => context.environmentVariableCollection,
    letters,
    decisionsReport,
    pdfViews,
    notes: { store: notesStore, comments: notesComments, detached: detachedNotes.api },
  };
}

/**
 * The editor Next/Previous work in: the active editor, which stays active while the Outline or
 * another view has focus; else the one visible letter editor.
 */
function letterEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && (active.document.languageId === LETTER_LANGUAGE || active.document.languageId === PLAIN_TEXT))
    return active;
  const letters = vscode.window.visibleTextEditors.filter((e) => e.document.languageId === LETTER_LANGUAGE);
  return letters.length === 1 ? letters[0] : undefined;
}

export function deactivate(): Thenable<void> | undefined {
  const c = client;
  client = undefined;
  return c?.stop();
}

const NOT_A_LETTER: ItemsResult = { isLetter: false, letters: 0, items: [] };

/** The document's items from the server; undefined when the server cannot answer. */
async function requestItems(
  c: LanguageClient,
  ready: Promise<void>,
  doc: vscode.TextDocument,
): Promise<ItemsResult | undefined> {
  if (doc.languageId !== LETTER_LANGUAGE && doc.languageId !== PLAIN_TEXT) return NOT_A_LETTER;
  try {
    await ready;
    const params: ItemsParams = { uri: doc.uri.toString() };
    return (await c.sendRequest<ItemsResult | null>(ItemsRequestMethod, params)) ?? NOT_A_LETTER;
  } catch {
    // The server is not running (it failed to start, or the window is closing): nothing to show.
    return undefined;
  }
}

/** The status bar item: shown while the active editor holds a letter, summarizing its items and problems. */
class LetterStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('imrLetters.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown = false;
  /** Answers can arrive out of order: only the latest refresh may update the item. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.item.name = 'IMR Letter';
    this.item.command = 'imrLetters.showOutline';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // A language switch (detection, or by hand) reopens the document in the same editor.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.schedule(0);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0)
          this.schedule(TYPING_PAUSE_MS);
      }),
      // The server counts the appeal window with these settings: let it see them first.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('imrLetters.appeal')) this.schedule(SETTINGS_SETTLE_MS);
      }),
    );
    this.schedule(0);
  }

  text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || (doc.languageId !== LETTER_LANGUAGE && doc.languageId !== PLAIN_TEXT)) {
      this.hide();
      return;
    }
    const result = await requestItems(this.client, this.ready, doc);
    if (generation !== this.generation) return;
    if (!result?.isLetter) {
      this.hide();
      return;
    }
    const problems = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    const counts = countLetter(result, problems);
    const appeal = appealShown(result.appeals, localToday());
    this.item.text = statusBarText(counts, appeal.text);
    this.item.tooltip = statusBarTooltip(counts, appeal.tooltip);
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
