// The PDF reader in VS Code for the Web: not there (its bundle is loaded with Node's require), so
// reading a PDF gives the reason instead of text, which the PDF commands show. Stands in for
// server/src/pdf/load.ts in the browser build.

import type { PdfReader } from '../pdf/load';
import { PdfProblem } from '../pdf/problems';
import { NOT_IN_THE_BROWSER } from './unavailable';

export type { PdfReader };

export function loadPdfReader(): PdfReader {
  throw new PdfProblem('damaged', `reading PDF letters is ${NOT_IN_THE_BROWSER}`);
}
