// Format Document and range formatting on the real letters and on variants derived from them:
// the words never change, formatting twice changes nothing, and the letter reads the same after.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkLetter } from '../../server/src/engine/check';
import { applyEdits, formatEdits, formatLetter, formatLetterRange, planFormat } from '../../server/src/engine/format';
import type { LetterDocument, Span } from '../../server/src/engine/model';
import { parseLetter } from '../../server/src/engine/parse';
import { isDoubleSpaced, logicalLines } from '../../server/src/engine/parser/logicalLines';
import { splitLines } from '../../server/src/engine/lineTable';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/lines';
import { allLetters, FIXTURES, fixtureText, letterText, ROOT, singleSpaced, toCrlf } from './helpers';

function lspPosition(text: string, offset: number) {
  return new LineIndex(text).positionAt(offset);
}

const MALFORMED_DIR = path.join(ROOT, 'test', 'fixtures', 'malformed');

function malformed(): Array<{ name: string; text: string }> {
  return fs
    .readdirSync(MALFORMED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fixtureText('malformed', name) }));
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** What a reader of the letter gets from it: independent of the formatter's own check. */
function reading(doc: LetterDocument): unknown {
  return {
    letters: doc.letters.map((l) => ({
      layout: l.layout,
      sections: l.sections.map((s) => s.title),
      items: l.items.map((i) => ({
        name: i.name,
        outcome: [i.outcome.kind, i.outcome.raw],
        parts: i.parts.map((p) => [p.kind, p.text]),
        conclusion: i.conclusion.kind,
        citations: i.citations.length,
      })),
    })),
    findings: checkLetter(doc).map((f) => [f.code, f.letterIndex, f.itemIndex]),
  };
}

/** The paragraphs as the parser sees them (its own paragraph logic), each as its words. */
function parserParagraphs(text: string): string[] {
  const lines = splitLines(text);
  const out: string[][] = [];
  for (const l of logicalLines(lines, isDoubleSpaced(lines))) {
    if (l.paragraphStart) out.push([]);
    out[out.length - 1].push(lines[l.line].t);
  }
  return out.map((p) => words(p.join(' ')).join(' '));
}

/** The paragraphs of a formatted text: what blank lines separate. */
function blankLineParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n(?:[ \t]*\n)*/)
    .map((p) => words(p).join(' '))
    .filter((p) => p.length > 0);
}

function lineBreaks(text: string): string[] {
  return text.match(/\r\n|\r|\n/g) ?? [];
}

/** A page break as extraction leaves it, in the letter's own spacing, after line `i`. */
function withPageBreak(text: string, i: number, doubleSpaced: boolean): string {
  const lines = text.split('\n');
  const furniture = doubleSpaced ? ['', 'Page 2 of 5 ', '', '\fCM15-0123456'] : ['Page 2 of 5', '\fCM15-0123456'];
  return [...lines.slice(0, i + 1), ...furniture, ...lines.slice(i + 1)].join('\n');
}

/** The guarantees every formatted text keeps, whatever it came from. */
function assertClean(out: string, eol: string, label: string): void {
  const lines = out.split(/\r\n|\r|\n/);
  lines.forEach((l, n) => {
    assert.ok(!/[ \t\f]$/.test(l), `${label}: line ${n + 1} ends in white space: ${JSON.stringify(l)}`);
    assert.ok(l.length === 0 || /\S/.test(l), `${label}: line ${n + 1} holds only white space`);
    assert.ok(!l.includes('\f'), `${label}: line ${n + 1} holds a form feed`);
  });
  assert.ok(!/\n{4}/.test(out.replace(/\r\n?/g, '\n')), `${label}: more than two blank lines in a row`);
  assert.ok(
    lineBreaks(out).every((b) => b === eol),
    `${label}: every line break is ${JSON.stringify(eol)}`,
  );
}

