// parseLetter: from the text of a file to the model of the letters in it.
//
// The parser is driven by what it finds, never by fixed offsets: PDF extraction leaves a blank line
// after every line (or none), page footers in mid-paragraph, CRLF, curly quotes, wrapped decision
// lines. It works on "logical lines" (lines that are neither blank nor page noise) and looks at the
// blank lines between them only to tell paragraphs apart. One pass over the lines, then one pass
// per letter; nothing is quadratic in the number of lines.

import { guidelineCitations, mentionedCitations } from './citations';
import { keep, settle } from './lazy';
import { LineIndex } from './lines';
import { keepShapes } from './shapes';
import type {
  Citation,
  Conclusion,
  DisputedItem,
  HeaderField,
  ItemPart,
  Layout,
  Letter,
  LetterDocument,
  Outcome,
  OutcomeKind,
  PartKind,
  ReviewerCredentials,
  Section,
  SectionKind,
  Span,
} from './model';
import {
  BLANK,
  COLON,
  editDistance,
  fold,
  isPooled,
  isRegExpSpace,
  isWhite,
  JoinedText,
  Line,
  LineTable,
  pooledBuffer,
  logicalLinesIn,
  NOISE,
  SPACED,
  straighten,
  trimEndWhere,
  withoutTrailingColon,
} from './text';

// ---------------------------------------------------------------------------------------------
// What lines mean

export interface HeadingSpec {
  kind: SectionKind;
  /** The words the pattern can begin with: lines that begin otherwise are not tested (see prefixCode). */
  starts: string[];
  re: RegExp;
}

/** Section headings of every layout; a heading that ends in ':' may have text after it on its line. */
export const HEADINGS: readonly HeadingSpec[] = [
  { kind: 'determination', starts: ['how'], re: /^HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE\s*:?$/i },
  { kind: 'summary', starts: ['clinical', 'case'], re: /^(?:CLINICAL\s+)?CASE\s+SUMMARY\s*:/i },
  { kind: 'summary', starts: ['clinical', 'case'], re: /^(?:CLINICAL\s+)?CASE\s+SUMMARY$/i },
  { kind: 'documents', starts: ['documents'], re: /^DOCUMENTS\s+REVIEWED(?:\s+FOR\s+DETERMINATION)?\s*:?$/i },
  { kind: 'decisions', starts: ['imr'], re: /^IMR\s+ISSUES?\s*,?\s+DECISIONS?\s*,?\s+AND\s+RATIONALES?\s*:?$/i },
  { kind: 'decisions', starts: ['imr'], re: /^IMR\s+DECISION\s*\(?S?\)?\s+AND\s+RATIONALE\s*\(?S?\)?\s*:?$/i },
  {
    kind: 'decisions',
    starts: ['independent'],
    re: /^INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISIONS?\s+AND\s+RATIONALES?\s*:?$/i,
  },
  { kind: 'issue', starts: ['issues'], re: /^ISSUES?\s+AT\s+DISPUTE\s*:/i },
  {
    kind: 'guidelines',
    starts: ['medical'],
    re: /^MEDICAL\s+TREATMENT\s+GUIDELINE\s*\(?S?\)?\s+RELIED\s+UPON\s+BY\s+(?:THE\s+)?PROFESSIONAL\s+REVIEWER\s+AND\s+WHY\s*:/i,
  },
  {
    kind: 'rationale',
    starts: ['rationale'],
    re: /^RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT\s*\/\s*SERVICE\s+IS\s*\/\s*WAS\s+NOT\s+MEDICALLY\s+NECESSARY\s*:/i,
  },
  { kind: 'qualifications', starts: ['medical'], re: /^MEDICAL\s+REVIEWER\s+QUALIFICATIONS\s*:/i },
  { kind: 'qualifications', starts: ['medical'], re: /^Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer\s*:/i },
];

