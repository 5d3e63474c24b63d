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
  outcome: string;
  outcomeText: string;
  line: number;
  reviewerSpecialty: string | null;
  sources: string[];
  citations: Citation[];
  conclusion: string;
  diagnostics: string[];
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
          row.outcome,
          row.outcomeText,
          row.line,
          row.reviewerSpecialty,
          row.sources,
          row.conclusion,
          row.diagnostics,
        ],
        [
          rec.file,
          String(rec.letter),
          rec.caseNumber ?? '',
          rec.item,
          rec.outcome,
          rec.outcomeText,
          String(rec.line),
          rec.reviewerSpecialty ?? '',
          rec.sources.join('; '),
          rec.conclusion,
          rec.diagnostics.join('; '),
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
