// JoinedText.ofRange and logicalLinesIn (engine/text.ts) read a range's logical lines in one pass
// over the text, without a LineTable; they must give exactly what joining the LineTable's lines
// gives (JoinedText.of), the text and the map back to document offsets, on every range of real
// letters, damaged letters and any text.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { JoinedText } from '../../server/src/engine/joinedText';
import { Line, splitLines } from '../../server/src/engine/lineTable';
import { logicalLinesIn } from '../../server/src/engine/rangeLines';
import { anyText, fixtures, mutatedLetter, params } from './arbitraries';

/** A text and a range in it: its ends anywhere, before, inside or across line breaks. */
function withRange(text: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; from: number; to: number }> {
  return text.chain((t) =>
    fc
      .tuple(fc.integer({ min: 0, max: t.length }), fc.integer({ min: 0, max: t.length }))
      .map(([a, b]) => ({ text: t, from: Math.min(a, b), to: Math.max(a, b) })),
  );
}

/**
 * What the parts' lines were before ofRange read them itself: the logical lines of LineTable
 * (splitLines), from the line that holds `from` to the last that starts before `to`.
 */
function tableLines(text: string, from: number, to: number): Line[] {
  if (to <= from) return [];
  const isBreak = (i: number) => text[i] === '\n' || text[i] === '\r';
  let first = from;
  while (first > 0 && !isBreak(first - 1)) first--;
  let last = to - 1;
  while (last < text.length && !isBreak(last)) last++;
  return splitLines(text).filter((l) => !l.blank && !l.noise && l.start >= first && l.start <= last);
}

function sameAsLines(text: string, from: number, to: number): void {
  const expected = JoinedText.of(tableLines(text, from, to), from);
  const actual = JoinedText.ofRange(text, from, to);
  assert.deepStrictEqual(actual, expected);
  // And where each joined offset maps to: what the features read of it.
  for (let i = 0; i <= expected.text.length; i++) assert.strictEqual(actual.toDoc(i), expected.toDoc(i));
  // logicalLinesIn reads the same lines (the reviewer and the patient are read through it).
  const strip = (l: Line) => [l.start, l.end, l.contentStart, l.contentEnd, l.t];
  assert.deepStrictEqual(logicalLinesIn(text, from, to).map(strip), tableLines(text, from, to).map(strip));
}

describe('JoinedText.ofRange', () => {
  const { letters, all } = fixtures();

  it('joins every part of the real letters as the LineTable lines', () => {
    // Each label of a letter starts a range that runs to the next blank line, as parts do.
    let ranges = 0;
    for (const { text } of all) {
      for (const m of text.matchAll(/(guideline|rationale|Reviewer|Decision)[^:\n]*:/gi)) {
        const from = m.index + m[0].length;
        const blank = text.indexOf('\n\n', from);
        sameAsLines(text, from, blank < 0 ? text.length : blank);
        ranges++;
      }
      sameAsLines(text, 0, text.length);
    }
    assert.ok(ranges > 50, `${ranges} ranges`);
  });

  it('joins any range of a damaged letter as the LineTable lines', () => {
    fc.assert(
      fc.property(withRange(mutatedLetter(letters).map((m) => m.text)), ({ text, from, to }) =>
        sameAsLines(text, from, to),
      ),
      params(300),
    );
  });

  it('joins any range of any text as the LineTable lines (form feeds, lone \\r, page noise, odd spaces)', () => {
    const lineBits = fc.constantFrom(
      '\n',
      '\r',
      '\r\n',
      '\f',
      ' ',
      '\u00a0',
      '\t',
      'Page 2 of 5',
      'CM15-0123456',
      'a',
      ':',
      '\ufb01',
    );
    const piecewise = fc.array(lineBits, { maxLength: 60 }).map((bits) => bits.join(''));
    fc.assert(
      fc.property(withRange(fc.oneof(anyText, piecewise)), ({ text, from, to }) => sameAsLines(text, from, to)),
      params(400),
    );
  });
});
