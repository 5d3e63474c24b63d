// The patient as the clinical case summary states them: age and sex from the first
// `<n>-year-old <female|male>` (`The injured worker is a 48 year old male`, `a now 56-year-old
// female`), and the diagnoses from the first sentence that lists them (`diagnosed with ...`,
// `The current diagnoses are documented as ...`, `undergoing treatment for ...`). Nothing is
// guessed: no pronoun makes a sex, and a summary that states none of these gives none.
//
// A list with semicolons is split at them only (its entries may hold commas: `dorsalgia,
// unspecified; radiculopathy, cervical region`), another at its commas and at the `and` that ends
// it (`X, Y and Z`); a piece that is only a qualifier (`Major Depressive Disorder, single episode,
// moderate`) stays with the diagnosis before it. An entry is split again at an `and` after a word
// that ends a diagnosis (`back pain and knee pain`, `lumbago and left and right sided sciatica`),
// not at another (`right foot and right shoulder pain`, `sprain of joints and ligaments`).

import type { Patient } from '../model';
import { fold, straighten } from '../fold';
import { JoinedText } from '../joinedText';
import { logicalLinesIn } from '../rangeLines';

const AGE_SEX =
  /(?<![\d.])(\d{1,3})\s*-?\s*(?:years?|yrs?\.?)\s*-?\s*old\b(?:\s*,?\s*(female|male|woman|man|gentleman|lady|girl|boy)\b)?/i;
const FEMALE = /^(?:female|woman|lady|girl)$/i;

/** The ways a summary opens a list of diagnoses; the list runs to the end of its sentence. */
const DIAGNOSES_OPENINGS = [
  // `The current diagnoses are documented as`, `Diagnoses include`, `Diagnoses, and-or impressions,
  // were noted to include:`, `has diagnosis that include`, `the diagnoses of`, `a comorbid diagnosis of`.
  String.raw`\bdiagnos(?:is|es)\b[^.:;]{0,40}?\s*\b(?:includes?|included|are|is|was|were|of)\b(?:\s+(?:documented|noted|listed)\s+(?:as|to\s+include))?`,
  String.raw`\bdiagnosed\s+(?:with|as\s+having|as)\b`,
  String.raw`\b(?:undergoing|being|been)\s+(?:treatments?|treated)\s+for\b(?:\s+the\s+diagnos[ie]s\s+of\b)?`,
];
const DIAGNOSES_OPENING = new RegExp(
  `(?:${DIAGNOSES_OPENINGS.map((o) => `(?:${o})`).join('|')})` + String.raw`\s*(?:the\s+following)?\s*:?\s*`,
  'i',
);
/**
 * Where a list ends: a period (and a quote or bracket that closes there) before white space and a
 * capital, a digit or the end (`L4-5.` in a word run does not end it; `radiculopathy." On` does), or a clause that goes on to say what happened (`diagnosed with lumbar
 * disc disease and underwent a laminectomy`).
 */
