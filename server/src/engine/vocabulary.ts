// The words of a letter: section headings, the labels of an item's parts, the outcome words, the
// markers that open a letter or show that a text is one, page furniture, and which file names can
// hold letters. One
// table each; the parser, isLetter, the checks, the fixes, the formatter and the editor features
// read them from here.
//
// Every heading, label and marker begins with a known word: `starts` lists those words, and the
// parser tests a line against a pattern only when the line's first three characters begin one of
// them (parser/recognize.ts).

import type { OutcomeKind, PartKind, SectionKind } from './model';

/**
 * A pattern whose words may also stand without spaces between them: where a PDF places each word
 * on its own, ghostscript's text output runs them together (`IMRISSUES,DECISIONSANDRATIONALES`,
 * `MAXIMUSguideline:`).
 */
function spacesOptional(re: RegExp): RegExp {
  return new RegExp(re.source.replace(/\\s\+/g, '\\s*'), re.flags);
}

export interface HeadingSpec {
  kind: SectionKind;
  /** The words the pattern can begin with: lines that begin otherwise are not tested. */
  starts: string[];
  re: RegExp;
}

/** Section headings of every layout; a heading that ends in ':' may have text after it on its line. */
export const HEADINGS: readonly HeadingSpec[] = (<HeadingSpec[]>[
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
]).map((h) => ({ kind: h.kind, starts: h.starts, re: spacesOptional(h.re) }));

export interface PartLabelSpec {
  kind: PartKind;
  starts: string[];
  re: RegExp;
}

/** The labels that open an item's parts, as every layout words them. */
export const PART_LABELS: readonly PartLabelSpec[] = (<PartLabelSpec[]>[
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
]).map((p) => ({ kind: p.kind, starts: p.starts, re: spacesOptional(p.re) }));

export interface PartInfo {
  /** Where the part stands in an item: parts come in this order. */
  order: number;
  /** Its name in the outline and in hovers. */
  title: string;
  /** Its name inside a sentence (diagnostic and quick-fix messages). */
  name: string;
  /** The label a quick fix inserts (the standard layout's wording). */
  label: string;
  /** The text a quick fix puts after an inserted label, for the user to replace. */
  placeholder: string;
}

/** What the engine and the features know of each kind of part. */
export const PARTS: Readonly<Record<PartKind, PartInfo>> = {
  'claims-administrator-guideline': {
    order: 0,
    title: 'Claims Administrator guideline',
    name: 'claims administrator guideline',
    label: 'Claims Administrator guideline:',
    placeholder: '[state the claims administrator guideline]',
  },
  'reviewer-guideline': {
    order: 1,
    title: 'Reviewer guideline',
    name: 'reviewer guideline',
    label: 'MAXIMUS guideline:',
    placeholder: '[state the guideline source]',
  },
  rationale: {
    order: 2,
    title: 'Decision rationale',
    name: 'decision rationale',
    label: 'Decision rationale:',
    placeholder: '[state the decision rationale]',
  },
};

/** The text a quick fix writes for an item's missing name. */
export const ITEM_PLACEHOLDER = '[state the disputed item]';

/** Every placeholder begins so: the document is searched for this once (rules/placeholders.ts). */
export const PLACEHOLDER_START = '[state the ';

// Outcomes: the two words a decision gives an item, the words reviewers write for them, and how far
// a typo may stray from one and still be read as it (outcomeWords.ts reads them).

/** An outcome as letters write it. */
export type Outcome = 'Upheld' | 'Overturned';

/** Each outcome's word, lower case, as the parser compares a written word with it. */
export const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = { Upheld: 'upheld', Overturned: 'overturned' };

/** Words reviewers write for each outcome, lower case: the outcome a fix reads them as. */
export const OUTCOME_SYNONYMS: Readonly<Record<Outcome, readonly string[]>> = {
  Upheld: ['uphold', 'upholds', 'upheld', 'affirmed', 'denied'],
  Overturned: ['overturn', 'overturns', 'overturned', 'overruled', 'reversed', 'approved', 'certified'],
};

/** Words plainly meant as an outcome that mean neither: the parser takes them for one, no fix guesses which. */
export const OUTCOME_LOOKALIKES: readonly string[] = ['modified', 'pending', 'partial'];

/**
 * How many edits a typo may be from an outcome's word and still be meant for it: about a third of
 * the word's length, so that `Uphled` is a near miss and a word of prose is not.
 */
export const OUTCOME_NEAR_MISS: Readonly<Record<Outcome, number>> = { Upheld: 2, Overturned: 3 };

/** A near miss means one outcome only when it is at least this many edits nearer to it than to the other. */
export const OUTCOME_CLEAR_LEAD = 2;

/** Outcomes in words, as the workspace features (symbols, CodeLens, the Letters view) show them. */
export const OUTCOME_LABELS: Readonly<Record<OutcomeKind, string>> = {
  upheld: 'Upheld',
  overturned: 'Overturned',
  unknown: 'unknown outcome',
  missing: 'no outcome',
};

