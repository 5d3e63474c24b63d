// The repairs for what checkLetter finds, in the engine's own terms: text edits on offsets.
// The language server turns them into code actions (features/codeActions.ts); the command-line
// tool may apply them. Every edit keeps the letter's own spacing (double-spaced or not) and line
// ending, and a repair the user still has to complete carries a bracketed placeholder.

import { Finding, itemKey } from './check';
import { applyEdits, Edit } from './format';
import { LAYOUTS } from './layouts';
import type { DisputedItem, Layout, Letter, LetterDocument, PartKind, Span } from './model';
import { partLabelAt } from './parse';
import { editDistance } from './text';

export type { Edit };
export { applyEdits };

export interface Fix {
  title: string;
  kind: 'quickfix';
  /** Empty for a "go to" fix, which only shows a place (`reveal`). */
  edits: Edit[];
  /** The obvious repair: the one Fix All applies. At most one per finding. */
  preferred?: boolean;
  /** Where a "go to" fix takes the user. */
  reveal?: Span;
}

type Outcome = 'Upheld' | 'Overturned';

const PART_ORDER: Record<PartKind, number> = {
  'claims-administrator-guideline': 0,
  'reviewer-guideline': 1,
  rationale: 2,
};

const LABELS: Record<PartKind, string> = {
  'claims-administrator-guideline': 'Claims Administrator guideline:',
  'reviewer-guideline': 'MAXIMUS guideline:',
  rationale: 'Decision rationale:',
};

export const PLACEHOLDERS: Record<PartKind, string> = {
  'claims-administrator-guideline': '[state the claims administrator guideline]',
  'reviewer-guideline': '[state the guideline source]',
  rationale: '[state the decision rationale]',
};

export const ITEM_PLACEHOLDER = '[state the disputed item]';

const PART_NAMES: Record<PartKind, string> = {
  'claims-administrator-guideline': 'claims administrator guideline',
  'reviewer-guideline': 'reviewer guideline',
  rationale: 'decision rationale',
};

/** Layouts whose items are `<item>: <Outcome>` lines followed by labelled parts. */
const DECISION_LINE_LAYOUTS: ReadonlySet<Layout> = new Set(
  (Object.keys(LAYOUTS) as Layout[]).filter((l) => LAYOUTS[l].outcomeForm === 'decision-line'),
);

/** Words reviewers write for an outcome, mapped to the outcome they mean. */
const SYNONYMS: Record<string, Outcome> = {
  uphold: 'Upheld',
  upholds: 'Upheld',
  upheld: 'Upheld',
  affirmed: 'Upheld',
  denied: 'Upheld',
  overturn: 'Overturned',
  overturns: 'Overturned',
  overturned: 'Overturned',
  overruled: 'Overturned',
  reversed: 'Overturned',
  approved: 'Overturned',
  certified: 'Overturned',
};

/**
 * The outcome a written word is nearest to, when one clearly is: a known synonym, or a typo within
 * a third of the outcome's length that is at least two edits closer to it than to the other outcome.
 */
export function nearestOutcome(word: string): Outcome | undefined {
  const w = word.replace(/\.$/, '').toLowerCase();
  if (SYNONYMS[w]) return SYNONYMS[w];
  const up = editDistance(w, 'upheld');
  const over = editDistance(w, 'overturned');
  if (up <= 2 && over - up >= 2) return 'Upheld';
  if (over <= 3 && up - over >= 2) return 'Overturned';
  return undefined;
}

/** The outcome the rationale's conclusion supports, if it states one. */
export function supportedOutcome(item: DisputedItem): Outcome | undefined {
  if (item.conclusion.kind === 'not-medically-necessary') return 'Upheld';
  if (item.conclusion.kind === 'medically-necessary') return 'Overturned';
  return undefined;
}

function conclusionWords(item: DisputedItem): string {
  return item.conclusion.kind === 'medically-necessary' ? 'medically necessary' : 'not medically necessary';
}

