// missing-rationale: an item without the reasons for its decision.

import { missingPartRule } from './missingPart';

export default missingPartRule({
  code: 'missing-rationale',
  kind: 'rationale',
  defaultSeverity: 'error',
  description: 'A disputed item has no "Decision rationale:", an empty one, or one that is still a placeholder.',
  missing: (name) => `${name} has no "Decision rationale:".`,
  empty: (name) => `The decision rationale for ${name} is empty.`,
});
