// The Debian tools the PDF tests use to make and read PDFs (poppler-utils, qpdf, img2pdf), and the
// real posted letters as PDFs. scripts/setup-test-tools.sh installs the tools.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makePdf } from './pdfMaker';

export const PDF_LETTERS = path.resolve(__dirname, '../../../test/fixtures/letters-pdf');

export function pdfLetterFiles(): string[] {
  return fs
    .readdirSync(PDF_LETTERS)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
}

/** Runs a tool, failing the test with a hint when it is not installed. */
export function tool(name: string, args: readonly string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${name} is not installed: run scripts/setup-test-tools.sh (poppler-utils, qpdf, img2pdf)`, {
        cause: e,
      });
    throw e;
  }
}

/** pdftotext's text of a PDF (poppler's default mode), as a user would get it today. */
export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The PDFs no text can come from, made from a real letter in `dir`, with the reason each must give. */
export function makeBadPdfs(dir: string, letter: string): Array<{ name: string; file: string; reason: RegExp }> {
  const bytes = fs.readFileSync(letter);
  const out: Array<{ name: string; file: string; reason: RegExp }> = [];
  const add = (name: string, reason: RegExp) => out.push({ name, file: path.join(dir, name), reason });

  fs.writeFileSync(path.join(dir, 'empty.pdf'), Buffer.alloc(0));
  add('empty.pdf', /^empty file$/);

  // A download cut off halfway.
  fs.writeFileSync(path.join(dir, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  add('truncated.pdf', /^truncated PDF: the end of the file is missing$/);

  // The header and the end marker of a PDF around bytes that are none.
  const junk = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)),
    Buffer.from('\n%%EOF\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'damaged.pdf'), junk);
  add('damaged.pdf', /^damaged PDF: /);

  // A valid PDF whose one page is blank.
  fs.writeFileSync(path.join(dir, 'blank.pdf'), makePdf([[]]));
  add('blank.pdf', /^no text layer; run OCR on it first$/);

  tool('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', letter, path.join(dir, 'encrypted.pdf')]);
  add('encrypted.pdf', /^encrypted: it needs a password to open$/);

  // A scan: the first page rendered to a picture, and the picture made a PDF with no text layer.
  tool('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', letter, path.join(dir, 'page')]);
  tool('img2pdf', [path.join(dir, 'page.png'), '-o', path.join(dir, 'scanned.pdf')]);
  add('scanned.pdf', /^no text layer; run OCR on it first$/);

  return out;
}