/** The outcome written the way the letter wrote the word it replaces: capitals stay capitals, a final period stays. */
function styled(outcome: Outcome, like: string): string {
  const letters = like.replace(/[^A-Za-z]/g, '');
  const word = letters.length > 1 && letters === letters.toUpperCase() ? outcome.toUpperCase() : outcome;
  return like.endsWith('.') ? word + '.' : word;
}

function itemOf(doc: LetterDocument, f: Finding): { letter: Letter; item: DisputedItem } | undefined {
  const letter = doc.letters[f.letterIndex];
  const item = f.itemIndex !== undefined ? letter?.items[f.itemIndex] : undefined;
  return letter && item ? { letter, item } : undefined;
}

/** What separates two paragraphs in this letter: one blank line, or in double-spaced text a blank, a line holding a space, a blank. */
const breaks = new WeakMap<LetterDocument, string>();

export function paragraphBreak(doc: LetterDocument): string {
  const eol = doc.eol;
  if (!doc.doubleSpaced) return eol + eol;
  let found = breaks.get(doc);
  if (found === undefined) {
    // Double-spaced extraction marks a paragraph with a line holding a space; a letter without such lines uses blank lines.
    found = /(?:^|[\r\n])[ \t]+(?:\r\n|\r|\n)/.test(doc.text) ? eol + eol + ' ' + eol + eol : eol + eol + eol;
    breaks.set(doc, found);
  }
  return found;
}

