// formatLetter: undo what PDF extraction did to a letter's layout, never its words.
//
// - the blank line extraction put after every line goes (double-spaced letters);
// - trailing white space and lines holding only white space go;
// - page footers and headers (`Page 2 of 5`, `- 2 -`, a lone case number `CM15-0123456`) and form
//   feeds at the start of a line go, wherever they fall;
// - a decision line whose outcome wrapped onto the next line is joined (`...6 sessions: Upheld`);
// - paragraphs stay: a paragraph break is wherever the parser sees one (parser/logicalLines.ts), and
//   comes out as exactly one blank line;
// - the letter's line ending (the first one found) is used for every line break written.
//
// Edits are computed per gap between two lines of text, so a range format touches only the lines
// it was asked to, and a document format is a list of small edits rather than one replacement.
// A plan is checked before it is returned: when the formatted letter would not parse to the same
// items, outcomes and findings, only trailing white space is removed (that cannot change a parse).

import { checkLetter, Finding, itemKey } from './check';
import { lastAtOrBefore } from './lines';
import { LAYOUTS } from './layouts';
import type { Letter, LetterDocument, Span } from './model';
import { parseLetter } from './parse';
import { detectEol, isDoubleSpaced, logicalLines } from './parser/logicalLines';
import { fold } from './fold';
import { Line, splitLines } from './lineTable';
import { PAGE_NOISE_IN_TEXT, REMOVABLE_PAGE_NOISE } from './vocabulary';

export interface Edit {
  readonly range: Span;
  readonly newText: string;
}

/** Blank lines written within a paragraph and between paragraphs. */
interface Spacing {
  within: number;
  between: number;
}

const SINGLE: Spacing = { within: 0, between: 1 };
/** When single spacing would make the parser take the result for double-spaced text (mostly one-line paragraphs). */
const SINGLE_WIDE: Spacing = { within: 0, between: 2 };
/** Range formatting in a double-spaced letter keeps its spacing: a selection alone must not change how the rest reads. */
const DOUBLE: Spacing = { within: 1, between: 2 };

/**
 * The edits in the order they apply: by offset, and at one offset the insertions first (in their
 * given order), then the edit that replaces text there. LSP clients apply edits that start at the
 * same place in the order of the array (vscode-languageserver-textdocument rejects a deletion
 * listed before an insertion at its start as overlapping: found by the fuzzer).
 */
