// IMR: Show Decisions Report: a webview over the server's decisions report (server/src/report) of
// the folder's letters, or of the open letter's file when no folder is open. The page is the
// command line's HTML report in the theme's colours, under a policy that runs only its own nonce'd
// script; a click on an item's row opens the letter at the item's decision; the status and tag
// pickers at the top post the filter, and the report is drawn again, filtered. It follows the index.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DecisionsReportParams, DecisionsReportRequest, DecisionsReportResult } from '../../server/src/protocol';
import type { ReportHeading } from '../../server/src/report/heading';
import { renderHtml } from '../../server/src/report/html';
import { DEFAULT_STATUSES } from './notes/notesCommands';

/** Rows of the item table in the webview: more scroll slowly; the command-line report lists all. */
export const MAX_WEBVIEW_ROWS = 5000;
/** Index changes that come together (a folder being indexed) redraw the page once. */
const REFRESH_DELAY_MS = 500;
/** The panel's type: VS Code brings it back after a reload through the serializer registered for it. */
const VIEW_TYPE = 'imrLetters.decisionsReport';
/** No local resources: the page carries its stylesheet, charts and script inline. */
const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

/** What the page posts when a row is clicked. */
export interface OpenItemMessage {
  type: 'open';
  uri: string;
  line: number;
  character: number;
}

/** What the page posts when a picker changes: the status and tag picked (empty: All). */
export interface FilterMessage {
  type: 'filter';
  status: string;
  tag: string;
}

/** A status or tag is a few words: longer text from the page is not one. */
const MAX_FILTER_LENGTH = 200;

/** The filter's value from a command's argument or the page, blank or not a string: none. */
function filterValue(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && v.length <= MAX_FILTER_LENGTH ? v.trim() : undefined;
}

export class DecisionsReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private params: DecisionsReportParams = {};
  /** The status and tag the report is kept to: kept while the panel lives, hidden or shown. */
  private filter: { status?: string; tag?: string } = {};
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last report shown and its page (the editor tests read them). */
  last: DecisionsReportResult | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: () => Promise<void>,
    indexChanged: vscode.Event<void>,
  ) {
    this.subscriptions.push(
      indexChanged(() => this.scheduleRefresh()),
      vscode.commands.registerCommand('imrLetters.showDecisionsReport', (filter?: unknown) => this.show(filter)),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
      }),
    );
  }

  /**
   * The panel VS Code brings back after a window reload, with the page's last state (the pickers'
   * status and tag among it): drawn again over the folder, as the command would.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    // A report of one letter's file (no folder open) does not come back: which letter is not kept.
    if (this.panel || (vscode.workspace.workspaceFolders ?? []).length === 0) {
      panel.dispose();
      return;
    }
    const saved = (state ?? {}) as { status?: unknown; tag?: unknown };
    this.filter = { status: filterValue(saved.status), tag: filterValue(saved.tag) };
    this.params = {};
    panel.webview.options = WEBVIEW_OPTIONS;
    this.adopt(panel);
    await this.refresh();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.subscriptions);
    panel.onDidChangeViewState(() => this.stale && this.scheduleRefresh(), undefined, this.subscriptions);
    panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m), undefined, this.subscriptions);
  }

  /**
   * Opens (or brings forward) the report; undefined when there is nothing to report on. `filter`
   * (scripts, key bindings): `{ status, tag }` keeps the items of that letter status or tag;
   * without it an open panel keeps the filter its pickers have.
   */
  async show(filter?: unknown): Promise<DecisionsReportResult | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'imr-letter') {
        void vscode.window.showInformationMessage('IMR: open a folder of letters, or a letter, to see its decisions.');
        return undefined;
      }
      this.params = { uri: doc.uri.toString() };
    } else this.params = {};
    if (filter !== undefined || !this.panel) {
      const f = (filter ?? {}) as { status?: unknown; tag?: unknown };
      this.filter = { status: filterValue(f.status), tag: filterValue(f.tag) };
    }
    if (!this.panel)
      this.adopt(
        vscode.window.createWebviewPanel(VIEW_TYPE, 'Decisions Report', vscode.ViewColumn.Active, WEBVIEW_OPTIONS),
      );
    else this.panel.reveal();
    await this.refresh();
    return this.last;
  }

  /**
   * A message from the page: a row clicked opens its letter at the item's decision; a picker
   * changed draws the report again, filtered (resolved once drawn).
   */
  async receive(message: unknown): Promise<vscode.TextEditor | undefined> {
    const f = message as FilterMessage;
    if (f?.type === 'filter') {
      this.filter = { status: filterValue(f.status), tag: filterValue(f.tag) };
      await this.refresh();
      return undefined;
    }
    const m = message as OpenItemMessage;
    if (m?.type !== 'open' || typeof m.uri !== 'string' || !Number.isInteger(m.line)) return undefined;
    const at = new vscode.Position(Math.max(0, m.line), Math.max(0, Number(m.character) || 0));
    return vscode.window.showTextDocument(vscode.Uri.parse(m.uri), {
      selection: new vscode.Range(at, at),
      viewColumn: vscode.ViewColumn.Beside,
    });
  }

  /** Shows the report again soon (the index or the notes changed); later if it is hidden. */
  scheduleRefresh(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    await this.ready();
    const filter = this.filter;
    const result = await this.client.sendRequest<DecisionsReportResult>(DecisionsReportRequest, {
      ...this.params,
      ...(filter.status !== undefined ? { status: filter.status } : {}),
      ...(filter.tag !== undefined ? { tag: filter.tag } : {}),
      knownStatuses: knownStatuses(),
      maxItems: MAX_WEBVIEW_ROWS,
    } satisfies DecisionsReportParams);
    const panel = this.panel;
    if (!panel) return;
    this.stale = false;
    this.last = result;
    const nonce = newNonce();
    const title = result.indexing ? 'IMR decisions report (indexing\u2026)' : 'IMR decisions report';
    panel.webview.html = renderHtml(result.report, {
      title,
      heading: this.heading(),
      maxRows: MAX_WEBVIEW_ROWS,
      webview: { nonce, cspSource: panel.webview.cspSource },
      pickers: { choices: result.choices, status: filter.status, tag: filter.tag },
    });
  }

  /** What the report covers, as the page says under its title: the folders by name, or the letter's file. */
  private heading(): ReportHeading {
    const made = new Date();
    if (this.params.uri !== undefined)
      return { of: [vscode.workspace.asRelativePath(vscode.Uri.parse(this.params.uri))], folder: false, made };
    const folders = vscode.workspace.workspaceFolders ?? [];
    return { of: folders.map((f) => f.name), folder: folders.length === 1, made };
  }

  /** The page the panel shows (empty when it is closed). */
  get html(): string {
    return this.panel?.webview.html ?? '';
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** The statuses the user set (`imrLetters.notes.statuses`): the picker offers them before any is used. */
function knownStatuses(): string[] {
  const set = vscode.workspace.getConfiguration('imrLetters').get<unknown>('notes.statuses', DEFAULT_STATUSES);
  const list = Array.isArray(set) ? set.filter((s): s is string => typeof s === 'string') : [];
  // An empty list means the defaults, as IMR: Set Letter Status reads it.
  return list.length > 0 ? list : DEFAULT_STATUSES;
}

/** A policy nonce from the Web Crypto API, which both the Node and the browser extension hosts have. */
function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
