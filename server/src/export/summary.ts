// What the workspace index keeps of one letter file: its items with their outcomes, guideline
// sources, citations and problems, and where each sits (LSP-style 0-based lines and UTF-16
// characters), never its text. Plain data, so that it can be saved as JSON and read back, and small
// enough that 50,000 letters fit in a few hundred megabytes. Nothing here knows of LSP.

import type { DiagnosticCode, Finding } from '../engine/check';
import type { Citation, DisputedItem, LetterDocument, OutcomeKind, Span } from '../engine/model';
import { daysToDecisionOf } from '../engine/caseFacts';
import { treatmentOf } from '../engine/treatmentCategories';

/** Start line, start character, end line, end character. */
export type Place = [number, number, number, number];

export interface CitationSummary {
  /** `MTUS`, `ACOEM`, `ODG`, `other`. */
  source: string;
  /** The MTUS document (`CPMTG`, `ACOEM`, `Opioids`, `Formulary`), when known. */
  document?: string;
  pages: string[];
  at: Place;
}

export interface ItemSummary {
  name: string;
  /** A partly authorized item's original request and authorized part (`name` is the part left for IMR). */
  requested?: string;
  authorized?: string;
  outcome: OutcomeKind;
  /** The sources the decision rests on (reviewer guideline and rationale), MTUS documents named too. */
  sources: string[];
  decision: Place;
  rationale?: Place;
  citations: CitationSummary[];
  /** How many problems are about this item. */
  problems: number;
  /** The DWC's Request Category, SubCategory and drug class, and the drug named (engine/treatmentCategories.ts). */
  category: string;
  subcategory?: string;
  drugClass?: string;
  drug?: string;
}

export interface LetterSummary {
  caseNumber?: string;
  specialty?: string;
  /** The header's dates, ISO `YYYY-MM-DD`. */
  decisionDate?: string;
  /** A date of mailing the letter states (the appeal window counts from it). */
  mailingDate?: string;
  dateAssigned?: string;
  /** `Standard`, `Expedited`, as written. */
  priority?: string;
  /** From the application's receipt (or assignment) to the decision (engine/caseFacts.ts). */
  daysToDecision?: number;
  items: ItemSummary[];
}

export interface ProblemSummary {
  /** 0-based letter of the file the problem is in. */
  letter: number;
  code: DiagnosticCode;
  message: string;
  at: Place;
  related?: { at: Place; message: string };
}

export interface FileSummary {
  /** False for a plain-text file that is no letter: kept so that it is not read again. */
  isLetter: boolean;
  letters: LetterSummary[];
  problems: ProblemSummary[];
  /** Why a file gave no letter text (a damaged or scanned PDF), for the log; no problem is shown. */
  reason?: string;
}

/**
 * A copy of a string that holds nothing else: a name sliced out of a letter's text may keep the
 * whole text alive in V8 (a sliced string points into its parent), and the index must grow with
 * items, not with text.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Strings that repeat across thousands of letters (sources, pages, outcomes) kept once. */
const interned = new Map<string, string>();
function intern(s: string): string {
  if (s.length > 24) return detach(s);
  const known = interned.get(s);
  if (known !== undefined) return known;
  const own = detach(s);
  if (interned.size < 100_000) interned.set(own, own);
  return own;
}

export const NOT_A_LETTER: FileSummary = Object.freeze({ isLetter: false, letters: [], problems: [] }) as FileSummary;

/** A source as the user searches for it: `MTUS/CPMTG`, `ODG`. */
export function sourceName(c: { source: string; document?: string }): string {
  return c.document && c.document !== c.source ? `${c.source}/${c.document}` : c.source;
}

