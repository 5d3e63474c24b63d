// The PDF reader on the real posted letters (test/fixtures/letters-pdf/): the letter the engine
// finds in its text, checked against values read off the letters by eye, and the same items and
// outcomes as from pdftotext's text of the same PDF; PDFs no text can come from, each with its
// reason; page layout on PDFs written for the test. Runs the shipped bundle dist/pdf.js (npm run build).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appealWindowOf } from '../../server/src/engine/appeal';
import { checkLetter } from '../../server/src/engine/check';
import type { Letter } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { isPdfPath, pdfBytesToText, readLetterText } from '../../server/src/pdf/letterText';
import { DEFAULT_PDF_LIMITS } from '../../server/src/pdf/limits';
import { loadPdfReader } from '../../server/src/pdf/load';
import { POSTED_APPEALS } from './appealDates';
import { LIGATURE_FI, LIGATURE_FL, makePdf, PdfLine } from './pdfMaker';
import { makeBadPdfs, PDF_LETTERS, pdfLetterFiles, pdftotext } from './pdfTools';

const APPEAL_LAST_DAYS = new Map(POSTED_APPEALS.map(([name, , last]) => [name, last]));

// Taken when mocha loads this file, before any test reads a PDF.
const NATIVE = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

async function pdfText(name: string): Promise<string> {
  const read = await readLetterText(path.join(PDF_LETTERS, name), () => ({ kind: 'binary' }));
  if (read.kind !== 'text') throw new Error(`${name}: ${read.kind === 'unreadable' ? read.error : read.kind}`);
  return read.text;
}

function onlyLetter(text: string): Letter {
  const doc = parseLetter(text);
  assert.strictEqual(doc.letters.length, 1);
  return doc.letters[0];
}

function itemsAndOutcomes(text: string): string[] {
  return parseLetter(text).letters.flatMap((l) =>
    l.items.map((i) => `${i.name.replace(/\s+/g, ' ')} => ${i.outcome.kind}`),
  );
}

interface Expected {
  caseNumber: string;
  /** Date Assigned, Date of Injury, Decision Date, UR Denial Date, as the header block shows them. */
  dates: [string, string, string, string];
  specialties: string[];
  /** Each item's name (for a partly authorized item, the part left for IMR) and outcome. */
  items: Array<[string, 'upheld' | 'overturned']>;
}

// Read off each letter (pdftotext -layout, by eye): its header block, its credentials block and its
// decision lines.
const EXPECTED: Record<string, Expected> = {
  'CM16-0213037.pdf': {
    caseNumber: 'CM16-0213037',
    dates: ['11/09/2016', '10/13/2016', '12/09/2016', '11/03/2016'],
    specialties: ['Family Practice'],
    items: [
      ['MRI of the right shoulder without contrast', 'upheld'],
      ['MRI of the cervical spine without contrast', 'upheld'],
    ],
  },
  'CM16-0249726.pdf': {
    caseNumber: 'CM16-0249726',
    dates: ['01/04/2017', '10/25/2016', '01/30/2017', '12/07/2016'],
    specialties: ['Preventive Medicine', 'Occupational Medicine', 'Medical Toxicology'],
    items: [
      [
        'Daily RN for 4 weeks for wound care and monitoring of wound healing and home safety, medication management',
        'overturned',
      ],
    ],
  },
  'CM16-0247274.pdf': {
    caseNumber: 'CM16-0247274',
    dates: ['12/30/2016', '10/31/2016', '02/03/2017', '12/22/2016'],
    specialties: ['Orthopedic Surgery', 'Sports Medicine'],
    items: [
      ['Neuroplasty, lumbar spine', 'upheld'],
      ['Injection of neurolytic substance, lumbar spine', 'upheld'],
      ['Right L5-S1 epidural steroid injection', 'upheld'],
      ['Left L5-S1 epidural steroid injection', 'upheld'],
      ['Physical therapy evaluation, cervical and thoracic spine', 'upheld'],
      ['Physical therapy, 6 sessions, cervical and thoracic spine', 'upheld'],
    ],
  },
  'CM17-0012582.pdf': {
    caseNumber: 'CM17-0012582',
    dates: ['01/24/2017', '11/09/2016', '02/22/2017', '01/14/2017'],
    specialties: ['Physical Medicine & Rehabilitation'],
    items: [
      ['Physical therapy for 6 sessions', 'upheld'],
      ['Ultram (tramadol) 50mg #90', 'upheld'],
      ['Platelet-rich plasma injection to the right knee', 'upheld'],
      [
        'Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee',
        'overturned',
      ],
    ],
  },
  'CM17-0020728.pdf': {
    caseNumber: 'CM17-0020728',
    dates: ['02/01/2017', '10/13/2016', '02/24/2017', '01/23/2017'],
    specialties: ['Family Practice'],
    items: [['Physical therapy to the lumbar spine 2 times a week for 2 weeks (4)', 'upheld']],
  },
};

