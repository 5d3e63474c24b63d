// The letter model: everything an editor feature, the command-line tool or a test needs to know
// about a text that holds one or more IMR Final Determination Letters.
//
// The engine knows nothing of LSP or VS Code. Ranges are half-open UTF-16 offsets into the text the
// model was parsed from ([start, end)), so they convert to LSP positions with any line index that
// counts '\r\n', '\r' and '\n' as line breaks (as vscode-languageserver-textdocument does).

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a letter is laid out: each layout has its module in layouts/ and its entry in layouts/index.ts LAYOUTS. */
export type Layout =
  /** `HOW THE IMR FINAL DETERMINATION WAS MADE` ... `IMR ISSUES, DECISIONS AND RATIONALES` (2014 on). */
  | 'standard'
  /** A posted letter that opens with a `Case Number:` header block, then the standard sections. */
  | 'case-header'
  /** `MAXIMUS FEDERAL SERVICES, INC.` / `Independent Medical Review` letterhead, `IMR DECISION(S) AND RATIONALE(S)`. */
  | 'letterhead'
  /** `MEDICAL PROFESSIONAL REVIEW` form: one issue, guideline and rationale sections. */
  | 'professional-review'
  /** 2013 `Notice of Independent Medical Review Determination` with numbered decision sentences. */
  | 'notice-2013';

export type SectionKind =
  | 'determination' // how the determination was made
  | 'documents' // documents reviewed
  | 'summary' // (clinical) case summary
  | 'decisions' // the disputed items and their decisions
  | 'issue' // professional review: issue at dispute
  | 'guidelines' // professional review: guidelines relied upon
  | 'rationale' // professional review: rationale
  | 'qualifications'; // reviewer qualifications

export interface Section {
  readonly kind: SectionKind;
  /** The heading as the letter words it, white space folded (a wrapped heading is joined). */
  readonly title: string;
  readonly heading: Span;
  /** From the end of the heading to the end of the section's last non-blank line (may be empty). */
  readonly body: Span;
  /** Heading and body. */
  readonly range: Span;
}

export interface HeaderField {
  readonly name: string;
  readonly value: string;
  readonly range: Span;
  readonly valueRange: Span;
}

export interface ReviewerCredentials {
  /** Board certifications and specialties, e.g. `Psychiatry`, `Preventive Medicine`. */
  readonly specialties: readonly string[];
  readonly subspecialties: readonly string[];
  /** States of licensure, e.g. `California`. */
  readonly licensure: readonly string[];
  /** Where the letter states them (a sentence or a credentials block). */
  readonly range: Span;
}

/** The dates and priority a letter's header states: dates ISO `YYYY-MM-DD`, the priority as written. */
export interface CaseFacts {
  readonly dateAssigned?: string;
  readonly decisionDate?: string;
  /** A date of mailing or service the letter states, when it states one (the appeal window counts from it). */
  readonly mailingDate?: string;
  readonly dateOfInjury?: string;
  readonly urDenialDate?: string;
  readonly applicationReceived?: string;
  /** `Standard`, `Expedited`. */
  readonly priority?: string;
}

/** The patient as the clinical case summary states them (`The patient is a 52-year-old female ... diagnosed with ...`); never guessed. */
export interface Patient {
  readonly age?: number;
  readonly sex?: 'female' | 'male';
  /** As the summary lists them, one entry each. */
  readonly diagnoses: readonly string[];
}

export type OutcomeKind = 'upheld' | 'overturned' | 'unknown' | 'missing';

export interface Outcome {
  readonly kind: OutcomeKind;
  /** The word (or, in 2013 letters, the phrase) as written; empty when missing. */
  readonly raw: string;
  /** Where it is written; an empty span at the end of the item's name when missing. */
  readonly range: Span;
}

export type PartKind = 'claims-administrator-guideline' | 'reviewer-guideline' | 'rationale';

export interface ItemPart {
  readonly kind: PartKind;
  /** The label as written, e.g. `MAXIMUS guideline:`. */
  readonly label: string;
  readonly labelRange: Span;
  /** The part's text after the label, lines joined and white space folded. */
  readonly text: string;
  /** From the end of the label to the end of the part's last non-blank line. */
  readonly body: Span;
  readonly range: Span;
}

export type GuidelineSource = 'MTUS' | 'ACOEM' | 'ODG' | 'other';

export interface Citation {
  readonly source: GuidelineSource;
  /** Which MTUS document when the source is the MTUS: chronic pain guidelines, ACOEM chapters adopted into it. */
  readonly document?: 'CPMTG' | 'ACOEM' | 'Opioids' | 'Formulary';
  /** Whether the letter cites it as part of the MTUS (`Decision based on MTUS`) or as a non-MTUS citation. */
  readonly mtus: boolean;
  /** The citation as written, white space folded. */
  readonly text: string;
  /** The topic as the letter words it, e.g. `Benzodiazepines`, `Pain (Chronic), Methadone`. */
  readonly topic?: string;
  readonly pages: readonly string[];
  readonly sections: readonly string[];
  readonly chapter?: string;
  /** Which part of the item the citation is in. */
  readonly part: PartKind;
  readonly range: Span;
}

export type ConclusionKind = 'medically-necessary' | 'not-medically-necessary' | 'not-stated';

export interface Conclusion {
  readonly kind: ConclusionKind;
  /** The phrase that states it (`is not medically necessary`); absent when not stated. */
  readonly range?: Span;
}

export interface DisputedItem {
  /**
   * The item the decision is about, wrapped lines joined and white space folded: as requested, or
   * for a partly authorized item the part left for IMR (`Norco 10/325mg #35`).
   */
  readonly name: string;
  readonly nameRange: Span;
  /** A partly authorized item's original request (`Norco 10/325mg #60`), where the letter states it. */
  readonly requested?: string;
  /** What the claims administrator authorized of a partly authorized item's request, where the letter states it. */
  readonly authorized?: string;
  /** The decision line, or lines when the outcome or the name wrapped. */
  readonly decisionRange: Span;
  readonly outcome: Outcome;
  readonly claimsAdministratorGuideline?: ItemPart;
  readonly reviewerGuideline?: ItemPart;
  readonly rationale?: ItemPart;
  /** The parts in the order they appear. */
  readonly parts: readonly ItemPart[];
  /** Citations in all parts, in text order. */
  readonly citations: readonly Citation[];
  readonly conclusion: Conclusion;
  /** The decision line through the end of the item's last part. */
  readonly range: Span;
}

export interface Letter {
  /** 0-based position of the letter in the file. */
  readonly index: number;
  readonly layout: Layout;
  readonly range: Span;
  readonly header: readonly HeaderField[];
  readonly caseNumber?: string;
  /** The header's dates and priority (engine/caseFacts.ts). */
  readonly facts: CaseFacts;
  readonly sections: readonly Section[];
  readonly reviewer?: ReviewerCredentials;
  /** The patient, from the clinical case summary (parser/patient.ts); empty when the letter has none. */
  readonly patient: Patient;
  /** The section that holds the disputed items, when the letter has one. */
  readonly decisions?: Section;
  /** In the order of their decision lines (in 2013 notices the numbered decisions come before the discussions). */
  readonly items: readonly DisputedItem[];
}

export interface LetterDocument {
  readonly text: string;
  readonly letters: readonly Letter[];
  /** Line break style of the text: the first line break found, LF when there is none. */
  readonly eol: '\n' | '\r\n' | '\r';
  /** True when the extraction put a blank line after every line of text. */
  readonly doubleSpaced: boolean;
}
