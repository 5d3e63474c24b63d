// Requests the extension's client sends to the language server beyond LSP itself.
// Plain types only, so the client bundle can import this file without pulling in the server.

/** `imrLetters/items`: the disputed items of a document, for navigation and the status bar. */
export const ItemsRequestMethod = 'imrLetters/items';

export interface ItemsParams {
  uri: string;
}

export interface ItemSummary {
  name: string;
  /** `upheld`, `overturned`, `unknown` or `missing`. */
  outcome: string;
  letterIndex: number;
  /** The decision line(s), LSP range (0-based line and UTF-16 character). */
  decisionRange: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ItemsResult {
  /** False when the document is plain text that is not a letter: the client shows nothing. */
  isLetter: boolean;
  letters: number;
  items: ItemSummary[];
}

/**
 * What the extension adds to the language server's environment. glibc's malloc raises its mmap
 * threshold to the size of the largest block it has freed (up to 32 MB): once the buffer of a
 * 10 MB document's message is freed, every smaller large block (line tables, line starts) comes
 * from the heap instead, and stays with the process after it is freed, 20 to 40 MB after a large
 * document closes. A threshold set in the environment stays fixed, so such blocks are mapped on
 * their own and given back to the system when freed. Other C libraries and systems ignore it.
 * Editors that start the server themselves can set the same (see the README).
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
