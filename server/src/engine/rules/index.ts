// Every diagnostic rule, in the order the README, the settings and `--help` list them. Adding a
// rule: its record in rules/<code>.ts, its page in docs/rules/<code>.md, an entry here, then
// `npm run rules:sync` (the settings schema in package.json and the README table follow).

import decisionContradictsRationale from './decision-contradicts-rationale';
import duplicateItem from './duplicate-item';
import missingClaimsAdministratorGuideline from './missing-claims-administrator-guideline';
import missingDecision from './missing-decision';
import missingRationale from './missing-rationale';
import missingReviewerGuideline from './missing-reviewer-guideline';
import noDisputedItems from './no-disputed-items';
import type { Rule, Severity } from './rule';
import unknownDecision from './unknown-decision';

export const RULES = [
  missingDecision,
  unknownDecision,
  missingRationale,
  missingReviewerGuideline,
  missingClaimsAdministratorGuideline,
  decisionContradictsRationale,
  duplicateItem,
  noDisputedItems,
] as const;

export type DiagnosticCode = (typeof RULES)[number]['code'];

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = RULES.map((r) => r.code);

const BY_CODE = new Map<string, Rule<DiagnosticCode>>(RULES.map((r) => [r.code, r]));

export function ruleFor(code: string): Rule<DiagnosticCode> | undefined {
  return BY_CODE.get(code);
}

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && BY_CODE.has(code);
}

export const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, Severity>> = Object.fromEntries(
  RULES.map((r) => [r.code, r.defaultSeverity]),
) as Record<DiagnosticCode, Severity>;

/** One line each, for documentation, `--help` and SARIF. */
export const CODE_DESCRIPTIONS: Readonly<Record<DiagnosticCode, string>> = Object.fromEntries(
  RULES.map((r) => [r.code, r.description]),
) as Record<DiagnosticCode, string>;
