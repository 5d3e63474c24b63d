// Recognizes guideline citations in an item's parts.
//
// Guideline lines are built from clauses that begin `Decision based on MTUS ...` or
// `Decision based on Non-MTUS Citation ...`; a rationale mentions sources inline
// (`MTUS Guidelines page 24`, `the MTUS Guideline in ACOEM Chapter 15, page 405`).

import type { Citation, GuidelineSource, PartKind } from './model';
import { fold } from './fold';
import { JoinedText } from './joinedText';
import { trimEndWhere } from './trim';
import { isWhite } from './whiteSpace';

type Document = Citation['document'];

const CLAUSE = /Decision\s+based\s+on\s+/gi;
const NON_MTUS = /^Non-?\s*MTUS\s+Citations?\s*:?\s*(?:MTUS\s*:\s*)?/i;
const MTUS_LEAD = /^(?:the\s+)?MTUS\b\s*:?\s*/i;

const ACOEM_NAME = /\bACOEM\b|American\s+College\s+of\s+Occupational/i;
// `ffi` may be a ligature, as pdftotext keeps it (U+FB03, or U+FB00 or U+FB01 with a letter).
const ODG_NAME = /\bODG|O(?:ffi|\ufb03|\ufb00i|f\ufb01)cial\s+Disability\s+Guidelines?/i;
const CPMTG_NAME = /Chronic\s+Pain\s+(?:Medical\s+)?Treatment\s+Guidelines?/i;
const OPIOIDS_NAME = /Opioids?\s+Treatment\s+Guidelines?/i;
const FORMULARY_NAME = /\bDrug\s+Formulary\b|\bMTUS\s+Formulary\b/i;
/** ACOEM's name as a citation writes it in full, with its edition: what comes before the topic. */
const ACOEM_FULL_NAME =
  /(?:American\s+College\s+of\s+Occupational\s+and\s+Environmental\s+Medicine\s*)?\(?ACOEM\)?(?:\s*,?\s*\d(?:ST|ND|RD|TH)\s+EDITION\s*\(\d{4}\))?/i;
// MTUS clinical topics adopted from ACOEM (8 CCR 9792.23.x)
const ACOEM_TOPIC =
  /\b(?:Stress[-\s]Related\s+Conditions|Neck\s+and\s+Upper\s+Back|Low\s+Back|Shoulder|Elbow|Forearm|Knee|Ankle\s+and\s+Foot|Eye|General\s+Approaches|Initial\s+Approaches)\b/i;
const PAGES = /\bPages?\s*(?:\(s\))?\s*:?\s*(\d{1,4}(?:\s*(?:-|,|and|&)\s*\d{1,4})*)/i;
const SECTIONS = /\bSections?\s*(?:\(s\))?\s*:\s*([^.;]+)/i;
const CHAPTER = /\bChapter\s+(\d{1,3})\b/i;
const TRAILING_PAGE = /,\s*(\d{1,4}(?:\s*-\s*\d{1,4})?)\s*\.?$/;

function sourceOf(s: string): { source: GuidelineSource; document?: Document } | undefined {
  if (CPMTG_NAME.test(s)) return { source: 'MTUS', document: 'CPMTG' };
  if (OPIOIDS_NAME.test(s)) return { source: 'MTUS', document: 'Opioids' };
  if (FORMULARY_NAME.test(s)) return { source: 'MTUS', document: 'Formulary' };
  if (ODG_NAME.test(s)) return { source: 'ODG' };
  if (ACOEM_NAME.test(s)) return { source: 'ACOEM' };
  return undefined;
}

