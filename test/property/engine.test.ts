// Properties of the letter engine and the feature functions over hostile text: real letters
// damaged by mutation, letter-shaped texts made of the parser's own vocabulary, and arbitrary
// UTF-16 strings. Nothing may throw; every range must lie inside the document; the outline must be
// a tree VS Code accepts; line-break style must not change what a letter says; items follow the text.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkLetter } from '../../server/src/engine/check';
import { isLetter } from '../../server/src/engine/detect';
import { computeLineStarts, LineIndex } from '../../server/src/engine/lines';
import { lineStartsOf, parseLetter, reparseLetter } from '../../server/src/engine/parse';
import { createContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/symbols';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { codeLenses } from '../../server/src/features/codeLens';
import { LetterIndex } from '../../server/src/workspace/letterIndex';
import { summarize } from '../../server/src/export/summary';
import { treatmentOf } from '../../server/src/engine/treatmentCategories';
import { placeIn } from '../../server/src/export/summarizeText';
import {
  anyText,
  applyMutation,
  CI_SEED,
  fixtures,
  generatedCases,
  letterShapedText,
  mutation,
  mutatedLetter,
  params,
  snippet,
  wellFormedLetter,
} from './arbitraries';
import {
  assertDiagnostics,
  assertFolding,
  assertHover,
  assertOrder,
  assertRange,
  assertSpansInside,
  assertSymbols,
  lspLineLengths,
  shapeOf,
} from './invariants';

const { letters, all } = fixtures();

/** Parse, check and run every feature on `text`; hover at the given offsets and at positions past the end. */
function exerciseEverything(text: string, hoverAt: readonly number[], languageId = 'imr-letter'): void {
  const model = parseLetter(text);
  assertSpansInside(model, text);
  assertOrder(model);
  // The export's and the index's fields: a date is ISO, an age a whole number, no entry empty.
  for (const letter of model.letters) {
    const { priority, ...dates } = letter.facts;
    for (const d of Object.values(dates)) assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(priority === undefined || priority.length > 0);
    const p = letter.patient;
    assert.ok(p.age === undefined || Number.isInteger(p.age));
    assert.ok(p.diagnoses.every((x) => x.length > 0));
    for (const item of letter.items) assert.ok(treatmentOf(item.name).category.length > 0);
  }
  for (const f of checkLetter(model)) {
    assert.ok(
      0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length,
      `finding ${f.code} range [${f.range.start}, ${f.range.end}) outside the text`,
    );
  }
  isLetter(text);

  const lines = lspLineLengths(text);
  const ctx = createContext('file:///fuzz.txt', 1, text, languageId);
  assertSymbols(documentSymbols(ctx), lines);
  assertFolding(foldingRanges(ctx), lines);
  assertDiagnostics(diagnostics(ctx), lines);
  assertDiagnostics(
    diagnostics(ctx, { 'missing-decision': 'hint', 'duplicate-item': 'off', 'unknown-decision': 42 }),
    lines,
  );
  // The workspace index's summary of the text: its places must lie inside the text too.
  const index = new LetterIndex();
  if (ctx.isLetter) index.set(ctx.uri, summarize(ctx.model, ctx.findings(), placeIn(ctx.lines)), 0, 0, true);
  for (const s of workspaceSymbols(index, '')) assertRange(s.location.range, lines, `workspace symbol "${s.name}"`);
  if (ctx.isLetter) for (const l of codeLenses(ctx)) assertRange(l.range, lines, 'code lens');
  for (const o of hoverAt) {
    const at = ctx.lines.positionAt(o % (text.length + 1));
    assertHover(hover(ctx, at), at, lines, 'file:///fuzz.txt');
  }
  // Positions an editor should never send, but a client may: past the last line and character, negative.
  for (const at of [
    { line: lines.length - 1, character: 1e9 },
    { line: lines.length, character: 0 },
    { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    { line: -1, character: -1 },
    { line: 0, character: -5 },
  ]) {
    const h = hover(ctx, at);
    if (h?.range) assertRange(h.range, lines, 'hover.range');
  }
}

const hoverOffsets = fc.array(fc.nat(), { minLength: 1, maxLength: 20 });

/**
 * Inputs that once broke the engine, each found by the generators (`npm run fuzz` or a generator
 * statistics run). U+2028/U+2029 are white space to `\s` but end the match of `.`.
 */
const REGRESSIONS: Array<{ what: string; text: string; items: Array<[string, string]> }> = [
  {
    what: 'U+2028 in a professional review issue threw (TypeError: null[0])',
    text: 'MEDICAL PROFESSIONAL REVIEW\n\nISSUE AT DISPUTE: Lexapro\u2028 20 mg\n\nRATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY: It is not medically necessary.\n',
    items: [['Lexapro 20 mg', 'upheld']],
  },
  {
    what: 'U+2028 in a decision line lost its outcome (the whole line became the name, "missing-decision")',
    text: 'IMR ISSUES, DECISIONS AND RATIONALES\n\nLexapro\u202820mg: Upheld\n\nDecision rationale: The request is not medically necessary.\n',
    items: [['Lexapro 20mg', 'upheld']],
  },
  {
    what: 'U+2029 in a decision line followed by a guideline lost the item name',
    text: 'IMR ISSUES, DECISIONS AND RATIONALES\n\nfermentum \u2029 feugiat: Upheld\n\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines\n',
    items: [['fermentum feugiat', 'upheld']],
  },
  {
    what: 'U+2028 in a 2013 numbered decision lost the item',
    text: 'MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review Determination\n\nINDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES\n1) MAXIMUS Federal Services, Inc. has determined the request for Xanax\u20281mg is not medically necessary and appropriate.\n',
    items: [['Xanax 1mg', 'upheld']],
  },
];

// A root hook: runs once after every property file of the suite.
after(function () {
  console.log(
    `\n  property suite: ${generatedCases()} generated cases (seed ${process.env.FUZZ_SEED ?? CI_SEED}), plus the cut-at-every-offset sweep`,
  );
});

describe('engine properties (fast-check)', function () {
  it('the unmutated fixtures satisfy every invariant', function () {
    for (const f of all) {
      const text = f.text;
      // Hover at every offset of the real letters: that is where the citations and outcomes are.
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      exerciseEverything(text, offsets);
      exerciseEverything(text, [0, text.length >> 1], 'plaintext');
    }
  });

  it('mutated letters: nothing throws, every range lies inside the document, the outline is a tree', function () {
    fc.assert(
      fc.property(mutatedLetter(letters), hoverOffsets, (m, offsets) => {
        exerciseEverything(m.text, offsets);
      }),
      params(400),
    );
  });

  it('mutated letters opened as plain text: detection and the features agree', function () {
    fc.assert(
      fc.property(mutatedLetter(all), hoverOffsets, (m, offsets) => {
        exerciseEverything(m.text, offsets, 'plaintext');
      }),
      params(150),
    );
  });

  it('letter-shaped texts (headings, labels, decision lines in any order, every layout)', function () {
    fc.assert(
      fc.property(letterShapedText, hoverOffsets, (text, offsets) => {
        exerciseEverything(text, offsets);
      }),
      params<[string, number[]]>(
        1000,
        REGRESSIONS.map((r) => [r.text, [0, 40, 80]]),
      ),
    );
  });

  it('regression (fuzz seed 777): an unknown outcome word of 500 letters is quoted cut in its message', function () {
    const text = `IMR ISSUES, DECISIONS AND RATIONALES\n\nLexapro 20mg: ${'a'.repeat(500)}\n\nDecision rationale: The request is not medically necessary.\n`;
    const finding = checkLetter(parseLetter(text)).find((f) => f.code === 'unknown-decision');
    assert.ok(finding, 'the outcome is reported');
    assert.ok(finding.message.length < 150, `message of ${finding.message.length} characters`);
    // One word with no boundary to cut at: cut where the limit falls, with an ellipsis.
    assert.match(finding.message, /^"a{60}…" is not an IMR outcome/);
  });

  it('regression (fuzz seed 777): a 2013 discussion with no decision sentence is ordered by where it is decided', function () {
    // The blank name in sentence 1 makes it swallow sentence 2, so item 2 has only its discussion.
    const text = [
      'MAXIMUS FEDERAL SERVICES, INC.',
      'Notice of Independent Medical Review Determination',
      'INDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES',
      '1) MAXIMUS Federal Services, Inc. has determined the request for   is not medically necessary and appropriate.',
      '2) MAXIMUS Federal Services, Inc. has determined the request for in is medically necessary and appropriate.',
      '3) MAXIMUS Federal Services, Inc. has determined the request for X is not medically necessary and appropriate.',
      '',
      '1) Regarding the request for  :',
      'Rationale for the Decision: The request is not medically necessary.',
      '2) Regarding the request for in:',
      'Rationale for the Decision: The request is not medically necessary.',
      '3) Regarding the request for X:',
      'Rationale for the Decision: The request is not medically necessary.',
    ].join('\n');
    const doc = parseLetter(text);
    assertSpansInside(doc, text);
    assertOrder(doc);
    assert.deepStrictEqual(
      doc.letters[0].items.map((i) => i.name),
      ['', 'X', 'in'],
    );
  });

  it('regression (fuzz seed 31337): long runs of spaces or dots where the parser trims a name parse in linear time', function () {
    // Each of these took seconds (quadratic regular expressions such as /\s*:$/) before the trims
    // became loops; at this size a regression runs past the suite's timeout.
    const run = ' '.repeat(200_000);
    const cases: Array<[string, string, string[]]> = [
      [
        'a decision line whose outcome wrapped',
        `IMR ISSUES, DECISIONS AND RATIONALES\n\nLexapro${run}20mg:\nUpheld\n\nDecision rationale: x\n`,
        [`Lexapro${run}20mg`],
      ],
      [
        'a name just before a label',
        `IMR ISSUES, DECISIONS AND RATIONALES\n\nLexapro${run}20mg :\nDecision rationale: x\n`,
        [`Lexapro 20mg`],
      ],
      [
        'a 2013 discussion heading',
        `Notice of Independent Medical Review Determination\nINDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES\n1) Regarding the request for Xanax${run}1mg :\nRationale for the Decision: x\n`,
        [`Xanax 1mg`],
      ],
      [
        'an issue at dispute',
        `MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\nXanax${run}1mg. Requested.\nRATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY: It is not medically necessary.\n`,
        [`Xanax${run}1mg`],
      ],
      [
        'a guideline clause',
        `IMR ISSUES, DECISIONS AND RATIONALES\n\nX: Upheld\nMAXIMUS guideline: Decision based on MTUS Pain${'.'.repeat(200_000)}x\n`,
        ['X'],
      ],
      [
        '2013 decision sentences that never conclude',
        `Notice of Independent Medical Review Determination\nINDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES\n${'1) MAXIMUS Federal Services, Inc. has determined the request for X\n'.repeat(20_000)}`,
        [],
      ],
    ];
    for (const [what, text, names] of cases) {
      const doc = parseLetter(text);
      assertSpansInside(doc, text);
      checkLetter(doc);
      const got = doc.letters.flatMap((l) => l.items.map((i) => i.name));
      assert.deepStrictEqual(
        got.map((n) => n.replace(/\s+/g, ' ')),
        names.map((n) => n.replace(/\s+/g, ' ')),
        what,
      );
    }
  });

  it('regressions found by the generators read correctly', function () {
    for (const r of REGRESSIONS) {
      const doc = parseLetter(r.text);
      assert.deepStrictEqual(
        doc.letters.flatMap((l) => l.items.map((it) => [it.name, it.outcome.kind])),
        r.items,
        r.what,
      );
    }
  });

  it('arbitrary UTF-16 strings (lone surrogates, NUL, control characters)', function () {
    fc.assert(
      fc.property(anyText, hoverOffsets, (text, offsets) => {
        exerciseEverything(text, offsets);
      }),
      params(1000),
    );
  });

  it('a letter cut off at every offset', function () {
    // Cheaper than exerciseEverything (no hovers): a truncation is what an interrupted save or copy leaves.
    for (const f of letters) {
      for (let at = 0; at <= f.text.length; at++) {
        const text = f.text.slice(0, at);
        try {
          const model = parseLetter(text);
          assertSpansInside(model, text);
          assertOrder(model);
          checkLetter(model);
          const ctx = createContext('file:///cut.txt', 1, text, 'imr-letter');
          const lines = lspLineLengths(text);
          assertSymbols(documentSymbols(ctx), lines);
          assertFolding(foldingRanges(ctx), lines);
          assertDiagnostics(diagnostics(ctx), lines);
        } catch (e) {
          throw new Error(`${f.name} cut at offset ${at}: ${(e as Error).message}`, { cause: e });
        }
      }
    }
  });

  it('well-formed generated letters read back as written: item names, outcomes, parts, conclusions, citations', function () {
    // Names are shown with white space folded and ligatures spelled out (issue 14: `Re\ufb01ll` is `Refill`).
    const fold = (t: string) =>
      t
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[\ufb00-\ufb06]/g, (l) => l.normalize('NFKC'));
    fc.assert(
      fc.property(wellFormedLetter, ({ text, skeleton }) => {
        const doc = parseLetter(text);
        assertSpansInside(doc, text);
        assert.strictEqual(doc.letters.length, 1, 'one letter');
        const items = doc.letters[0].items;
        assert.deepStrictEqual(
          items.map((it) => it.name),
          skeleton.items.map((it) => fold(it.name)),
          'item names',
        );
        skeleton.items.forEach((want, i) => {
          const got = items[i];
          assert.strictEqual(got.outcome.kind, want.outcome.replace(/\.$/, '').toLowerCase(), `outcome of item ${i}`);
          assert.strictEqual(
            text.slice(got.outcome.range.start, got.outcome.range.end),
            want.outcome,
            `outcome range of item ${i}`,
          );
          assert.deepStrictEqual(
            got.parts.map((p) => p.kind),
            want.parts.map((p) => p.kind),
            `parts of item ${i}`,
          );
          const expected =
            want.conclusion === undefined || want.conclusion === ''
              ? 'not-stated'
              : /not/.test(want.conclusion)
                ? 'not-medically-necessary'
                : 'medically-necessary';
          assert.strictEqual(got.conclusion.kind, expected, `conclusion of item ${i}`);
          for (const p of got.parts) {
            if (p.kind === 'rationale') continue;
            const first = got.citations.find((c) => c.part === p.kind);
            assert.ok(first, `item ${i}: no citation in its ${p.kind}`);
            assert.strictEqual(
              first.mtus,
              want.mtus,
              `item ${i}: ${p.kind} citation ${JSON.stringify(first.text)} mtus`,
            );
          }
        });
      }),
      params(400),
    );
  });

  it('LF, CRLF and CR versions of a text give the same letters, items, outcomes, parts, citations and conclusions', function () {
    const lf = (t: string) => t.replace(/\r\n|\r/g, '\n');
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedLetter(letters).map((m) => m.text),
          letterShapedText,
        ),
        (text) => {
          const base = lf(text);
          const expected = shapeOf(parseLetter(base));
          assert.deepStrictEqual(shapeOf(parseLetter(base.replace(/\n/g, '\r\n'))), expected, 'CRLF');
          assert.deepStrictEqual(shapeOf(parseLetter(base.replace(/\n/g, '\r'))), expected, 'CR');
        },
      ),
      params(600),
    );
    // The real letters too, unmutated.
    for (const f of all) {
      const base = lf(f.text);
      assert.deepStrictEqual(shapeOf(parseLetter(base.replace(/\n/g, '\r\n'))), shapeOf(parseLetter(base)), f.name);
    }
  });

  it('reparsing after each edit of a chain (reusing the letters an edit left alone) gives the model a full parse gives', function () {
    const smallEdit = fc.record({
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 30 }),
      insert: fc.oneof(
        fc.constantFrom(
          '',
          'x',
          '\n',
          '\r\n',
          ' ',
          'Upheld',
          ': Overturned',
          '\n\nIMR ISSUES, DECISIONS AND RATIONALES\n',
        ),
        snippet,
      ),
    });
    const step = fc.oneof(
      smallEdit.map((e) => ({ edit: e })),
      mutation.map((m) => ({ mutation: m })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        (parts, steps) => {
          let text = parts.map((f) => f.text).join('');
          let previous = parseLetter(text);
          for (const st of steps) {
            if ('edit' in st) {
              const at = st.edit.at % (text.length + 1);
              text = text.slice(0, at) + st.edit.insert + text.slice(at + st.edit.remove);
            } else text = applyMutation(text, st.mutation);
            const incremental = reparseLetter(text, previous);
            assert.deepStrictEqual(incremental, parseLetter(text), 'reparse and parse disagree');
            const starts = lineStartsOf(incremental);
            if (starts)
              assert.deepStrictEqual(Array.from(starts), computeLineStarts(text), 'line starts kept with the model');
            previous = incremental;
          }
        },
      ),
      params(150),
    );
  });

  it('parsing is a pure function of the text (no state carried from one parse to the next)', function () {
    fc.assert(
      fc.property(mutatedLetter(letters), fc.oneof(anyText, letterShapedText), (m, other) => {
        const first = parseLetter(m.text);
        parseLetter(other);
        checkLetter(parseLetter(other));
        assert.deepStrictEqual(parseLetter(m.text), first);
      }),
      params(100),
    );
  });

  it('LineIndex agrees with vscode-languageserver-textdocument on every offset and position', function () {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          mutatedLetter(letters).map((m) => m.text),
        ),
        fc.array(fc.nat(), { maxLength: 30 }),
        (text, picks) => {
          const ours = new LineIndex(text);
          const theirs = TextDocument.create('file:///x', 'imr-letter', 1, text);
          assert.strictEqual(ours.lineCount, theirs.lineCount, 'line count');
          for (const p of picks) {
            const o = p % (text.length + 1);
            // Between '\r' and '\n' there is no position of its own: both put it at the end of the line's content.
            const pos = theirs.positionAt(o);
            assert.deepStrictEqual(ours.positionAt(o), pos, `positionAt(${o})`);
            const line = p % (ours.lineCount + 1);
            const character = (p >> 3) % 200;
            assert.strictEqual(
              ours.offsetAt({ line, character }),
              theirs.offsetAt({ line, character }),
              `offsetAt(${line}:${character})`,
            );
          }
        },
      ),
      // Found by `npm run fuzz` (seed 1245845603): an offset between '\r' and '\n' gave a character past the line's end.
      params<[string, number[]]>(300, [['ab\r\ncd\r\n', [3, 7, 8]]]),
    );
  });
});
