// missing-decision: a disputed item without an outcome, or whose decision line a repair wrote
// with a placeholder for the item's name that is still there.

import type { Edit } from '../format';
import { becauseOf, DECISION_LINE_LAYOUTS, supportedOutcome } from './outcomes';
import { lineStartOf, paragraphBreak } from './letterEdits';
import { nameRangeOf, quote } from './naming';
import { ITEM_PLACEHOLDER, Outcome } from '../vocabulary';
import { defineRule, Fix } from './rule';

export default defineRule({
  code: 'missing-decision',
  defaultSeverity: 'error',
  description:
    'A disputed item has no outcome (Upheld or Overturned) on its decision line, or its name is still the placeholder a fix wrote.',
  // Choosing an outcome decides the item: the user's call, never Fix All's.
  fixAll: false,
  checkItem(item, _letter, scope) {
    if (item.outcome.kind === 'missing') {
      return {
        message: `The decision for ${quote(item.name)} has no outcome: expected "Upheld" or "Overturned".`,
        range: nameRangeOf(item),
      };
    }
    const placeholder = scope.placeholders.find(item.nameRange, ITEM_PLACEHOLDER);
    if (placeholder) {
      return {
        message: `This decision line still names its item with the placeholder "${ITEM_PLACEHOLDER}": write the item as requested.`,
        range: placeholder,
      };
    }
    return undefined;
  },
  fixes(_finding, { doc, letter, item }) {
    if (item.outcome.kind !== 'missing' || !DECISION_LINE_LAYOUTS.has(letter.layout)) return [];
    const supported = supportedOutcome(item);
    const text = doc.text;
    const outcomes: Outcome[] = supported === 'Overturned' ? ['Overturned', 'Upheld'] : ['Upheld', 'Overturned'];
    return outcomes.map((o): Fix => {
      const because = becauseOf(item, o);
      if (item.name.length > 0) {
        const at = item.outcome.range.start;
        // trimEnd, not /\s+$/: the regular expression is quadratic on a long run of spaces.
        const before = text.slice(lineStartOf(text, at), at).trimEnd();
        const edit: Edit = { range: { start: at, end: at }, newText: (before.endsWith(':') ? ' ' : ': ') + o };
        return {
          title: `Add the outcome "${o}"${because}`,
          kind: 'quickfix',
          edits: [edit],
          preferred: o === supported || undefined,
        };
      }
      // No decision line at all: write one above the item's first part, its name left to the user.
      const at = item.parts.length > 0 ? item.parts[0].labelRange.start : item.range.start;
      const edit: Edit = { range: { start: at, end: at }, newText: `${ITEM_PLACEHOLDER}: ${o}` + paragraphBreak(doc) };
      return {
        title: `Add a decision line "${ITEM_PLACEHOLDER}: ${o}"${because}`,
        kind: 'quickfix',
        edits: [edit],
        preferred: o === supported || undefined,
        placeholder: ITEM_PLACEHOLDER,
      };
    });
  },
});
