// The feature modules on real letters: outline nesting, hover content and its escaping,
// diagnostics severities, and none for a non-letter.

import * as assert from 'assert';
import { SymbolKind } from 'vscode-languageserver';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver';
import { createContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { escapeMarkdown } from '../../server/src/features/markdown';
import { documentSymbols, FULL_OUTLINE_UP_TO } from '../../server/src/features/symbols';
import { allLetters, FIXTURES, fixtureText, letterText, toCrlf } from './helpers';

type R = DocumentSymbol['range'];
const le = (a: R['start'], b: R['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: R, outer: R) => le(outer.start, inner.start) && le(inner.end, outer.end);

function positionOf(text: string, needle: string, offsetInNeedle = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `text holds ${needle}`);
  const before = text.slice(0, at + offsetInNeedle);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

function hoverText(text: string, needle: string, offsetInNeedle = 0): string | undefined {
  const ctx = createContext('file:///x.txt', 1, text, 'imr-letter');
  const h = hover(ctx, positionOf(text, needle, offsetInNeedle));
  return h ? (h.contents as MarkupContent).value : undefined;
}

function* walkSymbols(
  list: readonly DocumentSymbol[],
  parent?: DocumentSymbol,
): Generator<[DocumentSymbol, DocumentSymbol | undefined]> {
  for (const s of list) {
    yield [s, parent];
    yield* walkSymbols(s.children ?? [], s);
  }
}

/** One line per symbol: its depth, name, detail when it has one, and the 0-based line it selects. */
function outlineLines(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail !== undefined ? ` \u2014 ${s.detail}` : ''} @${s.selectionRange.start.line}`,
    ...outlineLines(s.children ?? [], depth + 1),
  ]);
}

describe('documentSymbols', () => {
  for (const { name, text } of allLetters()) {
    for (const [variant, t] of [
      ['LF', text],
      ['CRLF', toCrlf(text)],
    ] as const) {
      it(`${name} (${variant}): every selectionRange in its range, every child in its parent, no empty detail or children`, () => {
        const symbols = documentSymbols(createContext('file:///x.txt', 1, t, 'imr-letter'));
        let items = 0;
        for (const [s, parent] of walkSymbols(symbols)) {
          assert.ok(inside(s.selectionRange, s.range), s.name);
          if (parent) assert.ok(inside(s.range, parent.range), `${s.name} in ${parent.name}`);
          // Both are optional in LSP: an empty one is bytes sent for nothing.
          assert.ok(!('detail' in s) || s.detail!.length > 0, `${s.name}: empty detail`);
          assert.ok(!('children' in s) || s.children!.length > 0, `${s.name}: empty children`);
          if (s.detail === 'Upheld') items++;
        }
        assert.ok(items >= 1);
      });
    }
  }

  it('outlines letter 001 in full: sections, reviewer credentials, items with their outcome, parts with their sources or conclusion', () => {
    const symbols = documentSymbols(
      createContext('file:///x.txt', 1, letterText(FIXTURES.familyPractice), 'imr-letter'),
    );
    assert.deepStrictEqual(outlineLines(symbols), [
      'IMR letter \u2014 4 items @0',
      // A section with nothing to say has no detail.
      '  HOW THE IMR FINAL DETERMINATION WAS MADE @0',
      '    Reviewer credentials \u2014 Family Practice, Preventative Medicine \u00b7 licensed in California @6',
      '  CLINICAL CASE SUMMARY @22',
      '  IMR ISSUES, DECISIONS AND RATIONALES \u2014 4 items @46',
      '    Lexapro 20mg, 1 daily for 12 months \u2014 Upheld @52',
      '      Claims Administrator guideline \u2014 ODG @56',
      '      Reviewer guideline \u2014 CPMTG, ODG @62',
      '      Decision rationale \u2014 concludes: not medically necessary @70',
      '    Buspar 15mg, 1 three times a day as needed for 12 months \u2014 Upheld @88',
      '      Claims Administrator guideline \u2014 ODG @92',
      '      Reviewer guideline \u2014 other @98',
      '      Decision rationale \u2014 concludes: not medically necessary @104',
      '    Xanax 2mg, 1 twice a day as needed for 12 months \u2014 Upheld @120',
      '      Claims Administrator guideline \u2014 CPMTG @124',
      '      Reviewer guideline \u2014 CPMTG @130',
      '      Decision rationale \u2014 concludes: not medically necessary @136',
      '    12 Sessions of medication management with a psychiatrist \u2014 Upheld @150',
      '      Claims Administrator guideline \u2014 no source named @154',
      '      Reviewer guideline \u2014 CPMTG, ODG @160',
      '      Decision rationale \u2014 concludes: not medically necessary @170',
    ]);
  });
});

describe('documentSymbols on a large export', () => {
  const fixtures = allLetters().map((l) => l.text);
  /** `count` letters: the fixture letters one after another, over and over, as an export holds them. */
  const exportOf = (count: number) => {
    const letters = Array.from({ length: count }, (_, k) => fixtures[k % fixtures.length]);
    return { letters, text: letters.join('\n') };
  };
  const itemsIn = (texts: readonly string[]) =>
    texts.reduce((n, t) => n + createContext('file:///x.txt', 1, t, 'imr-letter').model.letters[0].items.length, 0);
  // As many letters as make FULL_OUTLINE_UP_TO items exactly (the fixtures hold 8 items in 4 letters).
  const atThreshold = (FULL_OUTLINE_UP_TO / itemsIn(fixtures)) * fixtures.length;

  it('is the full outline up to FULL_OUTLINE_UP_TO disputed items', () => {
    const { letters, text } = exportOf(atThreshold);
    assert.strictEqual(itemsIn(letters), FULL_OUTLINE_UP_TO);
    const symbols = documentSymbols(createContext('file:///x.txt', 1, text, 'imr-letter'));
    assert.strictEqual(symbols.length, atThreshold);
    const all = [...walkSymbols(symbols)].map(([s]) => s);
    assert.strictEqual(all.filter((s) => s.kind === SymbolKind.Event).length, FULL_OUTLINE_UP_TO);
    assert.strictEqual(all.filter((s) => s.name === 'Decision rationale').length, FULL_OUTLINE_UP_TO);
    assert.ok(all.some((s) => s.name === 'Reviewer credentials'));
    assert.ok(all.some((s) => s.kind === SymbolKind.Namespace));
  });

  it('past FULL_OUTLINE_UP_TO items is letters and their items only, each item named, outcome and lines as in its own letter', () => {
    const { letters, text } = exportOf(atThreshold + 1);
    assert.ok(itemsIn(letters) > FULL_OUTLINE_UP_TO);
    const symbols = documentSymbols(createContext('file:///x.txt', 1, text, 'imr-letter'));
    assert.strictEqual(symbols.length, letters.length);
    let firstLine = 0;
    letters.forEach((ownText, k) => {
      const own = documentSymbols(createContext('file:///x.txt', 1, ownText, 'imr-letter'));
      const ownItems = [...walkSymbols(own)].map(([s]) => s).filter((s) => s.kind === SymbolKind.Event);
      const letter = symbols[k];
      assert.deepStrictEqual(
        [letter.name, letter.kind, letter.detail],
        [`Letter ${k + 1}`, SymbolKind.Module, own[0].detail],
      );
      // An item selects the same line as in the letter's own outline, moved by the letters before it.
      const shape = (s: DocumentSymbol, moved: number) => ({
        name: s.name,
        detail: s.detail,
        kind: s.kind,
        line: s.selectionRange.start.line + moved,
        children: s.children,
      });
      assert.deepStrictEqual(
        letter.children!.map((s) => shape(s, 0)),
        ownItems.map((s) => ({ ...shape(s, firstLine), children: undefined })),
        `letter ${k + 1}`,
      );
      firstLine += ownText.split(/\r\n|\r|\n/).length;
    });
    for (const [s, parent] of walkSymbols(symbols)) {
      assert.ok(inside(s.selectionRange, s.range), s.name);
      if (parent) assert.ok(inside(s.range, parent.range), `${s.name} in ${parent.name}`);
    }
  });
});

describe('hover', () => {
  const text = letterText(FIXTURES.wrappedOutcome);

  it('explains an MTUS clinical topic citation adopted from ACOEM, with its section', () => {
    const md = hoverText(text, 'MTUS Stress-Related Conditions 2004', 2)!;
    assert.match(md, /\*\*ACOEM Practice Guidelines\*\*/);
    assert.match(md, /American College of Occupational and Environmental Medicine/);
    assert.match(md, /Adopted into the MTUS/);
    assert.match(md, /Section: Follow\\-up/);
  });

  it('qualifies an unverified chapter fact', () => {
    const md = hoverText(text, 'ACOEM Chapter \n15, page 405', 1)!;
    assert.match(md, /Chapter 15: Stress\\-Related Conditions _\(unverified/);
    assert.match(md, /Also cited in this letter/);
  });

  it('qualifies an unverified page fact, and names a page the catalog does not know', () => {
    const letter = letterText(FIXTURES.familyPractice).replace(
      'Benzodiazepines Page(s): 24.',
      'Benzodiazepines Page(s): 29, 400.',
    );
    const md = hoverText(letter, 'Benzodiazepines Page(s): 29, 400.', 2)!;
    assert.match(md, /Page 29: Carisoprodol _\(unverified/);
    assert.match(md, /Page 400 \(not in the catalog/);
  });

  it('says the national guideline has no named publisher rather than guessing', () => {
    const md = hoverText(letterText(FIXTURES.familyPractice), 'National guidelines for Anxiety Disorders', 3)!;
    assert.match(md, /\*\*Other guideline or publication\*\*/);
    assert.match(md, /does not name its publisher/);
    assert.match(md, /Not part of the MTUS/);
  });

  it('shows letter text holding Markdown, HTML and command links literally', () => {
    const hostile = letterText(FIXTURES.familyPractice).replace(
      'Decision based on Non-MTUS Citation National guidelines for Anxiety Disorders',
      'Decision based on Non-MTUS Citation National guidelines [x](command:workbench.action.openSettings) <img src=x onerror=alert(1)> `code` *b* _i_',
    );
    const md = hoverText(hostile, 'National guidelines [x]', 3)!;
    assert.doesNotMatch(md, /\]\(command:/);
    assert.doesNotMatch(md, /<img/);
    assert.match(md, /\\\[x\\\]\\\(command:workbench\\\.action\\\.openSettings\\\)/);
    assert.match(md, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
    assert.match(md, /\\`code\\` \\\*b\\\* \\_i\\_/);
  });

  it('explains an unknown outcome word', () => {
    const typo = letterText(FIXTURES.xanaxRefill).replace('QTY: 90:  Upheld', 'QTY: 90:  Uphled');
    const md = hoverText(typo, 'Uphled', 1)!;
    assert.match(md, /is not an IMR outcome/);
  });

  it('explains a part label and the rationale conclusion', () => {
    const letter = letterText(FIXTURES.xanaxRefill);
    assert.match(hoverText(letter, 'MAXIMUS guideline:', 2)!, /what the expert reviewer based the decision on/i);
    assert.match(
      hoverText(letter, 'this request is not medically necessary', 17)!,
      /Conclusion: not medically necessary\.\*\* This belongs with \*\*Upheld\*\*, as decided\./,
    );
  });

  it('escapes every Markdown and HTML special character', () => {
    assert.strictEqual(escapeMarkdown('a*b_c`d[e](f)<g>&h#i|j'), 'a\\*b\\_c\\`d\\[e\\]\\(f\\)&lt;g&gt;&amp;h\\#i\\|j');
  });
});

