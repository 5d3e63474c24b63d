// Diagnostics: the engine's findings with the user's severities, as LSP diagnostics.

import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { DEFAULT_SEVERITIES, DiagnosticCode, Severity } from '../engine/check';
import type { LetterContext } from './context';

export type SeveritySettings = Partial<Record<string, unknown>>;

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity in force for a code: the user's setting when it is a known level, else the default. */
export function severityFor(code: DiagnosticCode, settings: SeveritySettings | undefined): Severity {
  const v = settings?.[code];
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (s === 'error' || s === 'warning' || s === 'information' || s === 'hint' || s === 'off') return s;
    if (s === 'info') return 'information';
  }
  return DEFAULT_SEVERITIES[code];
}

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
    if (f.related) d.relatedInformation = [{ location: { uri: ctx.uri, range: ctx.range(f.related.range) }, message: f.related.message }];
    out.push(d);
  }
  return out;
}
