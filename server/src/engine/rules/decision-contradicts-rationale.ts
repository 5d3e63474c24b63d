// decision-contradicts-rationale: the outcome says one thing and the rationale's conclusion the other.

import { LAYOUTS } from '../layouts';
import { quote } from './naming';
import { conclusionWords, DECISION_LINE_LAYOUTS, styled, supportedOutcome } from './outcomes';
import { defineRule, Fix } from './rule';

export default defineRule({
  code: 'decision-contradicts-rationale',
  defaultSeverity: 'warning',
  description:
    'Upheld with a rationale that concludes "medically necessary", or Overturned with one that concludes "not medically necessary".',
  // Changing the outcome decides the item: the user's call, never Fix All's.
  fixAll: false,
  checkItem(item, letter) {
    // The professional review form words its conclusions its own way.
    if (LAYOUTS[letter.layout].outcomeForm === 'rationale-conclusion') return undefined;
    const c = item.conclusion;
    if (
      !c.range ||
      !(
        (item.outcome.kind === 'upheld' && c.kind === 'medically-necessary') ||
        (item.outcome.kind === 'overturned' && c.kind === 'not-medically-necessary')
      )
    )
      return undefined;
    const says = conclusionWords(item);
    return {
      message: `${quote(item.name)} is ${item.outcome.raw} but its rationale concludes it is ${says}.`,
      range: item.outcome.range,
      related: { range: c.range, message: `The rationale concludes: ${says}.` },
    };
  },
  fixes(finding, { doc, letter, item }) {
    const supported = supportedOutcome(item);
    const out: Fix[] = [];
    if (supported) {
      const raw = doc.text.slice(item.outcome.range.start, item.outcome.range.end);
      let newText: string | undefined;
      if (LAYOUTS[letter.layout].outcomeForm === 'numbered-sentence') {
        // The outcome is the sentence's "is (not) medically necessary": add or drop the "not".
        const m = /^((?:is|was)\s+)(not\s+)?/i.exec(raw);
        if (m) newText = m[2] ? m[1] + raw.slice(m[0].length) : m[1] + 'not ' + raw.slice(m[0].length);
      } else if (DECISION_LINE_LAYOUTS.has(letter.layout)) newText = styled(supported, raw);
      if (newText !== undefined) {
        out.push({
          title: `Change the outcome to "${DECISION_LINE_LAYOUTS.has(letter.layout) ? newText : supported}" (the rationale concludes: ${conclusionWords(item)})`,
          kind: 'quickfix',
          edits: [{ range: item.outcome.range, newText }],
          preferred: true,
        });
      }
    }
    const conclusion = finding.related?.range ?? item.conclusion.range;
    if (conclusion)
      out.push({ title: "Go to the rationale's conclusion", kind: 'quickfix', edits: [], reveal: conclusion });
    return out;
  },
});
