// Requests about one open document: outline, folding, hover, code actions and commands, formatting,
// CodeLens, references and highlights, and the client's item list. Each reads the model of the
// document's current version (features/context.ts); a non-letter gets no answer.

import { CancellationToken, Range } from 'vscode-languageserver/node';
import { citationReferences, documentHighlights } from '../../features/citationReferences';
import { codeActions, revealRange, REVEAL_COMMAND } from '../../features/codeActions';
import { codeLenses } from '../../features/codeLens';
import type { LetterContext } from '../../features/context';
import { foldingRanges } from '../../features/folding';
import { formatDocument, formatRange } from '../../features/formatting';
import { hover } from '../../features/hover';
import { documentSymbols } from '../../features/symbols';
import { ItemsParams, ItemsRequestMethod, ItemsResult, NotesNotification, NotesParams } from '../../protocol';
import { localToday } from '../../engine/calendar';
import { fileNameOf } from '../../features/itemSearch';
import { letterItems } from '../../features/letterItems';
import type { ServerState } from '../state';

type Position = { line: number; character: number };

export function registerDocumentFeatures(state: ServerState): void {
  const { connection } = state;

  /** No answer for a non-letter; cancellation honoured. */
  function guarded<P, R>(empty: R, handler: (ctx: LetterContext, params: P, token: CancellationToken) => R) {
    return (params: P & { textDocument: { uri: string } }, token: CancellationToken): R => {
      if (token.isCancellationRequested) return empty;
      const ctx = state.contextOf(params.textDocument.uri);
      if (!ctx || !ctx.isLetter) return empty;
      return handler(ctx, params, token);
    };
  }

  connection.onDocumentSymbol(guarded([], (ctx) => documentSymbols(ctx)));
  connection.onFoldingRanges(guarded([], (ctx) => foldingRanges(ctx)));
  connection.onHover(
    guarded(null, (ctx, params: { position: Position }) =>
      hover(ctx, params.position, {
        appeal: { options: state.appealOptions, today: localToday() },
        notes: state.notes.viewsOf(ctx),
      }),
    ),
  );

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    if (!state.contextOf(uri)?.isLetter) return [];
    const settings = await state.settingsFor(uri);
    // The document may have changed while the settings came: answer for the version there is now.
    const ctx = state.contextOf(uri);
    if (!ctx || !ctx.isLetter || token.isCancellationRequested) return [];
    const client = state.client;
    return codeActions(ctx, params, {
      severity: settings.diagnostics?.severity,
      canReveal: client.canReveal,
      versionedEdits: client.versionedEdits,
      snippetEdits: client.snippetEdits,
      turnOffCheck: client.turnOffCheck,
    });
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command === REVEAL_COMMAND)
      await revealRange((p) => connection.window.showDocument(p), params.arguments);
  });
  connection.onDocumentFormatting(guarded([], (ctx) => formatDocument(ctx)));
  connection.onDocumentRangeFormatting(guarded([], (ctx, params: { range: Range }) => formatRange(ctx, params.range)));

  connection.onCodeLens(async (params, token) => {
    const uri = params.textDocument.uri;
    if (!state.contextOf(uri)?.isLetter) return [];
    const settings = await state.settingsFor(uri);
    const ctx = state.contextOf(uri);
    if (!ctx?.isLetter || token.isCancellationRequested || settings.codeLens?.enabled === false) return [];
    return codeLenses(ctx, undefined, state.notes.viewsOf(ctx));
  });
  connection.onReferences(
    guarded([], (ctx, params: { position: Position; context?: { includeDeclaration?: boolean } }) =>
      citationReferences(ctx, params.position, state.indexedValues(), params.context?.includeDeclaration !== false),
    ),
  );
  connection.onDocumentHighlight(
    guarded([], (ctx, params: { position: Position }) => documentHighlights(ctx, params.position)),
  );

  connection.onRequest(ItemsRequestMethod, (params: ItemsParams): ItemsResult => {
    const ctx = params && typeof params.uri === 'string' ? state.contextOf(params.uri) : undefined;
    if (!ctx || !ctx.isLetter) return { isLetter: false, letters: 0, items: [] };
    const relativePath =
      typeof params.relativePath === 'string'
        ? params.relativePath
        : (state.notes.placeOf(params.uri)?.relativePath ?? fileNameOf(params.uri));
    return letterItems(ctx, relativePath, state.appealOptions);
  });

  connection.onNotification(NotesNotification, (params: NotesParams) => {
    state.notes.set(params);
    if (state.client.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });
}