function decisionSources(item: DisputedItem): string[] {
  const out: string[] = [];
  for (const c of item.citations) {
    if (c.part === 'claims-administrator-guideline') continue;
    const name = intern(sourceName(c));
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export function summarize(
  model: LetterDocument,
  findings: readonly Finding[],
  place: (span: Span) => Place,
): FileSummary {
  const perItem = new Map<string, number>();
  for (const f of findings) {
    if (f.itemIndex === undefined) continue;
    const key = `${f.letterIndex}:${f.itemIndex}`;
    perItem.set(key, (perItem.get(key) ?? 0) + 1);
  }
  const citation = (c: Citation): CitationSummary => {
    const s: CitationSummary = { source: intern(c.source), pages: c.pages.map(intern), at: place(c.range) };
    if (c.document) s.document = intern(c.document);
    return s;
  };
  return {
    isLetter: true,
    letters: model.letters.map((letter) => {
      const specialties = letter.reviewer?.specialties ?? [];
      const summary: LetterSummary = {
        items: letter.items.map((item, i) => {
          const treatment = treatmentOf(item.name);
          const s: ItemSummary = {
            name: detach(item.name),
            outcome: item.outcome.kind,
            sources: decisionSources(item),
            decision: place(item.decisionRange),
            citations: item.citations.map(citation),
            problems: perItem.get(`${letter.index}:${i}`) ?? 0,
            category: treatment.category,
          };
          if (treatment.subcategory) s.subcategory = treatment.subcategory;
          if (treatment.drugClass) s.drugClass = treatment.drugClass;
          if (treatment.drug) s.drug = detach(treatment.drug);
          if (item.requested !== undefined) s.requested = detach(item.requested);
          if (item.authorized !== undefined) s.authorized = detach(item.authorized);
          if (item.rationale) s.rationale = place(item.rationale.labelRange);
          return s;
        }),
      };
      if (letter.caseNumber) summary.caseNumber = detach(letter.caseNumber);
      if (specialties.length > 0) summary.specialty = intern(specialties.join('; '));
      if (letter.facts.decisionDate) summary.decisionDate = intern(letter.facts.decisionDate);
      if (letter.facts.mailingDate) summary.mailingDate = intern(letter.facts.mailingDate);
      if (letter.facts.dateAssigned) summary.dateAssigned = intern(letter.facts.dateAssigned);
      if (letter.facts.priority) summary.priority = intern(letter.facts.priority);
      const days = daysToDecisionOf(letter.facts);
      if (days !== undefined) summary.daysToDecision = days;
      return summary;
    }),
    problems: findings.map((f) => {
      const p: ProblemSummary = { letter: f.letterIndex, code: f.code, message: detach(f.message), at: place(f.range) };
      if (f.related) p.related = { at: place(f.related.range), message: detach(f.related.message) };
      return p;
    }),
  };
}

/**
 * A summary that came from elsewhere (a worker thread, the saved index) with its repeating strings
 * made the ones this thread keeps: each copy would otherwise hold its own "upheld" and "MTUS/CPMTG".
 */
export function internSummary(summary: FileSummary): FileSummary {
  for (const letter of summary.letters) {
    if (letter.specialty) letter.specialty = intern(letter.specialty);
    if (letter.decisionDate) letter.decisionDate = intern(letter.decisionDate);
    if (letter.mailingDate) letter.mailingDate = intern(letter.mailingDate);
    if (letter.dateAssigned) letter.dateAssigned = intern(letter.dateAssigned);
    if (letter.priority) letter.priority = intern(letter.priority);
    for (const item of letter.items) {
      item.outcome = intern(item.outcome) as OutcomeKind;
      item.sources = item.sources.map(intern);
      item.category = intern(item.category);
      if (item.subcategory) item.subcategory = intern(item.subcategory);
      if (item.drugClass) item.drugClass = intern(item.drugClass);
      for (const c of item.citations) {
        c.source = intern(c.source);
        c.pages = c.pages.map(intern);
        if (c.document) c.document = intern(c.document);
      }
    }
  }
  for (const p of summary.problems) p.code = intern(p.code) as DiagnosticCode;
  return summary;
}

/** Whether a summary read back from a saved index has the shape this version writes. */
export function isFileSummary(value: unknown): value is FileSummary {
  const v = value as FileSummary;
  return !!v && typeof v.isLetter === 'boolean' && Array.isArray(v.letters) && Array.isArray(v.problems);
}