function listOf(s: string): string[] {
  return s
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function pagesIn(s: string): string[] {
  const m = PAGES.exec(s);
  if (m) return listOf(m[1]).map((p) => p.replace(/\s+/g, ''));
  const t = TRAILING_PAGE.exec(s);
  return t ? [t[1].replace(/\s+/g, '')] : [];
}

function sectionsIn(s: string): string[] {
  const m = SECTIONS.exec(s);
  return m ? listOf(m[1]) : [];
}

/** The topic is what the letter names after the guideline's own name, before pages and sections. */
function topicIn(s: string, name: RegExp | undefined): string | undefined {
  let rest = s;
  if (name) {
    const m = name.exec(rest);
    if (m) rest = rest.slice(m.index + m[0].length);
  }
  rest = rest.replace(/^\s*(?:the\s+)?MTUS\b\s*:?/i, '').replace(/^\s*\((?:ODG|ACOEM|MTUS)\)?/i, '');
  const cut = rest.search(/\bPages?\s*(?:\(s\))?\s*:|\bSections?\s*(?:\(s\))?\s*:/i);
  if (cut >= 0) rest = rest.slice(0, cut);
  rest = rest.replace(TRAILING_PAGE, '');
  // The trailing run is cut by a loop: as a regular expression it is quadratic on a long run (see trimEndWhere).
  const topic = trimEndWhere(fold(rest).replace(/^[\s,;:.)-]+/, ''), (ch) => ',;:.(-'.includes(ch) || isWhite(ch));
  return topic.length > 0 ? topic : undefined;
}

function nameRegexFor(source: GuidelineSource, document: Document): RegExp | undefined {
  if (document === 'CPMTG') return CPMTG_NAME;
  if (document === 'Opioids') return OPIOIDS_NAME;
  if (document === 'Formulary') return FORMULARY_NAME;
  if (source === 'ODG') return ODG_NAME;
  if (source === 'ACOEM') return ACOEM_FULL_NAME;
  return undefined;
}

/** What a citation's words alone decide: everything of a Citation but its part and range. */
interface Reading {
  readonly source: GuidelineSource;
  readonly document: Document;
  readonly text: string;
  readonly topic: string | undefined;
  readonly pages: readonly string[];
  readonly sections: readonly string[];
  readonly chapter: string | undefined;
}

function readCitation(text: string, mtusClause: boolean): Reading {
  const found = sourceOf(text);
  let source: GuidelineSource;
  let document: Document;
  if (mtusClause) {
    source = 'MTUS';
    document = found?.document ?? (found?.source === 'ACOEM' || ACOEM_TOPIC.test(text) ? 'ACOEM' : undefined);
  } else {
    source = found?.source ?? 'other';
    document = found?.document;
  }
  return {
    source,
    document,
    text: fold(text),
    topic: topicIn(text, mtusClause && !document ? undefined : nameRegexFor(source, document)),
    pages: pagesIn(text),
    sections: sectionsIn(text),
    chapter: CHAPTER.exec(text)?.[1],
  };
}

/**
 * Readings of the citations seen, by their words, one table for MTUS clauses and one for others.
 * Guideline lines are boilerplate: 39 posted letters cite 107 different texts 186 times, and a
 * folder of thousands repeats far more, while a reading runs about fifteen patterns. The words of a
 * guideline part of at most READ_ONCE_MAX characters only: a key may be a slice that keeps its
 * whole part's text alive. The tables are emptied when full; a hit copies the lists, so no two
 * models share anything but strings.
 */
const readings = { mtus: new Map<string, Reading>(), other: new Map<string, Reading>() };
const READ_ONCE_MAX = 1024;
const READINGS_MAX = 2048;

function readingOf(text: string, mtusClause: boolean, partLength: number): Reading {
  if (partLength > READ_ONCE_MAX) return readCitation(text, mtusClause);
  const table = mtusClause ? readings.mtus : readings.other;
  let reading = table.get(text);
  if (reading === undefined) {
    if (table.size >= READINGS_MAX) table.clear();
    reading = readCitation(text, mtusClause);
    table.set(text, reading);
  }
  return reading;
}

