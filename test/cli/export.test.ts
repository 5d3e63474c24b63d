// `imr-letters export`: one record per disputed item, checked against the JSON schema of
// test/fixtures/cli/export.schema.json, and the CSV read back with a real CSV parser.
// Expected items, outcomes, specialties and citations were read from the letters.

import * as assert from 'assert';
import Ajv from 'ajv';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, lines, ROOT, runCli, tempDir } from './helpers';

const CLEAN = `${FIXTURES}/clean`;
const MALFORMED = `${FIXTURES}/malformed`;
const FORMULA = `${FIXTURES}/formula`;

interface Citation {
  source: string;
  document: string | null;
  mtus: boolean;
  topic: string | null;
  pages: string[];
  part: string;
  text: string;
}

interface ExportRecord {
  file: string;
  letter: number;
  caseNumber: string | null;
  item: string;
  requested: string | null;
  authorized: string | null;
  outcome: string;
  outcomeText: string;
  line: number;
  reviewerSpecialty: string | null;
  sources: string[];
  citations: Citation[];
  conclusion: string;
  diagnostics: string[];
  dateAssigned: string | null;
  decisionDate: string | null;
  dateOfInjury: string | null;
  urDenialDate: string | null;
  applicationReceived: string | null;
  priority: string | null;
  patientAge: number | null;
  patientSex: string | null;
  diagnoses: string[];
  reviewerLicensure: string[];
  reviewerSpecialties: string[];
  category: string;
  subcategory: string | null;
  drug: string | null;
  quantity: string | null;
  notes: string[];
  letterNotes: string[];
  tags: string[];
  status: string | null;
  appealBy: string | null;
}

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, FIXTURES, 'export.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function assertValid(records: unknown[]): void {
  for (const r of records) assert.ok(validate(r), JSON.stringify(validate.errors) + ' in ' + JSON.stringify(r));
}