export function inApplicationOrder(edits: readonly Edit[]): Edit[] {
  const empty = (e: Edit) => (e.range.end === e.range.start ? 0 : 1);
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start - b.e.range.start || empty(a.e) - empty(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** Apply non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of inApplicationOrder(edits)) {
    if (e.range.start < at) throw new Error(`overlapping edits at ${e.range.start}`);
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/** The whole document formatted. */
export function formatLetter(text: string): string {
  return applyEdits(text, formatEdits(text));
}

/** A selection formatted: only lines that `range` touches change (the range is widened to whole lines). */
export function formatLetterRange(text: string, range: Span): string {
  return applyEdits(text, formatEdits(text, range));
}

/**
 * The edits that format the document, or only the lines a range touches. Checked: the result parses
 * to the same items, outcomes and findings (see `sameReading`), else only trailing spaces are removed.
 */
export function formatEdits(text: string, range?: Span, doc: LetterDocument = parseLetter(text)): Edit[] {
  const edits = inApplicationOrder(planFormat(text, range, doc));
  if (edits.length === 0) return edits;
  if (sameReading(doc, parseLetter(applyEdits(text, edits)))) return edits;
  return inApplicationOrder(trailingSpaceEdits(text, range));
}

/** The formatting plan without the parse check: for tests that prove the check never has to step in. */
export function planFormat(text: string, range?: Span, doc: LetterDocument = parseLetter(text)): Edit[] {
  const lines = splitLines(text);
  const doubleSpaced = isDoubleSpaced(lines);
  const logical = logicalLines(lines, doubleSpaced);
  if (logical.length === 0) return [];
  const eol = detectEol(text);
  const window = range ? wholeLines(text, lines, range) : undefined;
  const first = lines[logical[0].line];
  const last = lines[logical[logical.length - 1].line];
  const coversAll = !window || (window.start <= first.contentStart && window.end >= last.contentEnd);
  const joins = wrappedOutcomes(
    lines,
    logical.map((l) => l.line),
    doc,
  );
  const names = wrappedNames(
    lines,
    logical.map((l) => l.line),
    doc,
  );

  // A header value on a line of its own can look like page furniture (a lone case number).
  const headerValues = doc.letters.flatMap((l) => l.header.map((f) => f.valueRange));

  const plan = (spacing: Spacing): Edit[] => {
    const edits: Edit[] = [];
    const push = (start: number, end: number, newText: string) => {
      const e = minimal(text, start, end, newText);
      if (e && (!window || (e.range.start >= window.start && e.range.end <= window.end))) edits.push(e);
    };
    const kept = (from: number, to: number) => keptNoise(lines, from, to, headerValues);

    // Before the first line of text: blank lines go, page furniture that is not removable stays.
    const head = kept(0, logical[0].line);
    push(0, first.start, head.map((t) => t + eol + eol.repeat(spacing.within)).join(''));
    const joined = (k: number) =>
      k > 0 && joins.has(k - 1) && kept(logical[k - 1].line + 1, logical[k].line).length === 0;
    for (let k = 0; k < logical.length; k++) {
      const line = lines[logical[k].line];
      if (joined(k)) {
        // The outcome wrapped: it goes back on its decision line.
        push(lines[logical[k - 1].line].contentEnd, line.contentStart, ' ');
      } else {
        const lead = text.slice(line.start, line.contentStart);
        if (lead.includes('\f')) push(line.start, line.contentStart, lead.replace(/\f/g, ''));
        if (k > 0) {
          const prev = lines[logical[k - 1].line];
          const blanks = logical[k].paragraphStart && !names.has(k) ? spacing.between : spacing.within;
          const noise = kept(logical[k - 1].line + 1, logical[k].line);
          const sep = eol + eol.repeat(blanks) + noise.map((t) => t + eol + eol.repeat(spacing.within)).join('');
          push(prev.end, line.start, sep);
        }
      }
      // Trailing white space is an edit of its own, so that a selection ending on this line still loses it.
      if (!(k + 1 < logical.length && joined(k + 1))) push(line.contentEnd, line.end, '');
    }
    // After the last line: one line break if there was one, and any page furniture that stays.
    const tail = kept(logical[logical.length - 1].line + 1, lines.length);
    const hadBreak = last.end < text.length;
    push(last.end, text.length, tail.length > 0 ? eol + tail.join(eol) + eol : hadBreak ? eol : '');
    return edits;
  };

  if (doubleSpaced && !coversAll) return plan(DOUBLE);
  const single = plan(SINGLE);
  // Would the formatted letter still read as single-spaced? If not, paragraph breaks need two blank lines.
  // Formatted whole, the lines followed by exactly one blank are at most one per paragraph break
  // plus the last line (the parser counts the final line break as a blank after it), out of at
  // least one line per logical line less the joined outcomes: below the parser's threshold the
  // answer is known without building the text.
  const paragraphs = logical.filter((l) => l.paragraphStart).length;
  if (!window && paragraphs < 0.6 * (logical.length - joins.size)) return single;
  const after = applyEdits(text, single);
  if (!isDoubleSpaced(splitLines(after))) return single;
  return plan(SINGLE_WIDE);
}

/** The range widened to whole lines: from the start of its first line to the start of the line after its last. */
function wholeLines(text: string, lines: readonly Line[], range: Span): Span {
  const starts = lines.map((l) => l.start);
  const lineAt = (offset: number) => lastAtOrBefore(starts, offset);
  const a = lineAt(Math.max(0, range.start));
  // A selection that ends at the very start of a line does not take that line.
  let b = lineAt(Math.min(text.length, range.end));
  if (b > a && range.end === starts[b]) b--;
  return { start: starts[a], end: b + 1 < starts.length ? starts[b + 1] : text.length };
}

/** The page furniture among lines [from, to) that is not removed: each as its trimmed text. */
function keptNoise(lines: readonly Line[], from: number, to: number, headerValues: readonly Span[]): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line.noise) continue;
    const value = headerValues.some((v) => v.start < line.contentEnd && v.end > line.contentStart);
    if (value || !REMOVABLE_PAGE_NOISE.test(line.t)) out.push(line.t);
  }
  return out;
}

/**
 * Logical line indices k on which an item's wrapped name goes on from line k - 1 although a blank
 * line stands between them: the blank line of a page break (pdftotext, mutool), which the parser
 * reads across. The formatted name stays one paragraph.
 */
function wrappedNames(lines: readonly Line[], logicalToLine: readonly number[], doc: LetterDocument): Set<number> {
  const starts = logicalToLine.map((line) => lines[line].contentStart);
  const out = new Set<number>();
  for (const letter of doc.letters) {
    if (LAYOUTS[letter.layout].outcomeForm !== 'decision-line') continue;
    for (const item of letter.items) {
      if (item.nameRange.end <= item.nameRange.start) continue;
      // From the decision line's first line: a partly authorized item's name is its paragraph's last words.
      const a = lastAtOrBefore(starts, Math.min(item.decisionRange.start, item.nameRange.start));
      const b = lastAtOrBefore(starts, item.nameRange.end - 1);
      for (let k = Math.max(a, 0) + 1; k <= b; k++) out.add(k);
    }
  }
  return out;
}

