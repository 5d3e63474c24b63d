// The checks behind the diagnostics: what is wrong with a letter, in the engine's own terms.
// The language server and the command-line tool turn findings into diagnostics and report lines.

import type { DisputedItem, Letter, LetterDocument, Span } from './model';
import { LAYOUTS } from './layouts';
import { isEmptyPart } from './lazy';

export type DiagnosticCode =
  | 'missing-decision'
  | 'unknown-decision'
  | 'missing-rationale'
  | 'missing-reviewer-guideline'
  | 'missing-claims-administrator-guideline'
  | 'decision-contradicts-rationale'
  | 'duplicate-item'
  | 'no-disputed-items';

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'missing-decision',
  'unknown-decision',
  'missing-rationale',
  'missing-reviewer-guideline',
  'missing-claims-administrator-guideline',
  'decision-contradicts-rationale',
  'duplicate-item',
  'no-disputed-items',
];

export const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, Severity>> = {
  'missing-decision': 'error',
  'unknown-decision': 'error',
  'missing-rationale': 'error',
  'missing-reviewer-guideline': 'warning',
  'missing-claims-administrator-guideline': 'warning',
  'decision-contradicts-rationale': 'warning',
  'duplicate-item': 'warning',
  'no-disputed-items': 'warning',
};

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

/** One line each, for documentation, `--help` and hovers on the diagnostic codes. */
export const CODE_DESCRIPTIONS: Readonly<Record<DiagnosticCode, string>> = {
  'missing-decision': 'A disputed item has no outcome (Upheld or Overturned) on its decision line.',
  'unknown-decision': 'The outcome word is neither Upheld nor Overturned (often a typo).',
  'missing-rationale': 'A disputed item has no "Decision rationale:", or an empty one.',
  'missing-reviewer-guideline': 'The decision states no guideline source ("MAXIMUS guideline:" missing or empty).',
  'missing-claims-administrator-guideline': 'The "Claims Administrator guideline:" line is missing or empty.',
  'decision-contradicts-rationale':
    'Upheld with a rationale that concludes "medically necessary", or Overturned with one that concludes "not medically necessary".',
  'duplicate-item': 'The same disputed item is decided twice in one letter.',
  'no-disputed-items': 'The letter has no decisions section, or the section holds no disputed items.',
};

export interface Finding {
  code: DiagnosticCode;
  message: string;
  range: Span;
  letterIndex: number;
  itemIndex?: number;
  /** Another place the finding points to (the first occurrence of a duplicate, the rationale's conclusion). */
  related?: { range: Span; message: string };
}

/** Letters are compared by item name without case, punctuation or spacing differences. */
export function itemKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9#%.]+/g, ' ')
    .trim();
}

function quote(name: string): string {
  const short = name.length > 60 ? name.slice(0, 57) + '...' : name;
  return short.length > 0 ? `"${short}"` : 'this item';
}

function checkItem(letter: Letter, item: DisputedItem, itemIndex: number, out: Finding[]): void {
  const at = { letterIndex: letter.index, itemIndex };
  // Quoted only for a finding: most items have none, and this runs on every item of a 10 MB export.
  const name = (): string => quote(item.name);
  const nameRange = item.nameRange.end > item.nameRange.start ? item.nameRange : item.decisionRange;
  if (item.outcome.kind === 'missing') {
    out.push({
      ...at,
      code: 'missing-decision',
      message: `The decision for ${name()} has no outcome: expected "Upheld" or "Overturned".`,
      range: nameRange,
    });
  } else if (item.outcome.kind === 'unknown') {
    out.push({
      ...at,
      code: 'unknown-decision',
      // Quoted and cut like item names: the "word" can be any length of letters (found by the fuzzer: 500 characters).
      message: `${quote(item.outcome.raw)} is not an IMR outcome: expected "Upheld" or "Overturned".`,
      range: item.outcome.range,
    });
  }
  // The professional review form has no claims administrator line and words its own headings.
  const form = LAYOUTS[letter.layout].outcomeForm === 'rationale-conclusion';
  if (!item.rationale || isEmptyPart(item.rationale)) {
    out.push({
      ...at,
      code: 'missing-rationale',
      message: item.rationale
        ? `The decision rationale for ${name()} is empty.`
        : `${name()} has no "Decision rationale:".`,
      range: item.rationale ? item.rationale.labelRange : nameRange,
    });
  }
  if (!item.reviewerGuideline || isEmptyPart(item.reviewerGuideline)) {
    out.push({
      ...at,
      code: 'missing-reviewer-guideline',
      message: item.reviewerGuideline
        ? `The reviewer guideline for ${name()} is empty: the decision states no guideline source.`
        : `${name()} has no "MAXIMUS guideline:": the decision states no guideline source.`,
      range: item.reviewerGuideline ? item.reviewerGuideline.labelRange : nameRange,
    });
  }
  if (!form && (!item.claimsAdministratorGuideline || isEmptyPart(item.claimsAdministratorGuideline))) {
    out.push({
      ...at,
      code: 'missing-claims-administrator-guideline',
      message: item.claimsAdministratorGuideline
        ? `The claims administrator guideline for ${name()} is empty.`
        : `${name()} has no "Claims Administrator guideline:".`,
      range: item.claimsAdministratorGuideline ? item.claimsAdministratorGuideline.labelRange : nameRange,
    });
  }
  const c = item.conclusion;
  if (
    !form &&
    c.range &&
    ((item.outcome.kind === 'upheld' && c.kind === 'medically-necessary') ||
      (item.outcome.kind === 'overturned' && c.kind === 'not-medically-necessary'))
  ) {
    const says = c.kind === 'medically-necessary' ? 'medically necessary' : 'not medically necessary';
    out.push({
      ...at,
      code: 'decision-contradicts-rationale',
      message: `${name()} is ${item.outcome.raw} but its rationale concludes it is ${says}.`,
      range: item.outcome.range,
      related: { range: c.range, message: `The rationale concludes: ${says}.` },
    });
  }
}

export function checkLetter(doc: LetterDocument): Finding[] {
  const out: Finding[] = [];
  for (const letter of doc.letters) {
    if (letter.items.length === 0) {
      const where = letter.decisions ? letter.decisions.heading : (letter.sections[0]?.heading ?? letter.range);
      out.push({
        code: 'no-disputed-items',
        letterIndex: letter.index,
        message: letter.decisions
          ? 'The decisions section holds no disputed items.'
          : 'This letter has no decisions section ("IMR ISSUES, DECISIONS AND RATIONALES").',
        range: where,
      });
      continue;
    }
    const firstByKey = new Map<string, DisputedItem>();
    letter.items.forEach((item, i) => {
      checkItem(letter, item, i, out);
      if (item.name.length === 0) return;
      const key = itemKey(item.name);
      const first = firstByKey.get(key);
      if (first) {
        out.push({
          code: 'duplicate-item',
          letterIndex: letter.index,
          itemIndex: i,
          message: `${quote(item.name)} is decided twice in this letter.`,
          range: item.nameRange,
          related: { range: first.nameRange, message: 'First decided here.' },
        });
      } else firstByKey.set(key, item);
    });
  }
  return out;
}
