// Bounds on the work one PDF may cause, so that a hostile or broken file ends in a message instead
// of a hang or a process out of memory. A posted letter is 2 to 10 pages and 30 to 90 KB.

export interface PdfLimits {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Pages read at most; a longer file is refused before any page is read. */
  maxPages: number;
  /** Characters of text at most, across pages. */
  maxChars: number;
  /** Wall-clock time for the whole file, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = {
  maxBytes: 64 * 1024 * 1024,
  maxPages: 2000,
  maxChars: 16 * 1024 * 1024,
  timeoutMs: 60_000,
};
