// unknown-decision: an outcome word that is neither Upheld nor Overturned, often a typo.

import { nearestOutcome, outcomesByNearness } from '../outcomeWords';
import type { Outcome } from '../vocabulary';
import { becauseOf, styled, supportedOutcome } from './outcomes';
import { quote } from './naming';
import { defineRule } from './rule';

export default defineRule({
  code: 'unknown-decision',
  defaultSeverity: 'error',
  description: 'The outcome word is neither Upheld nor Overturned (often a typo such as "Uphled").',
  // Fix All takes the preferred fix only: a clear typo the rationale does not contradict, or, for a
  // word near neither outcome, the outcome the rationale's conclusion states.
  fixAll: true,
  checkItem(item) {
    if (item.outcome.kind !== 'unknown') return undefined;
    return {
      // Quoted and shortened like item names: the "word" can be any length of letters (found by the fuzzer: 500 characters).
      message: `${quote(item.outcome.raw)} is not an IMR outcome: expected "Upheld" or "Overturned".`,
      range: item.outcome.range,
    };
  },
  fixes(_finding, { item }) {
    const raw = item.outcome.raw;
    const nearest = nearestOutcome(raw);
    const supported = supportedOutcome(item);
    let candidates: Outcome[];
    let preferred: Outcome | undefined;
    if (nearest) {
      candidates = supported && supported !== nearest ? [nearest, supported] : [nearest];
      // A clear typo agreeing with the rationale (or a rationale without a conclusion) is the obvious repair.
      preferred = candidates.length === 1 ? nearest : undefined;
    } else {
      candidates = outcomesByNearness(raw);
      preferred = supported;
    }
    return candidates.map((c) => {
      const word = styled(c, raw);
      return {
        title: `Change ${quote(raw)} to "${word}"${becauseOf(item, c)}`,
        kind: 'quickfix' as const,
        edits: [{ range: item.outcome.range, newText: word }],
        preferred: c === preferred || undefined,
      };
    });
  },
});
