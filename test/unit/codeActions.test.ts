// Code actions as the server builds them (features/codeActions.ts), on the malformed letters:
// placeholders as snippets for clients that take them, "Turn off this check" for the client that
// runs it, and the count Fix All carries.

import * as assert from 'assert';
import type { CodeAction, CodeActionParams, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, CodeActionOptions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { createContext, LetterContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { fixtureText, replaceOnce } from './helpers';

const URI = 'file:///letters/a.txt';

function contextOf(text: string): LetterContext {
  return createContext(URI, 3, text, 'imr-letter');
}

function quickFixes(ctx: LetterContext, options: CodeActionOptions): CodeAction[] {
  const sent = diagnostics(ctx);
  const params: CodeActionParams = {
    textDocument: { uri: URI },
    range: sent[0].range,
    context: { diagnostics: sent, only: ['quickfix'] },
  };
  return codeActions(ctx, params, options);
}

function onlyEdit(action: CodeAction): TextEdit | SnippetTextEdit {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.deepStrictEqual(change.textDocument, { uri: URI, version: 3 });
  assert.strictEqual(change.edits.length, 1);
  return change.edits[0];
}

/** The text a snippet inserts once the editor has replaced its tab stop by the placeholder text. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{1:((?:\\.|[^}\\])*)\}/, '$1').replace(/\\([$}\\])/g, '$1');
}

describe('code actions: placeholders as snippets', () => {
  const snippetClient: CodeActionOptions = { versionedEdits: true, snippetEdits: true };

  it('"Insert "MAXIMUS guideline:"" comes as a snippet whose one tab stop is the placeholder', () => {
    const text = fixtureText('malformed', 'missing-reviewer-guideline.txt');
    const ctx = contextOf(text);
    const [insert] = quickFixes(ctx, snippetClient);
    assert.strictEqual(insert.title, 'Insert "MAXIMUS guideline:"');
    const edit = onlyEdit(insert) as SnippetTextEdit;
    assert.strictEqual(edit.snippet.kind, 'snippet');
    assert.strictEqual(edit.snippet.value, '\n\n \n\nMAXIMUS guideline: ${1:[state the guideline source]}');
    // The same text as the plain edit a client without snippets gets.
    const [plain] = quickFixes(ctx, { versionedEdits: true });
    const plainEdit = onlyEdit(plain) as TextEdit;
    assert.strictEqual(expand(edit.snippet.value), plainEdit.newText);
    assert.deepStrictEqual(edit.range, plainEdit.range);
  });

  it('a fix without a placeholder stays a plain edit; so does one inserted on an indented line', () => {
    const typo = contextOf(fixtureText('malformed', 'unknown-outcome-typo.txt'));
    assert.ok('newText' in onlyEdit(quickFixes(typo, snippetClient)[0]));
    // The claims administrator guideline's last line indented: VS Code would indent the snippet's lines like it.
    const original = fixtureText('malformed', 'missing-reviewer-guideline.txt');
    // The Buspar item's (the last of the letter's lines that read so).
    const line = original.lastIndexOf('\nMTUS.  Decision based on Non-MTUS Citation OFFICIAL DISABILITY GUIDELINES');
    const text = original.slice(0, line + 1) + '  ' + original.slice(line + 1);
    const [insert] = quickFixes(contextOf(text), snippetClient);
    assert.strictEqual(insert.title, 'Insert "MAXIMUS guideline:"');
    assert.strictEqual(
      (onlyEdit(insert) as TextEdit).newText,
      '\n\n \n\nMAXIMUS guideline: [state the guideline source]',
    );
  });
});

describe('code actions: turn off this check', () => {
  it('one action per code among the diagnostics, after the fixes, for a client that runs the command', () => {
    const text = fixtureText('malformed', 'duplicate-item.txt');
    const ctx = contextOf(text);
    const actions = quickFixes(ctx, { turnOffCheck: true });
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Remove this duplicate item', 'Turn off this check (duplicate-item)'],
    );
    const off = actions[1];
    assert.strictEqual(off.kind, 'quickfix');
    assert.strictEqual(off.isPreferred, undefined);
    assert.strictEqual(off.edit, undefined);
    assert.deepStrictEqual(off.command, {
      title: 'Turn off this check (duplicate-item)',
      command: 'imrLetters.turnOffCheck',
      arguments: ['duplicate-item', URI],
    });
    assert.ok(!quickFixes(ctx, {}).some((a) => a.title.startsWith('Turn off')), 'not for other clients');
  });

  it('two problems of one code get one action', () => {
    let text = fixtureText('malformed', 'unknown-outcome-typo.txt');
    text = replaceOnce(text, 'for 12 months: Upheld', 'for 12 months: Uphold');
    const ctx = contextOf(text);
    assert.deepStrictEqual(
      diagnostics(ctx).map((d) => d.code),
      ['unknown-decision', 'unknown-decision'],
    );
    const sent = diagnostics(ctx);
    const actions = codeActions(
      ctx,
      { textDocument: { uri: URI }, range: sent[0].range, context: { diagnostics: sent } },
      { turnOffCheck: true },
    );
    assert.strictEqual(actions.filter((a) => a.title === 'Turn off this check (unknown-decision)').length, 1);
  });
});

describe('code actions: Fix All carries its count', () => {
  it('the duplicate removed and a typo corrected: fixed 2, and the edit gives letter 000 back', () => {
    const text = replaceOnce(fixtureText('malformed', 'duplicate-item.txt'), '6 MONTHS:  Upheld', '6 MONTHS:  Uphled');
    const ctx = contextOf(text);
    const [fixAll] = codeActions(
      ctx,
      {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } },
        context: { diagnostics: [], only: [FIX_ALL_KIND] },
      },
      {},
    );
    assert.strictEqual(fixAll.kind, FIX_ALL_KIND);
    assert.deepStrictEqual(fixAll.data, { fixed: 2 });
    const edits = fixAll.edit!.changes![URI];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'imr-letter', 3, text), edits);
    assert.strictEqual(fixed, fixtureText('letters', '000_ccd83326e20498fa.txt'));
  });
});
