// A letter reads the same whatever tool pulled its text out of the PDF (issue 14): real letters
// changed the way extraction tools change them (single spacing, CRLF, ligatures, form feeds glued
// to a line, page footers on one or two lines, the header block as all labels then all values,
// heading words run together) give the same disputed items, outcomes, parts, reviewer and header.

import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { LetterDocument } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { itUnlessPending } from '../extraction/pending';
import { pendingTest } from '../extraction/pending-tests';
import { fixtures, params, ROOT } from './arbitraries';

/** The real letters as text, and posted letters as pdftotext -raw gave them. */
const LETTERS = [
  ...fixtures().letters,
  ...['CM16-0245796.pdftotext-raw.txt', 'CM16-0247274.pdftotext-raw.txt'].map((name) => ({
    name: `extraction/${name}`,
    text: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'extraction', name), 'utf8'),
  })),
];

/** What a letter says: what must not change with the tool. */
function reading(doc: LetterDocument): unknown {
  return doc.letters.map((letter) => ({
    caseNumber: letter.caseNumber,
    // The fields, in any order: a tool may give a column's labels before the other column's.
    header: letter.header.map((f) => `${f.name.replace(/\s+/g, ' ')}: ${f.value}`).sort(),
    specialties: letter.reviewer?.specialties,
    sections: letter.sections.map((s) => s.kind),
    items: letter.items.map((i) => ({
      name: i.name,
      outcome: i.outcome.kind,
      parts: i.parts.map((p) => p.kind),
      conclusion: i.conclusion.kind,
    })),
  }));
}

const EOL = /\r\n|\r|\n/;

/** Whether a text puts a blank line after every line (then inserted lines bring their own). */
function doubleSpaced(lines: readonly string[]): boolean {
  let text = 0;
  let followed = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    text++;
    if (lines[i + 1] === '') followed++;
  }
  return followed / Math.max(1, text) >= 0.6;
}

/** `pick(k)`: whether the k-th candidate is changed, from a generated pattern of choices. */
type Picker = (k: number) => boolean;
const picker: fc.Arbitrary<Picker> = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 40 })
  .map((choices) => (k: number) => choices[k % choices.length]);

// --- The changes, each as one tool makes it -----------------------------------------------------

/** pdftotext -raw, pdf.js: no blank line anywhere, not even between paragraphs. */
function singleSpaced(text: string): string {
  return text
    .split(EOL)
    .filter((l) => l.trim() !== '')
    .join('\n');
}

function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** pdftotext keeps the typeface's ligatures: ffi, fi and fl as U+FB03, U+FB01, U+FB02. */
function ligatures(text: string, pick: Picker): string {
  let k = 0;
  return text.replace(/ffi|fi|fl/g, (m) => {
    if (!pick(k++)) return m;
    return m === 'ffi' ? '\ufb03' : m === 'fi' ? '\ufb01' : '\ufb02';
  });
}

/** pdftotext: a page's form feed glued to the first line of the next page. */
function formFeeds(text: string, pick: Picker): string {
  const lines = text.split(EOL);
  let k = 0;
  return lines.map((l) => (l.trim() !== '' && pick(k++) && k % 7 === 0 ? `\f${l}` : l)).join('\n');
}

const FOOTERS: ReadonlyArray<readonly string[]> = [
  ['Page 2 of 4'],
  ['CM13-0012345', 'Page 3 of 4'], // pdftotext: split over two lines
  ['Page 4 of 4                                         CM13-0012345'], // pdftotext -layout: one line, a wide gap
];

/** Page footers between lines, inside a paragraph or between two, in the text's own spacing. */
function footers(text: string, pick: Picker): string {
  const lines = text.split(EOL);
  const spaced = doubleSpaced(lines);
  const out: string[] = [];
  let k = 0;
  // Footers stand at the foot of a page: not inside the first page's header block, before the first heading.
  const body = lines.findIndex((l) => HEADINGS.includes(l.trim()));
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    if (i < body) continue;
    // In double-spaced text, after a line's own blank line.
    if (spaced && lines[i].trim() !== '') continue;
    if (!(pick(k++) && k % 11 === 0)) continue;
    for (const f of FOOTERS[k % FOOTERS.length]) {
      out.push(f);
      if (spaced) out.push('');
    }
  }
  return out.join('\n');
}

