// The three missing-part rules (missing-rationale, missing-reviewer-guideline,
// missing-claims-administrator-guideline) check and repair the same way, each for its own part:
// the part is missing, empty, or still holds the placeholder a repair wrote. A placeholder counts
// as the missing part it stands for (same code, same severity, same setting to turn it off): the
// letter still says nothing there.

import type { Edit } from '../format';
import type { DisputedItem, PartKind } from '../model';
import { isEmptyPart } from '../lazy';
import { labelFor, paragraphBreak } from './letterEdits';
import { nameRangeOf, quote } from './naming';
import { DECISION_LINE_LAYOUTS } from './outcomes';
import { LAYOUTS, OutcomeForm } from '../layouts';
import { PARTS } from '../vocabulary';
import { defineRule, Fix, Found, Rule, Severity } from './rule';

export interface MissingPartSpec<Code extends string> {
  code: Code;
  kind: PartKind;
  defaultSeverity: Exclude<Severity, 'off'>;
  description: string;
  /** The message for an item without the part (the part's label quoted). */
  missing(name: string): string;
  /** The message for the part present with nothing after its label. */
  empty(name: string): string;
  /** Outcome forms without this part (the professional review form has no claims administrator line). */
  notIn?: ReadonlySet<OutcomeForm>;
}

function partOf(item: DisputedItem, kind: PartKind) {
  return kind === 'rationale'
    ? item.rationale
    : kind === 'reviewer-guideline'
      ? item.reviewerGuideline
      : item.claimsAdministratorGuideline;
}

export function missingPartRule<Code extends string>(spec: MissingPartSpec<Code>): Rule<Code> {
  const { kind } = spec;
  const placeholder = PARTS[kind].placeholder;
  return defineRule({
    code: spec.code,
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    // Its repair leaves a placeholder to fill in: Fix All on save would stamp it in unnoticed.
    fixAll: false,
    checkItem(item, letter, scope): Found | undefined {
      if (spec.notIn?.has(LAYOUTS[letter.layout].outcomeForm)) return undefined;
      const part = partOf(item, kind);
      if (!part) return { message: spec.missing(quote(item.name)), range: nameRangeOf(item) };
      if (isEmptyPart(part)) return { message: spec.empty(quote(item.name)), range: part.labelRange };
      const at = scope.placeholders.find(part.range, placeholder);
      if (!at) return undefined;
      return {
        message: `The ${PARTS[kind].name} for ${quote(item.name)} is still the placeholder "${placeholder}": write it in its place.`,
        range: at,
      };
    },
    fixes(_finding, { doc, letter, item }): Fix[] {
      const existing = item.parts.find((p) => p.kind === kind);
      if (existing) {
        // The label is there with nothing after it (a part holding a placeholder has nothing to insert).
        if (!isEmptyPart(existing)) return [];
        const edit: Edit = {
          range: { start: existing.labelRange.end, end: existing.labelRange.end },
          newText: ' ' + placeholder,
        };
        return [
          {
            title: `Fill in the empty ${PARTS[kind].name}`,
            kind: 'quickfix',
            edits: [edit],
            preferred: true,
            placeholder,
          },
        ];
      }
      if (!DECISION_LINE_LAYOUTS.has(letter.layout)) return [];
      const label = labelFor(letter, kind);
      const part = `${label} ${placeholder}`;
      const sep = paragraphBreak(doc);
      const before = item.parts.filter((p) => PARTS[p.kind].order < PARTS[kind].order).pop();
      const after = item.parts.find((p) => PARTS[p.kind].order > PARTS[kind].order);
      let edit: Edit;
      if (before) edit = { range: { start: before.range.end, end: before.range.end }, newText: sep + part };
      else if (after)
        edit = { range: { start: after.labelRange.start, end: after.labelRange.start }, newText: part + sep };
      else edit = { range: { start: item.decisionRange.end, end: item.decisionRange.end }, newText: sep + part };
      return [{ title: `Insert "${label}"`, kind: 'quickfix', edits: [edit], preferred: true, placeholder }];
    },
  });
}
