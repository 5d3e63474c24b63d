// missing-reviewer-guideline: a decision that states no guideline source.

import { missingPartRule } from './missingPart';

export default missingPartRule({
  code: 'missing-reviewer-guideline',
  kind: 'reviewer-guideline',
  defaultSeverity: 'warning',
  description:
    'The decision states no guideline source: "MAXIMUS guideline:" is missing, empty or still a placeholder.',
  missing: (name) => `${name} has no "MAXIMUS guideline:": the decision states no guideline source.`,
  empty: (name) => `The reviewer guideline for ${name} is empty: the decision states no guideline source.`,
});
