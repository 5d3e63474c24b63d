// The open documents' texts for TextDocuments (server.ts): vscode-languageserver-textdocument
// applies every change at once, and each change to a 10 MB export copies 10 MB; here a change only
// records itself in a piece table (pieceText.ts) and the text is joined when it is first read.
//
// The rule this imposes: what runs on every change (documents.onDidChangeContent) reads `length`,
// `version` and `languageId` only, never the text; the model is built for the version a request or
// the debounced diagnostics ask for (server.ts `contextOf`).

import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from './pieceText';

export class LazyTextDocument implements TextDocument {
  private readonly content: PieceText;
  private currentVersion: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    // A malformed didOpen without text opens an empty document rather than one whose text is not a string.
    this.content = new PieceText(typeof text === 'string' ? text : '');
    this.currentVersion = version;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text's length in UTF-16 code units, known without joining the pieces. */
  get length(): number {
    return this.content.length;
  }

  get lineCount(): number {
    return this.content.lineCount;
  }

  /** How many times edits were joined into one string (tests read it). */
  get joins(): number {
    return this.content.joins;
  }

  getText(range?: Range): string {
    const text = this.content.text();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  offsetAt(position: Position): number {
    return this.content.offsetAt(position);
  }

  positionAt(offset: number): Position {
    return this.content.positionAt(offset);
  }

  getLineRange(line: number): Range {
    const last = this.content.lineCount - 1;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // Past the last line: the rest of the text after the last line's start.
    const { start, contentEnd } = this.content.line(Math.min(line, last));
    const end = line > last ? this.content.length : contentEnd;
    return {
      start: { line: Math.min(line, last), character: 0 },
      end: { line: Math.min(line, last), character: end - start },
    };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.content.lineCount) return '';
    const { contentEnd, end } = this.content.line(line);
    return this.content.slice(contentEnd, end);
  }

  /**
   * LSP incremental sync: each change's range is read against the text the changes before it in
   * the same notification left.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (typeof change?.text !== 'string') throw new Error('textDocument/didChange: a change without text');
      if (!('range' in change) || change.range === undefined) {
        this.content.setText(change.text);
        continue;
      }
      const range = change.range;
      if (!isPosition(range?.start) || !isPosition(range?.end))
        throw new Error('textDocument/didChange: a change whose range is not two positions');
      // As vscode-languageserver-textdocument: a range given end first is read start first.
      const [from, to] = before(range.end, range.start) ? [range.end, range.start] : [range.start, range.end];
      this.content.replace(this.offsetAt(from), this.offsetAt(to), change.text);
    }
    this.currentVersion = version;
  }
}

function isPosition(p: Position | undefined): p is Position {
  return p !== null && typeof p === 'object' && Number.isFinite(p.line) && Number.isFinite(p.character);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** TextDocuments' configuration: documents are LazyTextDocuments, changed in place. */
export const lazyDocuments: TextDocumentsConfiguration<LazyTextDocument> = {
  create: (uri, languageId, version, text) => new LazyTextDocument(uri, languageId, version, text),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