const LIST_END =
  /\.["')\]]*(?=\s+["([]?[A-Z0-9]|\s*$|[A-Z][a-z])|,?\s+(?:and\s+)?(?:underwent|was|were|has|had|is|are|who|which|developed|received|subsequently|presented|reported|complain(?:s|ed)?|continues?|states?)\b/;
/** The longest list read: a summary that runs on is cut, not read to its end. */
const MAX_LIST = 400;
/** Words a piece may consist of and still be a qualifier of the diagnosis before it. */
const QUALIFIER =
  /^(?:(?:single|recurrent|episode|mild|moderate|severe|chronic|acute|unspecified|initial|subsequent|encounter|sequela|left|right|bilateral|side|sided|not|otherwise|specified|nos|with|without|psychotic|features|in|partial|full|remission|improved|resolved|unchanged|industrial|nonindustrial|non-industrial|status|post)\b[\s-]*)+$/i;

/** The patient in the summary's body, [from, to) of the text. */
export function patientIn(text: string, from: number, to: number): Patient {
  const lines = logicalLinesIn(text, from, to);
  const prose = straighten(JoinedText.of(lines).text);
  const patient: { age?: number; sex?: 'female' | 'male'; diagnoses: string[] } = { diagnoses: [] };
  const stated = AGE_SEX.exec(prose);
  if (stated) {
    const age = Number(stated[1]);
    if (age >= 14 && age <= 110) patient.age = age;
    if (stated[2]) patient.sex = FEMALE.test(stated[2]) ? 'female' : 'male';
  }
  const opening = DIAGNOSES_OPENING.exec(prose);
  if (opening) {
    const rest = prose.slice(opening.index + opening[0].length, opening.index + opening[0].length + MAX_LIST);
    const end = LIST_END.exec(rest);
    // A list cut at MAX_LIST loses its last, cut piece: none rather than half a diagnosis.
    const list = end ? rest.slice(0, end.index) : rest.length < MAX_LIST ? rest : rest.slice(0, lastSeparator(rest));
    patient.diagnoses = diagnosisList(list);
  }
  return patient;
}

/** Where the last comma or semicolon of `s` is; 0 when it has none. */
function lastSeparator(s: string): number {
  return Math.max(s.lastIndexOf(','), s.lastIndexOf(';'), 0);
}

function clean(piece: string): string {
  const s = fold(piece)
    .replace(/^(?:and|or)\s+/i, '')
    .replace(/[\s,.:;]+$/, '')
    .replace(/^["']+|["']+$/g, '')
    .trim();
  // A bracket the list's end cut from its pair: `(right arm` keeps its `)`, a lone `)` goes.
  const opens = occurrences(s, 0x28) - occurrences(s, 0x29);
  return opens > 0 ? s + ')'.repeat(opens) : opens < 0 && s.endsWith(')') ? s.slice(0, -1).trim() : s;
}

/** How many times the character `code` occurs in `s`, without the arrays two splits made for every piece of every list. */
function occurrences(s: string, code: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

/** An `and` after a word that ends a diagnosis: the list goes on with another (`right knee contusion and right knee medial meniscus tear`). */
const AND_AFTER_DIAGNOSIS =
  /(?<=\b(?:pain|strain|sprain|contusion|tear|fracture|syndrome|disorder|disease|injury|injuries|radiculopathy|neuropathy|arthritis|arthrosis|tendinitis|tendonitis|bursitis|stenosis|herniation|spasms?|depression|anxiety|insomnia|headaches?|hypertension|diabetes|mellitus|dyslipidemia|infection|laceration|abrasion|degeneration|displacement|sciatica|lumbago|cervicalgia|dorsalgia|impingement|effusion|paresthesias?|loss|dysfunction))\s+and\s+/i;

const HAS_AND = /\sand\s/i;
/** An ICD-10 style site after a comma: `radiculopathy, cervical region (right arm)`, `displacement, lumbar region`. */
const REGION = /^(?:[a-z-]+\s+)?region(?:\s*\([^()]*\))?$/i;
/**
 * The tissues an ICD-10 strain lists (`strain of muscle, fascia and tendon of lower back`): a piece
 * that begins with one goes on a piece that ends with one.
 */
const TISSUE_START = /^(?:(?:and|or)\s+)?(?:muscles?|fascia|tendons?|ligaments?|joints?)\b/i;
const TISSUE_END = /\b(?:muscles?|fascia|tendons?|ligaments?|joints?)$/i;
/** A piece that names only where (`lumbar, hip, and neck strain`): it shares the diagnosis of a piece after it. */
const SITE_ONLY =
  /^(?:(?:left|right|bilateral|upper|lower|low|mid|lumbar|lumbosacral|cervical|thoracic|hips?|necks?|backs?|shoulders?|knees?|wrists?|ankles?|elbows?|hands?|feet|foot|arms?|legs?|spine|extremit(?:y|ies)|and|or)\b[\s-]*)+$/i;

/**
 * A stated list, one entry per diagnosis, each as the list writes it. The list is split at its
 * semicolons, each part at its commas and at the `and` that ends it (`X, Y and Z`); a piece goes on
 * the diagnosis before it when it only qualifies it (`Major Depressive Disorder, single episode,
 * moderate`, `dorsalgia, unspecified`, `radiculopathy, cervical region`) or continues its tissues
 * (`strain of muscle, fascia and tendon of lower back`), and on the one after it when it names only
 * a site (`lumbar, hip, and neck strain`). Never across a semicolon.
 */
export function diagnosisList(list: string): string[] {
  const out: string[] = [];
  for (const group of list.split(';')) {
    for (const [start, end] of entrySpans(group)) {
      const entry = clean(group.slice(start, end));
      // Split only an entry that holds an `and`: the pattern's look-behind is tried at every position.
      const parts = HAS_AND.test(entry) ? entry.split(AND_AFTER_DIAGNOSIS) : [entry];
      for (const part of parts) {
        const cleaned = clean(part);
        if (cleaned.length > 0) out.push(cleaned);
      }
    }
  }
  return out;
}

/** The pieces of one part of a list ([start, end) of `group`): at its commas, the last one at its first `and`. */
function pieceSpans(group: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  for (let i = group.indexOf(','); i >= 0; i = group.indexOf(',', start)) {
    pieces.push([start, i]);
    start = i + 1;
  }
  pieces.push([start, group.length]);
  if (pieces.length > 1) {
    // `X, Y and Z`, `X, Y, and Z`: the last piece holds the last two entries (an `and` that begins it ends the list).
    const [from, to] = pieces[pieces.length - 1];
    const last = group.slice(from, to);
    const lead = /^\s*(?:and|or)\s+/i.exec(last)?.[0].length ?? 0;
    const and = last.indexOf(' and ', lead);
    if (and > 0) pieces.splice(pieces.length - 1, 1, [from, from + and], [from + and + 1, to]);
  }
  return pieces;
}

/** The entries of one part of a list, as [start, end) of `group`, after the pieces are joined. */
function entrySpans(group: string): Array<[number, number]> {
  const entries: Array<[number, number]> = [];
  /** Where pieces that name only a site began, waiting for the diagnosis they share. */
  let sitesFrom = -1;
  let lastEnd = 0;
  for (const [start, end] of pieceSpans(group)) {
    const piece = clean(group.slice(start, end));
    if (piece.length === 0) continue;
    lastEnd = end;
    const prev = entries.length > 0 && sitesFrom < 0 ? entries[entries.length - 1] : undefined;
    if (
      prev &&
      (QUALIFIER.test(piece) ||
        REGION.test(piece) ||
        (TISSUE_START.test(piece) && TISSUE_END.test(clean(group.slice(prev[0], prev[1])))))
    ) {
      prev[1] = end;
      continue;
    }
    if (SITE_ONLY.test(piece)) {
      if (sitesFrom < 0) sitesFrom = start;
      continue;
    }
    entries.push([sitesFrom >= 0 ? sitesFrom : start, end]);
    sitesFrom = -1;
  }
  // Sites with no diagnosis after them: kept as the list writes them.
  if (sitesFrom >= 0) entries.push([sitesFrom, lastEnd]);
  return entries;
}
