// The PDF view: VS Code's default editor for *.pdf (package.json, contributes.customEditors), so a
// PDF clicked in the Explorer shows its pages instead of the binary-file page. Its webview draws
// the pages with pdf.js (webview/main.ts, bundled as dist/pdfView.js); the extension reads the
// PDF's text meanwhile and, for a letter, opens that text beside the pages and keeps the two in
// step: a selection moved in the text (an Outline or Letters view item, a click) scrolls the PDF to
// its page; a page the user scrolls to is revealed in the text, at the page's first line.

import * as vscode from 'vscode';
import { pageAt } from './letterText';
import type { FromPage, ToPage } from './messages';
import { fileName, openPdfText, pdfTextUri, PdfLetterText, PdfTexts, PDF_TEXT_SCHEME } from './pdfTexts';

/** What one PDF view shows (the editor tests read it). */
export interface PdfViewState {
  readonly pdf: vscode.Uri;
  /** How many pages pdf.js found, once it opened the PDF. */
  pages?: number;
  /** The pages drawn so far (1-based). */
  readonly rendered: Set<number>;
  /** The page at the top of the view, as either side last moved it. */
  page: number;
  /** Why the page shows no PDF (pdf.js or the file system could not open it). */
  failed?: string;
  /** The letter's text document, for a PDF that holds a letter. */
  text?: vscode.Uri;
  /** Whether the PDF's text was read (a letter or not). */
  textRead: boolean;
  /** The line above the pages: why the PDF gives no letter text. */
  note?: string;
}

