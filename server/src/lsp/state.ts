// The language server's state in one object (as rust-analyzer's GlobalState): the connection, the
// open documents and their models, the workspace index, the settings, and the schedules of
// diagnostics. The handler modules (lsp/handlers/) read and change it; nothing else holds state.

import { Connection, Disposable, TextDocuments } from 'vscode-languageserver/node';
import { fileURLToPath } from 'url';
import { lazyDocuments } from '../documents/lazyDocument';
import { NOT_A_LETTER, summarize } from '../export/summary';
import { placeIn } from '../export/summarizeText';
import type { AppealOptions } from '../engine/appeal';
import { appealOptionsFrom } from '../features/appealSettings';
import { createContext, LetterContext } from '../features/context';
import { WorkspaceNotes } from '../features/workspaceNotes';
import { indexWorkspaceSymbols } from '../features/workspaceSymbols';
import { DEFAULT_LIMITS, Indexer, IndexLimits } from '../workspace/indexer';
import { LetterIndex } from '../workspace/letterIndex';
import type { ClientCapabilities } from './clientCapabilities';
import { SettingsSource } from './settings';

/** What changed since a held workspace/diagnostic request last looked: some files, or everything (settings). */
export interface ChangeCollector {
  uris: Set<string>;
  all: boolean;
  wake?: () => void;
}

/**
 * Once the user pauses, an open document's entry in the index follows its text. Not on the way to
 * its diagnostics: a summary reads every item's citations and reviewer (more than the parse on a
 * large export), and a workspace request that comes first catches up itself (indexOpenDocuments).
 */
const OPEN_DOCUMENT_INDEX_DELAY_MS = 1000;

export class ServerState {
  // Edits are recorded, not applied, until the text is read: see documents/lazyDocument.ts.
  readonly documents = new TextDocuments(lazyDocuments);
  /** The model of each open document, for the version it was parsed from. */
  readonly contexts = new Map<string, LetterContext>();
  readonly letterIndex = new LetterIndex();
  indexer: Indexer | undefined;
  client!: ClientCapabilities;
  readonly settings: SettingsSource;
  limits: IndexLimits = DEFAULT_LIMITS;
  /** The appeal window's options, of the whole workspace: a hover is answered at once, without asking for settings. */
  appealOptions: AppealOptions = appealOptionsFrom(undefined);
  /** The notes files the client read (imrLetters/notes), matched to open documents' letters. */
  readonly notes = new WorkspaceNotes();

  /** The workspace folders as URIs, and as file paths (walked when the client does not list files). */
  folderUris: string[] = [];
  folderPaths: string[] = [];
  /** The folder is still to be listed (by the client, or by the walker): until then the index is not complete. */
  listingPending = false;

  // Open documents' diagnostics (handlers/openDiagnostics.ts).
  /** Diagnostics waiting for typing to pause. */
  readonly pendingDiagnostics = new Map<string, Disposable>();
  /** Documents whose last published diagnostics were not empty: closing them clears what is shown. */
  readonly published = new Set<string>();
  /** When each open document last changed, to tell the first edit after a pause from a burst. */
  readonly lastChange = new Map<string, number>();

  // Open documents in the index.
  /** The version of each open document its index entry was made from. */
  readonly indexedVersions = new Map<string, number>();
  readonly pendingIndex = new Map<string, ReturnType<typeof setTimeout>>();

  // Problems of letters that are not open (handlers/workspaceDiagnostics.ts).
  /** Whether Check All Letters asked for every letter's problems whatever the scope setting says. */
  checkAllAsked = false;
  readonly pushedClosed = new Set<string>();
  readonly workspaceCollectors = new Set<ChangeCollector>();

  constructor(readonly connection: Connection) {
    this.settings = new SettingsSource(connection);
    indexWorkspaceSymbols(this.letterIndex);
  }

  setFolders(uris: readonly string[]): void {
    this.folderUris = uris.filter((u) => this.client.readsFiles || u.startsWith('file:'));
    this.folderPaths = this.folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** The model of a document's current version: parsed once per version, shared by every feature. */
  contextOf(uri: string): LetterContext | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.contexts.get(uri);
    if (cached && cached.version === doc.version) return cached;
    // After an edit, the letters it did not reach are taken from the last version's model.
    const ctx = createContext(uri, doc.version, doc.getText(), doc.languageId, cached);
    this.contexts.set(uri, ctx);
    return ctx;
  }

  /** Whether the folder is still being listed or read. */
  indexing(): boolean {
    return this.listingPending || (this.indexer?.busy ?? false);
  }

  /** Resolves once the folder is listed and every listed file read. */
  async indexSettled(): Promise<void> {
    while (this.indexing()) {
      await this.indexer?.idle;
      // Listing, or a build that starts as the last one ends: look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The index's entries, open documents' up to their current text. */
  indexedValues(): ReturnType<LetterIndex['values']> {
    this.indexOpenDocuments();
    return this.letterIndex.values();
  }

  /** Open documents whose entries are behind their text (edited since diagnostics last ran) catch up. */
  indexOpenDocuments(): void {
    for (const doc of this.documents.all())
      if (this.indexedVersions.get(doc.uri) !== doc.version) this.indexOpenDocument(this.contextOf(doc.uri));
  }

  scheduleOpenDocumentIndex(uri: string, version: number): void {
    clearTimeout(this.pendingIndex.get(uri));
    this.pendingIndex.set(
      uri,
      setTimeout(() => {
        this.pendingIndex.delete(uri);
        if (this.documents.get(uri)?.version === version && this.indexedVersions.get(uri) !== version)
          this.indexOpenDocument(this.contextOf(uri));
      }, OPEN_DOCUMENT_INDEX_DELAY_MS),
    );
  }

  /** An open document's entry in the index follows its text. */
  private indexOpenDocument(ctx: LetterContext | undefined): void {
    if (!ctx) return;
    this.indexedVersions.set(ctx.uri, ctx.version);
    if (ctx.isLetter)
      this.letterIndex.set(ctx.uri, summarize(ctx.model, ctx.findings(), placeIn(ctx.lines)), 0, 0, true);
    else if (this.indexer?.isListed(ctx.uri)) this.letterIndex.set(ctx.uri, NOT_A_LETTER, 0, 0, true);
    else this.letterIndex.delete(ctx.uri);
  }

  /** The settings of the whole workspace. */
  workspaceSettings() {
    return this.settings.workspace();
  }

  /** A document's settings (by its workspace folder). */
  settingsFor(uri: string) {
    return this.settings.forDocument(uri, this.folderUris);
  }
}