// The header's facts: the labels each layout prints them under (the posted block's two columns,
// the 2013 notice's lines, `Dated:` after the notice's title, a letter's `Date:`), matched against
// a header field's name with white space folded or run together.

/** The header facts a letter states, by the name the model and the export give them. */
export type CaseFactName =
  | 'dateAssigned'
  | 'decisionDate'
  | 'mailingDate'
  | 'dateOfInjury'
  | 'urDenialDate'
  | 'applicationReceived'
  | 'priority';

/** Each label a whole name, without capturing groups (caseFacts.ts joins them into one pattern). */
export const CASE_FACT_LABELS: ReadonlyArray<readonly [CaseFactName, RegExp]> = [
  ['dateAssigned', /^Date\s*Assigned$/i],
  ['decisionDate', /^(?:Decision\s*Date|Date\s*of\s*(?:IMR\s*)?Determination|Dated?)$/i],
  // Not `Date of Service`: in a medical letter that is the date of a treatment.
  ['mailingDate', /^(?:Date\s*(?:of\s*)?Mail(?:ing|ed)|Mail(?:ing|ed)\s*(?:Date|On)|Date\s*Served|Served\s*On)$/i],
  ['dateOfInjury', /^Date\s*of\s*Injury$/i],
  ['urDenialDate', /^(?:UR\s*Denial\s*Date|Date\s*of\s*UR\s*(?:Decision|Denial))$/i],
  ['applicationReceived', /^(?:IMR\s*)?Application\s*Received$/i],
  ['priority', /^Priority$/i],
];

/**
 * A second field after another on one line of a 2013 notice (`IMR Case Number: CM13-0012345 Date
 * of UR Decision: 7/18/2013`) or a date after the notice's title (`... Determination Dated: 9/26/2013`).
 */
export const FIELD_LATER_IN_LINE = /\s(Date\s+of\s+UR\s+(?:Decision|Denial)|Date\s+of\s+Injury|Dated?)\s*:\s*(?=\S)/i;

// Markers: lines that open a letter or tell its layout. Lines hold no '\r' or '\n', but may hold
// U+2028/U+2029, which '.' does not match without the s flag.