class PdfView implements vscode.Disposable {
  readonly state: PdfViewState;
  private letter?: PdfLetterText;
  private bytes?: Uint8Array;
  private unreadable?: string;
  private ready = false;
  private closed = false;
  private pageRan!: () => void;
  /** Settles when the page's script first runs, or the view closes first. */
  private readonly pageRuns = new Promise<void>((resolve) => (this.pageRan = resolve));
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    pdf: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly texts: PdfTexts,
    private readonly changed: () => void,
  ) {
    this.state = { pdf, rendered: new Set(), page: 1, textRead: false };
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    panel.webview.html = pageHtml(panel.webview, vscode.Uri.joinPath(dist, 'pdfView.js'), fileName(pdf));
    this.subscriptions.push(panel.webview.onDidReceiveMessage((m: FromPage) => this.receive(m)));
  }

  /** Reads the PDF for the page, then its text; for a letter, opens the text beside the pages. */
  async load(): Promise<void> {
    try {
      this.bytes = await vscode.workspace.fs.readFile(this.state.pdf);
    } catch (e) {
      this.unreadable = `The file cannot be read: ${(e as Error)?.message ?? String(e)}`;
    }
    this.sendPdf();
    if (!this.bytes) return;
    const read = await this.texts.read(this.state.pdf, this.bytes);
    this.state.textRead = true;
    if ('error' in read) {
      // A scan or a damaged file: the pages say why there is no text (pdf.js may still draw a scan).
      this.state.note = `No letter text: ${read.error}.`;
      this.post({ type: 'note', text: this.state.note });
    } else if (read.letter) {
      this.letter = read;
      this.state.text = pdfTextUri(this.state.pdf);
      // Whether the PDF is the active editor is known for sure only once VS Code has shown it: a
      // text read from the cache can come first. A page that runs was shown, so wait for it.
      await this.pageRuns;
      if (this.closed) return;
      await this.showText();
    } else {
      // No letter: only shown. Its text is kept only for a document open already.
      const uri = pdfTextUri(this.state.pdf).toString();
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri))
        this.texts.forget(pdfTextUri(this.state.pdf));
    }
    this.changed();
  }

  /**
   * Opens the letter's text beside the pages, unless an editor shows it already. It takes the focus
   * when the PDF is the active editor (just opened): the Outline then lists the letter's items, and
   * an item chosen there or in the Letters view opens in the text's group, not over the pages.
   */
  async showText(): Promise<void> {
    const text = this.state.text?.toString();
    if (!text || vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === text)) return;
    const preserveFocus = !this.panel.active;
    await openPdfText(this.state.pdf, { viewColumn: vscode.ViewColumn.Beside, preserveFocus, preview: true });
  }

  /** The text's selection moved (an item chosen, a click): the PDF shows that page. */
  selectionMoved(editor: vscode.TextEditor): void {
    if (!this.letter) return;
    const page = pageAt(this.letter.pageStarts, editor.document.offsetAt(editor.selection.active));
    if (page === this.state.page) return;
    this.state.page = page;
    this.post({ type: 'showPage', page });
    this.changed();
  }

  /** Scrolls the PDF as its user would (the editor tests): the page then reports where it is. */
  scrollAsUser(page: number): void {
    this.post({ type: 'showPage', page, asUser: true });
  }

  private receive(m: FromPage): void {
    switch (m.type) {
      case 'ready':
        // The first load, or the page reloaded after its tab was hidden.
        this.ready = true;
        this.pageRan();
        this.state.rendered.clear();
        this.sendPdf();
        if (this.state.note) this.post({ type: 'note', text: this.state.note });
        // A selection moved while the tab was hidden: the page it asked for.
        if (this.state.page > 1) this.post({ type: 'showPage', page: this.state.page });
        break;
      case 'opened':
        this.state.pages = m.pages;
        break;
      case 'rendered':
        this.state.rendered.add(m.page);
        break;
      case 'failed':
        this.state.failed = m.message;
        break;
      case 'page':
        this.state.page = m.page;
        this.revealPage(m.page);
        break;
    }
    this.changed();
  }

  /** The page's first line at the top of every editor showing the letter's text. */
  private revealPage(page: number): void {
    const text = this.state.text?.toString();
    const start = this.letter?.pageStarts[page - 1];
    if (!text || start === undefined) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== text) continue;
      const at = editor.document.positionAt(start);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    }
  }

  private sendPdf(): void {
    if (!this.ready) return;
    // A plain Uint8Array: VS Code sends its buffer as it is, where a Node Buffer (what readFile gives
    // in Node) would go through its toJSON and reach the page as a list of numbers.
    if (this.bytes) this.post({ type: 'load', bytes: new Uint8Array(this.bytes), name: fileName(this.state.pdf) });
    else if (this.unreadable) {
      this.state.failed = this.unreadable;
      this.post({ type: 'failed', message: this.unreadable });
    }
  }

  private post(message: ToPage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.closed = true;
    this.pageRan();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** The PDF views, one per editor tab showing a PDF. */
export class PdfViews implements vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  static readonly viewType = 'imrLetters.pdf';
  private readonly views = new Set<PdfView>();
  private readonly changes = new vscode.EventEmitter<void>();
  /** Fires when a view's state changes (pages opened or drawn, text opened, page scrolled). */
  readonly onDidChange = this.changes.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changes];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly texts: PdfTexts,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const uri = e.textEditor.document.uri.toString();
        for (const view of this.views) if (view.state.text?.toString() === uri) view.selectionMoved(e.textEditor);
      }),
    );
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const view = new PdfView(document.uri, panel, this.extensionUri, this.texts, () => this.changes.fire());
    this.views.add(view);
    panel.onDidDispose(() => {
      this.views.delete(view);
      view.dispose();
    });
    // Not awaited: VS Code shows the page while the PDF is read.
    view.load().catch((e: unknown) => console.error('PDF view:', e));
  }

  private viewOf(pdf: vscode.Uri): PdfView | undefined {
    const key = pdf.toString();
    for (const view of this.views) if (view.state.pdf.toString() === key) return view;
    return undefined;
  }

  /** What the PDF's view shows, if one is open. */
  stateOf(pdf: vscode.Uri): PdfViewState | undefined {
    return this.viewOf(pdf)?.state;
  }

  /** Whether a PDF view of this PDF is the active editor. */
  isShown(pdf: vscode.Uri): boolean {
    return this.viewOf(pdf)?.panel.active ?? false;
  }

  /**
   * PDFs VS Code showed as binary files because they were opened before it had read this
   * extension's editors (a click in a window's first moment, a restored tab): shown in the PDF view
   * instead, in their place. Run at activation; returns how many moved.
   */
  async reopenBinaryTabs(): Promise<number> {
    const binaryTabs = () =>
      vscode.window.tabGroups.all.flatMap((group) =>
        group.tabs.filter(
          (tab) =>
            tab.input instanceof vscode.TabInputText &&
            tab.input.uri.scheme !== PDF_TEXT_SCHEME &&
            /\.pdf$/i.test(tab.input.uri.path),
        ),
      );
    const found = binaryTabs().map((tab) => ({
      uri: (tab.input as vscode.TabInputText).uri,
      viewColumn: tab.group.viewColumn,
      preserveFocus: !(tab.group.isActive && tab.isActive),
      preview: tab.isPreview,
    }));
    for (const { uri, ...options } of found) {
      await vscode.commands.executeCommand('vscode.openWith', uri, PdfViews.viewType, options);
      // Tab objects are replaced as tabs change: the binary page's, looked up again.
      const left = binaryTabs().filter((tab) => (tab.input as vscode.TabInputText).uri.toString() === uri.toString());
      await vscode.window.tabGroups.close(left).then(undefined, () => undefined);
    }
    return found.length;
  }

  /** Scrolls a PDF's view to a page as its user would (for the editor tests). */
  scrollAsUser(pdf: vscode.Uri, page: number): void {
    this.viewOf(pdf)?.scrollAsUser(page);
  }

  dispose(): void {
    for (const view of this.views) view.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The webview's page: pdf.js's drawing script under a policy that runs only it. */
function pageHtml(webview: vscode.Webview, script: vscode.Uri, name: string): string {
  const nonce = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  const policy = [
    "default-src 'none'",
    `img-src ${webview.cspSource} blob: data:`,
    `font-src ${webview.cspSource} data:`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(name)}</title>
<style nonce="${nonce}">${PAGE_CSS}</style>
</head>
<body>
<div id="note" role="status" hidden></div>
<div id="failed" role="alert" hidden></div>
<main id="pages" tabindex="0" aria-label="${escapeHtml(name)}"></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}

// Paper on the editor's background; a border where the theme asks for contrast.
const PAGE_CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { display: flex; flex-direction: column; background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
#note { padding: 4px 12px; background: var(--vscode-editorWidget-background); border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); color: var(--vscode-descriptionForeground); }
#failed { margin: 24px auto; max-width: 40em; padding: 12px 16px; border-left: 3px solid var(--vscode-editorError-foreground); background: var(--vscode-editorWidget-background); white-space: pre-wrap; }
#pages { flex: 1; overflow: auto; padding: 12px 0; outline: none; }
#pages:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.page { position: relative; margin: 0 auto 12px; width: calc(100% - 24px); max-width: 1000px; background: #fff; box-shadow: 0 1px 4px var(--vscode-widget-shadow, rgba(0,0,0,.3)); outline: 1px solid var(--vscode-contrastBorder, transparent); }
.page canvas { display: block; width: 100%; height: 100%; }
`;
