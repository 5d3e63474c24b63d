// What the two halves of the window reload share (see test/editor/run-browser.mjs): the notes the
// first half leaves in the fixture folder for the second to find, and how each half reports itself.
import { FIXTURES } from '../helpers';

/** Letter 000 has no case number: its notes are keyed by its path, the item by its name. */
export const LETTER = FIXTURES.letter000;
export const ITEM = 'XANAX 0.5MG #90';
export const DECISION_LINE = `${ITEM}:  Upheld`;
export const TAG = 'appeal';
export const BY_COMMAND = 'Added by the command before the reload';
export const IN_THREAD = 'Added in the comment thread before the reload';

// Set by run-browser.mjs in the extension host's environment only when a reload follows: the main
// suite then runs the first half last, and both halves print it with their extension host's pid.
const reloadMark = process.env.IMR_EDITOR_RELOAD_MARK;

export function reloadFollows(): boolean {
  return !!reloadMark;
}

/** Tells the runner which half ran in which extension host (a reload must start a new one). */
export function reportHalf(half: 'before' | 'after'): void {
  if (reloadMark) console.log(`${reloadMark}${half} ${process.pid}`);
}
