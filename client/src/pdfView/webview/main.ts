// The PDF view's page (bundled by scripts/bundle.mjs as dist/pdfView.js; type-checked with the
// DOM's types by its own tsconfig.json): pdf.js's browser build draws each page on a canvas as the
// PDF was issued, a page when it comes near the view, again when the view's width changes. pdf.js runs on this page's thread (its worker code is bundled in and
// handed over as globalThis.pdfjsWorker): a webview loads no worker script from its resource
// origin, and letters are a few pages. Scrolls the user makes are reported (the text beside
// follows); scrolls the extension asks for are not, so the two never chase each other.

import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { FromPage, ToPage } from '../messages';

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): { page?: number } | undefined;
  setState(state: { page: number }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const scroller = document.getElementById('pages') as HTMLElement;
const noteBar = document.getElementById('note') as HTMLElement;
const failedBox = document.getElementById('failed') as HTMLElement;

interface Slot {
  n: number;
  el: HTMLDivElement;
  /** The page's size in PDF points. */
  width: number;
  height: number;
  /** The CSS width it was last drawn at; 0 when not drawn. */
  drawnAt: number;
  drawing: boolean;
  near: boolean;
}

let pdf: PDFDocumentProxy | undefined;
let slots: Slot[] = [];
/** The page last reported or asked for: a scroll that stays on it says nothing. */
let currentPage = vscode.getState()?.page ?? 1;
/** Whether the scrolls now happening are the user's (wheel, keys, pointer), not the extension's. */
let userScrolling = false;

function post(message: FromPage): void {
  vscode.postMessage(message);
}

function fail(message: string): void {
  failedBox.textContent = `This PDF cannot be shown.\n${message}`;
  failedBox.hidden = false;
  scroller.hidden = true;
  post({ type: 'failed', message });
}

async function loadPdfJs(): Promise<typeof import('pdfjs-dist')> {
  const worker = (await import('pdfjs-dist/build/pdf.worker.mjs')) as object;
  (globalThis as { pdfjsWorker?: object }).pdfjsWorker = worker;
  return import('pdfjs-dist');
}

async function open(bytes: Uint8Array): Promise<void> {
  const pdfjs = await loadPdfJs();
  await pdf?.destroy();
  try {
    pdf = await pdfjs.getDocument({
      data: bytes,
      isEvalSupported: false,
      enableXfa: false,
      useWasm: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    fail((e as Error)?.message ?? String(e));
    return;
  }
  post({ type: 'opened', pages: pdf.numPages });
  slots = [];
  scroller.replaceChildren();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const rotated = page.rotate % 180 !== 0;
    const width = Math.abs(rotated ? y1 - y0 : x1 - x0);
    const height = Math.abs(rotated ? x1 - x0 : y1 - y0);
    const el = document.createElement('div');
    el.className = 'page';
    el.style.aspectRatio = `${width} / ${height}`;
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', `Page ${n} of ${pdf.numPages}`);
    el.dataset.page = String(n);
    scroller.append(el);
    slots.push({ n, el, width, height, drawnAt: 0, drawing: false, near: false });
  }
  slots.forEach((s) => nearby.observe(s.el));
  if (currentPage > 1) scrollToPage(currentPage);
}

async function draw(slot: Slot): Promise<void> {
  const cssWidth = slot.el.clientWidth;
  if (!pdf || slot.drawing || cssWidth === 0 || slot.drawnAt === cssWidth) return;
  slot.drawing = true;
  try {
    const page = await pdf.getPage(slot.n);
    const scale = (cssWidth / slot.width) * (window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
    slot.el.replaceChildren(canvas);
    slot.drawnAt = cssWidth;
    post({ type: 'rendered', page: slot.n });
  } catch (e) {
    slot.el.textContent = `Page ${slot.n} cannot be drawn: ${(e as Error)?.message ?? String(e)}`;
  } finally {
    slot.drawing = false;
  }
  // The width changed while it was drawn: again at the new one.
  if (slot.near && slot.el.clientWidth !== slot.drawnAt) void draw(slot);
}

// Pages within a screen of the view are drawn; the rest wait.
const nearby = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      const slot = slots[Number((entry.target as HTMLElement).dataset.page) - 1];
      if (!slot) continue;
      slot.near = entry.isIntersecting;
      if (slot.near) void draw(slot);
    }
  },
  { root: scroller, rootMargin: '100% 0px' },
);

new ResizeObserver(() => {
  for (const slot of slots) if (slot.near) void draw(slot);
}).observe(scroller);

/** The page at the top third of the view. */
function pageInView(): number {
  const line = scroller.scrollTop + scroller.clientHeight / 3;
  let page = 1;
  for (const slot of slots) if (slot.el.offsetTop - scroller.offsetTop <= line) page = slot.n;
  return page;
}

function scrollToPage(page: number): void {
  const slot = slots[Math.min(Math.max(page, 1), slots.length) - 1];
  if (slot) scroller.scrollTop = slot.el.offsetTop - scroller.offsetTop - 12;
}

for (const input of ['wheel', 'keydown', 'pointerdown', 'touchstart'])
  scroller.addEventListener(input, () => (userScrolling = true), { passive: true });

scroller.addEventListener('scroll', () => {
  if (!userScrolling) return;
  const page = pageInView();
  if (page === currentPage) return;
  currentPage = page;
  vscode.setState({ page });
  post({ type: 'page', page });
});

window.addEventListener('message', (event: MessageEvent<ToPage>) => {
  const m = event.data;
  switch (m.type) {
    case 'load':
      document.title = m.name;
      void open(m.bytes);
      break;
    case 'showPage':
      userScrolling = m.asUser === true;
      if (!userScrolling) {
        currentPage = m.page;
        vscode.setState({ page: m.page });
      }
      scrollToPage(m.page);
      break;
    case 'note':
      noteBar.textContent = m.text;
      noteBar.hidden = false;
      break;
    case 'failed':
      fail(m.message);
      break;
  }
});

post({ type: 'ready' });