export const PART_LABELS: ReadonlyArray<{ kind: PartKind; starts: string[]; re: RegExp }> = [
  {
    kind: 'claims-administrator-guideline',
    starts: ['claims'],
    re: /^Claims?\s+Administrator(?:'s)?\s+guidelines?\s*:/i,
  },
  {
    kind: 'reviewer-guideline',
    starts: ['maximus', 'expert', 'reviewer', 'imr'],
    re: /^(?:MAXIMUS|Expert\s+Reviewer(?:'s)?|Reviewer(?:'s)?|IMR)\s+guidelines?\s*:/i,
  },
  { kind: 'rationale', starts: ['decision'], re: /^Decision\s+rationale\s*:/i },
  // 2013 notices
  {
    kind: 'claims-administrator-guideline',
    starts: ['medical'],
    re: /^Medical\s+Treatment\s+Guideline\s*\(?s?\)?\s+used\s+by\s+the\s+Claims\s+Administrator\s*:/i,
  },
  {
    kind: 'reviewer-guideline',
    starts: ['medical'],
    re: /^Medical\s+Treatment\s+Guideline\s*\(?s?\)?\s+used\s+by\s+the\s+Expert\s+Reviewer\s*:/i,
  },
  { kind: 'rationale', starts: ['rationale'], re: /^Rationale\s+for\s+the\s+Decision\s*:/i },
];

const PART_ORDER: Record<PartKind, number> = {
  'claims-administrator-guideline': 0,
  'reviewer-guideline': 1,
  rationale: 2,
};

// Lines hold no '\r' or '\n', but may hold U+2028/U+2029, which '.' does not match without the s flag.
const CASE_NUMBER_FIELD = /^Case\s+(?:Number|No\.?|#)\s*:\s*(\S.*)?$/is;
const LETTERHEAD = /^MAXIMUS\s+FEDERAL\s+SERVICES(?:\s*,?\s*INC\.?)?$/i;
const PROFESSIONAL_REVIEW = /^MEDICAL\s+PROFESSIONAL\s+REVIEW$/i;
const NOTICE_2013 = /^Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination$/i;
const INTRO = /^The\s+Final\s+Determination\s+was\s+based\s+on\s+decisions?\b/i;
const REGARDING = /^(\d+)\s*[).]\s*Regarding\s+the\s+request\s+for\s+/i;
const HEADER_FIELD = /^([A-Z][A-Za-z0-9 .#/()'-]{1,40}?)\s*:\s*(\S.*)?$/s;
/** `<item as requested>: <Outcome>`: the outcome is the one word after the last colon. */
const DECISION = /^(.*\S)\s*:\s*([A-Za-z][A-Za-z'-]*\.?)$/s;
const LONE_WORD = /^[A-Za-z][A-Za-z'-]*\.?$/;

// Most lines are prose. Every heading, marker and label above begins with a known word, so the
// parser compares a line's first three characters (folded to lower case) with those words and
// runs the regular expressions, and slices the line, only on a match: most lines are turned away
// by their first character, read from the text.

/** The first three characters, ASCII letters folded to lower case, as one number. */
function prefixCode(a: number, b: number, c: number): number {
  return (((a | 32) & 0xff) << 16) | (((b | 32) & 0xff) << 8) | ((c | 32) & 0xff);
}

function wordPrefix(word: string): number {
  return prefixCode(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2));
}

/** The patterns of `specs` by the prefixes they can begin with, in the order of `specs`. */
function byPrefix<T extends { starts: string[] }>(specs: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const spec of specs) {
    for (const p of new Set(spec.starts.map(wordPrefix))) {
      const list = map.get(p) ?? [];
      list.push(spec);
      map.set(p, list);
    }
  }
  return map;
}

const HEADINGS_BY_PREFIX = byPrefix(HEADINGS);
const LABELS_BY_PREFIX = byPrefix(PART_LABELS);
/** Where splitLetters looks: HEADINGS, and the markers CASE_NUMBER_FIELD, LETTERHEAD, PROFESSIONAL_REVIEW and NOTICE_2013. */
const SPLIT_PREFIXES = new Set([
  ...HEADINGS_BY_PREFIX.keys(),
  ...['case', 'maximus', 'medical', 'notice'].map(wordPrefix),
]);
/** INTRO. */
const INTRO_PREFIX = wordPrefix('the');
/** The first characters (lower case) of every word above: a line that begins with another has no prefix worth looking up. */
const FIRST_CHARACTERS = new Uint8Array(128);
for (const p of [...SPLIT_PREFIXES, ...LABELS_BY_PREFIX.keys(), INTRO_PREFIX]) FIRST_CHARACTERS[p >> 16] = 1;

/** prefixCode of a line's content starting at `at`, or -1 when its first character begins none of the words. */
function prefixAt(text: string, at: number): number {
  const c = text.charCodeAt(at) | 32;
  if (c >= 128 || FIRST_CHARACTERS[c] === 0) return -1;
  return prefixCode(c, text.charCodeAt(at + 1), text.charCodeAt(at + 2));
}

export function headingAt(t: string): HeadingSpec | undefined {
  if (t.length > 140) return undefined;
  const specs = HEADINGS_BY_PREFIX.get(prefixAt(t, 0));
  if (specs) for (const h of specs) if (h.re.test(t)) return h;
  return undefined;
}

/** `t === t.toUpperCase()` without building the upper-case copy for every line of prose. */
function isUpperCase(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return t === t.toUpperCase();
  }
  return true;
}

export function partLabelAt(t: string): { kind: PartKind; length: number } | undefined {
  const specs = LABELS_BY_PREFIX.get(prefixAt(t, 0));
  if (!specs) return undefined;
  // Every label is words then its first ':' (test, not exec: no match object for each label).
  for (const p of specs) if (p.re.test(t)) return { kind: p.kind, length: t.indexOf(':') + 1 };
  return undefined;
}

/** What an outcome word means: the two valid words (any case, a trailing period allowed), else unknown. */
export function outcomeOf(word: string): OutcomeKind {
  const w = word.replace(/\.$/, '').toLowerCase();
  if (w === 'upheld') return 'upheld';
  if (w === 'overturned') return 'overturned';
  return 'unknown';
}

/** A word that is plainly meant as an outcome: a valid one, a near miss, or a word reviewers use for one. */
export function looksLikeOutcome(word: string): boolean {
  const w = word.replace(/\.$/, '').toLowerCase();
  if (w === 'upheld' || w === 'overturned') return true;
  if (
    /^(?:uphold|upholds|overturn|overturns|overruled|reversed|denied|approved|certified|modified|affirmed|pending|partial)$/.test(
      w,
    )
  )
    return true;
  return editDistance(w, 'upheld') <= 2 || editDistance(w, 'overturned') <= 3;
}

// ---------------------------------------------------------------------------------------------
// Logical lines and paragraphs

export interface Logical {
  /** Index into the physical lines. */
  line: number;
  /** True when a paragraph break separates this logical line from the previous one. */
  paragraphStart: boolean;
}

/** Line flags (text.ts BLANK, SPACED, NOISE) of lines given as objects. */
function flagsOf(lines: readonly Line[]): Uint8Array {
  const flags = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++)
    flags[i] = (lines[i].blank ? BLANK : 0) | (lines[i].spaced ? SPACED : 0) | (lines[i].noise ? NOISE : 0);
  return flags;
}

/**
 * In a double-spaced extraction a single blank line follows every line, so only two or more blank
 * lines (or a line holding a space, which extraction emits between paragraphs) break a paragraph.
 */
export function logicalLines(lines: readonly Line[], doubleSpaced: boolean): Logical[] {
  const { line, paragraphStart } = logicalIndex(flagsOf(lines), doubleSpaced);
  const out: Logical[] = new Array(line.length);
  for (let k = 0; k < line.length; k++) out[k] = { line: line[k], paragraphStart: paragraphStart[k] === 1 };
  return out;
}

/**
 * logicalLines on the flags of the first `n` lines, in typed arrays (one buffer): the physical line
 * of each logical line, and whether it starts a paragraph (1) or not (0).
 */
export function logicalIndex(
  flags: Uint8Array,
  doubleSpaced: boolean,
  n = flags.length,
): { line: Int32Array; paragraphStart: Uint8Array } {
  // Only the parser reads it, while it parses: a large text's comes from the pool (text.ts).
  const buffer = pooledBuffer(n * 5, isPooled(n) ? 'logical' : undefined);
  const line = new Int32Array(buffer, 0, n);
  const paragraphStart = new Uint8Array(buffer, n * 4, n);
  let count = 0;
  let blanks = 0;
  let spaced = false;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f & BLANK) {
      blanks++;
      if (f & SPACED) spaced = true;
      continue;
    }
    if (f & NOISE) {
      // A page footer in double-spaced text brings its own blank line: without this, a footer in
      // mid-paragraph would read as a paragraph break.
      if (doubleSpaced && blanks > 0) blanks--;
      continue;
    }
    line[count] = i;
    paragraphStart[count] = count === 0 || spaced || (doubleSpaced ? blanks >= 2 : blanks >= 1) ? 1 : 0;
    count++;
    blanks = 0;
    spaced = false;
  }
  // paragraphStart is read at logical lines only: it need not be cut to `count`.
  return { line: line.subarray(0, count), paragraphStart };
}

export function isDoubleSpaced(lines: readonly Line[]): boolean {
  return isDoubleSpacedFlags(flagsOf(lines));
}

/** Whether the first `n` lines are double spaced (see isDoubleSpaced). */
function isDoubleSpacedFlags(flags: Uint8Array, n = flags.length): boolean {
  let text = 0;
  let followedByOneBlank = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (flags[i] & BLANK) continue;
    text++;
    if ((flags[i + 1] & (BLANK | SPACED)) === BLANK && (i + 2 >= n || !(flags[i + 2] & BLANK))) followedByOneBlank++;
  }
  return text > 0 && followedByOneBlank / text >= 0.6;
}

export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  // Only a '\r' before the first '\n' can be the first line break: the search stops there (a
  // text without '\r' would otherwise be read to its end, 10 MB for every parse of an export).
  const cr = (lf < 0 ? text : text.slice(0, lf)).indexOf('\r');
  if (cr >= 0) return lf === cr + 1 ? '\r\n' : '\r';
  return '\n';
}

// ---------------------------------------------------------------------------------------------
// Splitting a file into letters and sections

interface RawSection {
  kind: SectionKind;
  title: string;
  /** Logical-line index of the heading's first line. */
  first: number;
  /** Logical-line index of the heading's last line (a wrapped heading spans two). */
  headingLast: number;
  heading: Span;
  /** Where the body begins: after the heading (and its colon) on its last line. */
  bodyStart: number;
  /** Logical-line index after the section's last line. */
  end: number;
}

interface RawLetter {
  first: number;
  end: number;
  layoutHint?: Layout;
  sections: RawSection[];
  caseNumber?: string;
}

class Parser {
  readonly lines: LineTable;
  readonly lineStarts: Int32Array;
  /** The physical line of each logical line (see logicalLines). */
  readonly logical: Int32Array;
  /** 1 where a logical line starts a paragraph. */
  readonly paragraphStart: Uint8Array;
  readonly doubleSpaced: boolean;

  constructor(readonly text: string) {
    this.lines = new LineTable(text);
    this.lineStarts = this.lines.starts;
    this.doubleSpaced = isDoubleSpacedFlags(this.lines.flags, this.lines.length);
    const logical = logicalIndex(this.lines.flags, this.doubleSpaced, this.lines.length);
    this.logical = logical.line;
    this.paragraphStart = logical.paragraphStart;
  }

  /** The content of logical line i (sliced on each call: keep it while it is needed). */
  t(i: number): string {
    return this.lines.t(this.logical[i]);
  }