/** The section headings of every layout's letters, whose words a tool may run together. */
const HEADINGS = [
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'CLINICAL CASE SUMMARY',
  'IMR ISSUES, DECISIONS AND RATIONALES',
];

/** Ghostscript txtwrite, where the PDF places each word: a heading's words run together. */
function headingsRunTogether(text: string, pick: Picker): string {
  let out = text;
  HEADINGS.forEach((h, k) => {
    if (pick(k)) out = out.replace(h, h.replace(/ /g, ''));
  });
  return out;
}

/**
 * pdftotext's default mode on a posted letter's two-column header block: the left column's labels,
 * then its values, then the right column's labels, then its values (see CM16-0213037.pdftotext.txt).
 */
function headerReordered(text: string): string {
  const m =
    /^Case Number: (\S+)\nDate Assigned: (\S+) Date of Injury: (\S+)\nDecision Date: (\S+) UR Denial Date: (\S+)\nPriority: (\S+) Application\nReceived:\n(\S+)\n/.exec(
      text,
    );
  if (!m) return text;
  const [, caseNumber, assigned, injury, decision, denial, priority, received] = m;
  const block = [
    'Case Number:',
    'Date Assigned:',
    'Decision Date:',
    'Priority:',
    '',
    caseNumber,
    assigned,
    decision,
    priority,
    '',
    'Date of Injury:',
    'UR Denial Date:',
    'Application',
    'Received:',
    '',
    injury,
    denial,
    received,
    '',
  ].join('\n');
  return block + '\n' + text.slice(m[0].length);
}

// --- The properties -------------------------------------------------------------------------------

const letterIndex = fc.integer({ min: 0, max: LETTERS.length - 1 });

function sameReading(title: string, change: fc.Arbitrary<(text: string) => string>, runs = 60): void {
  itUnlessPending(title, pendingTest(title), () => {
    fc.assert(
      fc.property(letterIndex, change, (k, apply) => {
        const { name, text } = LETTERS[k];
        assert.deepStrictEqual(reading(parseLetter(apply(text))), reading(parseLetter(text)), name);
      }),
      params(runs),
    );
  });
}

describe('a letter reads the same whatever tool extracted it (fast-check, issue 14)', () => {
  sameReading('single spacing keeps what the letter says', fc.constant(singleSpaced), 10);
  sameReading('CRLF keeps what the letter says', fc.constant(crlf), 10);
  sameReading(
    'ligatures keep what the letter says',
    picker.map((pick) => (t: string) => ligatures(t, pick)),
  );
  sameReading(
    'form feeds glued to a line keep what the letter says',
    picker.map((pick) => (t: string) => formFeeds(t, pick)),
  );
  sameReading(
    'page footers on one or two lines, inside and between paragraphs, keep what the letter says',
    picker.map((pick) => (t: string) => footers(t, pick)),
  );
  sameReading(
    'heading words run together keep what the letter says',
    picker.map((pick) => (t: string) => headingsRunTogether(t, pick)),
  );
  sameReading(
    'the header block as all labels, then all values keeps what the letter says',
    fc.constant(headerReordered),
    10,
  );
  sameReading(
    'all of these changes at once keep what the letter says',
    fc
      .record({
        single: fc.boolean(),
        crlf: fc.boolean(),
        header: fc.boolean(),
        ligatures: picker,
        formFeeds: picker,
        footers: picker,
        headings: picker,
      })
      .map((c) => (text: string) => {
        let t = c.header ? headerReordered(text) : text;
        t = headingsRunTogether(ligatures(t, c.ligatures), c.headings);
        t = footers(formFeeds(t, c.formFeeds), c.footers);
        if (c.single) t = singleSpaced(t);
        return c.crlf ? crlf(t) : t;
      }),
  );
});