function makeCitation(
  joined: JoinedText,
  part: PartKind,
  start: number,
  end: number,
  mtusClause: boolean,
): Citation | undefined {
  const raw = joined.text.slice(start, end);
  const lead = /^[\s,;:.]+/.exec(raw);
  const s0 = start + (lead ? lead[0].length : 0);
  const e0 = s0 + trimEndWhere(joined.text.slice(s0, end), (ch) => ',;:.'.includes(ch) || isWhite(ch)).length;
  if (e0 <= s0) return undefined;
  const r = readingOf(joined.text.slice(s0, e0), mtusClause, joined.text.length);
  const citation: Citation = {
    source: r.source,
    document: r.document,
    mtus: mtusClause,
    text: r.text,
    topic: r.topic,
    pages: r.pages.slice(),
    sections: r.sections.slice(),
    chapter: r.chapter,
    part,
    range: joined.span(s0, e0),
  };
  return citation;
}

/** Citations in a guideline line (claims administrator's or reviewer's). */
export function guidelineCitations(joined: JoinedText, part: PartKind): Citation[] {
  const text = joined.text;
  // [where the phrase `Decision based on` begins, where the clause after it begins]
  const clauses: Array<[number, number]> = [];
  CLAUSE.lastIndex = 0;
  for (let m = CLAUSE.exec(text); m; m = CLAUSE.exec(text)) clauses.push([m.index, m.index + m[0].length]);
  const out: Citation[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clauseStart = clauses[i][1];
    const clauseEnd = i + 1 < clauses.length ? clauses[i + 1][0] : text.length;
    const clause = text.slice(clauseStart, clauseEnd);
    const nonMtus = NON_MTUS.exec(clause);
    if (nonMtus) {
      // One non-MTUS clause may name several sources separated by ';'.
      const segStart = clauseStart + nonMtus[0].length;
      const pieces: Array<[number, number]> = [];
      const body = text.slice(segStart, clauseEnd);
      let cursor = 0;
      for (const piece of body.split(';')) {
        const a = segStart + cursor;
        const b = a + piece.length;
        cursor += piece.length + 1;
        if (pieces.length > 0 && !sourceOf(piece))
          pieces[pieces.length - 1][1] = b; // continues the previous source
        else pieces.push([a, b]);
      }
      for (const [a, b] of pieces) {
        const c = makeCitation(joined, part, a, b, false);
        if (c) out.push(c);
      }
      continue;
    }
    const mtus = MTUS_LEAD.exec(clause);
    const c = makeCitation(joined, part, clauseStart, clauseEnd, mtus !== null);
    if (c) out.push(c);
  }
  return out;
}

const MENTION =
  /\b(MTUS|ACOEM|ODG|O(?:ffi|\ufb03|\ufb00i|f\ufb01)cial\s+Disability\s+Guidelines|Chronic\s+Pain\s+(?:Medical\s+)?Treatment\s+Guidelines)\b((?:\s+Guidelines?)?(?:\s+(?:in|under)\s+(?:the\s+)?(?:ACOEM|ODG)\b)?(?:\s+(?:Practice\s+)?Guidelines?)?(?:,?\s+Chapter\s+\d{1,3})?(?:,?\s+(?:on\s+)?pages?\s+\d{1,4}(?:\s*(?:-|,|and)\s*\d{1,4})*)?)/gi;

/** Sources a rationale mentions in its prose. */
export function mentionedCitations(joined: JoinedText, part: PartKind): Citation[] {
  const text = joined.text;
  const out: Citation[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const whole = m[0];
    const key = m[1].toUpperCase();
    let source: GuidelineSource;
    let document: Document;
    if (key === 'MTUS') {
      source = 'MTUS';
      if (/\bACOEM\b/i.test(whole)) document = 'ACOEM';
    } else if (key === 'ACOEM') source = 'ACOEM';
    else if (key === 'ODG' || key.startsWith('OFFICIAL')) source = 'ODG';
    else {
      source = 'MTUS';
      document = 'CPMTG';
    }
    const pages = /pages?\s+(\d{1,4}(?:\s*(?:-|,|and)\s*\d{1,4})*)/i.exec(whole);
    out.push({
      source,
      document,
      mtus: source === 'MTUS',
      text: fold(whole),
      pages: pages ? listOf(pages[1]).map((p) => p.replace(/\s+/g, '')) : [],
      sections: [],
      chapter: CHAPTER.exec(whole)?.[1],
      part,
      range: joined.span(m.index, m.index + whole.length),
    });
  }
  return out;
}
