// missing-claims-administrator-guideline: the item does not say what the claims administrator based
// its decision on.

import { missingPartRule } from './missingPart';

export default missingPartRule({
  code: 'missing-claims-administrator-guideline',
  kind: 'claims-administrator-guideline',
  defaultSeverity: 'warning',
  description: 'The "Claims Administrator guideline:" is missing, empty or still a placeholder.',
  missing: (name) => `${name} has no "Claims Administrator guideline:".`,
  empty: (name) => `The claims administrator guideline for ${name} is empty.`,
  // The professional review form has no claims administrator line.
  notIn: new Set(['rationale-conclusion']),
});