  /** Logical line i as an object, for code that runs on a few lines; the rest reads contentStart and contentEnd. */
  lineOf(i: number): Line {
    return this.lines.line(this.logical[i]);
  }

  contentStart(i: number): number {
    return this.lines.contentStart[this.logical[i]];
  }

  contentEnd(i: number): number {
    return this.lines.contentEnd[this.logical[i]];
  }

  /** prefixCode of logical line i, read from the text without slicing the line. */
  prefix(i: number): number {
    return prefixAt(this.text, this.contentStart(i));
  }

  /** Whether logical line i's content holds a ':' (LineTable's COLON flag). */
  hasColon(i: number): boolean {
    return (this.lines.flags[this.logical[i]] & COLON) !== 0;
  }

  /** Whether logical line i's content ends with ':'. */
  endsWithColon(i: number): boolean {
    return this.text.charCodeAt(this.contentEnd(i) - 1) === 58;
  }

  /** partLabelAt of logical line i (whose prefix is `prefix`), slicing it only when it may be one. */
  labelAt(i: number, prefix = this.prefix(i)): { kind: PartKind; length: number } | undefined {
    return LABELS_BY_PREFIX.has(prefix) ? partLabelAt(this.t(i)) : undefined;
  }

  /** The heading at logical line i (whose content is `t`), joining a heading wrapped onto a second line. */
  headingAt(
    i: number,
    t = this.t(i),
  ): { spec: HeadingSpec; last: number; title: string; headingEnd: number } | undefined {
    const spec = headingAt(t);
    if (spec) {
      const m = spec.re.exec(t)!;
      return { spec, last: i, title: fold(m[0]), headingEnd: this.contentStart(i) + m[0].length };
    }
    // Long capitalized headings wrap; try this line with the next one.
    if (i + 1 < this.logical.length && t.length >= 10 && t.length < 100 && isUpperCase(t) && /[A-Z]/.test(t)) {
      const next = this.lineOf(i + 1);
      const joined = t + ' ' + next.t;
      const spec2 = headingAt(joined);
      if (spec2) {
        const m = spec2.re.exec(joined)!;
        const inNext = m[0].length - t.length - 1;
        if (inNext > 0) return { spec: spec2, last: i + 1, title: fold(m[0]), headingEnd: next.contentStart + inNext };
      }
    }
    return undefined;
  }

  splitLetters(): RawLetter[] {
    const letters: RawLetter[] = [];
    let current: RawLetter | undefined;
    const seen = new Set<SectionKind>();
    const open = (i: number, hint?: Layout): RawLetter => {
      if (current) current.end = i;
      current = { first: i, end: this.logical.length, layoutHint: hint, sections: [] };
      letters.push(current);
      seen.clear();
      return current;
    };
    for (let i = 0; i < this.logical.length; i++) {
      if (!SPLIT_PREFIXES.has(this.prefix(i))) continue;
      const t = this.t(i);
      // The markers below start with c, m or n (any case): test their first letter before the regexes.
      const c0 = t.charCodeAt(0) | 32;
      const caseField = c0 === 99 ? CASE_NUMBER_FIELD.exec(t) : null;
      if (caseField) {
        const value = caseField[1]?.trim();
        // A case number repeated at the top of each page is a page header, not a new letter.
        if (!current || (seen.size > 0 && current.caseNumber !== value)) open(i, 'case-header');
        if (current && current.caseNumber === undefined) current.caseNumber = value;
        continue;
      }
      if (c0 === 109 && (LETTERHEAD.test(t) || PROFESSIONAL_REVIEW.test(t))) {
        const hint: Layout = PROFESSIONAL_REVIEW.test(t) ? 'professional-review' : 'letterhead';
        if (!current || seen.size > 0) open(i, hint);
        else if (current.layoutHint === undefined || current.layoutHint === 'case-header')
          current.layoutHint = current.layoutHint ?? hint;
        continue;
      }
      if (c0 === 110 && NOTICE_2013.test(t)) {
        if (!current || seen.size > 0) open(i, 'notice-2013');
        else current.layoutHint = 'notice-2013';
        continue;
      }
      const h = this.headingAt(i, t);
      if (!h) continue;
      const kind = h.spec.kind;
      // A heading the current letter already has, or the opening heading after its decisions, begins the next letter.
      if (!current || seen.has(kind) || (kind === 'determination' && seen.has('decisions'))) open(i);
      seen.add(kind);
      const letter = current!;
      const prev = letter.sections[letter.sections.length - 1];
      if (prev) prev.end = i;
      letter.sections.push({
        kind,
        title: h.title,
        first: i,
        headingLast: h.last,
        heading: { start: this.contentStart(i), end: Math.min(h.headingEnd, this.contentEnd(h.last)) },
        bodyStart: h.headingEnd,
        end: this.logical.length,
      });
      i = h.last;
    }
    for (const letter of letters) {
      const last = letter.sections[letter.sections.length - 1];
      if (last) last.end = letter.end;
    }
    return letters;
  }

  // -------------------------------------------------------------------------------------------
  // Building the model

  /** `previous`: an earlier parse of this document, whose letters an edit left alone are reused (see reparseLetter). */
  parse(previous?: LetterDocument): LetterDocument {
    const raw = this.splitLetters();
    const reuse = previous ? this.reuser(previous) : undefined;
    const letters: Letter[] = [];
    const regions: LetterRegion[] = [];
    let reused = false;
    for (const r of raw) {
      const { from, to } = this.regionOf(r);
      const kept = reuse?.find(r, from, to, letters.length);
      if (kept) reused = true;
      const letter = kept ?? this.buildLetter(r, letters.length);
      letters.push(letter);
      regions.push({ raw: r, from, to, letter, source: kept ? reuse!.base : this.text });
    }
    return new DocumentObject(this.text, letters, detectEol(this.text), this.doubleSpaced, {
      regions,
      doubleSpaced: this.doubleSpaced,
      base: reused ? reuse!.base : this.text,
      lineStarts: this.lineStarts,
    });
  }

  /**
   * The text a letter's model is built from: buildLetter reads the letter's logical lines, the
   * blank and noise lines before its first one (they make its paragraph breaks), the first line of
   * the next letter, and the end of the text after the last letter, nothing else.
   */
  regionOf(r: RawLetter): { from: number; to: number } {
    const from = r.first === 0 ? 0 : this.lineStarts[this.logical[r.first - 1] + 1];
    const to = r.end < this.logical.length ? this.lines.end[this.logical[r.end]] : this.text.length;
    return { from, to };
  }