function exportJson(args: string[]): ExportRecord[] {
  const r = runCli(['export', ...args, '--format', 'json']);
  assert.strictEqual(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('imr-letters export', () => {
  it('writes one record per disputed item of the real letters, valid against the schema', () => {
    const records = exportJson([CLEAN]);
    assertValid(records);
    assert.deepStrictEqual(
      records.map((r) => [path.basename(r.file), r.letter, r.item, r.outcome, r.reviewerSpecialty]),
      [
        [
          '000_ccd83326e20498fa.txt',
          1,
          'PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS',
          'Upheld',
          'Psychiatry',
        ],
        ['000_ccd83326e20498fa.txt', 1, 'XANAX 0.5MG #90', 'Upheld', 'Psychiatry'],
        ['001_95d645f4881bb0c4.txt', 1, 'Lexapro 20mg, 1 daily for 12 months', 'Upheld', 'Family Practice'],
        [
          '001_95d645f4881bb0c4.txt',
          1,
          'Buspar 15mg, 1 three times a day as needed for 12 months',
          'Upheld',
          'Family Practice',
        ],
        [
          '001_95d645f4881bb0c4.txt',
          1,
          'Xanax 2mg, 1 twice a day as needed for 12 months',
          'Upheld',
          'Family Practice',
        ],
        [
          '001_95d645f4881bb0c4.txt',
          1,
          '12 Sessions of medication management with a psychiatrist',
          'Upheld',
          'Family Practice',
        ],
        ['002_5ad3443a4d2d1746.txt', 1, 'Refill of Xanax 1mg, QTY: 90', 'Upheld', 'Physical Medicine & Rehabilitation'],
        [
          '004_b9c7ee4c5df882e9.txt',
          1,
          'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions',
          'Upheld',
          'Preventive Medicine; Occupational Medicine',
        ],
      ],
    );
    // Every rationale in these letters ends "... not medically necessary"; none has a case header.
    for (const r of records) {
      assert.strictEqual(r.conclusion, 'not-medically-necessary', r.item);
      assert.strictEqual(r.caseNumber, null);
      assert.deepStrictEqual(r.diagnostics, []);
    }
    // 001, Lexapro: "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Antidepressants Page(s): 14."
    const lexapro = records[2];
    assert.ok(
      lexapro.citations.some(
        (c) =>
          c.source === 'MTUS' &&
          c.mtus &&
          c.topic === 'Antidepressants' &&
          c.pages.join() === '14' &&
          c.part === 'reviewer-guideline',
      ),
      JSON.stringify(lexapro.citations),
    );
    // 002: the reviewer cites the MTUS (Benzodiazepines, page 24) and ODG (Mental Illness Chapter).
    const refill = records[6];
    assert.deepStrictEqual(refill.sources, ['MTUS', 'ODG']);
    assert.ok(
      refill.citations.some(
        (c) =>
          c.source === 'MTUS' &&
          c.topic === 'Benzodiazepines' &&
          c.pages.includes('24') &&
          c.part === 'reviewer-guideline',
      ),
    );
    assert.ok(refill.citations.some((c) => c.source === 'ODG' && c.mtus === false && c.part === 'reviewer-guideline'));
    // 001, 12 Sessions: the claims administrator "did not cite any medical evidence".
    assert.ok(!records[5].citations.some((c) => c.part === 'claims-administrator-guideline'));
  });

  it('carries the letter\u2019s header dates, patient and reviewer, and each item\u2019s treatment, as the letters state them', () => {
    const records = exportJson([CLEAN]);
    const byItem = records.map((r) => [r.item.slice(0, 24), r.category, r.subcategory, r.drug, r.quantity]);
    assert.deepStrictEqual(byItem, [
      ['PSYCHOTROPIC MEDICATION ', 'Psychological services', 'Psychiatric care', null, null],
      ['XANAX 0.5MG #90', 'Pharmaceuticals', 'Benzodiazepines', 'XANAX', '90'],
      ['Lexapro 20mg, 1 daily fo', 'Pharmaceuticals', 'Antidepressants', 'Lexapro', null],
      ['Buspar 15mg, 1 three tim', 'Pharmaceuticals', 'Anxiolytics', 'Buspar', null],
      ['Xanax 2mg, 1 twice a day', 'Pharmaceuticals', 'Benzodiazepines', 'Xanax', null],
      ['12 Sessions of medicatio', 'Psychological services', 'Psychiatric care', null, null],
      ['Refill of Xanax 1mg, QTY', 'Pharmaceuticals', 'Benzodiazepines', 'Xanax', '90'],
      ['Psychotropic Med Managem', 'Psychological services', 'Psychiatric care', null, null],
    ]);
    // 000: "The patient is a 45 year old male ... He is diagnosed with Major Depressive Disorder, single
    // episode, moderate." "Board Certified in Psychiatry and is licensed to practice in Illinois and Wisconsin."
    const first = records[0];
    assert.deepStrictEqual(
      [first.patientAge, first.patientSex, first.diagnoses, first.reviewerLicensure, first.reviewerSpecialties],
      [45, 'male', ['Major Depressive Disorder, single episode, moderate'], ['Illinois', 'Wisconsin'], ['Psychiatry']],
    );
    // 004: "The applicant is a represented beneficiary": nothing stated, nothing guessed. No header block.
    const last = records[7];
    assert.deepStrictEqual([last.patientAge, last.patientSex, last.diagnoses], [null, null, []]);
    for (const r of records)
      assert.deepStrictEqual(
        [r.dateAssigned, r.decisionDate, r.dateOfInjury, r.urDenialDate, r.applicationReceived, r.priority],
        [null, null, null, null, null, null],
      );
    // A posted letter's header block, as pdftotext gives it.
    const posted = exportJson([path.join(ROOT, 'test', 'fixtures', 'extraction', 'CM16-0213037.pdftotext.txt')]);
    assertValid(posted);
    assert.strictEqual(posted.length, 2);
    for (const r of posted) {
      assert.deepStrictEqual(
        [
          r.caseNumber,
          r.dateAssigned,
          r.decisionDate,
          r.dateOfInjury,
          r.urDenialDate,
          r.applicationReceived,
          r.priority,
        ],
        ['CM16-0213037', '2016-11-09', '2016-12-09', '2016-10-13', '2016-11-03', '2016-11-03', 'Standard'],
      );
      assert.deepStrictEqual(
        [r.patientAge, r.patientSex, r.reviewerLicensure],
        [48, 'male', ['California', 'North Carolina']],
      );
      assert.deepStrictEqual([r.category, r.subcategory], ['Diagnostic imaging', 'MRI']);
    }
    assert.strictEqual(posted[0].diagnoses.length, 5);
  });

  it('carries each item\u2019s diagnostics and what the letter really says for a broken one', () => {
    const records = exportJson([MALFORMED]);
    assertValid(records);
    const xanax = records.find((r) => r.file.endsWith('001_outcome_typo.txt') && r.item.startsWith('Xanax 2mg'))!;
    assert.deepStrictEqual(
      [xanax.outcome, xanax.outcomeText, xanax.line, xanax.diagnostics],
      ['unknown', 'Uphled', 121, ['unknown-decision']],
    );
    const refill = records.find((r) => r.file.endsWith('002_missing_rationale.txt'))!;
    assert.deepStrictEqual(
      [refill.outcome, refill.conclusion, refill.diagnostics],
      ['Upheld', 'not-stated', ['missing-rationale']],
    );
    const xanax000 = records.find(
      (r) => r.file.endsWith('000_no_reviewer_guideline.txt') && r.item === 'XANAX 0.5MG #90',
    )!;
    assert.deepStrictEqual(xanax000.diagnostics, ['missing-reviewer-guideline']);
    // Items that are fine have no diagnostics, even in a broken letter.
    assert.deepStrictEqual(records.filter((r) => r.diagnostics.length > 0).length, 3);
  });

  it('--format jsonl holds the same records, one per line', () => {
    const json = exportJson([CLEAN, MALFORMED]);
    const r = runCli(['export', CLEAN, MALFORMED, '--format', 'jsonl']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\n'));
    assert.deepStrictEqual(
      lines(r.stdout).map((l) => JSON.parse(l)),
      json,
    );
  });

  it('--format csv follows RFC 4180 (CRLF, quoting) and reads back to the JSON records', () => {
    const json = exportJson([CLEAN, MALFORMED]);
    const r = runCli(['export', CLEAN, MALFORMED, '--format', 'csv']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\r\n'));
    // A field with a comma is quoted.
    assert.ok(r.stdout.includes(',"Refill of Xanax 1mg, QTY: 90",'));
    // Records end in CRLF: with CRLF as the only record delimiter, the parser finds every record.
    const rows: Record<string, string>[] = parse(r.stdout, {
      columns: true,
      record_delimiter: '\r\n',
      relax_column_count: false,
    });
    assert.deepStrictEqual(Object.keys(rows[0]), [
      'file',
      'letter',
      'caseNumber',
      'item',
      'requested',
      'authorized',
      'outcome',
      'outcomeText',
      'line',
      'reviewerSpecialty',
      'sources',
      'citations',
      'conclusion',
      'diagnostics',
      'dateAssigned',
      'decisionDate',
      'dateOfInjury',
      'urDenialDate',
      'applicationReceived',
      'priority',
      'patientAge',
      'patientSex',
      'diagnoses',
      'reviewerLicensure',
      'reviewerSpecialties',
      'category',
      'subcategory',
      'drug',
      'quantity',
      'notes',
      'letterNotes',
      'tags',
      'status',
      'appealBy',
    ]);
    assert.strictEqual(rows.length, json.length);
    rows.forEach((row, i) => {
      const rec = json[i];
      assert.deepStrictEqual(
        [
          row.file,
          row.letter,
          row.caseNumber,
          row.item,
          row.requested,
          row.authorized,
          row.outcome,
          row.outcomeText,
          row.line,
          row.reviewerSpecialty,
          row.sources,
          row.conclusion,
          row.diagnostics,
          row.dateAssigned,
          row.priority,
          row.patientAge,
          row.patientSex,
          row.diagnoses,
          row.reviewerLicensure,
          row.reviewerSpecialties,
          row.category,
          row.subcategory,
          row.drug,
          row.quantity,
          row.notes,
          row.letterNotes,
          row.tags,
          row.status,
          row.appealBy,
        ],
        [
          rec.file,
          String(rec.letter),
          rec.caseNumber ?? '',
          rec.item,
          rec.requested ?? '',
          rec.authorized ?? '',
          rec.outcome,
          rec.outcomeText,
          String(rec.line),
          rec.reviewerSpecialty ?? '',
          rec.sources.join('; '),
          rec.conclusion,
          rec.diagnostics.join('; '),
          rec.dateAssigned ?? '',
          rec.priority ?? '',
          rec.patientAge === null ? '' : String(rec.patientAge),
          rec.patientSex ?? '',
          rec.diagnoses.join('; '),
          rec.reviewerLicensure.join('; '),
          rec.reviewerSpecialties.join('; '),
          rec.category,
          rec.subcategory ?? '',
          rec.drug ?? '',
          rec.quantity ?? '',
          rec.notes.join('\n'),
          rec.letterNotes.join('\n'),
          rec.tags.join('; '),
          rec.status ?? '',
          rec.appealBy ?? '',
        ],
      );
      // Citations: one per line of the cell, each naming its source, topic and pages.
      const cited = row.citations === '' ? [] : row.citations.split('\n');
      assert.strictEqual(cited.length, rec.citations.length, row.citations);
      cited.forEach((line, k) => {
        const c = rec.citations[k];
        assert.ok(line.startsWith(c.source), line);
        assert.ok(line.includes(c.mtus ? '(MTUS)' : '(non-MTUS)'), line);
        if (c.topic) assert.ok(line.includes(c.topic), line);
        for (const p of c.pages) assert.ok(line.includes(p), line);
      });
    });
  });

  it('names a partly authorized item by the part left for IMR, with the request and the authorized part', () => {
    // CM16-0234202: "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by
    // the Claims Administrator. The remaining IMR eligible portion of the original request, Norco
    // 10/325mg #35 is: Upheld".
    const norco = path.join(ROOT, 'test', 'fixtures', 'extraction', 'CM16-0234202.pdftotext-raw.txt');
    const records = exportJson([norco]);
    assertValid(records);
    assert.deepStrictEqual(
      records.map((r) => [r.item, r.requested, r.authorized, r.outcome]),
      [['Norco 10/325mg #35', 'Norco 10/325mg #60', 'Norco 10/325mg #25', 'Upheld']],
    );
    const csv = runCli(['export', norco, '--format', 'csv']);
    assert.strictEqual(csv.code, 0, csv.stderr);
    const rows: Record<string, string>[] = parse(csv.stdout, { columns: true, record_delimiter: '\r\n' });
    assert.deepStrictEqual(
      rows.map((r) => [r.item, r.requested, r.authorized]),
      [['Norco 10/325mg #35', 'Norco 10/325mg #60', 'Norco 10/325mg #25']],
    );
    // Any other item has neither.
    for (const r of exportJson([CLEAN])) assert.deepStrictEqual([r.requested, r.authorized], [null, null]);
  });

  it('neutralizes letter text that begins like a spreadsheet formula in every CSV cell, and only there', () => {
    // test/fixtures/cli/formula/: two posted letters whose items, original request, authorized part,
    // drugs and diagnoses begin with =, +, - or @ (see its README).
    const json = exportJson([FORMULA]);
    assertValid(json);
    // The letters' own text, kept as written in JSON: the CSV below has something to neutralize.
    assert.deepStrictEqual(
      json.map((r) => [r.item, r.requested, r.authorized]),
      [
        ['-Norco 10/325mg #35', '+Norco 10/325mg #60', '-Norco 10/325mg #25'],
        ['=HYPERLINK("http://example.com","Salonpas") pad #60', null, null],
        ['@SUM(1+1) Anecream cream 4% #30', null, null],
      ],
    );
    assert.deepStrictEqual(json[1].diagnoses, ['=1+2 strain', '@SUM(1) sprain', '-3+4 pain', '+5 contusion']);
    const r = runCli(['export', FORMULA, '--format', 'csv']);
    assert.strictEqual(r.code, 0, r.stderr);
    const rows: Record<string, string>[] = parse(r.stdout, { columns: true, record_delimiter: '\r\n' });
    assert.strictEqual(rows.length, 3);
    for (const row of rows)
      for (const [column, cell] of Object.entries(row)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${column}: ${cell}`);
    assert.deepStrictEqual(
      rows.map((row) => [row.item, row.requested, row.authorized]),
      [
        ["'-Norco 10/325mg #35", "'+Norco 10/325mg #60", "'-Norco 10/325mg #25"],
        ['\'=HYPERLINK("http://example.com","Salonpas") pad #60', '', ''],
        ["'@SUM(1+1) Anecream cream 4% #30", '', ''],
      ],
    );
    assert.strictEqual(rows[1].diagnoses, "'=1+2 strain; @SUM(1) sprain; -3+4 pain; +5 contusion");
    // Each drug cell is the item's drug as JSON has it, neutralized where it begins like a formula.
    rows.forEach((row, i) => {
      const drug = json[i].drug ?? '';
      assert.strictEqual(row.drug, /^[=+\-@]/.test(drug) ? "'" + drug : drug);
    });
    assert.ok(
      json.some((rec) => /^[=+\-@]/.test(rec.drug ?? '')),
      'a drug that begins like a formula',
    );
  });

  it('--output writes the file and tells on stderr what was exported', () => {
    const file = path.join(tempDir('export'), 'items.csv');
    const r = runCli(['export', CLEAN, '--format', 'csv', '--output', file, '--bom']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, '');
    assert.deepStrictEqual(lines(r.stderr), [
      `imr-letters: exported 8 items from 4 letters to ${file}; 0 files skipped (not letters)`,
    ]);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFFfile,letter,'));
    assert.strictEqual(parse(text, { columns: true, bom: true }).length, 8);
  });

  it('skips files that are not letters, and fails (2) when there is no letter at all', () => {
    const mixed = runCli(['export', `${FIXTURES}/mixed`, '--format', 'jsonl']);
    assert.strictEqual(mixed.code, 0, mixed.stderr);
    assert.deepStrictEqual(
      lines(mixed.stdout).map((l) => JSON.parse(l).item),
      ['Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions'],
    );
    const none = runCli(['export', `${FIXTURES}/mixed/notes.txt`]);
    assert.strictEqual(none.code, 2);
    assert.strictEqual(none.stdout, '[]\n');
    assert.match(none.stderr, /no letters found/);
  });
});
