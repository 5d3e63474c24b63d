// Why a PDF gave no letter text: one short reason a user can act on, shown after the file's name.
// Plain data, so that it crosses worker threads and the bundle boundary unchanged.

export type PdfProblemKind =
  | 'empty'
  | 'not-pdf'
  | 'truncated'
  | 'damaged'
  | 'encrypted'
  | 'no-text'
  | 'too-large'
  | 'too-many-pages'
  | 'too-much-text'
  | 'timeout';

export class PdfProblem extends Error {
  override readonly name = 'PdfProblem';
  constructor(
    readonly kind: PdfProblemKind,
    message: string,
  ) {
    super(message);
  }
}

export function isPdfProblem(e: unknown): e is PdfProblem {
  return e instanceof Error && e.name === 'PdfProblem' && typeof (e as PdfProblem).kind === 'string';
}

/** The message for a scanned PDF: the words the issue asks for. */
export const NO_TEXT_LAYER = 'no text layer; run OCR on it first';
