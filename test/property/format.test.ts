// Properties of Format Document and Format Selection over hostile text: formatting twice changes
// nothing more, no word is lost, added or reordered (page furniture aside), the LSP edits a client
// applies give exactly the engine's result, the reverse edits (what undo does) give back the
// original bytes, and a selection never changes a line outside it.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, Edit, formatEdits, formatLetter, formatLetterRange } from '../../server/src/engine/format';
import { createContext } from '../../server/src/features/context';
import { formatDocument, formatRange } from '../../server/src/features/formatting';
import { anyText, fixtures, letterShapedText, mutatedLetter, params } from './arbitraries';

const { letters, all } = fixtures();

/** Page furniture the formatter may drop, as the parser sees a line (trimmed, under 24 characters). */
const REMOVABLE = /^(?:Page\s+\d+\s+(?:of|\/)\s+\d+|CM\d{2}-\d{5,8}|-\s*\d+\s*-)$/i;
/** White space as the engine trims it at line ends: `\s` plus the zero-width space. */
const SPACE = /[\s\u200b]+/;

function words(text: string): string[] {
  return text.split(SPACE).filter((w) => w.length > 0);
}

/** The words of a text without whole lines of removable page furniture. */
function wordsWithoutFurniture(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => {
      const t = line.replace(/^[\s\u200b]+|[\s\u200b]+$/g, '');
      return !(t.length > 0 && t.length < 24 && REMOVABLE.test(t));
    })
    .flatMap(words);
}

/** The edits that undo `edits` once they are applied to `text` (what an editor's undo stack holds). */
function inverse(text: string, edits: readonly Edit[]): Edit[] {
  const empty = (e: Edit) => (e.range.end === e.range.start ? 0 : 1);
  const sorted = [...edits]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start - b.e.range.start || empty(a.e) - empty(b.e) || a.i - b.i);
  let delta = 0;
  return sorted.map(({ e }) => {
    const start = e.range.start + delta;
    delta += e.newText.length - (e.range.end - e.range.start);
    return { range: { start, end: start + e.newText.length }, newText: text.slice(e.range.start, e.range.end) };
  });
}

const texts = fc.oneof(
  { arbitrary: mutatedLetter(letters).map((m) => m.text), weight: 4 },
  { arbitrary: letterShapedText, weight: 3 },
  { arbitrary: anyText, weight: 1 },
);

describe('formatting properties (fast-check)', function () {
  it('formatting is idempotent and keeps every word in order (page furniture aside)', function () {
    const check = (text: string) => {
      const once = formatLetter(text);
      assert.strictEqual(formatLetter(once), once, 'formatting the formatted text changes it again');
      assert.deepStrictEqual(words(once), wordsWithoutFurniture(text), 'words lost, added or reordered');
    };
    for (const f of all) check(f.text);
    fc.assert(fc.property(texts, check), params(500));
  });

  it('edits are in the document, do not overlap, and undoing them gives back the original bytes', function () {
    fc.assert(
      fc.property(texts, (text) => {
        const edits = formatEdits(text);
        const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
        sorted.forEach((e, i) => {
          assert.ok(
            0 <= e.range.start && e.range.start <= e.range.end && e.range.end <= text.length,
            `edit [${e.range.start}, ${e.range.end}) outside the text`,
          );
          if (i > 0) assert.ok(sorted[i - 1].range.end <= e.range.start, 'overlapping edits');
        });
        const formatted = applyEdits(text, edits);
        assert.strictEqual(applyEdits(formatted, inverse(text, edits)), text, 'undo does not restore the original');
      }),
      params(500),
    );
  });

  it('the LSP edits a client applies give exactly the engine result, for the document and for any selection', function () {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const ctx = createContext('file:///f.txt', 1, text, 'imr-letter');
        const doc = TextDocument.create('file:///f.txt', 'imr-letter', 1, text);
        assert.strictEqual(
          TextDocument.applyEdits(doc, formatDocument(ctx)),
          formatLetter(text),
          'document formatting',
        );

        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        const range = { start: ctx.lines.positionAt(start), end: ctx.lines.positionAt(end) };
        const out = TextDocument.applyEdits(doc, formatRange(ctx, range));
        const span = { start: ctx.offsetAt(range.start), end: ctx.offsetAt(range.end) };
        assert.strictEqual(out, formatLetterRange(text, span), 'range formatting');
        // Outside the selection's lines nothing changes: the text before its first line and after its last.
        const firstLine = ctx.lines.lineStarts[range.start.line];
        assert.strictEqual(
          out.slice(0, firstLine),
          text.slice(0, firstLine),
          'range formatting changed a line before the selection',
        );
        const lastLine = range.end.line + (range.end.character === 0 && range.end.line > range.start.line ? 0 : 1);
        const after = lastLine < ctx.lines.lineCount ? ctx.lines.lineStarts[lastLine] : text.length;
        const tail = text.slice(after);
        assert.ok(out.endsWith(tail), 'range formatting changed a line after the selection');
      }),
      params(500),
    );
  });
});
