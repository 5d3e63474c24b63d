// A rationale's conclusion: whether it finds the treatment medically necessary or not.

import type { Conclusion } from '../model';
import { JoinedText } from '../joinedText';
import type { LogicalLines } from './logicalLines';

const NECESSARY = /medically\s+(?:reasonable\s+and\s+)?necessary/gi;
const NEGATION = /\b(?:not|no|never|cannot|neither|nor)\b|n't\b/i;

/** How far before the statement of necessity conclusionIn looks for a negation. */
const NEGATION_REACH = 48;

/** An item's conclusion when its rationale states none (shared: model values are never changed). */
export const NOT_STATED: Conclusion = { kind: 'not-stated' };

/**
 * The rationale's conclusion is its last statement of medical necessity; a negation earlier in
 * that sentence (within a few words) makes it "not medically necessary".
 */
export function conclusionIn(joined: JoinedText): Conclusion {
  return conclusionFrom(joined, 0) ?? { kind: 'not-stated' };
}

/**
 * conclusionIn of the rationale on logical lines [first, end), its first line read from `from`.
 * The conclusion is the rationale's last statement of medical necessity, nearly always in its
 * last lines: those are joined first, not the whole rationale (most of a 10 MB export's text).
 * A statement found there at least NEGATION_REACH characters after their start is the last one
 * of the whole rationale too, with the same sentence, negation window and span (the joined
 * lines are the end of the whole joined text); only when there is none is more joined.
 */
export function conclusionOfLines(lines: LogicalLines, first: number, end: number, from: number): Conclusion {
  for (let tail = 3; end - tail > first; tail *= 4) {
    const found = conclusionFrom(JoinedText.ofTable(lines.lines, lines.logical, end - tail, end), NEGATION_REACH);
    if (found) return found;
  }
  return conclusionIn(JoinedText.of(lines.linesOf(first, end), from));
}

/** conclusionIn, when the last statement of medical necessity starts at `minIndex` or later; else undefined. */
function conclusionFrom(joined: JoinedText, minIndex: number): Conclusion | undefined {
  const text = joined.text;
  let last: RegExpExecArray | undefined;
  NECESSARY.lastIndex = 0;
  for (let m = NECESSARY.exec(text); m; m = NECESSARY.exec(text)) last = m;
  if (!last || last.index < minIndex) return undefined;
  // The window starts after the last '. ', '? ' or '! ' before the statement, at most NEGATION_REACH
  // characters back: only that far is looked at (lastIndexOf would search to the text's start).
  let windowStart = Math.max(0, last.index - NEGATION_REACH);
  for (let p = last.index - 1; p >= windowStart; p--) {
    const c = text.charCodeAt(p);
    if ((c === 46 || c === 63 || c === 33) && text.charCodeAt(p + 1) === 32) {
      windowStart = p + 1;
      break;
    }
  }
  const before = text.slice(windowStart, last.index);
  const neg = NEGATION.exec(before);
  const start = neg ? windowStart + neg.index : last.index;
  return {
    kind: neg ? 'not-medically-necessary' : 'medically-necessary',
    range: joined.span(start, last.index + last[0].length),
  };
}
