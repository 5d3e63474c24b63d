// The repairs for what checkLetter finds, in the engine's own terms: text edits on offsets. Each
// rule's record (rules/<code>.ts) says how to repair its findings; this file asks it, and puts
// Fix All together. The language server turns them into code actions (features/codeActions.ts).
// Every edit keeps the letter's own spacing (double-spaced or not) and line ending, and a repair
// the user still has to complete carries a bracketed placeholder, which is itself a problem until
// replaced.

import type { Finding } from './check';
import { applyEdits, Edit } from './format';
import type { LetterDocument, Span } from './model';
import { ruleFor } from './rules/index';
import type { Fix } from './rules/rule';

export type { Edit };
export type { Fix } from './rules/rule';
export { applyEdits };
export { paragraphBreak } from './rules/letterEdits';
export { nearestOutcome } from './outcomeWords';

export function fixesFor(doc: LetterDocument, finding: Finding): Fix[] {
  const letter = doc.letters[finding.letterIndex];
  const item = finding.itemIndex !== undefined ? letter?.items[finding.itemIndex] : undefined;
  const rule = ruleFor(finding.code);
  if (!letter || !item || !rule?.fixes) return [];
  return rule.fixes(finding, { doc, letter, item });
}

// ---------------------------------------------------------------------------------------------
// Fix All

/** Whether Fix All may repair findings of this code at all (see Rule.fixAll). */
export function fixAllApplies(code: Finding['code']): boolean {
  return ruleFor(code)?.fixAll === true;
}

/** The fix Fix All applies for a finding: its preferred fix, complete (no placeholder), with an edit. */
function fixAllFix(doc: LetterDocument, finding: Finding): Fix | undefined {
  if (!fixAllApplies(finding.code)) return undefined;
  return fixesFor(doc, finding).find((x) => x.preferred && x.edits.length > 0 && x.placeholder === undefined);
}

function conflicts(a: Span, b: Span): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // An insertion strictly inside a replaced range.
  if (a.start === a.end && b.start < a.start && a.start < b.end) return true;
  if (b.start === b.end && a.start < b.start && b.start < a.end) return true;
  return false;
}

export interface FixAllResult {
  edits: Edit[];
  /** How many findings the edits repair. */
  fixed: number;
}

/**
 * Every unambiguous repair at once: the preferred fix of each finding whose rule allows Fix All
 * (never one that decides an item or leaves a placeholder), duplicates removed first, then in text
 * order; a fix whose edits would overlap one already taken is left out.
 */
export function fixAllResult(doc: LetterDocument, findings: readonly Finding[]): FixAllResult {
  const ordered = findings
    .filter((f) => fixAllApplies(f.code))
    .sort(
      (a, b) =>
        Number(b.code === 'duplicate-item') - Number(a.code === 'duplicate-item') || a.range.start - b.range.start,
    );
  const taken: Edit[] = [];
  let fixed = 0;
  // The spans taken so far, sorted by start: they do not overlap, so only neighbours can conflict.
  const spans: Span[] = [];
  const firstAtOrAfter = (start: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (s: Span) => {
    const i = firstAtOrAfter(s.start);
    if (i > 0 && conflicts(s, spans[i - 1])) return true;
    for (let j = i; j < spans.length && spans[j].start <= s.end; j++) if (conflicts(s, spans[j])) return true;
    return false;
  };
  for (const f of ordered) {
    const fix = fixAllFix(doc, f);
    if (!fix || fix.edits.some((e) => clashes(e.range))) continue;
    fixed++;
    for (const edit of fix.edits) {
      taken.push(edit);
      spans.splice(firstAtOrAfter(edit.range.start), 0, edit.range);
    }
  }
  // Same-offset edits keep the order they were taken in (applyEdits and clients apply them so).
  return { edits: taken.sort((a, b) => a.range.start - b.range.start), fixed };
}

export function fixAllEdits(doc: LetterDocument, findings: readonly Finding[]): Edit[] {
  return fixAllResult(doc, findings).edits;
}

/** The letter with every unambiguous repair applied. */
export function fixAll(doc: LetterDocument, findings: readonly Finding[]): string {
  return applyEdits(doc.text, fixAllEdits(doc, findings));
}
