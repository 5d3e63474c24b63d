// Code actions: the engine's repairs (engine/fixes.ts) as LSP quick fixes for the diagnostics the
// client sends, a "Turn off this check" action per code (for a client that can run it), and one
// `source.fixAll.imr-letters` action that applies every unambiguous repair.
//
// A repair that leaves a placeholder to fill in comes as a snippet edit (LSP 3.18 SnippetTextEdit)
// to a client that takes them, so that the editor selects the placeholder, ready for typing.
//
// "Go to" repairs (the first occurrence of a duplicate, the rationale's conclusion) carry no edit:
// they are a command the server itself executes by asking the client to show the place
// (window/showDocument). They are offered only to clients that can do that.

import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Diagnostic,
  Range,
  ShowDocumentParams,
  ShowDocumentResult,
  SnippetTextEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { DiagnosticCode, Finding, isDiagnosticCode, severityFor, SeveritySettings } from '../engine/check';
import { Edit, Fix, fixAllResult, fixesFor } from '../engine/fixes';
import { inApplicationOrder } from '../engine/format';
import { FIX_ALL_KIND, FixAllData, TURN_OFF_CHECK_COMMAND } from '../protocol/codeActions';
import type { LetterContext } from './context';
import { diagnostics as toDiagnostics } from './diagnostics';

export { FIX_ALL_KIND };
export const CODE_ACTION_KINDS: string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];
/** Server-side command behind "go to" actions: arguments [uri, range]. */
export const REVEAL_COMMAND = 'imrLetters.revealRange';

export interface CodeActionOptions {
  /** The user's severities: a code set to `off` gets no fix, not even through Fix All. */
  severity?: SeveritySettings;
  /** The client can show a document at a range (window/showDocument): "go to" actions are offered. */
  canReveal?: boolean;
  /** The client takes versioned `documentChanges`: an edit made for an older version is refused, not misapplied. */
  versionedEdits?: boolean;
  /** The client takes snippet edits in workspace edits (`workspaceEdit.snippetEditSupport`, with `documentChanges`). */
  snippetEdits?: boolean;
  /** The client runs TURN_OFF_CHECK_COMMAND itself (it said so in `initializationOptions.clientCommands`). */
  turnOffCheck?: boolean;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function workspaceEdit(ctx: LetterContext, edits: readonly Edit[], versioned: boolean): WorkspaceEdit {
  // In the order they apply (see inApplicationOrder): clients apply edits at one place in array order.
  const textEdits = inApplicationOrder(edits).map((e) => TextEdit.replace(ctx.range(e.range), e.newText));
  if (versioned)
    return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits: textEdits }] };
  return { changes: { [ctx.uri]: textEdits } };
}

/** Text taken literally in a snippet: `$`, `}` and `\` escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The fix's edit as a snippet whose one tab stop is the placeholder, or undefined when it cannot be
 * one. VS Code indents every line of a snippet after the first like the line it is inserted on, so
 * an insertion on an indented line stays a plain edit (the letter's text must come out as the
 * engine wrote it).
 */
function snippetEdit(ctx: LetterContext, fix: Fix): SnippetTextEdit | undefined {
  const placeholder = fix.placeholder;
  if (placeholder === undefined || fix.edits.length !== 1) return undefined;
  const [edit] = fix.edits;
  const at = edit.newText.indexOf(placeholder);
  if (at < 0) return undefined;
  const text = ctx.model.text;
  let lineStart = edit.range.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  if (/^[ \t]/.test(text.slice(lineStart, edit.range.start))) return undefined;
  const value =
    snippetText(edit.newText.slice(0, at)) +
    '${1:' +
    snippetText(placeholder) +
    '}' +
    snippetText(edit.newText.slice(at + placeholder.length));
  return { range: ctx.range(edit.range), snippet: { kind: 'snippet', value } };
}

function fixEdit(ctx: LetterContext, fix: Fix, options: CodeActionOptions): WorkspaceEdit {
  const versioned = options.versionedEdits === true;
  const snippet = versioned && options.snippetEdits ? snippetEdit(ctx, fix) : undefined;
  if (!snippet) return workspaceEdit(ctx, fix.edits, versioned);
  return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits: [snippet] }] };
}

