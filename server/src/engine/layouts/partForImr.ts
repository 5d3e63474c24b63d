// A partly authorized item (a modified utilization review): its decision line states the original
// request, what the claims administrator authorized, and the part left for IMR, which is what the
// decision is about and so the item's name:
//
//   Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the Claims
//   Administrator. The remaining IMR eligible portion of the original request, Norco 10/325mg #35 is: Upheld
//
// The wordings are in vocabulary.ts. The paragraph is read from the text, across its line breaks
// and whatever page furniture they hold, so that the name's span is where the part is written.

import type { Span } from '../model';
import { fold } from '../fold';
import {
  AUTHORIZED_SENTENCES,
  ORIGINAL_REQUEST_SENTENCE,
  PART_FOR_IMR_OPENING,
  PART_FOR_IMR_VERB,
  PART_FOR_IMR_VERB_GLUED,
} from '../vocabulary';

export interface PartForImr {
  /** Where the part left for IMR is written: the item's name. */
  readonly name: Span;
  /** The original request, where the paragraph states it. */
  readonly requested?: string;
  /** What the claims administrator authorized, where the paragraph states it. */
  readonly authorized?: string;
}

/** Most names say nothing of an original request: the one test most of them get. */
const MENTIONS_ORIGINAL_REQUEST = /original\s*request/i;

/**
 * The part left for IMR in the decision line's name at `name` of `text`, with the original request
 * and the authorized part; undefined when the name is not the formula's (an ordinary item).
 */
export function partForImr(text: string, name: Span): PartForImr | undefined {
  const s = text.slice(name.start, name.end);
  if (!MENTIONS_ORIGINAL_REQUEST.test(s)) return undefined;
  // The last opening names the part: the original request's own words may hold the first.
  let opening: RegExpExecArray | undefined;
  PART_FOR_IMR_OPENING.lastIndex = 0;
  for (let m = PART_FOR_IMR_OPENING.exec(s); m; m = PART_FOR_IMR_OPENING.exec(s)) opening = m;
  if (!opening) return undefined;
  const partStart = opening.index + opening[0].length;
  // Where the opening's words run together, so does the verb: `#35is`.
  const verb = /\s/.test(opening[0]) ? PART_FOR_IMR_VERB : PART_FOR_IMR_VERB_GLUED;
  const part = s.slice(partStart).replace(verb, '').trimEnd();
  if (part.length === 0) return undefined;

  const first = ORIGINAL_REQUEST_SENTENCE.exec(s);
  // The sentence must come before the opening: `... the original request, X was the original request.` is no such sentence.
  const stated = first && first[0].length <= opening.index ? first : undefined;
  const bareOpening = !/remaining/i.test(opening[0]);
  let requested = stated ? fold(stated[1]) : undefined;
  // `The original request, X is:` names the original request itself.
  if (requested === undefined && bareOpening) requested = fold(part);
  let authorized: string | undefined;
  if (stated) {
    const middle = s.slice(stated[0].length, opening.index).trim();
    for (const re of AUTHORIZED_SENTENCES) {
      const m = re.exec(middle);
      if (m) {
        authorized = fold(m[1]);
        break;
      }
    }
  }
  const start = name.start + partStart;
  return { name: { start, end: start + part.length }, requested, authorized };
}