describe('formatLetter', () => {
  const inputs = [...allLetters(), ...malformed()];

  for (const { name, text } of inputs) {
    describe(name, () => {
      const doc = parseLetter(text);
      const out = formatLetter(text);

      it('keeps every word, in order (page furniture aside)', () => {
        const furniture = /^(?:Page|\d+|of|CM\d{2}-\d{5,8}|-)$/;
        const kept = (t: string) => words(t).filter((w) => name !== 'page-footers.txt' || !furniture.test(w));
        assert.deepStrictEqual(kept(out), kept(text));
        if (name !== 'page-footers.txt') assert.deepStrictEqual(words(out), words(text));
      });

      it('keeps the paragraphs the parser sees, each set off by blank lines', () => {
        assert.deepStrictEqual(blankLineParagraphs(out), parserParagraphs(text));
      });

      it('is idempotent', () => {
        assert.strictEqual(formatLetter(out), out);
        assert.deepStrictEqual(formatEdits(out), []);
      });

      it('reads the same afterwards: items, outcomes, parts, conclusions, findings', () => {
        assert.deepStrictEqual(reading(parseLetter(out)), reading(doc));
      });

      it('needs no fallback: the plan itself keeps the reading', () => {
        assert.strictEqual(applyEdits(text, planFormat(text)), out);
      });

      it('leaves no trailing spaces, space-only lines, form feeds or runs of blank lines; keeps the line ending', () => {
        assertClean(out, doc.eol, name);
        assert.strictEqual(parseLetter(out).doubleSpaced, false);
      });

      it('edits only white space and page furniture, in small edits', () => {
        const edits = formatEdits(text);
        assert.ok(edits.length > 1, 'several small edits rather than one replacement');
        for (const e of edits) {
          const old = text.slice(e.range.start, e.range.end);
          const stripped = old.replace(/(?:^|\s)(?:Page \d+ of \d+|CM\d{2}-\d{5,8}|- \d+ -)(?=\s|$)/g, ' ');
          assert.ok(/^\s*$/.test(stripped), `edit replaces ${JSON.stringify(old)}`);
          assert.ok(/^\s*$/.test(e.newText), `edit writes ${JSON.stringify(e.newText)}`);
        }
      });
    });
  }

  it('takes out the blank line after every line of a double-spaced letter, and keeps paragraphs as one blank line', () => {
    const out = formatLetter(letterText(FIXTURES.psychiatry));
    const expected = [
      'XANAX 0.5MG #90:  Upheld',
      '',
      'Claims Administrator guideline: The Claims Administrator did not base their decision on the',
      'MTUS.  Decision based on Non-MTUS Citation MTUS: CHRONIC PAIN MEDICAL',
      'TREATMENT GUIDELINES, BENZODIAZEPINES,',
      '',
      'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.',
      'Decision based on Non-MTUS Citation MTUS: CHRONIC PAIN MEDICAL TREATMENT',
      'GUIDELINES, SECTION 2 PAIN INTERVENTIONS AND TREATMENTS, 24',
      '',
      'Decision rationale: The patient has been on Xanax for over a year. The above guideline',
    ].join('\n');
    assert.ok(out.includes(expected), 'the XANAX item comes out single-spaced with its three paragraphs');
    assert.ok(out.endsWith('medically necessary according to the MTUS.\n'), 'one line break at the end');
  });

  it('joins a decision line whose outcome wrapped onto the next line', () => {
    const text = letterText(FIXTURES.wrappedOutcome);
    assert.ok(text.includes('6 sessions: \nUpheld \n'), 'the fixture has the wrapped outcome');
    const out = formatLetter(text);
    assert.ok(
      out.includes(
        'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions: Upheld\n\nClaims Administrator guideline:',
      ),
    );
    const item = parseLetter(out).letters[0].items[0];
    assert.strictEqual(
      out.slice(item.decisionRange.start, item.decisionRange.end),
      'Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions: Upheld',
    );
  });

  it('removes page footers, headers and form feeds: the letter formats as if they were never there', () => {
    const clean = letterText(FIXTURES.familyPractice);
    const noisy = fixtureText('malformed', 'page-footers.txt');
    assert.ok(noisy.includes('Page 2 of 3') && noisy.includes('\f'), 'the fixture has page furniture');
    assert.strictEqual(formatLetter(noisy), formatLetter(clean));
  });

  it('a page break after any line of any letter changes nothing in the formatted letter', () => {
    let variants = 0;
    for (const { name, text } of allLetters()) {
      const expected = formatLetter(text);
      const doubleSpaced = parseLetter(text).doubleSpaced;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim().length === 0) continue;
        const variant = withPageBreak(text, i, doubleSpaced);
        assert.strictEqual(formatLetter(variant), expected, `${name}: page break after line ${i + 1}`);
        variants++;
      }
    }
    assert.ok(variants > 150, `${variants} variants`);
  });

  it('keeps CRLF line endings: a CRLF letter formats to the CRLF form of the formatted letter', () => {
    for (const { name, text } of allLetters()) {
      const out = formatLetter(toCrlf(text));
      assert.strictEqual(out, toCrlf(formatLetter(text)), name);
      assertClean(out, '\r\n', name);
      assert.strictEqual(formatLetter(out), out, `${name}: idempotent in CRLF`);
    }
  });

  it('a single-spaced extraction of a double-spaced letter formats to the same text', () => {
    for (const { name, text } of allLetters()) {
      if (!parseLetter(text).doubleSpaced) continue;
      const single = singleSpaced(text);
      assert.strictEqual(parseLetter(single).doubleSpaced, false, name);
      assert.strictEqual(formatLetter(single), formatLetter(text), name);
    }
  });

  it('keeps two letters in one file apart and both readable', () => {
    const a = letterText(FIXTURES.psychiatry);
    const b = letterText(FIXTURES.wrappedOutcome);
    const both = a + b;
    const out = formatLetter(both);
    assert.deepStrictEqual(words(out), words(both));
    assert.deepStrictEqual(reading(parseLetter(out)), reading(parseLetter(both)));
    assert.strictEqual(parseLetter(out).letters.length, 2);
    assert.strictEqual(formatLetter(out), out);
  });

  it('when nearly every line is its own paragraph, separates paragraphs with two blank lines so they stay paragraphs', () => {
    const text = letterText(FIXTURES.psychiatry).replace(/\n\n/g, '\n\n \n\n');
    const out = formatLetter(text);
    assert.ok(out.includes('HOW THE IMR FINAL DETERMINATION WAS MADE\n\n\nMAXIMUS Federal Services'));
    assert.deepStrictEqual(words(out), words(text));
    assert.deepStrictEqual(reading(parseLetter(out)), reading(parseLetter(text)));
    assert.strictEqual(formatLetter(out), out);
  });

  it('keeps a lone score such as "6/10" (it may be a wrapped word of the letter), on its own line', () => {
    const text = letterText(FIXTURES.wrappedOutcome);
    const variant = text.replace(
      'work, on total temporary disability from a mental health standpoint, owing to ongoing issues \n',
      'work, on total temporary disability from a mental health standpoint, owing to ongoing issues \n6/10\n',
    );
    assert.notStrictEqual(variant, text);
    const out = formatLetter(variant);
    assert.ok(out.includes('owing to ongoing issues\n6/10\nwith major depressive disorder'));
    assert.deepStrictEqual(words(out), words(variant));
    assert.strictEqual(formatLetter(out), out);
  });

  it('lists an insertion before a deletion that starts at the same place, as LSP clients apply them (fuzz seed 1030529315)', () => {
    // The fuzzer's shrunk text: a form feed before a heading is deleted and a line break inserted where it stood.
    const text =
      'HOW THE IMR FINAL DETERMINATION WAS MADE\r\nThe expert reviewer is Board Certified in Psychiatry and is licensed to practice in California.\r\n\r\n\fCLINICAL CASE SUMMARY\r\nA case summary.\rHOW THE IMR FINAL DETERMINATION WAS MADE\n\r\nIMR ISSUES, DECISIONS AND RATIONALES\r\nThe Final Determination was based on decisions for the disputed items/services set forth below:\r\n\r\n```:\r\nUpheld\r\n\r\nDecision rationale: **bold** According to MTUS Guidelines page 24, vel eros blandit nulla. The request is not medically reasonable and necessary.\r\n\r\nClaims Administrator guideline: Decision based on MTUS ACOEM Chapter 12 vel eros blandit nulla Pages 14, 16 and 18\r\n\r\n\r\n_:\r\nOverturned\r\n\r\n[x](command:workbench.action.openSettings): \r\n\r\nsed: \r\n\r\n**bold**: Upheld\r\n\r\ntempus: Upheld\r\n';
    const edits = formatEdits(text);
    const at = text.indexOf('\f');
    const here = edits.filter((e) => e.range.start === at);
    assert.deepStrictEqual(
      here.map((e) => e.range.end - e.range.start),
      [0, 1],
      'the insertion at the form feed, then its deletion',
    );
    // vscode-languageserver-textdocument applies edits that start together in array order and rejects the reverse.
    assert.strictEqual(
      TextDocument.applyEdits(
        TextDocument.create('file:///f.txt', 'imr-letter', 1, text),
        edits.map((e) => ({
          range: { start: lspPosition(text, e.range.start), end: lspPosition(text, e.range.end) },
          newText: e.newText,
        })),
      ),
      formatLetter(text),
    );
  });

  it("keeps a header's lone case number value (pdftotext's labels-then-values block), and the header reads the same", () => {
    // Read off the letter: Case Number CM16-0213037, Date Assigned 11/09/2016, Decision Date 12/09/2016.
    const text = fixtureText('extraction', 'CM16-0213037.pdftotext.txt');
    const formatted = formatLetter(text);
    assert.notStrictEqual(formatted, text);
    const letter = parseLetter(formatted).letters[0];
    assert.strictEqual(letter.caseNumber, 'CM16-0213037');
    assert.strictEqual(letter.facts.dateAssigned, '2016-11-09');
    assert.strictEqual(letter.facts.decisionDate, '2016-12-09');
    assert.match(formatted, /^Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0213037\n11\/09\/2016\n/);
  });

  it('leaves a text without letter lines alone', () => {
    assert.strictEqual(formatLetter(''), '');
    assert.strictEqual(formatLetter('\n \n'), '\n \n');
  });
});