  /**
   * Which letters of `previous` can stand for letters of this text: those whose region lies in the
   * text the two share before the edit (same offsets) or after it (offsets moved by the length the
   * edit added), split the same way, in a text that is double spaced or not alike.
   */
  reuser(
    previous: LetterDocument,
  ): { base: string; find: (r: RawLetter, from: number, to: number, index: number) => Letter | undefined } | undefined {
    const memo = previous instanceof DocumentObject ? previous.reuse : undefined;
    if (!memo || memo.doubleSpaced !== this.doubleSpaced) return undefined;
    // Only letters built from the base text are reused, so that a model never holds on to more than
    // two versions of a large text (the base and the current one); once many letters have been
    // rebuilt since the base, everything is built again from the current text, the new base.
    let rebuilt = 0;
    for (const region of memo.regions) if (region.source !== memo.base) rebuilt++;
    if (rebuilt > MAX_REBUILT_LETTERS) return undefined;
    const before = previous.text;
    const after = this.text;
    const prefix = commonPrefixLength(before, after);
    const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - prefix);
    const delta = after.length - before.length;
    const byFrom = new Map<number, LetterRegion>();
    for (const region of memo.regions) if (region.source === memo.base) byFrom.set(region.from, region);
    const find = (r: RawLetter, from: number, to: number, index: number): Letter | undefined => {
      let shift: number;
      if (to <= prefix) shift = 0;
      else if (from >= after.length - suffix) shift = delta;
      else return undefined;
      const old = byFrom.get(from - shift);
      if (!old || old.to + shift !== to) return undefined;
      // The first letter's first line starts a paragraph whatever precedes it; the last letter's region runs to the end of the text.
      if ((old.raw.first === 0) !== (r.first === 0) || (old.to === before.length) !== (to === after.length))
        return undefined;
      if (!sameSplit(old.raw, r, shift)) return undefined;
      if (shift === 0 && old.letter.index === index) return old.letter;
      return (old.letter as LetterObject).moved(shift, index);
    };
    return { base: memo.base, find };
  }

  /** The span from the start of logical line a to the end of logical line b - 1. */
  spanOf(a: number, b: number): Span {
    if (b <= a) {
      const at = a < this.logical.length ? this.contentStart(a) : this.text.length;
      return { start: at, end: at };
    }
    return { start: this.contentStart(a), end: this.contentEnd(b - 1) };
  }

  linesOf(a: number, b: number): Line[] {
    const out: Line[] = [];
    for (let i = a; i < b; i++) out.push(this.lineOf(i));
    return out;
  }

  buildLetter(r: RawLetter, index: number): Letter {
    const range = this.spanOf(r.first, r.end);
    const sections: Section[] = r.sections.map((s) => {
      const bodyEnd =
        s.end > s.headingLast + 1 ? this.contentEnd(s.end - 1) : Math.max(s.bodyStart, this.contentEnd(s.headingLast));
      const bodyStart = Math.min(s.bodyStart, bodyEnd);
      return {
        kind: s.kind,
        title: s.title,
        heading: s.heading,
        body: { start: bodyStart, end: bodyEnd },
        range: { start: s.heading.start, end: bodyEnd },
      };
    });
    const header = this.headerFields(r);
    const caseNumber = r.caseNumber ?? header.find((f) => /^case/i.test(f.name))?.value ?? this.caseNumberIn(r);
    const decisionsIndex = r.sections.findIndex((s) => s.kind === 'decisions');
    const has = (k: SectionKind) => r.sections.some((s) => s.kind === k);
    let layout: Layout = r.layoutHint ?? 'standard';
    if (layout === 'letterhead' && decisionsIndex >= 0 && /INDEPENDENT/i.test(r.sections[decisionsIndex].title))
      layout = 'notice-2013';
    if (layout !== 'professional-review' && decisionsIndex < 0 && has('issue') && has('rationale'))
      layout = 'professional-review';

    let items: DisputedItem[] = [];
    if (layout === 'professional-review') items = this.professionalReviewItems(r);
    else if (decisionsIndex >= 0) {
      const s = r.sections[decisionsIndex];
      items = layout === 'notice-2013' ? this.noticeItems(s) : this.decisionItems(s.headingLast + 1, s.end);
    }
    return new LetterObject(
      {
        index,
        layout,
        range,
        header,
        caseNumber,
        sections,
        decisions: decisionsIndex >= 0 ? sections[decisionsIndex] : undefined,
        items,
      },
      this.text,
      this.reviewerSection(r),
    );
  }

  headerFields(r: RawLetter): HeaderField[] {
    const end = r.sections.length > 0 ? r.sections[0].first : Math.min(r.end, r.first + 40);
    const out: HeaderField[] = [];
    for (let i = r.first; i < end; i++) {
      const line = this.lineOf(i);
      const m = HEADER_FIELD.exec(line.t);
      if (!m || !m[2]) continue;
      const valueStart = line.contentStart + line.t.indexOf(m[2], m[1].length);
      out.push({
        name: fold(m[1]),
        value: fold(m[2]),
        range: { start: line.contentStart, end: line.contentEnd },
        valueRange: { start: valueStart, end: line.contentEnd },
      });
    }
    return out;
  }

  caseNumberIn(r: RawLetter): string | undefined {
    const end = r.sections.length > 0 ? r.sections[0].first : r.first;
    for (let i = r.first; i < end; i++) {
      const m = /\bCM\d{2}-\d{5,8}\b/.exec(this.t(i));
      if (m) return m[0];
    }
    return undefined;
  }

  /** The body of the section that states the reviewer's credentials (see reviewerIn), read when they are. */
  reviewerSection(r: RawLetter): { from: number; to: number } | undefined {
    const s = r.sections.find((x) => x.kind === 'determination') ?? r.sections.find((x) => x.kind === 'qualifications');
    if (!s) return undefined;
    if (s.end <= s.headingLast + 1) return { from: 0, to: 0 };
    return { from: this.contentStart(s.headingLast + 1), to: this.contentEnd(s.end - 1) };
  }

  // -------------------------------------------------------------------------------------------
  // Disputed items: decision lines and their parts

  decisionItems(from: number, to: number): DisputedItem[] {
    const builders: ItemBuilder[] = [];
    let item: ItemBuilder | undefined;
    let part: PartBuilder | undefined;
    let inIntro = false;

    for (let i = from; i < to; i++) {
      // Lines are sliced only when they may be an intro, a label or a decision line (see prefixCode).
      const prefix = this.prefix(i);
      if (prefix === INTRO_PREFIX && INTRO.test(this.t(i))) {
        inIntro = !this.endsWithColon(i);
        continue;
      }
      if (inIntro) {
        // The intro sentence wrapped; it ends at its colon.
        if (this.endsWithColon(i)) inIntro = false;
        continue;
      }

      const label = this.labelAt(i, prefix);
      if (label) {
        const order = PART_ORDER[label.kind];
        if (!item || partAtOrAfter(item.parts, order)) {
          // A part out of order begins an item whose decision line is missing or has no outcome:
          // its name is the short paragraph just before the label, if there is one.
          item = this.itemWithoutDecision(item, part, i, from);
          builders.push(item);
        }
        part = {
          kind: label.kind,
          first: i,
          end: i + 1,
          labelRange: { start: this.contentStart(i), end: this.contentStart(i) + label.length },
        };
        item.parts.push(part);
        continue;
      }

      // Every form of decision line holds a ':'.
      const decision = this.hasColon(i)
        ? this.decisionAt(i, to, (item !== undefined && item.parts.length > 0) || item === undefined)
        : undefined;
      if (decision) {
        // The item's name may have wrapped: take earlier lines of the same paragraph that do not end a sentence.
        let first = i;
        const owner = part ?? item;
        const floor = owner ? (part ? part.first + 1 : item!.decisionLast + 1) : from;
        while (first > floor && first - i < 2 && this.paragraphStart[first] === 0) {
          const prev = this.t(first - 1);
          if (/[.:;]$/.test(prev) || partLabelAt(prev) || INTRO.test(prev)) break;
          first--;
        }
        if (part && first <= part.end - 1) part.end = first;
        const name = first < i ? { start: this.contentStart(first), end: decision.name.end } : decision.name;
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
    return builders.map((b) => this.finishItem(b));
  }

  /**
   * A decision line at logical line i: `<item>: <Outcome>`, or `<item>:` with the outcome alone on
   * the next line, or `<item>:` followed directly by a part label (the outcome is missing).
   * `expectItem` is true where an item may begin (not in the middle of a part's prose).
   */
  decisionAt(
    i: number,
    to: number,
    expectItem: boolean,
    t = this.t(i),
  ): { last: number; name: Span; outcome: Outcome } | undefined {
    // Most lines hold no colon at all: skip the backtracking regex for them.
    const m = t.indexOf(':') > 0 ? DECISION.exec(t) : null;
    // Neither form below can match: leave the next line alone (this runs on every line of prose).
    if (!m && !(t.endsWith(':') && t.length > 1)) return undefined;
    const line = { contentStart: this.contentStart(i), contentEnd: this.contentEnd(i) };
    const nextT = i + 1 < to ? this.t(i + 1) : undefined;
    const nextIsLabel = nextT !== undefined && this.labelAt(i + 1) !== undefined;
    if (m) {
      const word = m[2];
      const confirmed = outcomeOf(word) !== 'unknown' || looksLikeOutcome(word) || nextIsLabel;
      if (confirmed && (expectItem || outcomeOf(word) !== 'unknown' || nextIsLabel)) {
        const wordStart = line.contentEnd - word.length;
        return {
          last: i,
          name: { start: line.contentStart, end: line.contentStart + m[1].length },
          outcome: { kind: outcomeOf(word), raw: word, range: { start: wordStart, end: line.contentEnd } },
        };
      }
    }
    if (t.endsWith(':') && t.length > 1) {
      const nameEnd = line.contentStart + withoutTrailingColon(t, true).length;
      if (nextT !== undefined && LONE_WORD.test(nextT) && !nextIsLabel) {
        const after = i + 2 < to ? this.t(i + 2) : undefined;
        if (looksLikeOutcome(nextT) || (after !== undefined && partLabelAt(after))) {
          const next = this.lineOf(i + 1);
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
  itemWithoutDecision(
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
      if (this.paragraphStart[first] === 1) break;
    }
    let named = first < labelAt && first >= floor;
    if (named) {
      const last = this.t(labelAt - 1);
      if (/[.;]$/.test(last) || (part && this.paragraphStart[first] === 0 && first > floor)) named = false;
      for (let k = first; k < labelAt && named; k++) if (INTRO.test(this.t(k))) named = false;
    }
    if (named) {
      if (part) part.end = Math.min(part.end, first);
      const nameSpan = this.spanOf(first, labelAt);
      const end = nameSpan.end;
      return {
        first,
        decisionLast: labelAt - 1,
        name: {
          start: nameSpan.start,
          end: withoutTrailingColon(this.text.slice(nameSpan.start, end), false).length + nameSpan.start,
        },
        outcome: { kind: 'missing', raw: '', range: { start: end, end } },
        parts: [],
      };
    }
    const at = this.contentStart(labelAt);
    return {
      first: labelAt,
      decisionLast: labelAt - 1,
      name: { start: at, end: at },
      outcome: { kind: 'missing', raw: '', range: { start: at, end: at } },
      parts: [],
    };
  }

  finishItem(b: ItemBuilder): DisputedItem {
    const parts = new Array<PartObject>(b.parts.length);
    let claimsAdministratorGuideline: ItemPart | undefined;
    let reviewerGuideline: ItemPart | undefined;
    let rationale: ItemPart | undefined;
    let conclusion: Conclusion = NOT_STATED;
    for (let k = 0; k < b.parts.length; k++) {
      const p = b.parts[k];
      const labelEnd = this.contentEnd(p.first);
      const bodyEnd = p.end > p.first ? this.contentEnd(p.end - 1) : labelEnd;
      // What `JoinedText.of(this.linesOf(p.first, p.end), p.labelRange.end)` would join, read
      // from the lines without joining them: where its first piece starts and whether it is all
      // white space (its folded text empty), which is all the diagnostics need of a part.
      const from = p.labelRange.end;
      let firstPiece = from;
      while (firstPiece < labelEnd && isRegExpSpace(this.text.charCodeAt(firstPiece))) firstPiece++;
      let empty = firstPiece === labelEnd;
      if (empty) firstPiece = -1;
      if (p.end > p.first + 1) {
        // The label line holds nothing after the label: the next line (never blank) starts the text.
        if (firstPiece < 0) firstPiece = this.contentStart(p.first + 1);
        for (let i = p.first + 1; empty && i < p.end; i++) if (NON_SPACE.test(this.t(i))) empty = false;
      }
      const bodyStart = Math.min(bodyEnd, firstPiece >= 0 ? firstPiece : p.labelRange.end);
      const to = p.end > p.first ? bodyEnd : from;
      const label = fold(this.text.slice(p.labelRange.start, p.labelRange.end));
      const part = new PartObject(
        p.kind,
        label,
        p.labelRange,
        { start: bodyStart, end: bodyEnd },
        { start: p.labelRange.start, end: bodyEnd },
        this.text,
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
        conclusion = this.conclusionOf(p.first, p.end, from);
      }
    }
    const lastEnd = parts.length > 0 ? parts[parts.length - 1].range.end : this.spanOf(b.first, b.decisionLast + 1).end;
    const start = b.first <= b.decisionLast ? this.contentStart(b.first) : b.name.start;
    const decisionEnd = b.first <= b.decisionLast ? this.contentEnd(b.decisionLast) : b.name.end;
    return new ItemObject(
      {
        name: fold(this.text.slice(b.name.start, b.name.end)),
        nameRange: b.name,
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

  /**
   * conclusionIn of the rationale on logical lines [first, end), its first line read from `from`.
   * The conclusion is the rationale's last statement of medical necessity, nearly always in its
   * last lines: those are joined first, not the whole rationale (most of a 10 MB export's text).
   * A statement found there at least NEGATION_REACH characters after their start is the last one
   * of the whole rationale too, with the same sentence, negation window and span (the joined
   * lines are the end of the whole joined text); only when there is none is more joined.
   */
  conclusionOf(first: number, end: number, from: number): Conclusion {
    for (let tail = 3; end - tail > first; tail *= 4) {
      const found = conclusionFrom(JoinedText.ofTable(this.lines, this.logical, end - tail, end), NEGATION_REACH);
      if (found) return found;
    }
    return conclusionIn(JoinedText.of(this.linesOf(first, end), from));
  }

  // 2013 notices: `1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically necessary ...`
  noticeItems(s: RawSection): DisputedItem[] {
    const joined = JoinedText.of(this.linesOf(s.headingLast + 1, s.end));
    const text = straighten(joined.text);
    // The name is bounded: unbounded, a sentence that never says "medically necessary" made each
    // sentence before it scan to the end of the section (quadratic; 10,000 such sentences took seconds).
    const re =
      /(?:^|\s)(\d+)\s*[).]\s*MAXIMUS\s+Federal\s+Services,?\s+Inc\.?,?\s+has\s+determined\s+(?:that\s+)?the\s+request\s+for\s+(.{1,600}?)\s+((?:is|was)\s+(not\s+)?medically\s+necessary(?:\s+and\s+appropriate)?)/gis;
    const decided = new Map<string, { name: Span; outcome: Outcome; sentence: Span }>();
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const numberAt = m.index + m[0].indexOf(m[1]);
      const nameAt = m.index + m[0].indexOf(m[2], m[0].indexOf('request'));
      const phraseAt =
        nameAt + m[2].length + m[0].slice(m[0].indexOf(m[2], m[0].indexOf('request')) + m[2].length).indexOf(m[3]);
      const phraseSpan = joined.span(phraseAt, phraseAt + m[3].length);
      decided.set(m[1], {
        name: joined.span(nameAt, nameAt + m[2].length),
        outcome: { kind: m[4] ? 'upheld' : 'overturned', raw: fold(m[3]), range: phraseSpan },
        sentence: joined.span(numberAt, phraseAt + m[3].length),
      });
    }
    // The discussion of each item: `1) Regarding the request for X:` followed by the labelled parts.
    const blocks = new Map<string, DisputedItem>();
    let blockStart = -1;
    let blockNumber = '';
    const flush = (end: number) => {
      if (blockStart < 0) return;
      const headLine = this.lineOf(blockStart);
      const m = REGARDING.exec(headLine.t)!;
      const nameStart = headLine.contentStart + m[0].length;
      const nameEnd = headLine.contentStart + withoutTrailingColon(headLine.t, true).length;
      const items = this.decisionItems(blockStart + 1, end);
      const merged = items.length > 0 ? items[0] : undefined;
      const nameRange = { start: Math.min(nameStart, nameEnd), end: nameEnd };
      const decision = decided.get(blockNumber);
      const parts = items.flatMap((x) => x.parts);
      const range = {
        start: headLine.contentStart,
        end: Math.max(headLine.contentEnd, parts.length > 0 ? parts[parts.length - 1].range.end : headLine.contentEnd),
      };
      const rationale = parts.find((p) => p.kind === 'rationale');
      const block = new ItemObject(
        {
          name: fold(this.text.slice(nameRange.start, nameRange.end)),
          nameRange,
          decisionRange: decision?.sentence ?? { start: headLine.contentStart, end: headLine.contentEnd },
          outcome: decision?.outcome ?? {
            kind: 'missing',
            raw: '',
            range: { start: nameRange.end, end: nameRange.end },
          },
          claimsAdministratorGuideline: parts.find((p) => p.kind === 'claims-administrator-guideline'),
          reviewerGuideline: parts.find((p) => p.kind === 'reviewer-guideline'),
          rationale,
          parts,
          conclusion: merged?.conclusion ?? { kind: 'not-stated' },
          range,
        },
        citationsOf(items),
      );
      blocks.set(blockNumber, block);
      blockStart = -1;
    };
    for (let i = s.headingLast + 1; i < s.end; i++) {
      const m = REGARDING.exec(this.t(i));
      if (!m) continue;
      flush(i);
      blockStart = i;
      blockNumber = m[1];
    }
    flush(s.end);
    const items: DisputedItem[] = [];
    for (const [n, d] of decided) {
      const block = blocks.get(n);
      if (block) {
        items.push(block);
        blocks.delete(n);
      } else {
        items.push({
          name: fold(this.text.slice(d.name.start, d.name.end)),
          nameRange: d.name,
          decisionRange: d.sentence,
          outcome: d.outcome,
          parts: [],
          citations: [],
          conclusion: {
            kind: d.outcome.kind === 'upheld' ? 'not-medically-necessary' : 'medically-necessary',
            range: d.outcome.range,
          },
          range: d.sentence,
        });
      }
    }
    items.push(...blocks.values());
    return items.sort((a, b) => a.decisionRange.start - b.decisionRange.start);
  }

  // The professional review form has one issue; its outcome is the rationale's conclusion.
  professionalReviewItems(r: RawLetter): DisputedItem[] {
    const issue = r.sections.find((s) => s.kind === 'issue');
    if (!issue) return [];
    const issueLines = this.linesOf(issue.headingLast + 1, issue.end);
    const headLine = this.lineOf(issue.headingLast);
    const lines = headLine.contentEnd > issue.bodyStart ? [headLine, ...issueLines] : issueLines;
    const joined = JoinedText.of(lines, issue.bodyStart);
    // The s flag: without it a U+2028 in the issue made this match fail and the parse throw.
    const firstSentence = /^.*?(?:\.(?=\s|$)|$)/s.exec(joined.text)![0];
    const nameRange = joined.span(0, trimEndWhere(firstSentence, (ch) => ch === '.' || isWhite(ch)).length);
    const parts: ItemPart[] = [];
    const citations: Citation[] = [];
    let conclusion: Conclusion = { kind: 'not-stated' };
    for (const s of r.sections) {
      if (s.kind !== 'guidelines' && s.kind !== 'rationale') continue;
      const kind: PartKind = s.kind === 'guidelines' ? 'reviewer-guideline' : 'rationale';
      const sLines = this.linesOf(s.headingLast, s.end);
      const j = JoinedText.of(sLines, s.bodyStart);
      const bodyEnd = s.end > s.headingLast + 1 ? this.contentEnd(s.end - 1) : this.contentEnd(s.headingLast);
      parts.push({
        kind,
        label: s.title,
        labelRange: s.heading,
        text: fold(j.text),
        body: { start: Math.min(s.bodyStart, bodyEnd), end: bodyEnd },
        range: { start: s.heading.start, end: bodyEnd },
      });
      if (kind === 'rationale') {
        citations.push(...mentionedCitations(j, kind));
        conclusion = conclusionIn(j);
      } else {
        const found = guidelineCitations(j, kind);
        citations.push(...(found.length > 0 ? found : mentionedCitations(j, kind)));
      }
    }
    const outcome: Outcome =
      conclusion.kind === 'not-medically-necessary'
        ? {
            kind: 'upheld',
            raw: this.text.slice(conclusion.range!.start, conclusion.range!.end),
            range: conclusion.range!,
          }
        : conclusion.kind === 'medically-necessary'
          ? {
              kind: 'overturned',
              raw: this.text.slice(conclusion.range!.start, conclusion.range!.end),
              range: conclusion.range!,
            }
          : { kind: 'missing', raw: '', range: { start: nameRange.end, end: nameRange.end } };
    const issueEnd = issue.end > issue.headingLast + 1 ? this.contentEnd(issue.end - 1) : headLine.contentEnd;
    return [
      {
        name: fold(this.text.slice(nameRange.start, nameRange.end)),
        nameRange,
        decisionRange: { start: nameRange.start, end: Math.max(nameRange.end, nameRange.start) },
        outcome,
        reviewerGuideline: parts.find((p) => p.kind === 'reviewer-guideline'),
        rationale: parts.find((p) => p.kind === 'rationale'),
        parts,
        citations,
        conclusion,
        range: { start: Math.min(nameRange.start, issue.heading.start), end: Math.max(issueEnd, nameRange.end) },
      },
    ];
  }
}

/** Whether a part of this order or a later one is among `parts` (a loop: this runs for every label). */
function partAtOrAfter(parts: readonly PartBuilder[], order: number): boolean {
  for (const p of parts) if (PART_ORDER[p.kind] >= order) return true;
  return false;
}

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

/**
 * The reviewer's credentials in a section's body, [from, to) of the text (empty when the section
 * has no body): a credentials block or the sentence that states them.
 */
function reviewerIn(text: string, from: number, to: number): ReviewerCredentials | undefined {
  const specialties: string[] = [];
  const subspecialties: string[] = [];
  const licensure: string[] = [];
  let start = Infinity;
  let end = -1;
  const cover = (sp: Span) => {
    start = Math.min(start, sp.start);
    end = Math.max(end, sp.end);
  };
  const split = (v: string) =>
    fold(v)
      .split(/\s*,\s*|\s+and\s+(?=[A-Z])/)
      .map((x) => trimEndWhere(x.replace(/^and\s+/i, ''), (ch) => ch === '.' || ch === ';').trim())
      .filter((x) => x.length > 0);
  // A credentials block: `State(s) of Licensure: ...` and `Certification(s)/Specialty: ...`.
  const lines = logicalLinesIn(text, from, to);
  for (const line of lines) {
    const lic = /^State\s*\(s\)\s+of\s+Licensure\s*:\s*(.*)$/i.exec(line.t);
    const spec = /^Certification\s*\(s\)\s*\/\s*Specialty\s*:\s*(.*)$/i.exec(line.t);
    if (lic) {
      licensure.push(...split(lic[1]));
      // The whole line, indentation included (as the model always gave it).
      cover(line);
    } else if (spec) {
      specialties.push(...split(spec[1]));
      cover({ start: line.contentStart, end: line.contentEnd });
    }
  }
  // The prose: `The expert reviewer is Board Certified in X, has a subspecialty in Y and is licensed to practice in Z.`
  const joined = JoinedText.of(lines);
  const prose = straighten(joined.text);
  const board = /Board\s+Certified\s+in\s+(.+?)(?=,|\s+and\s+is\s+licensed|\.\s)/i.exec(prose);
  if (board) {
    specialties.push(...split(board[1]));
    cover(joined.span(board.index, board.index + board[0].length));
  }
  const sub = /sub-?\s*specialty\s+in\s+(.+?)(?=,|\s+and\s+is\s+licensed|\.\s)/i.exec(prose);
  if (sub) {
    subspecialties.push(...split(sub[1]));
    cover(joined.span(sub.index, sub.index + sub[0].length));
  }
  const lic = /licensed\s+to\s+practice\s+in\s+(.+?)\./i.exec(prose);
  if (lic) {
    licensure.push(...split(lic[1]));
    cover(joined.span(lic.index, lic.index + lic[0].length));
  }
  if (end < 0) return undefined;
  return { specialties, subspecialties, licensure, range: { start, end } };
}

const NON_SPACE = /\S/;
/** An item's conclusion when its rationale states none (shared: model values are never changed). */
const NOT_STATED: Conclusion = { kind: 'not-stated' };

// The objects with lazy values (lazy.ts) are made by the classes below, outside the Parser, so
// that what their getters read is the text and a few offsets, never the parser and its lines.
//
// Each is a class whose lazy property is an own enumerable accessor defined through one shared
// descriptor. A getter written in an object literal is a new function for every object, and V8
// then gives every object a hidden class of its own: on a 10 MB export that was 20,000 hidden
// classes, a third of a parse's garbage collection, and a runtime call per object.

/** The descriptor of a lazy property: enumerable, replaced by settle() with the value `read` computes. */
function lazyProperty<T>(read: (obj: T) => unknown): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: T) {
      return read(this);
    },
  };
}

const PART_TEXT = lazyProperty((part: PartObject) => part.textNow());

class PartObject implements ItemPart {
  declare readonly kind: PartKind;
  declare readonly label: string;
  declare readonly labelRange: Span;
  declare readonly text: string;
  declare readonly body: Span;
  declare readonly range: Span;
  readonly #source: string;
  readonly #from: number;
  readonly #to: number;
  readonly #empty: boolean;

  constructor(
    kind: PartKind,
    label: string,
    labelRange: Span,
    body: Span,
    range: Span,
    source: string,
    from: number,
    to: number,
    empty: boolean,
  ) {
    // Assigned in the model's key order (JSON and for-in list them so), `text` in its place.
    this.kind = kind;
    this.label = label;
    this.labelRange = labelRange;
    Object.defineProperty(this, 'text', PART_TEXT);
    this.body = body;
    this.range = range;
    this.#source = source;
    this.#from = from;
    this.#to = to;
    this.#empty = empty;
  }

  /** The part with its spans moved by `shift` (see reparseLetter); its text is the same words. */
  moved(shift: number): PartObject {
    const copy = new PartObject(
      this.kind,
      this.label,
      move(this.labelRange, shift),
      move(this.body, shift),
      move(this.range, shift),
      this.#source,
      this.#from,
      this.#to,
      this.#empty,
    );
    const text = computed(this, 'text');
    if (text) keep(copy, 'text', text.value);
    return copy;
  }

  /** The citations in the part's text (lazy.ts: the item's are found on first read). */
  citations(): Citation[] {
    const joined = JoinedText.ofRange(this.#source, this.#from, this.#to);
    return this.kind === 'rationale' ? mentionedCitations(joined, this.kind) : guidelineCitations(joined, this.kind);
  }

  textNow(): string {
    const source = this.#source;
    const from = this.#from;
    const to = this.#to;
    const empty = this.#empty;
    return settle(this, 'text', () => (empty ? '' : fold(JoinedText.ofRange(source, from, to).text)), empty);
  }
}

const ITEM_CITATIONS = lazyProperty((item: ItemObject) => item.citationsNow());

/** A disputed item whose citations are found on first read: `citations` computes them. */
class ItemObject implements DisputedItem {
  declare readonly name: string;
  declare readonly nameRange: Span;
  declare readonly decisionRange: Span;
  declare readonly outcome: Outcome;
  declare readonly claimsAdministratorGuideline?: ItemPart;
  declare readonly reviewerGuideline?: ItemPart;
  declare readonly rationale?: ItemPart;
  declare readonly parts: readonly ItemPart[];
  declare readonly citations: readonly Citation[];
  declare readonly conclusion: Conclusion;
  declare readonly range: Span;
  readonly #citations: () => Citation[];

  constructor(f: Omit<DisputedItem, 'citations'>, citations: () => Citation[]) {
    this.name = f.name;
    this.nameRange = f.nameRange;
    this.decisionRange = f.decisionRange;
    this.outcome = f.outcome;
    this.claimsAdministratorGuideline = f.claimsAdministratorGuideline;
    this.reviewerGuideline = f.reviewerGuideline;
    this.rationale = f.rationale;
    this.parts = f.parts;
    Object.defineProperty(this, 'citations', ITEM_CITATIONS);
    this.conclusion = f.conclusion;
    this.range = f.range;
    this.#citations = citations;
  }

  citationsNow(): Citation[] {
    return settle(this, 'citations', this.#citations);
  }

  /** The item with its spans moved by `shift` (see reparseLetter); its citations too, when they are found. */
  moved(shift: number): ItemObject {
    const parts = this.parts.map((p) => move(p, shift));
    // The guideline and rationale fields are parts of the list: the copy keeps them so.
    const same = (p: ItemPart | undefined) => (p ? parts[this.parts.indexOf(p)] : undefined);
    const find = this.#citations;
    const copy = new ItemObject(
      {
        name: this.name,
        nameRange: move(this.nameRange, shift),
        decisionRange: move(this.decisionRange, shift),
        outcome: move(this.outcome, shift),
        claimsAdministratorGuideline: same(this.claimsAdministratorGuideline),
        reviewerGuideline: same(this.reviewerGuideline),
        rationale: same(this.rationale),
        parts,
        conclusion: move(this.conclusion, shift),
        range: move(this.range, shift),
      },
      () => move(find(), shift),
    );
    const citations = computed(this, 'citations');
    if (citations) keep(copy, 'citations', move(citations.value, shift));
    return copy;
  }
}

const LETTER_REVIEWER = lazyProperty((letter: LetterObject) => letter.reviewerNow());

/** A letter whose reviewer credentials are read on first use from [from, to) of the text (see reviewerIn). */
class LetterObject implements Letter {
  declare readonly index: number;
  declare readonly layout: Layout;
  declare readonly range: Span;
  declare readonly header: readonly HeaderField[];
  declare readonly caseNumber?: string;
  declare readonly sections: readonly Section[];
  declare readonly reviewer?: ReviewerCredentials;
  declare readonly decisions?: Section;
  declare readonly items: readonly DisputedItem[];
  readonly #source: string;
  readonly #reviewerAt: { from: number; to: number } | undefined;
  /** How far the letter moved since its reviewer's offsets in #source (see moved). */
  readonly #shift: number;

  constructor(
    f: Omit<Letter, 'reviewer'>,
    source: string,
    reviewerAt: { from: number; to: number } | undefined,
    shift = 0,
  ) {
    this.index = f.index;
    this.layout = f.layout;
    this.range = f.range;
    this.header = f.header;
    this.caseNumber = f.caseNumber;
    this.sections = f.sections;
    Object.defineProperty(this, 'reviewer', LETTER_REVIEWER);
    this.decisions = f.decisions;
    this.items = f.items;
    this.#source = source;
    this.#reviewerAt = reviewerAt;
    this.#shift = shift;
  }

  reviewerNow(): ReviewerCredentials | undefined {
    const source = this.#source;
    const at = this.#reviewerAt;
    const shift = this.#shift;
    return settle(this, 'reviewer', () => (at ? move(reviewerIn(source, at.from, at.to), shift) : undefined));
  }

  /** The letter with its spans moved by `shift` and its new index (see reparseLetter). */
  moved(shift: number, index: number): LetterObject {
    const sections = this.sections.map((s) => move(s, shift));
    const copy = new LetterObject(
      {
        index,
        layout: this.layout,
        range: move(this.range, shift),
        header: move(this.header, shift),
        caseNumber: this.caseNumber,
        sections,
        decisions: this.decisions ? sections[this.sections.indexOf(this.decisions)] : undefined,
        items: this.items.map((it) => move(it, shift)),
      },
      this.#source,
      this.#reviewerAt,
      this.#shift + shift,
    );
    const reviewer = computed(this, 'reviewer');
    if (reviewer) keep(copy, 'reviewer', move(reviewer.value, shift));
    return copy;
  }
}

/** shiftSpans, typed. */
function move<T>(value: T, shift: number): T {
  return shift === 0 ? value : (shiftSpans(value, shift) as T);
}

/** The value of a lazy property once computed (settle made it a data property), else undefined. */
function computed(obj: object, key: string): { value: unknown } | undefined {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? { value: d.value } : undefined;
}

/** The citations of an item's parts, in order (written outside the Parser: see the objects' note above). */
function citationsOfParts(parts: readonly PartObject[]): () => Citation[] {
  return () => parts.flatMap((p) => p.citations());
}

/** A 2013 notice's item: the citations of the items its discussion holds. */
function citationsOf(items: readonly DisputedItem[]): () => Citation[] {
  return () => items.flatMap((x) => x.citations);
}

const NECESSARY = /medically\s+(?:reasonable\s+and\s+)?necessary/gi;
const NEGATION = /\b(?:not|no|never|cannot|neither|nor)\b|n't\b/i;

/**
 * The rationale's conclusion is its last statement of medical necessity; a negation earlier in
 * that sentence (within a few words) makes it "not medically necessary".
 */
export function conclusionIn(joined: JoinedText): Conclusion {
  return conclusionFrom(joined, 0) ?? { kind: 'not-stated' };
}

/** How far before the statement of necessity conclusionIn looks for a negation. */
const NEGATION_REACH = 48;

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

export function parseLetter(text: string): LetterDocument {
  const doc = new Parser(text).parse();
  keepModelShapes();
  return doc;
}

/**
 * The same model as parseLetter(text), sooner after a small edit: `previous` is the model of the
 * text before the edit (from parseLetter or reparseLetter), and every letter the edit did not
 * reach is taken from it, its offsets moved, instead of being built again. Lines are still split
 * and letters found over the whole text; only building the letters' models is saved.
 */
export function reparseLetter(text: string, previous: LetterDocument | undefined): LetterDocument {
  const doc = new Parser(text).parse(previous);
  keepModelShapes();
  return doc;
}

/**
 * Builds the objects that keep the model's hidden classes alive (shapes.ts), once per process.
 * parseLetter does it after its first parse; the language server calls it while it waits for its
 * first document, so that the first one opened does not wait for it (10 to 30 ms, most of it code
 * run for the first time).
 */
export function keepModelShapes(): void {
  keepShapes(sampleShapes);
}

/**
 * The objects shapes.ts keeps: every class and lazy-value transition a parse and a reparse go
 * through, on two copies of the sample letter (a reparse moves the letters after an edit).
 */
function sampleShapes(sample: string): unknown[] {
  const two = sample + sample;
  // A space at the end of a line in the middle of the first copy: the reparse builds the first
  // letter again and moves the second.
  const at = sample.indexOf('\n', sample.length >> 1);
  const edited = two.slice(0, at) + ' ' + two.slice(at);
  const parser = new Parser(two);
  const unread = parser.parse();
  const read = new Parser(two).parse();
  // Reading every lazy value (JSON reads every enumerable property) replaces each getter.
  JSON.stringify(read);
  const movedUnread = new Parser(edited).parse(unread);
  const movedRead = new Parser(edited).parse(read);
  JSON.stringify(movedRead);
  const lines = [new LineIndex(two, lineStartsOf(read)), new LineIndex(two)];
  return [
    parser,
    unread,
    read,
    movedUnread,
    movedRead,
    lines,
    JoinedText.ofRange(two, 0, 40),
    JoinedText.ofTable(parser.lines, parser.logical, 0, 2),
  ];
}

// ---------------------------------------------------------------------------------------------
// Reuse between parses

interface LetterRegion {
  raw: RawLetter;
  /** The letter's region of text (see Parser.regionOf). */
  from: number;
  to: number;
  letter: Letter;
  /** The text the letter's model was built from: its strings may be slices of it, which keep it in memory. */
  source: string;
}

/** What reparseLetter needs of an earlier parse, kept as long as its model is. */
interface ReuseMemo {
  regions: LetterRegion[];
  doubleSpaced: boolean;
  base: string;
  lineStarts: ArrayLike<number>;
}

/**
 * The model of a file, with what reparseLetter needs of it in a private field. Not a WeakMap from
 * models: the scavenger keeps what a weak table holds until a full collection, so every discarded
 * model of a letter (the models of a document's earlier versions) lived on into the old generation.
 */
class DocumentObject implements LetterDocument {
  constructor(
    readonly text: string,
    readonly letters: readonly Letter[],
    readonly eol: '\n' | '\r\n' | '\r',
    readonly doubleSpaced: boolean,
    reuse: ReuseMemo,
  ) {
    this.#reuse = reuse;
  }

  readonly #reuse: ReuseMemo;

  get reuse(): ReuseMemo {
    return this.#reuse;
  }
}

/** The line starts (computeLineStarts) of the text a model was parsed from, so that a LineIndex need not compute them again. */
export function lineStartsOf(doc: LetterDocument): ArrayLike<number> | undefined {
  return doc instanceof DocumentObject ? doc.reuse.lineStarts : undefined;
}

/** Letters rebuilt since the base text beyond which a reparse builds every letter again (see Parser.reuser). */
const MAX_REBUILT_LETTERS = 32;

/** Whether two letters were split alike: every field of RawLetter and RawSection, lines relative to the letter, offsets moved by `shift`. */
function sameSplit(a: RawLetter, b: RawLetter, shift: number): boolean {
  const dl = b.first - a.first;
  if (
    a.end + dl !== b.end ||
    a.layoutHint !== b.layoutHint ||
    a.caseNumber !== b.caseNumber ||
    a.sections.length !== b.sections.length
  )
    return false;
  for (let k = 0; k < a.sections.length; k++) {
    const x = a.sections[k];
    const y = b.sections[k];
    if (
      x.kind !== y.kind ||
      x.title !== y.title ||
      x.first + dl !== y.first ||
      x.headingLast + dl !== y.headingLast ||
      x.end + dl !== y.end
    )
      return false;
    if (
      x.heading.start + shift !== y.heading.start ||
      x.heading.end + shift !== y.heading.end ||
      x.bodyStart + shift !== y.bodyStart
    )
      return false;
  }
  return true;
}

/**
 * A copy of a model value with every span (an object of the two numbers start and end) moved by
 * `shift`, keys in the same order. Written with for-in, not Object.keys: a 10 MB file's model has
 * about a million objects, and an array of keys for each was most of the cost of copying it.
 */
function shiftSpans(value: unknown, shift: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shiftSpans(value[i], shift);
    return copy;
  }
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof o.start === 'number' && typeof o.end === 'number' && isSpan(o)) {
    for (const k in o) out[k] = (o[k] as number) + shift;
    return out;
  }
  // The objects with lazy values (PartObject, ItemObject, LetterObject) move themselves: reading
  // their values here would compute every citation of every letter after the edit.
  if (o instanceof PartObject || o instanceof ItemObject) return o.moved(shift);
  for (const k in o) out[k] = shiftSpans(o[k], shift);
  return out;
}

function isSpan(o: Record<string, unknown>): boolean {
  let keys = 0;
  for (const k in o) {
    if (k !== 'start' && k !== 'end') return false;
    keys++;
  }
  return keys === 2;
}

/** Length of the common start of a and b; whole blocks are compared first, in native code. */
function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block of [65536, 4096, 256, 16]) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of a and b, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let k = 0;
  for (const block of [65536, 4096, 256, 16]) {
    while (
      k + block <= limit &&
      a.slice(a.length - k - block, a.length - k) === b.slice(b.length - k - block, b.length - k)
    )
      k += block;
  }
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}