describe('PDF letters: text from the posted PDFs', function () {
  this.timeout(60_000);

  it('has the 39 posted letters to read', () => {
    assert.strictEqual(pdfLetterFiles().length, 39);
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: case number, dates, specialty and every item with its outcome, no problem reported`, async () => {
      const text = await pdfText(file);
      const letter = onlyLetter(text);
      assert.strictEqual(letter.caseNumber, want.caseNumber);
      // The header block is set in two columns: each label stays on the line of its value.
      const [assigned, injury, decision, denial] = want.dates;
      assert.match(text, new RegExp(`^Date Assigned: +${assigned} +Date of Injury: +${injury}$`, 'm'));
      assert.match(text, new RegExp(`^Decision Date: +${decision} +UR Denial Date: +${denial}$`, 'm'));
      assert.deepStrictEqual(letter.reviewer?.specialties, want.specialties);
      assert.strictEqual(letter.items.length, want.items.length);
      letter.items.forEach((item, i) => {
        const [name, outcome] = want.items[i];
        const got = item.name.replace(/\s+/g, ' ');
        assert.strictEqual(got, name);
        assert.strictEqual(item.outcome.kind, outcome, got);
      });
      assert.deepStrictEqual(
        checkLetter(parseLetter(text)).map((f) => f.code),
        [],
      );
    });
  }

  it('every posted letter: one letter, its case number as the file is named, items with outcomes, no problem reported', async () => {
    let items = 0;
    let overturned = 0;
    for (const file of pdfLetterFiles()) {
      const text = await pdfText(file);
      const doc = parseLetter(text);
      assert.strictEqual(doc.letters.length, 1, file);
      const letter = doc.letters[0];
      assert.strictEqual(letter.caseNumber, file.replace(/\.pdf$/, ''), file);
      assert.ok(letter.items.length > 0, file);
      assert.ok((letter.reviewer?.specialties.length ?? 0) > 0, `${file}: reviewer specialty`);
      assert.strictEqual(appealWindowOf(letter.facts)?.lastDay, APPEAL_LAST_DAYS.get(letter.caseNumber!), file);
      for (const item of letter.items) assert.ok(['upheld', 'overturned'].includes(item.outcome.kind), file);
      assert.deepStrictEqual(
        checkLetter(doc).map((f) => f.code),
        [],
        file,
      );
      items += letter.items.length;
      overturned += letter.items.filter((i) => i.outcome.kind === 'overturned').length;
    }
    // Counted over the 39 letters: lines of pdftotext -layout's text that end in ": Upheld" or
    // ": Overturned", or hold the outcome alone (74 Upheld, 10 Overturned).
    assert.strictEqual(items, 84);
    assert.strictEqual(overturned, 10);
  });

  for (const file of pdfLetterFiles()) {
    it(`${file}: the same items and outcomes as from pdftotext's text`, async () => {
      const ours = itemsAndOutcomes(await pdfText(file));
      const theirs = itemsAndOutcomes(pdftotext(path.join(PDF_LETTERS, file)));
      assert.ok(ours.length > 0);
      assert.deepStrictEqual(ours, theirs);
    });
  }

  it('no character pdf.js could not map, and no ligature left in the posted letters', async () => {
    for (const file of pdfLetterFiles()) assert.doesNotMatch(await pdfText(file), /[\ufb00-\ufb06\ufffd]/, file);
  });
});

