// Diagnostics: the engine's findings with the user's severities, as LSP diagnostics.

import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Severity, severityFor, SeveritySettings } from '../engine/check';
import type { LetterContext } from './context';

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnostics(ctx: LetterContext, settings?: SeveritySettings): Diagnostic[] {
  if (!ctx.isLetter) return [];
  const out: Diagnostic[] = [];
  for (const f of ctx.findings()) {
    const severity = severityFor(f.code, settings);
    if (severity === 'off') continue;
    const d: Diagnostic = {
      range: ctx.range(f.range),
      severity: LSP_SEVERITY[severity],
      code: f.code,
      source: 'imr-letters',
      message: f.message,
      data: { letterIndex: f.letterIndex, itemIndex: f.itemIndex },
    };
    if (f.related)
      d.relatedInformation = [
        { location: { uri: ctx.uri, range: ctx.range(f.related.range) }, message: f.related.message },
      ];
    out.push(d);
  }
  return out;
}