describe('foldingRanges', () => {
  it('folds the 004 item from its decision line to its rationale end', () => {
    const text = letterText(FIXTURES.wrappedOutcome);
    const ranges = foldingRanges(createContext('file:///x.txt', 1, text, 'imr-letter'));
    const start = positionOf(text, 'Psychotropic Med Management consultation').line;
    const end = positionOf(text, 'medically necessary. \n').line;
    assert.ok(ranges.some((r) => r.startLine === start && r.endLine === end));
  });
});

describe('diagnostics', () => {
  const typo = letterText(FIXTURES.xanaxRefill).replace('QTY: 90:  Upheld', 'QTY: 90:  Uphled');
  const ctx = createContext('file:///x.txt', 1, typo, 'imr-letter');

  it('uses the default severity, a stable code and the source', () => {
    assert.deepStrictEqual(
      diagnostics(ctx).map((d) => [d.code, d.severity, d.source]),
      [['unknown-decision', 1, 'imr-letters']],
    );
  });

  it('takes severities from settings, ignoring values that are not levels', () => {
    assert.deepStrictEqual(
      diagnostics(ctx, { 'unknown-decision': 'warning' }).map((d) => d.severity),
      [2],
    );
    assert.deepStrictEqual(diagnostics(ctx, { 'unknown-decision': 'off' }), []);
    assert.deepStrictEqual(
      diagnostics(ctx, { 'unknown-decision': 'loud' }).map((d) => d.severity),
      [1],
    );
  });
});

describe('a plain-text document that is not a letter', () => {
  it('gets no features at all', () => {
    const ctx = createContext('file:///n.txt', 1, fixtureText('non-letters', 'claim-notes.txt'), 'plaintext');
    assert.strictEqual(ctx.isLetter, false);
    assert.deepStrictEqual(documentSymbols(ctx), []);
    assert.deepStrictEqual(diagnostics(ctx), []);
  });
});