describe('formatLetterRange', () => {
  /** The span of whole lines [first, last] (1-based, inclusive) of a text. */
  function linesSpan(text: string, first: number, last: number): Span {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return { start: starts[first - 1], end: last < starts.length ? starts[last] - 1 : text.length };
  }

  /** The lines a selection touches: from the start of its first line to the start of the line after its last. */
  function wholeLinesOf(text: string, selection: Span): Span {
    const start = text.lastIndexOf('\n', selection.start - 1) + 1;
    if (selection.end > selection.start && text[selection.end - 1] === '\n') return { start, end: selection.end };
    const lf = text.indexOf('\n', selection.end);
    return { start, end: lf < 0 ? text.length : lf + 1 };
  }

  function lineNumberOf(text: string, needle: string): number {
    const at = text.indexOf(needle);
    assert.ok(at >= 0, `holds ${needle}`);
    return text.slice(0, at).split('\n').length;
  }

  it('over the whole letter is Format Document', () => {
    for (const { name, text } of allLetters()) {
      assert.strictEqual(formatLetterRange(text, { start: 0, end: text.length }), formatLetter(text), name);
    }
  });

  it('touches only the selected lines, keeps words and reading, and a second pass changes nothing', () => {
    let ranges = 0;
    for (const { name, text } of [
      ...allLetters(),
      { name: 'crlf', text: toCrlf(letterText(FIXTURES.familyPractice)) },
    ]) {
      const lineCount = text.split('\n').length;
      const before = reading(parseLetter(text));
      for (let first = 1; first < lineCount; first += 9) {
        const last = Math.min(lineCount, first + 12);
        const span = linesSpan(text, first, last);
        // A selection from the middle of the first line to the middle of the last one: whole lines are taken.
        const selection = { start: span.start + 2, end: Math.max(span.start + 2, span.end - 2) };
        const window = wholeLinesOf(text, selection);
        const edits = formatEdits(text, selection);
        for (const e of edits) {
          assert.ok(
            e.range.start >= window.start && e.range.end <= window.end,
            `${name} lines ${first}-${last}: edit ${e.range.start}-${e.range.end} outside ${window.start}-${window.end}`,
          );
        }
        const out = applyEdits(text, edits);
        const grown = out.length - text.length;
        assert.strictEqual(out.slice(0, window.start), text.slice(0, window.start));
        assert.strictEqual(out.slice(window.end + grown), text.slice(window.end));
        assert.deepStrictEqual(words(out), words(text), `${name} lines ${first}-${last}: words`);
        assert.deepStrictEqual(reading(parseLetter(out)), before, `${name} lines ${first}-${last}: reading`);
        assert.strictEqual(
          applyEdits(text, planFormat(text, selection)),
          out,
          `${name} lines ${first}-${last}: no fallback`,
        );
        assert.deepStrictEqual(
          formatEdits(out, { start: window.start, end: window.end + grown - 1 }),
          [],
          `${name} lines ${first}-${last}: second pass`,
        );
        ranges++;
      }
    }
    assert.ok(ranges > 30, `${ranges} ranges`);
  });

  it('in a double-spaced letter keeps the double spacing of the selection, so the rest still reads the same', () => {
    const text = letterText(FIXTURES.psychiatry);
    const first = lineNumberOf(
      text,
      'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.  \n\nDecision based on Non-MTUS Citation MTUS: AMERICAN',
    );
    const last = lineNumberOf(text, 'Decision rationale: The above cited guideline');
    const out = formatLetterRange(text, linesSpan(text, first, last));
    const expected = [
      'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.',
      '',
      'Decision based on Non-MTUS Citation MTUS: AMERICAN COLLEGE OF',
      '',
      'OCCUPATIONAL AND ENVIRONMENTAL MEDICINE (ACOEM), 2ND EDITION (2004);',
      '',
      'CHRONIC PAIN MEDICAL TREATMENT GUIDELINES, SECTION 2 PAIN',
      '',
      'INTERVENTIONS AND TREATMENTS, 24',
      '',
      '',
      'Decision rationale: The above cited guideline indicates that frequency of visits is related to',
      '',
      'severity of symptoms. ',
    ].join('\n');
    assert.ok(
      out.includes(expected),
      'trailing spaces and the space-only line gone, paragraph break as two blank lines',
    );
    assert.ok(
      out.includes('for its decision.   \n\n \n\nMAXIMUS guideline:'),
      'the line before the selection is untouched',
    );
    assert.strictEqual(parseLetter(out).doubleSpaced, true);
  });

  it('joins a wrapped outcome when the selection holds the decision line', () => {
    const text = letterText(FIXTURES.wrappedOutcome);
    const n = lineNumberOf(text, 'Psychotropic Med Management consultation, 1 time per month');
    const out = formatLetterRange(text, linesSpan(text, n, n + 1));
    assert.ok(
      out.includes('6 sessions: Upheld\n\n\n\nClaims Administrator guideline:'),
      'the outcome is back on its line; the blank lines after the selection stay',
    );
    assert.deepStrictEqual(reading(parseLetter(out)), reading(parseLetter(text)));
  });
});
