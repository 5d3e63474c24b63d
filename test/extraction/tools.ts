// The PDF text extractors users have, run on a real letter's PDF the way a user runs them, with
// their output cached in a temporary folder (keyed by the PDF's content and the tool) so that a
// second run of the tests extracts nothing.

import { execFile } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readLetterText } from '../../server/src/pdf/letterText';

export type Tool = 'pdftotext' | 'pdftotext-layout' | 'pdftotext-raw' | 'mutool' | 'pdfjs' | 'reader';

export const TOOLS: readonly Tool[] = ['pdftotext', 'pdftotext-layout', 'pdftotext-raw', 'mutool', 'pdfjs', 'reader'];

/** How each tool is run (shown in test titles and failure messages). */
export const COMMAND: Readonly<Record<Tool, string>> = {
  pdftotext: 'pdftotext',
  'pdftotext-layout': 'pdftotext -layout',
  'pdftotext-raw': 'pdftotext -raw',
  mutool: 'mutool draw -F txt',
  pdfjs: 'pdf.js getTextContent (items joined, a line break where an item ends a line)',
  reader: "the project's PDF reader (dist/pdf.js, as the command line and the editor read a PDF)",
};

/** Bump when the way a tool is run changes, so that the cache is not read for the old way. */
const CACHE_VERSION = 1;
const CACHE_DIR = path.join(os.tmpdir(), 'imr-letters-extraction');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new Error(
          missing
            ? `${command} is not installed: run scripts/setup-test-tools.sh`
            : `${command} ${args.join(' ')} failed: ${stderr || error.message}`,
          { cause: error },
        ),
      );
    });
  });
}

/** pdftotext and mutool write to a file; the text is read back from it. */
async function extractWithCommand(tool: Exclude<Tool, 'pdfjs' | 'reader'>, pdf: string, out: string): Promise<void> {
  switch (tool) {
    case 'pdftotext':
      return run('pdftotext', ['-enc', 'UTF-8', pdf, out]);
    case 'pdftotext-layout':
      return run('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, out]);
    case 'pdftotext-raw':
      return run('pdftotext', ['-enc', 'UTF-8', '-raw', pdf, out]);
    case 'mutool':
      return run('mutool', ['draw', '-q', '-F', 'txt', '-o', out, pdf]);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
let pdfjsModule: Promise<PdfJs> | undefined;

/**
 * What a user copies out of a browser's PDF viewer: pdf.js's text items joined as they come, a
 * line break where an item ends a line, one more after each page. The legacy build runs on Node
 * 20; text extraction needs no canvas.
 */
async function extractWithPdfJs(pdf: string): Promise<string> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await pdfjsModule;
  const data = new Uint8Array(fs.readFileSync(pdf));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      text += '\n';
    }
    return text;
  } finally {
    await doc.destroy();
  }
}

function cachePath(tool: Tool, pdf: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(pdf)).digest('hex').slice(0, 16);
  return path.join(CACHE_DIR, `v${CACHE_VERSION}`, tool, `${path.basename(pdf, '.pdf')}-${hash}.txt`);
}

/** The project's own reader, the code under test: never cached (npm run build first). */
async function readWithProjectReader(pdf: string): Promise<string> {
  const read = await readLetterText(pdf, () => ({ kind: 'binary' }));
  if (read.kind !== 'text') throw new Error(`${pdf}: ${read.kind === 'unreadable' ? read.error : read.kind}`);
  return read.text;
}

/** The text `tool` extracts from `pdf`, from the cache when it was extracted before. */
export async function extractText(tool: Tool, pdf: string): Promise<string> {
  if (tool === 'reader') return readWithProjectReader(pdf);
  const cached = cachePath(tool, pdf);
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  // Written under a temporary name and renamed: a run stopped midway leaves no half text behind.
  const partial = `${cached}.${process.pid}.partial`;
  if (tool === 'pdfjs') fs.writeFileSync(partial, await extractWithPdfJs(pdf), 'utf8');
  else await extractWithCommand(tool, pdf, partial);
  fs.renameSync(partial, cached);
  return fs.readFileSync(cached, 'utf8');
}

/** extractText for every PDF, two at a time (the tools are single-threaded). */
export async function extractAll(tool: Tool, pdfs: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < pdfs.length) {
      const pdf = pdfs[next++];
      texts.set(pdf, await extractText(tool, pdf));
    }
  };
  await Promise.all([worker(), worker()]);
  return texts;
}
