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
