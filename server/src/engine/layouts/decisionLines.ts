// Items written as decision lines (the standard, case-header and letterhead layouts; the 2013
// notice's discussions too): `<item as requested>: <Outcome>`, then its labelled parts
// (`Claims Administrator guideline:`, `MAXIMUS guideline:`, `Decision rationale:`).
//
// The outcome may wrap onto the next line, the name may wrap over two, the decision line may be
// missing (a part out of order then begins an item named by the short paragraph before it).

import type { Conclusion, DisputedItem, ItemPart, Outcome, PartKind, Span } from '../model';
import { conclusionOfLines, NOT_STATED } from '../parser/conclusions';
import type { LogicalLines } from '../parser/logicalLines';
import { citationsOfParts, ItemObject, PartObject } from '../parser/modelObjects';
import { INTRO_PREFIX, looksLikeOutcome, outcomeOf, partLabelAt } from '../parser/recognize';
import { fold } from '../fold';
import { withoutTrailingColon } from '../trim';
import { isRegExpSpace } from '../whiteSpace';
import { INTRO, PARTIAL_AUTHORIZATION_SENTENCE_END, PARTS } from '../vocabulary';
import { partForImr } from './partForImr';

/** `<item as requested>: <Outcome>`: the outcome is the one word after the last colon. */
const DECISION = /^(.*\S)\s*:\s*([A-Za-z][A-Za-z'-]*\.?)$/s;
const LONE_WORD = /^[A-Za-z][A-Za-z'-]*\.?$/;
/**
 * A guideline line that ends in a reference whose value is on the next line (`Section(s):` /
 * `Biofeedback.`, `Page(s):` / `24.`): that line continues the part, it is no outcome.
 */
const REFERENCE_CONTINUES = /\b(?:Sections?|Pages?)\s*(?:\(s\))?\s*:$/i;
/** How many lines a wrapped item name may take. */
const MAX_NAME_LINES = 6;
const NON_SPACE = /\S/;

interface PartBuilder {
  kind: PartKind;
  /** Logical line of the label. */
  first: number;
  /** Logical line after the part's last line. */
  end: number;
  labelRange: Span;
}

interface ItemBuilder {
  first: number;
  decisionLast: number;
  name: Span;
  outcome: Outcome;
  parts: PartBuilder[];
}

/** The items on logical lines [from, to): a decisions section's body, or one 2013 discussion. */
export function decisionItems(lines: LogicalLines, from: number, to: number): DisputedItem[] {
  const builders: ItemBuilder[] = [];
  let item: ItemBuilder | undefined;
  let part: PartBuilder | undefined;
  let inIntro = false;

  for (let i = from; i < to; i++) {
    // Lines are sliced only when they may be an intro, a label or a decision line (see recognize.ts).
    const prefix = lines.prefix(i);
    if (prefix === INTRO_PREFIX && INTRO.test(lines.t(i))) {
      inIntro = !lines.endsWithColon(i);
      continue;
    }
    if (inIntro) {
      // The intro sentence wrapped; it ends at its colon.
      if (lines.endsWithColon(i)) inIntro = false;
      continue;
    }

    const label = lines.labelAt(i, prefix);
    if (label) {
      const order = PARTS[label.kind].order;
      if (!item || partAtOrAfter(item.parts, order)) {
        // A part out of order begins an item whose decision line is missing or has no outcome:
        // its name is the short paragraph just before the label, if there is one.
        item = itemWithoutDecision(lines, item, part, i, from);
        builders.push(item);
      }
      part = {
        kind: label.kind,
        first: i,
        end: i + 1,
        labelRange: { start: lines.contentStart(i), end: lines.contentStart(i) + label.length },
      };
      item.parts.push(part);
      continue;
    }

    // Every form of decision line holds a ':'.
    const decision = lines.hasColon(i)
      ? decisionAt(lines, i, to, (item !== undefined && item.parts.length > 0) || item === undefined, item?.parts)
      : undefined;
    if (decision) {
      const first = nameStart(lines, i, part, part ? part.first + 1 : item ? item.decisionLast + 1 : from);
      if (part && first <= part.end - 1) part.end = first;
      const name = first < i ? { start: lines.contentStart(first), end: decision.name.end } : decision.name;
      item = { first, decisionLast: decision.last, name, outcome: decision.outcome, parts: [] };
      builders.push(item);
      part = undefined;
      i = decision.last;
      continue;
    }

    if (part) part.end = i + 1;
    else if (item && item.parts.length === 0) {
      // Text between a decision line and its first label: the name wrapped after the outcome was found, keep it with the decision.
      item.decisionLast = i;
    }
  }
  return builders.map((b) => finishItem(lines, b));
}

/**
 * The first line of a decision line's name (the decision line is logical line i): a name wraps
 * back over earlier lines of its paragraph that do not end a sentence (or that end one of the
 * partial-authorization formula's), never past `floor`, a label or the intro. Inside a guideline
 * part it reaches back only when a paragraph break shows where the name begins: in single-spaced
 * text the guideline's last line (a citation without a period) is not the name's first.
 */
function nameStart(lines: LogicalLines, i: number, part: PartBuilder | undefined, floor: number): number {
  let first = i;
  const inGuideline = part !== undefined && part.kind !== 'rationale';
  // A page break's blank line (pdftotext, mutool) is no paragraph break: a name reaches back across
  // it to a line that does not end a sentence (the formatter then keeps the name in one paragraph).
  while (
    first > floor &&
    i - first < MAX_NAME_LINES - 1 &&
    (lines.paragraphStart[first] === 0 || (!inGuideline && lines.pageBreakBefore(first)))
  ) {
    const prev = lines.t(first - 1);
    if (
      (/[.:;]$/.test(prev) && !PARTIAL_AUTHORIZATION_SENTENCE_END.test(prev)) ||
      partLabelAt(prev) ||
      INTRO.test(prev)
    )
      break;
    first--;
  }
  if (first < i && inGuideline && lines.paragraphStart[first] === 0) return i;
  return first;
}

/** Whether a part of this order or a later one is among `parts` (a loop: this runs for every label). */
function partAtOrAfter(parts: readonly PartBuilder[], order: number): boolean {
  for (const p of parts) if (PARTS[p.kind].order >= order) return true;
  return false;
}

/**
 * A decision line at logical line i: `<item>: <Outcome>`, or `<item>:` with the outcome alone on
 * the next line, or `<item>:` followed directly by a part label (the outcome is missing).
 * `expectItem` is true where an item may begin (not in the middle of a part's prose).
 */
function decisionAt(
  lines: LogicalLines,
  i: number,
  to: number,
  expectItem: boolean,
  itemParts: readonly PartBuilder[] | undefined,
  t = lines.t(i),
): { last: number; name: Span; outcome: Outcome } | undefined {
  // Most lines hold no colon at all: skip the backtracking regex for them.
  const m = t.indexOf(':') > 0 ? DECISION.exec(t) : null;
  // Neither form below can match: leave the next line alone (this runs on every line of prose).
  if (!m && !(t.endsWith(':') && t.length > 1)) return undefined;
  const line = { contentStart: lines.contentStart(i), contentEnd: lines.contentEnd(i) };
  const nextT = i + 1 < to ? lines.t(i + 1) : undefined;
  const nextLabel = nextT !== undefined ? lines.labelAt(i + 1) : undefined;
  const nextIsLabel = nextLabel !== undefined;
  if (m) {
    const word = m[2];
    // A word meant as an outcome, or any word where an item's parts begin after it (the label
    // after it opens a new item): a line such as `Reviewed by: Smith` typed before the label of
    // the current item's next part is part of the text, not a decision.
    const opensItem = nextLabel !== undefined && (!itemParts || partAtOrAfter(itemParts, PARTS[nextLabel.kind].order));
    const confirmed = outcomeOf(word) !== 'unknown' || looksLikeOutcome(word) || opensItem;
    if (confirmed && (expectItem || outcomeOf(word) !== 'unknown' || nextIsLabel)) {
      const wordStart = line.contentEnd - word.length;
      return {
        last: i,
        name: { start: line.contentStart, end: line.contentStart + m[1].length },
        outcome: { kind: outcomeOf(word), raw: word, range: { start: wordStart, end: line.contentEnd } },
      };
    }
  }
  if (t.endsWith(':') && t.length > 1 && !REFERENCE_CONTINUES.test(t)) {
    const nameEnd = line.contentStart + withoutTrailingColon(t, true).length;
    if (nextT !== undefined && LONE_WORD.test(nextT) && !nextIsLabel) {
      if (looksLikeOutcome(nextT)) {
        const next = lines.lineOf(i + 1);
        return {
          last: i + 1,
          name: { start: line.contentStart, end: nameEnd },
          outcome: { kind: outcomeOf(nextT), raw: nextT, range: { start: next.contentStart, end: next.contentEnd } },
        };
      }
    }
    if (nextIsLabel && partLabelAt(t) === undefined) {
      return {
        last: i,
        name: { start: line.contentStart, end: nameEnd },
        outcome: { kind: 'missing', raw: '', range: { start: line.contentEnd, end: line.contentEnd } },
      };
    }
  }
  return undefined;
}

/** A new item found at a part label that cannot belong to the current item. */
function itemWithoutDecision(
  lines: LogicalLines,
  item: ItemBuilder | undefined,
  part: PartBuilder | undefined,
  labelAt: number,
  from: number,
): ItemBuilder {
  // The candidate name: the last paragraph before the label, when it is short and not a sentence.
  const floor = part ? part.first + 1 : item ? item.decisionLast + 1 : from;
  let first = labelAt;
  while (first > floor && labelAt - first < 2) {
    first--;
    if (lines.paragraphStart[first] === 1) break;
  }
  let named = first < labelAt && first >= floor;
  if (named) {
    const last = lines.t(labelAt - 1);
    if (/[.;]$/.test(last) || (part && lines.paragraphStart[first] === 0 && first > floor)) named = false;
    for (let k = first; k < labelAt && named; k++) if (INTRO.test(lines.t(k))) named = false;
  }
  if (named) {
    if (part) part.end = Math.min(part.end, first);
    const nameSpan = lines.spanOf(first, labelAt);
    const end = nameSpan.end;
    return {
      first,
      decisionLast: labelAt - 1,
      name: {
        start: nameSpan.start,
        end: withoutTrailingColon(lines.text.slice(nameSpan.start, end), false).length + nameSpan.start,
      },
      outcome: { kind: 'missing', raw: '', range: { start: end, end } },
      parts: [],
    };
  }
  const at = lines.contentStart(labelAt);
  return {
    first: labelAt,
    decisionLast: labelAt - 1,
    name: { start: at, end: at },
    outcome: { kind: 'missing', raw: '', range: { start: at, end: at } },
    parts: [],
  };
}

function finishItem(lines: LogicalLines, b: ItemBuilder): DisputedItem {
  const text = lines.text;
  const parts = new Array<PartObject>(b.parts.length);
  let claimsAdministratorGuideline: ItemPart | undefined;
  let reviewerGuideline: ItemPart | undefined;
  let rationale: ItemPart | undefined;
  let conclusion: Conclusion = NOT_STATED;
  for (let k = 0; k < b.parts.length; k++) {
    const p = b.parts[k];
    const labelEnd = lines.contentEnd(p.first);
    const bodyEnd = p.end > p.first ? lines.contentEnd(p.end - 1) : labelEnd;
    // What `JoinedText.of(lines.linesOf(p.first, p.end), p.labelRange.end)` would join, read
    // from the lines without joining them: where its first piece starts and whether it is all
    // white space (its folded text empty), which is all the diagnostics need of a part.
    const from = p.labelRange.end;
    let firstPiece = from;
    while (firstPiece < labelEnd && isRegExpSpace(text.charCodeAt(firstPiece))) firstPiece++;
    let empty = firstPiece === labelEnd;
    if (empty) firstPiece = -1;
    if (p.end > p.first + 1) {
      // The label line holds nothing after the label: the next line (never blank) starts the text.
      if (firstPiece < 0) firstPiece = lines.contentStart(p.first + 1);
      for (let i = p.first + 1; empty && i < p.end; i++) if (NON_SPACE.test(lines.t(i))) empty = false;
    }
    const bodyStart = Math.min(bodyEnd, firstPiece >= 0 ? firstPiece : p.labelRange.end);
    const to = p.end > p.first ? bodyEnd : from;
    const label = fold(text.slice(p.labelRange.start, p.labelRange.end));
    const part = new PartObject(
      p.kind,
      label,
      p.labelRange,
      { start: bodyStart, end: bodyEnd },
      { start: p.labelRange.start, end: bodyEnd },
      text,
      from,
      to,
      empty,
    );
    parts[k] = part;
    // The first part of each kind is the item's; the first rationale gives the conclusion.
    if (p.kind === 'claims-administrator-guideline') claimsAdministratorGuideline ??= part;
    else if (p.kind === 'reviewer-guideline') reviewerGuideline ??= part;
    else if (!rationale) {
      rationale = part;
      conclusion = conclusionOfLines(lines, p.first, p.end, from);
    }
  }
  const lastEnd = parts.length > 0 ? parts[parts.length - 1].range.end : lines.spanOf(b.first, b.decisionLast + 1).end;
  const start = b.first <= b.decisionLast ? lines.contentStart(b.first) : b.name.start;
  const decisionEnd = b.first <= b.decisionLast ? lines.contentEnd(b.decisionLast) : b.name.end;
  // A partly authorized item is named by the part left for IMR, inside the decision line's name.
  const partial = partForImr(text, b.name);
  const name = partial ? partial.name : b.name;
  return new ItemObject(
    {
      name: fold(text.slice(name.start, name.end)),
      nameRange: name,
      requested: partial?.requested,
      authorized: partial?.authorized,
      decisionRange: { start, end: Math.max(start, decisionEnd) },
      outcome: b.outcome,
      claimsAdministratorGuideline,
      reviewerGuideline,
      rationale,
      parts,
      conclusion,
      range: { start, end: Math.max(lastEnd, start) },
    },
    citationsOfParts(parts),
  );
}
