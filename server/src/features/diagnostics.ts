// Diagnostics: the engine's findings with the user's severities, as LSP diagnostics. Each code links
// its documentation page (codeDescription), as ESLint's and markdownlint's do.

import { CodeDescription, Diagnostic } from 'vscode-languageserver';
import type { DiagnosticCode, SeveritySettings } from '../engine/check';
import { ruleDocUri } from '../node/ruleDocs';
import type { LetterContext } from './context';
import { lspSeverity } from './lspSeverity';

/** One shared object per code: a 10 MB export may carry thousands of diagnostics. */
const descriptions = new Map<string, CodeDescription | null>();

function codeDescription(code: DiagnosticCode): CodeDescription | undefined {
  let found = descriptions.get(code);
  if (found === undefined) {
    const href = ruleDocUri(code);
    found = href === undefined ? null : { href };
    descriptions.set(code, found);
  }
  return found ?? undefined;
}

export function diagnostics(ctx: LetterContext, settings?: SeveritySettings): Diagnostic[] {
  if (!ctx.isLetter) return [];
  const out: Diagnostic[] = [];
  for (const f of ctx.findings()) {
    const severity = lspSeverity(f.code, settings);
    if (severity === undefined) continue;
    const d: Diagnostic = {
      range: ctx.range(f.range),
      severity,
      code: f.code,
      source: 'imr-letters',
      message: f.message,
      data: { letterIndex: f.letterIndex, itemIndex: f.itemIndex },
    };
    const description = codeDescription(f.code);
    if (description) d.codeDescription = description;
    if (f.related)
      d.relatedInformation = [
        { location: { uri: ctx.uri, range: ctx.range(f.related.range) }, message: f.related.message },
      ];
    out.push(d);
  }
  return out;
}
