// The messages between the PDF view's webview (webview/main.ts) and the extension (pdfEditor.ts).

/** From the extension to the page. */
export type ToPage =
  /** The PDF's bytes (sent when the page says it is ready, again after a reload). */
  | { type: 'load'; bytes: Uint8Array; name: string }
  /** Scroll to a page (1-based); `asUser` makes the page report it as a scroll of its user's (tests). */
  | { type: 'showPage'; page: number; asUser?: boolean }
  /** A line above the pages: why the PDF has no letter text (a scan, a damaged file). */
  | { type: 'note'; text: string }
  /** The file could not be read at all: the page says so instead of showing pages. */
  | { type: 'failed'; message: string };

/** From the page to the extension. */
export type FromPage =
  | { type: 'ready' }
  /** pdf.js opened the PDF. */
  | { type: 'opened'; pages: number }
  /** A page was drawn. */
  | { type: 'rendered'; page: number }
  /** The user scrolled: this page is now the one at the top of the view. */
  | { type: 'page'; page: number }
  /** pdf.js could not open the PDF; the page shows `message`. */
  | { type: 'failed'; message: string };