/** The findings behind the diagnostics the client sent (matched by code and range), or, when it sent none, the findings in the range. */
function findingsFor(
  ctx: LetterContext,
  params: CodeActionParams,
  options: CodeActionOptions,
): Array<{ finding: Finding; diagnostic: Diagnostic }> {
  const enabled = ctx.findings().filter((f) => severityFor(f.code, options.severity) !== 'off');
  const sent = params.context.diagnostics.filter((d) => d.source === 'imr-letters' && isDiagnosticCode(d.code));
  const out: Array<{ finding: Finding; diagnostic: Diagnostic }> = [];
  if (sent.length > 0) {
    for (const d of sent) {
      // A diagnostic from an older version finds no finding at its range: it gets no fix rather than a wrong one.
      const f = enabled.find((x) => x.code === (d.code as DiagnosticCode) && sameRange(ctx.range(x.range), d.range));
      if (f) out.push({ finding: f, diagnostic: d });
    }
    return out;
  }
  const all = toDiagnostics(ctx, options.severity);
  for (const f of enabled) {
    const range = ctx.range(f.range);
    if (!overlaps(range, params.range)) continue;
    const diagnostic = all.find((d) => d.code === f.code && sameRange(d.range, range));
    if (diagnostic) out.push({ finding: f, diagnostic });
  }
  return out;
}

export function codeActions(
  ctx: LetterContext,
  params: CodeActionParams,
  options: CodeActionOptions = {},
): CodeAction[] {
  if (!ctx.isLetter) return [];
  const only = params.context.only;
  const versioned = options.versionedEdits === true;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const found = findingsFor(ctx, params, options);
    for (const { finding, diagnostic } of found) {
      for (const fix of fixesFor(ctx.model, finding)) {
        if (fix.edits.length > 0) {
          const action: CodeAction = {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: fixEdit(ctx, fix, options),
          };
          if (fix.preferred) action.isPreferred = true;
          actions.push(action);
        } else if (fix.reveal && options.canReveal) {
          const range = ctx.range(fix.reveal);
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: fix.title, command: REVEAL_COMMAND, arguments: [ctx.uri, range] },
          });
        }
      }
    }
    if (options.turnOffCheck) actions.push(...turnOffActions(ctx, found));
  }
  // Fix All is asked for explicitly (`only`), e.g. by "Fix All" or `editor.codeActionsOnSave`.
  if (only && wants(only, FIX_ALL_KIND)) {
    const enabled = ctx.findings().filter((f) => severityFor(f.code, options.severity) !== 'off');
    const { edits, fixed } = fixAllResult(ctx.model, enabled);
    if (edits.length > 0) {
      const data: FixAllData = { fixed };
      actions.push({
        title: 'Fix all auto-fixable problems in the letter',
        kind: FIX_ALL_KIND,
        diagnostics: toDiagnostics(ctx, options.severity),
        edit: workspaceEdit(ctx, edits, versioned),
        data,
      });
    }
  }
  return actions;
}

/** One "Turn off this check" per code among the diagnostics, after the fixes, as ESLint offers its "Disable" actions. */
function turnOffActions(ctx: LetterContext, found: ReadonlyArray<{ finding: Finding; diagnostic: Diagnostic }>) {
  const seen = new Set<DiagnosticCode>();
  const out: CodeAction[] = [];
  for (const { finding, diagnostic } of found) {
    if (seen.has(finding.code)) continue;
    seen.add(finding.code);
    const title = `Turn off this check (${finding.code})`;
    out.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title, command: TURN_OFF_CHECK_COMMAND, arguments: [finding.code, ctx.uri] },
    });
  }
  return out;
}

/** Runs the "go to" command: asks the client to show the document with the range selected. */
export async function revealRange(
  showDocument: (params: ShowDocumentParams) => Promise<ShowDocumentResult>,
  args: unknown[] | undefined,
): Promise<boolean> {
  const [uri, range] = args ?? [];
  if (typeof uri !== 'string' || !isRange(range)) return false;
  const result = await showDocument({ uri, selection: range, takeFocus: true });
  return result?.success === true;
}

function isRange(r: unknown): r is Range {
  const p = (x: unknown) =>
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { line: unknown }).line === 'number' &&
    typeof (x as { character: unknown }).character === 'number';
  return typeof r === 'object' && r !== null && p((r as Range).start) && p((r as Range).end);
}
