// Fixture access and the variants the engine tests derive from real letters.

import * as fs from 'fs';
import * as path from 'path';
import type { DiagnosticCode } from '../../server/src/engine/check';
import type { DisputedItem, LetterDocument, Span } from '../../server/src/engine/model';
import { summarizeText } from '../../server/src/export/summarizeText';
import type { IndexEntry } from '../../server/src/workspace/letterIndex';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const LETTERS_DIR = path.join(ROOT, 'test', 'fixtures', 'letters');

export const FIXTURES = {
  psychiatry: '000_ccd83326e20498fa.txt',
  familyPractice: '001_95d645f4881bb0c4.txt',
  xanaxRefill: '002_5ad3443a4d2d1746.txt',
  wrappedOutcome: '004_b9c7ee4c5df882e9.txt',
} as const;

export function letterText(name: string): string {
  return fs.readFileSync(path.join(LETTERS_DIR, name), 'utf8');
}

export function allLetters(): Array<{ name: string; text: string }> {
  return fs
    .readdirSync(LETTERS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: letterText(name) }));
}

export function fixtureText(...parts: string[]): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', ...parts), 'utf8');
}

export function slice(doc: LetterDocument, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Undo the extraction's double spacing: drop the one blank line after every line of text. */
export function singleSpaced(text: string): string {
  return text.replace(/([^\n])\n\n/g, '$1\n');
}

/** Replace exactly one occurrence, failing loudly when the fixture does not hold the text. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.indexOf(from) : text.search(from);
  if (found < 0) throw new Error(`fixture does not contain ${String(from)}`);
  return text.replace(from, to);
}

/** The single-problem fixtures in test/fixtures/malformed/ (see its README) and the finding each holds. */
export const MALFORMED: ReadonlyArray<readonly [string, DiagnosticCode]> = [
  ['unknown-outcome-typo.txt', 'unknown-decision'],
  ['unknown-outcome-overturn.txt', 'unknown-decision'],
  ['missing-outcome.txt', 'missing-decision'],
  ['missing-rationale.txt', 'missing-rationale'],
  ['missing-reviewer-guideline.txt', 'missing-reviewer-guideline'],
  ['missing-reviewer-guideline-crlf.txt', 'missing-reviewer-guideline'],
  ['missing-reviewer-guideline-single-spaced.txt', 'missing-reviewer-guideline'],
  ['missing-claims-administrator-guideline.txt', 'missing-claims-administrator-guideline'],
  ['outcome-contradicts-rationale.txt', 'decision-contradicts-rationale'],
  ['duplicate-item.txt', 'duplicate-item'],
];

/** A text of each layout (model.ts Layout): the standard letters with a case header or the letterhead put on top, and the layout fixtures. */
export function layoutSamples(): string[] {
  const letter = letterText(FIXTURES.psychiatry);
  return [
    letter,
    'Case Number: CM14-0187654\n\nDate Assigned: 11/3/2014\n\n' + letter,
    'MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n\n' + letter,
    fixtureText('layouts', 'notice-2013.txt'),
    fixtureText('layouts', 'professional-review.txt'),
  ];
}

/** The kinds of an item's three parts, in their order. */
export const PARTS = ['claims-administrator-guideline', 'reviewer-guideline', 'rationale'];

/** Every disputed item of every letter. */
export function items(doc: LetterDocument): DisputedItem[] {
  return doc.letters.flatMap((l) => l.items);
}

/** Each item's name and outcome. */
export function summary(doc: LetterDocument): Array<[string, string]> {
  return items(doc).map((i) => [i.name, i.outcome.kind]);
}

/** The item text as it stands in the document, white space folded. */
export function written(doc: LetterDocument, i: DisputedItem): string {
  return slice(doc, i.nameRange).replace(/\s+/g, ' ');
}

/** The items of each real letter and their outcomes, as read from the letters' text. */
export const EXPECTED: Record<string, Array<[string, string]>> = {
  [FIXTURES.psychiatry]: [
    ['PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS', 'upheld'],
    ['XANAX 0.5MG #90', 'upheld'],
  ],
  [FIXTURES.familyPractice]: [
    ['Lexapro 20mg, 1 daily for 12 months', 'upheld'],
    ['Buspar 15mg, 1 three times a day as needed for 12 months', 'upheld'],
    ['Xanax 2mg, 1 twice a day as needed for 12 months', 'upheld'],
    ['12 Sessions of medication management with a psychiatrist', 'upheld'],
  ],
  [FIXTURES.xanaxRefill]: [['Refill of Xanax 1mg, QTY: 90', 'upheld']],
  [FIXTURES.wrappedOutcome]: [
    ['Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions', 'upheld'],
  ],
};

/** A file of the workspace index as the indexer keeps it, from a letter's text. */
export function indexEntry(uri: string, name: string, text: string, stamp = 0): IndexEntry {
  return { uri, size: text.length, mtimeMs: 0, summary: summarizeText(name, text), fromEditor: false, stamp };
}
