// `imr-letters outline`: the letter's tree, as the editor's outline shows it.
// The items and outcomes below were read from the letters themselves.

import * as assert from 'assert';
import { FIXTURES, lines, runCli } from './helpers';

const CLEAN = `${FIXTURES}/clean`;

const ITEMS: Record<string, string[]> = {
  '000_ccd83326e20498fa.txt': ['PSYCHOTROPIC MEDICATION SESSIONS 1 X MONTH X 6 MONTHS', 'XANAX 0.5MG #90'],
  '001_95d645f4881bb0c4.txt': [
    'Lexapro 20mg, 1 daily for 12 months',
    'Buspar 15mg, 1 three times a day as needed for 12 months',
    'Xanax 2mg, 1 twice a day as needed for 12 months',
    '12 Sessions of medication management with a psychiatrist',
  ],
  '002_5ad3443a4d2d1746.txt': ['Refill of Xanax 1mg, QTY: 90'],
  '004_b9c7ee4c5df882e9.txt': ['Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions'],
};

/** Lines at a given depth (two spaces per level), without the trailing `(line N)`. */
function atDepth(out: string, depth: number): string[] {
  const indent = '  '.repeat(depth);
  return lines(out)
    .filter((l) => l.startsWith(indent) && l[indent.length] !== ' ')
    .map((l) => l.slice(indent.length).replace(/ {2}\(line \d+\)$/, ''));
}

describe('imr-letters outline', () => {
  it('shows letter 001 as letter (named by its first item) > sections > its four items, Upheld first > their three parts', () => {
    const r = runCli(['outline', `${CLEAN}/001_95d645f4881bb0c4.txt`]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual(atDepth(r.stdout, 0), [
      'Lexapro 20mg, 1 daily for 12 months (and 3 more) \u2014 4 items: 4 upheld',
    ]);
    assert.deepStrictEqual(atDepth(r.stdout, 1), [
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES \u2014 4 items: 4 upheld',
    ]);
    const items = atDepth(r.stdout, 2).filter((l) => !l.startsWith('Reviewer credentials'));
    // Each item's detail: what its MAXIMUS guideline line cites, in plain names.
    assert.deepStrictEqual(items, [
      'Upheld: Lexapro 20mg, 1 daily for 12 months \u2014 MTUS Chronic Pain guidelines, ODG',
      'Upheld: Buspar 15mg, 1 three times a day as needed for 12 months \u2014 National guidelines for Anxiety Disorders',
      'Upheld: Xanax 2mg, 1 twice a day as needed for 12 months \u2014 MTUS Chronic Pain guidelines',
      'Upheld: 12 Sessions of medication management with a psychiatrist \u2014 MTUS Chronic Pain guidelines, ODG',
    ]);
    const parts = atDepth(r.stdout, 3).map((l) => l.split(' \u2014 ')[0]);
    assert.deepStrictEqual(
      parts,
      [0, 1, 2, 3].flatMap(() => ['Claims Administrator guideline', 'Reviewer guideline', 'Decision rationale']),
    );
    // Every rationale concludes "not medically necessary"; the Sessions item's claims administrator line names no guideline.
    assert.deepStrictEqual(
      atDepth(r.stdout, 3).filter((l) => l.startsWith('Decision rationale')),
      [0, 1, 2, 3].map(() => 'Decision rationale \u2014 not medically necessary'),
    );
    assert.strictEqual(atDepth(r.stdout, 3)[9], 'Claims Administrator guideline \u2014 names no guideline');
    // The decision line of the first item is line 53 of the file (every other line is blank).
    assert.match(r.stdout, /^ {4}Upheld: Lexapro 20mg, 1 daily for 12 months \u2014 .* {2}\(line 53\)$/m);
    // The credentials stated in the letter: Family Practice, subspecialty Preventative Medicine, licensed in California.
    assert.match(
      r.stdout,
      /^ {4}Reviewer credentials \u2014 Family Practice, Preventative Medicine \u00b7 licensed in California {2}\(line \d+\)$/m,
    );
  });

  for (const [file, names] of Object.entries(ITEMS)) {
    it(`lists the disputed items of ${file}, each Upheld`, () => {
      const r = runCli(['outline', `${CLEAN}/${file}`]);
      assert.strictEqual(r.code, 0, r.stderr);
      const items = atDepth(r.stdout, 2)
        .filter((l) => !l.startsWith('Reviewer credentials'))
        .map((l) => l.split(' \u2014 ')[0]);
      assert.deepStrictEqual(
        items,
        names.map((n) => `Upheld: ${n}`),
      );
    });
  }

  it('--format json gives the same tree with 1-based lines', () => {
    const r = runCli(['outline', `${CLEAN}/002_5ad3443a4d2d1746.txt`, '--format', 'json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const [entry] = JSON.parse(r.stdout);
    assert.strictEqual(entry.file, `${CLEAN}/002_5ad3443a4d2d1746.txt`);
    const decisions = entry.letters[0].children.find(
      (s: { name: string }) => s.name === 'IMR ISSUES, DECISIONS AND RATIONALES',
    );
    assert.deepStrictEqual(
      decisions.children.map((i: { name: string; detail: string; line: number }) => [i.name, i.detail, i.line]),
      // 002's MAXIMUS guideline cites the MTUS Chronic Pain guidelines (Benzodiazepines, page 24) and ODG.
      [['Upheld: Refill of Xanax 1mg, QTY: 90', 'MTUS Chronic Pain guidelines, ODG', 67]],
    );
  });

  it('puts each tree under its file name when given several files', () => {
    const r = runCli(['outline', `${CLEAN}/002_5ad3443a4d2d1746.txt`, `${CLEAN}/004_b9c7ee4c5df882e9.txt`]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(atDepth(r.stdout, 0), [
      `${CLEAN}/002_5ad3443a4d2d1746.txt`,
      `${CLEAN}/004_b9c7ee4c5df882e9.txt`,
    ]);
  });

  it('refuses a file that is not a letter, with exit code 2', () => {
    const r = runCli(['outline', `${FIXTURES}/mixed/notes.txt`]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, '');
    assert.deepStrictEqual(lines(r.stderr), [`${FIXTURES}/mixed/notes.txt: not an IMR letter`]);
  });
});