/** The label the letter itself uses for a part (from another item), else the usual one. */
function labelFor(letter: Letter, kind: PartKind): string {
  for (const item of letter.items) {
    for (const p of item.parts) {
      if (p.kind === kind && partLabelAt(p.label)?.kind === kind && /:$/.test(p.label)) return p.label;
    }
  }
  return LABELS[kind];
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** The offset after the line break that ends the line holding `offset` (the text's end on the last line). */
function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (i < text.length && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return Math.min(text.length, i + 1);
}

/**
 * The item's block with the blank lines after it: from the start of its first line to the start of
 * the next line of text. When no text follows, the blank lines before it go instead, so that the
 * end of the file stays as it was.
 */
export function itemBlock(text: string, item: DisputedItem): Span {
  const start = lineStartOf(text, item.range.start);
  let line = nextLineStart(text, item.range.end);
  while (line < text.length) {
    const next = nextLineStart(text, line);
    if (/\S/.test(text.slice(line, next))) return { start, end: line };
    line = next;
  }
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  return before > 0 ? { start: before, end: item.range.end } : { start, end: text.length };
}

// ---------------------------------------------------------------------------------------------

export function fixesFor(doc: LetterDocument, finding: Finding): Fix[] {
  const found = itemOf(doc, finding);
  if (!found) return [];
  const { letter, item } = found;
  switch (finding.code) {
    case 'unknown-decision':
      return unknownDecision(item);
    case 'missing-decision':
      return missingDecision(doc, letter, item);
    case 'missing-rationale':
      return missingPart(doc, letter, item, 'rationale');
    case 'missing-reviewer-guideline':
      return missingPart(doc, letter, item, 'reviewer-guideline');
    case 'missing-claims-administrator-guideline':
      return missingPart(doc, letter, item, 'claims-administrator-guideline');
    case 'decision-contradicts-rationale':
      return contradiction(doc, letter, item, finding);
    case 'duplicate-item':
      return duplicate(doc, letter, item, finding);
    default:
      return [];
  }
}

function unknownDecision(item: DisputedItem): Fix[] {
  const raw = item.outcome.raw;
  const nearest = nearestOutcome(raw);
  const supported = supportedOutcome(item);
  let candidates: Outcome[];
  let preferred: Outcome | undefined;
  if (nearest) {
    candidates = supported && supported !== nearest ? [nearest, supported] : [nearest];
    // A clear typo agreeing with the rationale (or a rationale without a conclusion) is the obvious repair.
    preferred = candidates.length === 1 ? nearest : undefined;
  } else {
    const w = raw.replace(/\.$/, '').toLowerCase();
    candidates =
      editDistance(w, 'overturned') < editDistance(w, 'upheld') ? ['Overturned', 'Upheld'] : ['Upheld', 'Overturned'];
    preferred = supported;
  }
  return candidates.map((c) => {
    const word = styled(c, raw);
    const because = c === supported ? ` (the rationale concludes: ${conclusionWords(item)})` : '';
    return {
      title: `Change "${raw}" to "${word}"${because}`,
      kind: 'quickfix' as const,
      edits: [{ range: item.outcome.range, newText: word }],
      preferred: c === preferred || undefined,
    };
  });
}

function missingDecision(doc: LetterDocument, letter: Letter, item: DisputedItem): Fix[] {
  if (!DECISION_LINE_LAYOUTS.has(letter.layout)) return [];
  const supported = supportedOutcome(item);
  const text = doc.text;
  const outcomes: Outcome[] = supported === 'Overturned' ? ['Overturned', 'Upheld'] : ['Upheld', 'Overturned'];
  return outcomes.map((o) => {
    const because = o === supported ? ` (the rationale concludes: ${conclusionWords(item)})` : '';
    let edit: Edit;
    if (item.name.length > 0) {
      const at = item.outcome.range.start;
      // trimEnd, not /\s+$/: the regular expression is quadratic on a long run of spaces.
      const before = text.slice(lineStartOf(text, at), at).trimEnd();
      edit = { range: { start: at, end: at }, newText: (before.endsWith(':') ? ' ' : ': ') + o };
    } else {
      // No decision line at all: write one above the item's first part.
      const at = item.parts.length > 0 ? item.parts[0].labelRange.start : item.range.start;
      edit = { range: { start: at, end: at }, newText: `${ITEM_PLACEHOLDER}: ${o}` + paragraphBreak(doc) };
    }
    return {
      title:
        item.name.length > 0
          ? `Add the outcome "${o}"${because}`
          : `Add a decision line "${ITEM_PLACEHOLDER}: ${o}"${because}`,
      kind: 'quickfix' as const,
      edits: [edit],
      preferred: o === supported || undefined,
    };
  });
}

function missingPart(doc: LetterDocument, letter: Letter, item: DisputedItem, kind: PartKind): Fix[] {
  const existing = item.parts.find((p) => p.kind === kind);
  if (existing) {
    // The label is there with nothing after it.
    if (existing.text.length > 0) return [];
    return [
      {
        title: `Fill in the empty ${PART_NAMES[kind]}`,
        kind: 'quickfix',
        edits: [
          {
            range: { start: existing.labelRange.end, end: existing.labelRange.end },
            newText: ' ' + PLACEHOLDERS[kind],
          },
        ],
        preferred: true,
      },
    ];
  }
  if (!DECISION_LINE_LAYOUTS.has(letter.layout)) return [];
  const label = labelFor(letter, kind);
  const part = `${label} ${PLACEHOLDERS[kind]}`;
  const sep = paragraphBreak(doc);
  const before = item.parts.filter((p) => PART_ORDER[p.kind] < PART_ORDER[kind]).pop();
  const after = item.parts.find((p) => PART_ORDER[p.kind] > PART_ORDER[kind]);
  let edit: Edit;
  if (before) edit = { range: { start: before.range.end, end: before.range.end }, newText: sep + part };
  else if (after) edit = { range: { start: after.labelRange.start, end: after.labelRange.start }, newText: part + sep };
  else edit = { range: { start: item.decisionRange.end, end: item.decisionRange.end }, newText: sep + part };
  return [{ title: `Insert "${label}"`, kind: 'quickfix', edits: [edit], preferred: true }];
}

function contradiction(doc: LetterDocument, letter: Letter, item: DisputedItem, finding: Finding): Fix[] {
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
}

function duplicate(doc: LetterDocument, letter: Letter, item: DisputedItem, finding: Finding): Fix[] {
  const out: Fix[] = [];
  const first = letter.items.find(
    (x) => x !== item && itemKey(x.name) === itemKey(item.name) && x.range.start < item.range.start,
  );
  const firstRange = finding.related?.range ?? first?.nameRange;
  if (firstRange) out.push({ title: 'Go to the first occurrence', kind: 'quickfix', edits: [], reveal: firstRange });
  const text = doc.text;
  const fold = (s: Span) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  // Removing a block that says exactly what the first one says loses nothing: that one is the obvious repair.
  const identical = first !== undefined && fold(first.range) === fold(item.range);
  out.push({
    title: identical
      ? 'Remove this duplicate item'
      : 'Remove this duplicate item (it differs from the first occurrence)',
    kind: 'quickfix',
    edits: [{ range: itemBlock(text, item), newText: '' }],
    preferred: identical || undefined,
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fix All

/** Where same-offset insertions go relative to each other: outcome before parts, parts in item order. */
function rankOf(f: Finding): number {
  switch (f.code) {
    case 'missing-claims-administrator-guideline':
      return 1 + PART_ORDER['claims-administrator-guideline'];
    case 'missing-reviewer-guideline':
      return 1 + PART_ORDER['reviewer-guideline'];
    case 'missing-rationale':
      return 1 + PART_ORDER.rationale;
    default:
      return 0;
  }
}

function conflicts(a: Span, b: Span): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // An insertion strictly inside a replaced range.
  if (a.start === a.end && b.start < a.start && a.start < b.end) return true;
  if (b.start === b.end && a.start < b.start && b.start < a.end) return true;
  return false;
}

/**
 * Findings whose repair decides the item: Fix All runs unattended (on save, for instance), so it
 * never writes or flips an outcome; the user picks those quick fixes one by one.
 */
export const DECISION_FINDINGS: ReadonlySet<Finding['code']> = new Set([
  'missing-decision',
  'decision-contradicts-rationale',
]);

/**
 * Every unambiguous repair at once: the preferred fix of each finding (but none that decides an
 * item), duplicates removed first, then in text order; a fix whose edits would overlap one already
 * taken is left out.
 */
export function fixAllEdits(doc: LetterDocument, findings: readonly Finding[]): Edit[] {
  const ordered = findings
    .filter((f) => !DECISION_FINDINGS.has(f.code))
    .sort(
      (a, b) =>
        Number(b.code === 'duplicate-item') - Number(a.code === 'duplicate-item') || a.range.start - b.range.start,
    );
  const taken: Array<{ edit: Edit; rank: number; seq: number }> = [];
  // The spans taken so far, sorted by start: they do not overlap, so only neighbours can conflict.
  const spans: Span[] = [];
  const firstAtOrAfter = (start: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (s: Span) => {
    const i = firstAtOrAfter(s.start);
    if (i > 0 && conflicts(s, spans[i - 1])) return true;
    for (let j = i; j < spans.length && spans[j].start <= s.end; j++) if (conflicts(s, spans[j])) return true;
    return false;
  };
  for (const f of ordered) {
    const fix = fixesFor(doc, f).find((x) => x.preferred && x.edits.length > 0);
    if (!fix) continue;
    if (fix.edits.some((e) => clashes(e.range))) continue;
    for (const edit of fix.edits) {
      taken.push({ edit, rank: rankOf(f), seq: taken.length });
      spans.splice(firstAtOrAfter(edit.range.start), 0, edit.range);
    }
  }
  return taken
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.rank - b.rank || a.seq - b.seq)
    .map((t) => t.edit);
}

/** The letter with every unambiguous repair applied. */
export function fixAll(doc: LetterDocument, findings: readonly Finding[]): string {
  return applyEdits(doc.text, fixAllEdits(doc, findings));
}
