// The checks behind the diagnostics: every rule of rules/index.ts run over every letter and item.
// What each rule finds, and how to repair it, lives in its own record (rules/<code>.ts); this file
// is the loop and the user's severities. The language server and the command-line tool turn
// findings into diagnostics and report lines.

import type { LetterDocument } from './model';
import { DEFAULT_SEVERITIES, DiagnosticCode, RULES } from './rules/index';
import { PlaceholderIndex } from './rules/placeholders';
import type { CheckScope, Finding as RuleFinding, Found as RuleFound, Rule, Severity } from './rules/rule';

export { CODE_DESCRIPTIONS, DEFAULT_SEVERITIES, DIAGNOSTIC_CODES, isDiagnosticCode, RULES } from './rules/index';
export type { DiagnosticCode } from './rules/index';
export type { Severity } from './rules/rule';
export { itemKey } from './rules/duplicate-item';

export type Finding = RuleFinding<DiagnosticCode>;

const ITEM_RULES: readonly Rule<DiagnosticCode>[] = RULES.filter((r) => r.checkItem);
const LETTER_RULES: readonly Rule<DiagnosticCode>[] = RULES.filter((r) => r.checkLetter);

export function checkLetter(doc: LetterDocument): Finding[] {
  const out: Finding[] = [];
  const scope: CheckScope = { doc, placeholders: new PlaceholderIndex(doc.text) };
  for (const letter of doc.letters) {
    const letterIndex = letter.index;
    const items = letter.items;
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      for (const rule of ITEM_RULES) {
        const found = rule.checkItem!(items[itemIndex], letter, scope);
        if (found) out.push(finding(found, rule.code, letterIndex, itemIndex));
      }
    }
    for (const rule of LETTER_RULES) {
      for (const found of rule.checkLetter!(letter, scope))
        out.push(finding(found, rule.code, letterIndex, found.itemIndex));
    }
  }
  return out;
}

/**
 * A rule's finding stamped with its code and place, its fields named in one order: findings then
 * share a few hidden classes whatever rule made them (ARCHITECTURE.md, "Performance tricks of the engine").
 */
function finding(found: RuleFound, code: DiagnosticCode, letterIndex: number, itemIndex: number | undefined): Finding {
  const f: Finding = { message: found.message, range: found.range, code, letterIndex };
  if (itemIndex !== undefined) f.itemIndex = itemIndex;
  if (found.related) f.related = found.related;
  return f;
}

/** Severities as settings give them: code -> level; anything else is ignored. */
export type SeveritySettings = Partial<Record<string, unknown>>;

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
