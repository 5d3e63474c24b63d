// isLetter: is this text an IMR Final Determination Letter at all?
//
// A letter has the headings and labels of one: a note or a log that merely mentions "upheld" or
// "rationale" has neither. Two different structural markers, at least one of them a heading or the
// review organization's letterhead, are required; each must stand at the start of its own line.

import { headingAt, partLabelAt } from './parser/recognize';
import { LETTER_HINT, LETTER_MARKS } from './vocabulary';

/** How much of a huge file to look at: the markers sit at the top of the first letter. */
const SCAN_LIMIT = 512 * 1024;

export function isLetter(text: string): boolean {
  const limit = Math.min(text.length, SCAN_LIMIT);
  const kinds = new Set<string>();
  let strong = false;
  let i = 0;
  while (i < limit) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const t = text.slice(i, Math.min(nl, i + 200)).trim();
    i = nl + 1;
    if (t.length < 8) continue;
    const heading = headingAt(t);
    if (heading) {
      kinds.add('heading:' + heading.kind);
      strong = true;
    } else {
      const label = partLabelAt(t);
      if (label) kinds.add('label:' + label.kind);
      else {
        for (const [kind, re] of LETTER_MARKS) {
          if (re.test(t)) {
            kinds.add(kind);
            if (kind === 'letterhead') strong = true;
            break;
          }
        }
      }
    }
    if (strong && kinds.size >= 2) return true;
  }
  return false;
}

/**
 * Whether a PDF whose first page is `firstPage` may hold a letter: the page is one, or names what
 * a cover sheet of one would. Readers that want letters only read no further than a page that
 * fails it, so that a folder of other PDFs costs a page each.
 */
export function mayBeginLetter(firstPage: string): boolean {
  return LETTER_HINT.test(firstPage.slice(0, SCAN_LIMIT)) || isLetter(firstPage);
}
