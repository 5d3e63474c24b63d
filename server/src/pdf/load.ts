// The PDF reader is a bundle of its own (dist/pdf.js, pdf.js inside it): required the first time a
// PDF is read, so that a process that never meets a PDF (the language server on a .txt letter, the
// command-line tool on text files) never loads it. Both the bundles in dist/ and tsc's output in
// out/ load the same bundle, so tests run the code that ships, and pdf.js is never loaded from
// node_modules (where it would pick up its optional native canvas addon).

import * as fs from 'fs';
import * as path from 'path';
import type { PdfLimits } from './limits';
import { PdfProblem } from './problems';
import type { FirstPageTest, PdfText } from './reader';

export interface PdfReader {
  readPdfText(bytes: Uint8Array, limits?: PdfLimits, firstPage?: FirstPageTest): Promise<PdfText>;
  /** Loads pdf.js ahead of the first file (absent from a reader bundle built before it). */
  preload?(): Promise<void>;
}

/** Where dist/pdf.js is: beside this bundle, or at the package root seen from out/server/src/pdf/. */
function readerBundlePath(): string | undefined {
  const candidates = [path.join(__dirname, 'pdf.js'), path.join(__dirname, '..', '..', '..', '..', 'dist', 'pdf.js')];
  return candidates.find((file) => fs.existsSync(file) && file !== __filename);
}

let reader: PdfReader | undefined;

export function loadPdfReader(): PdfReader {
  if (reader) return reader;
  const file = readerBundlePath();
  if (!file)
    throw new PdfProblem(
      'damaged',
      'the PDF reader (dist/pdf.js) is missing from this installation; run `npm run build`',
    );
  // A computed path: the bundler leaves this require alone, so the reader stays out of this bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  reader = require(file) as PdfReader;
  return reader;
}
