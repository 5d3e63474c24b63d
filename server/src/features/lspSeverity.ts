// The user's severity for a code as the LSP's: open letters' diagnostics and the index's summaries
// of closed ones go through this one map, so that both show a code the same way.

import { DiagnosticSeverity } from 'vscode-languageserver';
import { DiagnosticCode, Severity, severityFor, SeveritySettings } from '../engine/check';

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP severity of `code` with the severities in force; undefined when the user turned it off. */
export function lspSeverity(
  code: DiagnosticCode,
  settings: SeveritySettings | undefined,
): DiagnosticSeverity | undefined {
  const severity = severityFor(code, settings);
  return severity === 'off' ? undefined : LSP_SEVERITY[severity];
}