/** `Case Number: CM15-0123456`: opens a posted letter's header block (the case-header layout). */
export const CASE_NUMBER_FIELD = /^Case\s+(?:Number|No\.?|#)\s*:\s*(\S.*)?$/is;
/** The review organization's letterhead. */
export const LETTERHEAD = /^MAXIMUS\s+FEDERAL\s+SERVICES(?:\s*,?\s*INC\.?)?$/i;
/** The professional review form's title. */
export const PROFESSIONAL_REVIEW = /^MEDICAL\s+PROFESSIONAL\s+REVIEW$/i;
/**
 * The 2013 notice's title, alone on its line or, as a web tool extracted one, after the letterhead
 * and before the date (`MAXIMUS FEDERAL SERVICES, INC. Notice of ... Determination Dated: 9/26/2013`).
 */
export const NOTICE_2013 =
  /^(?:MAXIMUS\s*FEDERAL\s*SERVICES\s*,?\s*INC\.?\s*)?Notice\s*of\s*Independent\s*Medical\s*Review\s*Determination(?:\s*(?:Dated?\s*:?\s*)?\d{1,2}\/\d{1,2}\/\d{2,4})?$/i;
/** The sentence that introduces the disputed items in a decisions section. */
export const INTRO = /^The\s*Final\s*Determination\s*was\s*based\s*on\s*decisions?/i;
/** The words the markers above begin with (see HeadingSpec.starts). */
export const MARKER_STARTS = ['case', 'maximus', 'medical', 'notice'];

/**
 * Lines isLetter counts as a sign of a letter besides headings and part labels. A `letterhead`
 * is strong (like a heading); the others count only with a strong one.
 */
/**
 * Words on a PDF's first page that say a letter may follow even when the page is none (a fax cover
 * sheet of one): such a PDF is read to its end (engine/detect.ts mayBeginLetter).
 */
export const LETTER_HINT = /\b(?:Independent\s*Medical\s*Review|MAXIMUS|IMR|Final\s*Determination)\b/i;

export const LETTER_MARKS: ReadonlyArray<[kind: 'letterhead' | 'intro' | 'credentials', re: RegExp]> = [
  ['letterhead', /^MAXIMUS\s+FEDERAL\s+SERVICES/i],
  ['letterhead', NOTICE_2013],
  ['letterhead', PROFESSIONAL_REVIEW],
  ['intro', INTRO],
  ['credentials', /^The\s+Expert\s+Reviewer\s+has\s+the\s+following\s+credentials/i],
];

// Page furniture that PDF extraction leaves in the text.
const PAGE_OF = String.raw`Page\s+\d+\s+(?:of|\/)\s+\d+`;
const LONE_CASE_NUMBER = String.raw`CM\d{2}-\d{5,8}`;
const DASHED_PAGE = String.raw`-\s*\d+\s*-`;
const PAGE_FRACTION = String.raw`\d+\s*\/\s*\d+`;

/** A footer's two pieces on one line, as pdftotext -layout sets them apart: `Page 2 of 5      CM15-0123456`. */
const FOOTER_LINE = String.raw`(?:${PAGE_OF}|${LONE_CASE_NUMBER})\s+(?:${PAGE_OF}|${LONE_CASE_NUMBER})`;

/** A line that is page noise to the parser: `Page 2 of 5`, `2/5`, a lone case number, `- 2 -`, a footer on one line. */
export const PAGE_NOISE = new RegExp(
  `^(?:${PAGE_OF}|${PAGE_FRACTION}|${LONE_CASE_NUMBER}|${DASHED_PAGE}|${FOOTER_LINE})$`,
  'i',
);
/**
 * The page noise the formatter removes: not a lone `6/10`, which may be a wrapped pain score and
 * is kept on its own line.
 */
export const REMOVABLE_PAGE_NOISE = new RegExp(
  `^(?:${PAGE_OF}|${LONE_CASE_NUMBER}|${DASHED_PAGE}|${FOOTER_LINE})$`,
  'i',
);
/** REMOVABLE_PAGE_NOISE anywhere in a string (extraction drops it into wrapped item names). */
export const PAGE_NOISE_IN_TEXT = new RegExp(
  String.raw`\b${PAGE_OF}\b|\b${LONE_CASE_NUMBER}\b|(?:^|\s)${DASHED_PAGE}(?=\s|$)`,
  'gi',
);
/** A case number anywhere in a line. */
export const CASE_NUMBER = new RegExp(String.raw`\b${LONE_CASE_NUMBER}\b`);

// Which files can hold letters.

/** The editor's language claims `.imr` files: such a file is a letter whatever it holds. */
export const LETTER_LANGUAGE_EXTENSION = '.imr';
/** Extensions of files that may hold letters: letters are saved as `.txt`, or `.imr`. */
export const LETTER_FILE_EXTENSIONS: readonly string[] = ['.txt', LETTER_LANGUAGE_EXTENSION];

/** Whether a file's name says it may hold letters (a `.txt` one still has to be one: isLetter). */
export function mayHoldLetters(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return LETTER_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Whether a file's name makes it a letter whatever it holds (`.imr`). */
export function isLetterLanguageFile(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(LETTER_LANGUAGE_EXTENSION);
}

// Partial authorization (a modified utilization review): the decision line states the original
// request, what the claims administrator authorized and the part left for IMR, which the decision
// is about (layouts/partForImr.ts). Spaces between words are optional, as in the headings.

/** The decision line's opening sentence: `<request> was the original request.` */
export const ORIGINAL_REQUEST_SENTENCE = spacesOptional(/^([\s\S]+?)\s+was\s+the\s+original\s+request\s*\.\s*/i);
/**
 * What the claims administrator authorized, the sentence between the other two, whole:
 * `<part> was authorized by the Claims Administrator.`, `The Claims Administrator authorized
 * <part>, leaving the original request IMR eligible.`
 */
export const AUTHORIZED_SENTENCES: readonly RegExp[] = [
  /^([\s\S]+?)\s+was\s+(?:authorized|certified|approved)\s+by\s+the\s+Claims\s+Administrator\s*\.$/i,
  /^The\s+Claims\s+Administrator\s+(?:authorized|certified|approved)\s+([\s\S]+?)(?:\s*,?\s*leaving\s+the\s+original\s+request\s+IMR\s+eligible)?\s*\.$/i,
].map(spacesOptional);
/**
 * Where the part left for IMR is named, the item's name after it: `The remaining IMR eligible
 * portion of the original request, <part> is:`, `The original request, <part> is:`.
 */
export const PART_FOR_IMR_OPENING = spacesOptional(
  /\b(?:the\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+)?the\s+original\s+request\s*,\s*/gi,
);
/** The verb between the part left for IMR and the decision's colon (`<part> is: Upheld`). */
export const PART_FOR_IMR_VERB = /\s+is$/i;
/** The same verb where the words run together (ghostscript: `...originalrequest,Norco10/325mg#35is:Upheld`). */
export const PART_FOR_IMR_VERB_GLUED = /\s*is$/i;
/**
 * A line of the decision line's paragraph that ends one of the formula's sentences: the name goes
 * on above it (layouts/decisionLines.ts nameStart), where another sentence's end stops it.
 */
export const PARTIAL_AUTHORIZATION_SENTENCE_END =
  /(?:\bwas\s+the\s+original\s+request|^(?:the\s+)?original\s+request|\b(?:authorized|certified|approved)\s+by\s+the\s+Claims\s+Administrator|^(?:by\s+)?the\s+Claims\s+Administrator|^Claims\s+Administrator|\bleaving\s+the\s+original\s+request\s+IMR\s+eligible|^(?:the\s+)?(?:original\s+)?request\s+IMR\s+eligible|^IMR\s+eligible)\s*\.$/i;
