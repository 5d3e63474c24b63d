// The export's records: one per disputed item, plain data that crosses threads and is written as
// JSON, JSON Lines or CSV (writers.ts). Every field is read from the engine's model.

import type { Citation, DisputedItem, Letter } from '../engine/model';
import type { LineIndex } from '../engine/lines';
import { treatmentOf } from '../engine/treatmentCategories';
import type { LetterNotesView } from '../notes/resolve';
import type { FileDiagnostic } from './analyze';
import { appealByOf } from './appealBy';

export interface ExportCitation {
  source: Citation['source'];
  /** The MTUS document (CPMTG, ACOEM, Opioids, Formulary) when known. */
  document: string | null;
  /** Cited as part of the MTUS ("Decision based on MTUS") rather than as a non-MTUS citation. */
  mtus: boolean;
  topic: string | null;
  pages: string[];
  /** Which part of the item cites it: the claims administrator's guideline, the reviewer's, or the rationale. */
  part: Citation['part'];
  text: string;
}

export interface ExportRecord {
  file: string;
  /** 1-based number of the letter in the file. */
  letter: number;
  caseNumber: string | null;
  /** The item the decision is about: for a partly authorized item, the part left for IMR. */
  item: string;
  /** A partly authorized item's original request and what the claims administrator authorized of it; null otherwise. */
  requested: string | null;
  authorized: string | null;
  /** Upheld, Overturned, unknown (a word that is neither) or missing. */
  outcome: 'Upheld' | 'Overturned' | 'unknown' | 'missing';
  /** The outcome as the letter writes it (empty when missing). */
  outcomeText: string;
  /** 1-based line of the decision. */
  line: number;
  reviewerSpecialty: string | null;
  /** Guideline sources the reviewer's decision cites (reviewer guideline and rationale), first cited first. */
  sources: string[];
  citations: ExportCitation[];
  conclusion: 'medically-necessary' | 'not-medically-necessary' | 'not-stated';
  /** Codes of the diagnostics on this item, with the configured severities (codes set to off left out). */
  diagnostics: string[];
  /** The letter's header dates, ISO `YYYY-MM-DD`; null when the letter states none (or no valid date). */
  dateAssigned: string | null;
  decisionDate: string | null;
  dateOfInjury: string | null;
  urDenialDate: string | null;
  applicationReceived: string | null;
  /** The review's priority as the letter writes it (`Standard`, `Expedited`). */
  priority: string | null;
  /** The patient's age, sex and diagnoses as the clinical case summary states them; never guessed. */
  patientAge: number | null;
  patientSex: 'female' | 'male' | null;
  diagnoses: string[];
  /** The reviewer's states of licensure and board specialties, as written. */
  reviewerLicensure: string[];
  reviewerSpecialties: string[];
  /** The item's treatment category and subcategory (engine/treatmentCategories.ts); `Other` when unknown. */
  category: string;
  subcategory: string | null;
  /** The drug and the quantity (the number after `#` or `QTY:`) where the item names them. */
  drug: string | null;
  quantity: string | null;
  /** The user's notes on the item (.imr-letters/notes.json), oldest first, Markdown as written. */
  notes: string[];
  /** The notes on the item's letter as a whole. */
  letterNotes: string[];
  /** The item's tags and its letter's, sorted. */
  tags: string[];
  /** The letter's status as the user set it (`In review`, `Done`, ...). */
  status: string | null;
  /** The last day to appeal the letter's determination, ISO `YYYY-MM-DD` (export/appealBy.ts). */
  appealBy: string | null;
}

const OUTCOME_NAMES = { upheld: 'Upheld', overturned: 'Overturned', unknown: 'unknown', missing: 'missing' } as const;

function exportCitation(c: Citation): ExportCitation {
  return {
    source: c.source,
    document: c.document ?? null,
    mtus: c.mtus,
    topic: c.topic ?? null,
    pages: [...c.pages],
    part: c.part,
    text: c.text,
  };
}

export function exportRecord(
  display: string,
  letter: Letter,
  item: DisputedItem,
  itemIndex: number,
  lines: LineIndex,
  diagnostics: readonly FileDiagnostic[],
  notes?: LetterNotesView,
): ExportRecord {
  const attached = notes?.items.find((i) => i.itemIndex === itemIndex);
  const sources: string[] = [];
  for (const c of item.citations) {
    if (c.part !== 'claims-administrator-guideline' && !sources.includes(c.source)) sources.push(c.source);
  }
  const specialties = letter.reviewer?.specialties ?? [];
  const { facts, patient } = letter;
  const treatment = treatmentOf(item.name);
  return {
    file: display,
    letter: letter.index + 1,
    caseNumber: letter.caseNumber ?? null,
    item: item.name,
    requested: item.requested ?? null,
    authorized: item.authorized ?? null,
    outcome: OUTCOME_NAMES[item.outcome.kind],
    outcomeText: item.outcome.raw,
    line: lines.positionAt(item.decisionRange.start).line + 1,
    reviewerSpecialty: specialties.length > 0 ? specialties.join('; ') : null,
    sources,
    citations: item.citations.map(exportCitation),
    conclusion: item.conclusion.kind,
    diagnostics: diagnostics
      .filter((d) => d.letter === letter.index + 1 && d.item === itemIndex + 1)
      .map((d) => d.code),
    dateAssigned: facts.dateAssigned ?? null,
    decisionDate: facts.decisionDate ?? null,
    dateOfInjury: facts.dateOfInjury ?? null,
    urDenialDate: facts.urDenialDate ?? null,
    applicationReceived: facts.applicationReceived ?? null,
    priority: facts.priority ?? null,
    patientAge: patient.age ?? null,
    patientSex: patient.sex ?? null,
    diagnoses: [...patient.diagnoses],
    reviewerLicensure: [...(letter.reviewer?.licensure ?? [])],
    reviewerSpecialties: [...specialties],
    category: treatment.category,
    subcategory: treatment.subcategory,
    drug: treatment.drug,
    quantity: treatment.quantity,
    notes: attached ? attached.notes.map((n) => n.text) : [],
    letterNotes: notes ? notes.notes.map((n) => n.text) : [],
    tags: [...new Set([...(attached?.tags ?? []), ...(notes?.tags ?? [])])].sort(),
    status: notes?.status?.value ?? null,
    appealBy: appealByOf(letter),
  };
}
