// What each real posted letter in test/fixtures/letters-pdf/ says, as written in
// test/fixtures/letters-pdf/expected/<case number>.json by reading the letter (see the README
// there), never from the parser's output.

import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PDF_DIR = path.join(ROOT, 'test', 'fixtures', 'letters-pdf');
const EXPECTED_DIR = path.join(PDF_DIR, 'expected');

export interface ExpectedItem {
  /**
   * The item as the decision line states it, wrapped lines joined with one space, without the colon
   * before the outcome; for a partly authorized item, the part left for IMR, without the `is` after it.
   */
  name: string;
  /** A partly authorized item's original request, as the decision line states it. */
  requested?: string;
  /** What the claims administrator authorized of it, as the decision line states it. */
  authorized?: string;
  outcome: 'Upheld' | 'Overturned';
  /** The item's row of docs/treatment-categories.md, where written (with its drug and quantity for a pharmaceutical). */
  category?: string;
  subcategory?: string | null;
  drug?: string | null;
  quantity?: string | null;
}

/** The patient as the clinical case summary states them. */
export interface ExpectedPatient {
  age?: number;
  sex?: 'female' | 'male';
  diagnoses: string[];
}

export interface ExpectedLetter {
  caseNumber: string;
  dateAssigned: string;
  decisionDate: string;
  dateOfInjury: string;
  urDenialDate: string;
  applicationReceived: string;
  /** As printed, e.g. `Standard`. */
  priority: string;
  /** `Certification(s)/Specialty:`, one entry per specialty the line lists. */
  specialties: string[];
  /** `State(s) of Licensure:`, one entry per state, where written. */
  licensure?: string[];
  /** Where written. */
  patient?: ExpectedPatient;
  items: ExpectedItem[];
}

/** The header fields of a posted letter: the label as printed, and where its value is in ExpectedLetter. */
export const HEADER_FIELDS: ReadonlyArray<readonly [string, keyof ExpectedLetter]> = [
  ['Date Assigned', 'dateAssigned'],
  ['Decision Date', 'decisionDate'],
  ['Date of Injury', 'dateOfInjury'],
  ['UR Denial Date', 'urDenialDate'],
  ['Application Received', 'applicationReceived'],
  ['Priority', 'priority'],
];

/** The header's dates (MM/DD/YYYY as printed) as the model gives them: ISO `YYYY-MM-DD`. */
export function isoOfPrinted(date: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  if (!m) throw new Error(`not a printed header date: ${date}`);
  return `${m[3]}-${m[1]}-${m[2]}`;
}

export interface PostedLetter {
  /** The file name without `.pdf`: the letter's case number. */
  name: string;
  pdf: string;
  expected: ExpectedLetter;
}

export function postedLetters(): PostedLetter[] {
  return fs
    .readdirSync(PDF_DIR)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.pdf'.length);
      const expected = JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, `${name}.json`), 'utf8')) as ExpectedLetter;
      return { name, pdf: path.join(PDF_DIR, file), expected };
    });
}
