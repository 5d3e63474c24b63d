// Hover safety over generated letters: item names, citation topics and rationales full of
// Markdown and HTML (`[x](command:...)`, `<img onerror>`, backticks, `*`, `_`) must reach the reader
// as the literal text of the letter, never as a link, an image, HTML or formatting.

import * as assert from 'assert';
import * as fc from 'fast-check';
import type { MarkupContent } from 'vscode-languageserver';
import { createContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { hover } from '../../server/src/features/hover';
import { generatedLetter, hostileWords, otherLayoutLetter, params } from './arbitraries';
import { assertDiagnostics, assertHover, lspLineLengths, renderMarkdown } from './invariants';

/** What a reader sees of a piece of letter text: CommonMark turns NUL into U+FFFD. */
function seen(s: string): string {
  return s.replace(/\0/g, '\ufffd');
}

describe('hover and message safety properties (fast-check)', function () {
  it('every hover over a letter with Markdown and HTML in names, topics and rationales is inert and shows the text literally', function () {
    let outcomeHovers = 0;
    let citationHovers = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          generatedLetter.map((g) => g.text),
          otherLayoutLetter,
        ),
        (text) => {
          const ctx = createContext('file:///hostile.txt', 1, text, 'imr-letter');
          const lines = lspLineLengths(text);
          const items = ctx.model.letters.flatMap((l) => l.items);
          for (let o = 0; o <= text.length; o++) {
            const at = ctx.lines.positionAt(o);
            const h = hover(ctx, at);
            assertHover(h, at, lines, 'file:///hostile.txt');
            if (!h) continue;
            const { text: shown } = renderMarkdown((h.contents as MarkupContent).value);
            for (const item of items) {
              if (
                item.outcome.raw.length > 0 &&
                item.outcome.range.start <= o &&
                o <= item.outcome.range.end &&
                (item.outcome.kind === 'upheld' || item.outcome.kind === 'overturned')
              ) {
                outcomeHovers++;
                if (item.name.length < 150)
                  assert.ok(
                    shown.includes(seen(item.name)),
                    `outcome hover does not show the item name literally:\n${JSON.stringify(item.name)}\nrendered: ${JSON.stringify(shown)}`,
                  );
              }
              const c = item.citations.find((x) => x.range.start <= o && o <= x.range.end);
              if (c && !(item.outcome.raw.length > 0 && item.outcome.range.start <= o && o <= item.outcome.range.end)) {
                citationHovers++;
                // The hover leads with the topic the letter names (the whole citation is in view
                // in the editor): that is the letter text it must show literally.
                // On the source's name (MTUS, ODG, ACOEM) the hover gives the rules behind its standing instead.
                const word = /[A-Za-z]*$/.exec(text.slice(0, o))![0] + /^[A-Za-z]*/.exec(text.slice(o))![0];
                if (c.topic && c.topic.length < 100 && !['MTUS', 'ODG', 'ACOEM'].includes(word))
                  assert.ok(
                    shown.includes(seen(c.topic)),
                    `citation hover does not show the topic literally:\n${JSON.stringify(c.topic)}\nrendered: ${JSON.stringify(shown)}`,
                  );
              }
            }
          }
        },
      ),
      params(150),
    );
    // The generator must actually put hostile text under hovers, or the property proves nothing.
    assert.ok(outcomeHovers > 100, `only ${outcomeHovers} outcome hovers checked`);
    assert.ok(citationHovers > 100, `only ${citationHovers} citation hovers checked`);
  });

  it('diagnostic messages quote item names as plain text, cut to a readable length', function () {
    fc.assert(
      fc.property(hostileWords, fc.integer({ min: 0, max: 5000 }), (words, pad) => {
        const name = (words + ' ' + 'x'.repeat(pad)).trim();
        const text = [
          'IMR ISSUES, DECISIONS AND RATIONALES',
          '',
          `${name}:`,
          '',
          'Decision rationale: The request is not medically necessary.',
          '',
        ].join('\n');
        const ctx = createContext('file:///d.txt', 1, text, 'imr-letter');
        const list = diagnostics(ctx);
        assertDiagnostics(list, lspLineLengths(text));
        const missing = list.find((d) => d.code === 'missing-decision');
        const item = ctx.model.letters[0]?.items[0];
        if (missing && item && item.name.length > 0) {
          // Plain text: the name's own characters, not Markdown-escaped (a client shows messages verbatim).
          const quoted = /^The decision for "([^]*)" has no outcome/.exec(missing.message as string);
          assert.ok(quoted, `message ${JSON.stringify(missing.message)} quotes the name`);
          const shown = quoted[1];
          if (shown === item.name) return;
          // Shortened: a beginning of the name that ends where a word does, then an ellipsis.
          assert.ok(shown.endsWith('…'), `${JSON.stringify(shown)} is marked as shortened`);
          const kept = shown.slice(0, -1);
          assert.ok(item.name.startsWith(kept), `${JSON.stringify(kept)} begins ${JSON.stringify(item.name)}`);
          assert.ok(kept.length <= 60);
          const oneWord = !/\s/.test(item.name.slice(0, 60));
          assert.ok(
            oneWord || /[\s,;:]/.test(item.name[kept.length]),
            `${JSON.stringify(kept)} ends mid-word in ${JSON.stringify(item.name.slice(0, 80))}`,
          );
        }
      }),
      params(300),
    );
  });
});
