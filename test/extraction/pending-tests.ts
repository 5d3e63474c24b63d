// issue 14: the unit, command-line and property tests of tool traces that today's engine still
// fails, by test title, with what goes wrong. Phase 2 of the issue (the engine changes) empties
// this list; a test listed here that passes fails with "passes now" (see itUnlessPending).

const PENDING_TESTS: ReadonlyMap<string, string> = new Map([
  ['a line a user typed, `Reviewed by: Smith`, is no disputed item', '"Smith" read as an outcome'],
  [
    'a file taken for a letter in which no disputed item is decided gets `no-disputed-items`',
    'no letter found, nothing reported',
  ],
  ["pdftotext's default header block, all labels then all values", 'labels and values in separate runs'],
  [
    'a decision line does not swallow the line above it when an item has no rationale',
    'a wrapped name reaches back past the paragraph',
  ],
  ...['Biofeedback.', 'Summary.', 'Introduction.', 'Benzodiazepines.'].map((section): [string, string] => [
    `the section's name \`${section}\` on the next line stays in the guideline`,
    'read as an item with an unknown outcome',
  ]),
  ['a `Page(s):` continuation on the next line stays in the guideline', 'read as an item with an unknown outcome'],
  [
    'item names and the specialty in prose are found and shown folded; the text is not changed',
    'ligatures kept in names, specialty lost',
  ],
  ['`Certi\ufb01cation(s)/Specialty:` in a credentials block', 'the label does not match'],
  ['headings and labels without spaces, `Klonopin2mg#30:Upheld` a decision line', 'no heading or label matches'],
  ['title and date on one line, decision sentences wrapped: both items found', 'the notice is not recognized'],
  ['`is notmedically necessary` is Upheld: a glued negation never flips the outcome', 'the notice is not recognized'],
  [
    'footers on one or two lines, between paragraphs and inside one, leave the model alone and Format Document removes them',
    'a footer on one line with a wide gap is read as text',
  ],
  ['counts a letter with no decided item as a letter and warns no-disputed-items', '"0 letters checked"'],
  // test/property/extraction.test.ts
  ['ligatures keep what the letter says', 'specialty lost, names keep the ligatures'],
  [
    'page footers on one or two lines, inside and between paragraphs, keep what the letter says',
    'a footer on one line with a wide gap is read as text',
  ],
  ['heading words run together keep what the letter says', 'no heading matches'],
  [
    'the header block as all labels, then all values keeps what the letter says',
    'header fields in separate runs or two on a line',
  ],
  ['all of these changes at once keep what the letter says', 'each of the above'],
]);

export function pendingTest(title: string): string | undefined {
  return PENDING_TESTS.get(title);
}
