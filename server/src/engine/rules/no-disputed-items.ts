// no-disputed-items: a letter that decides nothing.

import { defineRule } from './rule';

export default defineRule({
  code: 'no-disputed-items',
  defaultSeverity: 'warning',
  description: 'The letter has no decisions section, or the section holds no disputed items.',
  // Nothing to repair: what the letter decides is not the program's to write.
  fixAll: false,
  checkLetter(letter) {
    if (letter.items.length > 0) return [];
    return [
      {
        message: letter.decisions
          ? 'The decisions section holds no disputed items.'
          : 'This letter has no decisions section ("IMR ISSUES, DECISIONS AND RATIONALES").',
        range: letter.decisions ? letter.decisions.heading : (letter.sections[0]?.heading ?? letter.range),
      },
    ];
  },
});
