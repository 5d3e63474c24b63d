// Letter text from PDF bytes with Mozilla's pdf.js (pdfjs-dist, legacy build for Node), run on the
// calling thread: its "worker" code is bundled with it and handed over as `globalThis.pdfjsWorker`,
// so no worker file is looked up and no thread is started. This file is the entry of its own
// bundle (dist/pdf.js), loaded only when a PDF is read (see load.ts).
//
// Only the text layer is read: nothing is rendered, so pdf.js's optional canvas package (a native
// addon) is never needed; the bundle build (scripts/bundle.mjs) keeps pdf.js from even looking for
// it. Every file is read within the limits of limits.ts.

import { restoreBuiltins, snapshotBuiltins } from './builtins';
import { installDomMatrix } from './domMatrix';
import { hasText, layoutPages, PageText, TextPiece } from './layout';
import { DEFAULT_PDF_LIMITS, PdfLimits } from './limits';
import { NO_TEXT_LAYER, PdfProblem } from './problems';

/** The part of pdf.js's API this reader uses (its own type declarations assume a browser). */
interface PdfJs {
  getDocument(src: Record<string, unknown>): LoadingTask;
}
interface LoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}
interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: Array<RawItem | { type: string }> }>;
  cleanup(): boolean;
}
interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfText {
  text: string;
  pages: number;
}

/**
 * Whether the first page's text may begin a letter. A reader given one stops after a first page it
 * rejects and returns that page's text alone: a folder of other PDFs then costs one page each.
 */
export type FirstPageTest = (firstPage: string) => boolean;

let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    installDomMatrix();
    const builtins = snapshotBuiltins();
    try {
      const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown as object;
      (globalThis as { pdfjsWorker?: object }).pdfjsWorker = worker;
      return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
    } finally {
      restoreBuiltins(builtins);
    }
  })();
  return pdfjs;
}

/** Loads pdf.js without reading a file: a pool worker starts it while its first batches are text. */
export async function preload(): Promise<void> {
  await loadPdfJs();
}

function isRawItem(item: RawItem | { type: string }): item is RawItem {
  return typeof (item as RawItem).str === 'string' && Array.isArray((item as RawItem).transform);
}

function toPiece(item: RawItem): TextPiece {
  const [a, b, c, d, e, f] = item.transform;
  return {
    str: item.str,
    x: e,
    y: f,
    width: item.width,
    // The vertical scale of the text matrix; a rotated run still gets a sensible size.
    size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
  };
}

/** Bytes as Latin-1 text, without Node's Buffer (this reader also runs in a browser's Worker). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** A PDF's trailer marker: a file cut short (a download that stopped) lacks it at its end. */
function endsLikePdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(-2048)).includes('%%EOF');
}

function startsLikePdf(bytes: Uint8Array): boolean {
  // The header may follow some junk; pdf.js and other readers look in the first kilobyte.
  return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** What pdf.js threw, as a reason a user can read. */
function problemOf(e: unknown): PdfProblem {
  const name = (e as { name?: string })?.name;
  const message = String((e as { message?: string })?.message ?? e);
  if (name === 'PasswordException') return new PdfProblem('encrypted', 'encrypted: it needs a password to open');
  if (name === 'InvalidPDFException') return new PdfProblem('damaged', `damaged PDF: ${message.replace(/\.$/, '')}`);
  return new PdfProblem('damaged', `damaged PDF: ${message.replace(/\.$/, '') || 'unreadable'}`);
}

/**
 * A turn of the event loop. pdf.js's steps are promises, which all run before any timer: with
 * Flate streams inflated in one call (scripts/bundle.mjs) a whole file can be read without one
 * turn, and the time limit's timer would never fire. One turn per page lets it.
 */
function nextTurn(): Promise<void> {
  // A browser's Worker (the web build reads PDFs with this module too) has no setImmediate.
  return new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
}

async function readPages(
  doc: PdfDocument,
  limits: PdfLimits,
  cancelled: () => boolean,
  firstPage?: FirstPageTest,
): Promise<PageText[]> {
  const pages: PageText[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    await nextTurn();
    if (cancelled()) break;
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const pieces: TextPiece[] = [];
    for (const item of content.items) {
      if (!isRawItem(item)) continue;
      chars += item.str.length;
      pieces.push(toPiece(item));
    }
    if (chars > limits.maxChars)
      throw new PdfProblem('too-much-text', `too much text: over ${limits.maxChars} characters`);
    const [, y0, , y1] = page.view;
    pages.push({ height: Math.abs(y1 - y0), pieces });
    page.cleanup();
    if (n === 1 && firstPage && doc.numPages > 1 && !firstPage(layoutPages(pages))) break;
  }
  return pages;
}

/** The letter text of a PDF; throws PdfProblem when the file cannot give any. */
export async function readPdfText(
  bytes: Uint8Array,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
  firstPage?: FirstPageTest,
): Promise<PdfText> {
  if (bytes.byteLength === 0) throw new PdfProblem('empty', 'empty file');
  if (bytes.byteLength > limits.maxBytes)
    throw new PdfProblem('too-large', `too large: ${bytes.byteLength} bytes, at most ${limits.maxBytes} are read`);
  if (!startsLikePdf(bytes)) throw new PdfProblem('not-pdf', 'not a PDF: no %PDF- header');
  if (!endsLikePdf(bytes)) throw new PdfProblem('truncated', 'truncated PDF: the end of the file is missing');

  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js takes the buffer over (it may detach it): give it its own copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: 0,
  });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new PdfProblem('timeout', `took too long: over ${Math.round(limits.timeoutMs / 1000)} s`));
    }, limits.timeoutMs);
  });
  try {
    const work = (async () => {
      let doc: PdfDocument;
      try {
        doc = await task.promise;
      } catch (e) {
        throw problemOf(e);
      }
      if (doc.numPages > limits.maxPages)
        throw new PdfProblem('too-many-pages', `too many pages: ${doc.numPages}, at most ${limits.maxPages} are read`);
      let pages: PageText[];
      try {
        pages = await readPages(doc, limits, () => timedOut, firstPage);
      } catch (e) {
        throw e instanceof PdfProblem ? e : problemOf(e);
      }
      if (doc.numPages === 0 || !hasText(pages)) throw new PdfProblem('no-text', NO_TEXT_LAYER);
      return { text: layoutPages(pages), pages: doc.numPages };
    })();
    // A rejection that loses the race must not surface as an unhandled one.
    work.catch(() => undefined);
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