/**
 * Logical line indices k whose next logical line holds only the item's wrapped outcome, for decision
 * lines of the `<item>: <Outcome>` kind (not the sentences of 2013 notices or the professional review form).
 */
function wrappedOutcomes(lines: readonly Line[], logicalToLine: readonly number[], doc: LetterDocument): Set<number> {
  const byStart = new Map<number, number>();
  logicalToLine.forEach((line, k) => byStart.set(lines[line].contentStart, k));
  const out = new Set<number>();
  for (const letter of doc.letters) {
    if (LAYOUTS[letter.layout].outcomeForm !== 'decision-line') continue;
    for (const item of letter.items) {
      const o = item.outcome;
      if (o.kind === 'missing' || o.raw.length === 0) continue;
      const k = byStart.get(o.range.start);
      if (k === undefined || k === 0) continue;
      const outcomeLine = lines[logicalToLine[k]];
      const prev = lines[logicalToLine[k - 1]];
      if (outcomeLine.contentEnd !== o.range.end || !prev.t.endsWith(':')) continue;
      if (item.nameRange.end > prev.contentEnd || item.nameRange.end < prev.contentStart) continue;
      out.add(k - 1);
    }
  }
  return out;
}

/** The edit trimmed to what actually changes, never splitting a CRLF pair; undefined when nothing does. */
function minimal(text: string, start: number, end: number, newText: string): Edit | undefined {
  const old = text.slice(start, end);
  if (old === newText) return undefined;
  let p = 0;
  const maxP = Math.min(old.length, newText.length);
  while (p < maxP && old.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  const maxS = Math.min(old.length, newText.length) - p;
  while (s < maxS && old.charCodeAt(old.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  let a = start + p;
  let b = end - s;
  // Keep '\r\n' whole on both ends of the edit.
  while (a > start && text.charCodeAt(a - 1) === 13 && text.charCodeAt(a) === 10) {
    a--;
    p--;
  }
  while (b < end && text.charCodeAt(b - 1) === 13 && text.charCodeAt(b) === 10) {
    b++;
    s--;
  }
  return { range: { start: a, end: b }, newText: newText.slice(p, newText.length - s) };
}

/** The fallback: trailing white space off lines of text, which changes nothing the parser reads. */
function trailingSpaceEdits(text: string, range?: Span): Edit[] {
  const lines = splitLines(text);
  const window = range ? wholeLines(text, lines, range) : undefined;
  const out: Edit[] = [];
  for (const l of lines) {
    if (l.blank || l.contentEnd === l.end) continue;
    if (window && (l.contentEnd < window.start || l.end > window.end)) continue;
    out.push({ range: { start: l.contentEnd, end: l.end }, newText: '' });
  }
  return out;
}

/** What must not change when a letter is formatted: its letters, items, outcomes, parts, conclusions and findings. */
export function sameReading(before: LetterDocument, after: LetterDocument): boolean {
  if (before.letters.length !== after.letters.length) return false;
  for (let i = 0; i < before.letters.length; i++) {
    const a = before.letters[i];
    const b = after.letters[i];
    if (a.layout !== b.layout || a.items.length !== b.items.length) return false;
    // The case number is the letter's identity (notes are keyed by it); the header dates give the appeal's.
    if (a.caseNumber !== b.caseNumber || headerText(a) !== headerText(b)) return false;
    for (let j = 0; j < a.items.length; j++) {
      const x = a.items[j];
      const y = b.items[j];
      if (x.outcome.kind !== y.outcome.kind || fold(x.outcome.raw) !== fold(y.outcome.raw)) return false;
      if (x.conclusion.kind !== y.conclusion.kind) return false;
      if (x.parts.map((p) => p.kind).join() !== y.parts.map((p) => p.kind).join()) return false;
      if (nameKey(x.name) !== nameKey(y.name)) return false;
    }
  }
  // No finding may appear that was not there before.
  const seen = new Map<string, number>();
  for (const f of checkLetter(before)) seen.set(findingKey(f), (seen.get(findingKey(f)) ?? 0) + 1);
  for (const f of checkLetter(after)) {
    const n = seen.get(findingKey(f)) ?? 0;
    if (n === 0) return false;
    seen.set(findingKey(f), n - 1);
  }
  return true;
}

function headerText(letter: Letter): string {
  return letter.header.map((f) => `${f.name}=${fold(f.value)}`).join('\n');
}

/** An item's name without page furniture that extraction dropped into a wrapped name. */
function nameKey(name: string): string {
  return itemKey(name.replace(PAGE_NOISE_IN_TEXT, ' '));
}

function findingKey(f: Finding): string {
  return `${f.code}/${f.letterIndex}/${f.itemIndex ?? ''}`;
}