describe('PDF letters: PDFs no text can come from', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-pdf-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('damaged, truncated, encrypted, empty, blank and scanned PDFs each give their reason, never a throw', async () => {
    const bad = makeBadPdfs(dir, path.join(PDF_LETTERS, 'CM16-0213037.pdf'));
    assert.deepStrictEqual(
      bad.map((b) => b.name),
      ['empty.pdf', 'truncated.pdf', 'damaged.pdf', 'blank.pdf', 'encrypted.pdf', 'scanned.pdf'],
    );
    for (const b of bad) {
      const read = await readLetterText(b.file, () => ({ kind: 'binary' }));
      assert.strictEqual(read.kind, 'unreadable', b.name);
      if (read.kind === 'unreadable') assert.match(read.error, b.reason, b.name);
    }
  });

  it('a missing file is a file system reason, not a PDF one', async () => {
    const read = await readLetterText(path.join(dir, 'nothing-here.pdf'), () => ({ kind: 'binary' }));
    assert.deepStrictEqual(read, { kind: 'unreadable', error: 'no such file (a dangling link?)' });
  });

  it('stops at its limits: pages, characters, bytes and time', async () => {
    const letter = fs.readFileSync(path.join(PDF_LETTERS, 'CM16-0248698.pdf'));
    const limited = (change: Partial<typeof DEFAULT_PDF_LIMITS>) =>
      pdfBytesToText(letter, { ...DEFAULT_PDF_LIMITS, ...change });
    assert.deepStrictEqual(await limited({ maxPages: 3 }), {
      kind: 'unreadable',
      error: 'too many pages: 10, at most 3 are read',
    });
    assert.deepStrictEqual(await limited({ maxChars: 1000 }), {
      kind: 'unreadable',
      error: 'too much text: over 1000 characters',
    });
    assert.deepStrictEqual(await limited({ maxBytes: 1000 }), {
      kind: 'unreadable',
      error: `too large: ${letter.length} bytes, at most 1000 are read`,
    });
    assert.deepStrictEqual(await limited({ timeoutMs: 0 }), { kind: 'unreadable', error: 'took too long: over 0 s' });
    // And the reader is whole after each: the next file reads.
    assert.strictEqual((await limited({})).kind, 'text');
  });

  it("leaves the runtime's own built-ins in place once pdf.js has loaded (its polyfills would replace them)", async () => {
    await pdfText('CM16-0213037.pdf');
    assert.strictEqual(Array.prototype.push, NATIVE.push);
    assert.strictEqual(JSON.stringify, NATIVE.stringify);
    assert.strictEqual(JSON.parse, NATIVE.parse);
    assert.match(Function.prototype.toString.call(Array.prototype.push), /\[native code\]/);
  });

  it('names only .pdf files as PDFs', () => {
    assert.ok(isPdfPath('a/b/Letter.PDF'));
    assert.ok(!isPdfPath('a/b/letter.pdf.txt'));
  });
});

describe('PDF letters: page layout', function () {
  this.timeout(30_000);
  const page = (n: number, pages: number): PdfLine[] => [
    { text: `Acme Review Services, Case ${n}`, x: 72, y: 760, size: 9 },
    { text: `The first line of page ${n}, a long line of body text that runs to the`, x: 72, y: 700 },
    { text: 'right margin and then goes on.', x: 72, y: 686 },
    { text: 'Label:', x: 72, y: 658 },
    { text: 'value', x: 200, y: 658 },
    { text: 'Other:', x: 330, y: 658 },
    { text: 'more', x: 430, y: 658 },
    { text: `Page ${n} of ${pages}`, x: 280, y: 30, size: 9 },
  ];

  it('lines by position, a blank line at a paragraph gap, columns kept apart, a form feed between pages', async () => {
    const { text } = await loadPdfReader().readPdfText(makePdf([page(1, 2), page(2, 2)]));
    const lines = text.split('\n');
    // The column gaps are runs of spaces, never one space that would glue a label to the next column's.
    const columns = /^Label: {2,}value {2,}Other: {2,}more$/;
    assert.match(lines[3], columns);
    assert.match(lines[9], columns);
    assert.deepStrictEqual(lines, [
      'The first line of page 1, a long line of body text that runs to the',
      'right margin and then goes on.',
      '',
      lines[3],
      '',
      'Page 1 of 2',
      '\fThe first line of page 2, a long line of body text that runs to the',
      'right margin and then goes on.',
      '',
      lines[9],
      '',
      'Page 2 of 2',
      '',
    ]);
  });

  it('a header repeated on every page is left out; a page footer the engine skips is kept as page noise', async () => {
    const { text } = await loadPdfReader().readPdfText(makePdf([page(1, 3), page(2, 3), page(3, 3)]));
    assert.doesNotMatch(text, /Acme Review Services/);
    assert.deepStrictEqual(text.match(/^Page \d of 3$/gm), ['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
    // The engine reads these footers as page noise: no letter text is taken from them.
    assert.ok(parseLetter(text).letters.length === 0);
  });

  it('ligature glyphs become the letters they join, so that labels such as "Certification(s)" are found', async () => {
    const lines: PdfLine[] = [
      { text: `The Expert Reviewer has the following credentials:`, x: 72, y: 700 },
      { text: `Certi${LIGATURE_FI}cation(s)/Specialty: Family Practice`, x: 72, y: 686 },
      { text: `${LIGATURE_FL}exion to 130 degrees`, x: 72, y: 672 },
    ];
    const { text } = await loadPdfReader().readPdfText(makePdf([lines]));
    assert.strictEqual(
      text,
      'The Expert Reviewer has the following credentials:\nCertification(s)/Specialty: Family Practice\nflexion to 130 degrees\n',
    );
  });

  it("a line printed once in the top margin (a letterhead on page one) is the letter's own text", async () => {
    const first = [{ text: 'MAXIMUS FEDERAL SERVICES, INC.', x: 72, y: 760 }, ...page(1, 2).slice(1)];
    const { text } = await loadPdfReader().readPdfText(makePdf([first, page(2, 2).slice(1)]));
    assert.match(text, /^MAXIMUS FEDERAL SERVICES, INC\.$/m);
  });
});
