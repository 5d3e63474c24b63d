// The feature modules on real letters: outline nesting, hover content and its escaping,
// diagnostics severities, and none for a non-letter.

import * as assert from 'assert';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver';
import { createContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { escapeMarkdown } from '../../server/src/features/markdown';
import { FULL_OUTLINE_UP_TO } from '../../server/src/engine/outline';
import {
  documentSymbols,
  ITEM_KIND,
  LETTER_KIND,
  outlineByLetter,
  SECTION_KIND,
} from '../../server/src/features/symbols';
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
          if (s.kind === ITEM_KIND && s.name.startsWith('Upheld: ')) items++;
        }
        assert.ok(items >= 1);
      });
    }
  }

  it('outlines letter 001 in full: sections at the top, reviewer credentials, items outcome first, parts with their sources or conclusion', () => {
    const symbols = documentSymbols(
      createContext('file:///x.txt', 1, letterText(FIXTURES.familyPractice), 'imr-letter'),
    );
    // Read from the letter: four items, all Upheld; the rationales all end "not medically necessary";
    // the guideline lines cite the MTUS Chronic Pain Treatment Guidelines, ODG and "National
    // guidelines for Anxiety Disorders"; the Sessions item's claims administrator line cites none.
    assert.deepStrictEqual(outlineLines(symbols), [
      // A section with nothing to say has no detail.
      'HOW THE IMR FINAL DETERMINATION WAS MADE @0',
      '  Reviewer credentials \u2014 Family Practice, Preventative Medicine \u00b7 licensed in California @6',
      'CLINICAL CASE SUMMARY @22',
      'IMR ISSUES, DECISIONS AND RATIONALES \u2014 4 items: 4 upheld @46',
      '  Upheld: Lexapro 20mg, 1 daily for 12 months \u2014 MTUS Chronic Pain guidelines, ODG @52',
      '    Claims Administrator guideline \u2014 ODG @56',
      '    Reviewer guideline \u2014 MTUS Chronic Pain guidelines, ODG @62',
      '    Decision rationale \u2014 not medically necessary @70',
      '  Upheld: Buspar 15mg, 1 three times a day as needed for 12 months \u2014 National guidelines for Anxiety Disorders @88',
      '    Claims Administrator guideline \u2014 ODG @92',
      '    Reviewer guideline \u2014 National guidelines for Anxiety Disorders @98',
      '    Decision rationale \u2014 not medically necessary @104',
      '  Upheld: Xanax 2mg, 1 twice a day as needed for 12 months \u2014 MTUS Chronic Pain guidelines @120',
      '    Claims Administrator guideline \u2014 MTUS Chronic Pain guidelines @124',
      '    Reviewer guideline \u2014 MTUS Chronic Pain guidelines @130',
      '    Decision rationale \u2014 not medically necessary @136',
      '  Upheld: 12 Sessions of medication management with a psychiatrist \u2014 MTUS Chronic Pain guidelines, ODG @150',
      '    Claims Administrator guideline \u2014 names no guideline @154',
      '    Reviewer guideline \u2014 MTUS Chronic Pain guidelines, ODG @160',
      '    Decision rationale \u2014 not medically necessary @170',
    ]);
    assert.deepStrictEqual([...new Set(symbols.map((s) => s.kind))], [SECTION_KIND]);
  });

  it('names each letter of a file of several by its case number, else by its first item', () => {
    const withCase = letterText(FIXTURES.wrappedOutcome).replace(
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'Case Number: CM14-0123456\n\nHOW THE IMR FINAL DETERMINATION WAS MADE',
    );
    const text = letterText(FIXTURES.familyPractice) + '\n' + withCase;
    const symbols = documentSymbols(createContext('file:///x.txt', 1, text, 'imr-letter'));
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.detail, s.kind]),
      [
        ['Lexapro 20mg, 1 daily for 12 months (and 3 more)', '4 items: 4 upheld', LETTER_KIND],
        ['Case CM14-0123456', '1 item: 1 upheld', LETTER_KIND],
      ],
    );
  });

  it('an unknown or missing outcome leads the item name too', () => {
    const text = letterText(FIXTURES.familyPractice)
      .replace('Lexapro 20mg, 1 daily for 12 months: Upheld', 'Lexapro 20mg, 1 daily for 12 months: Uphled')
      .replace(
        'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld',
        'Buspar 15mg, 1 three times a day as needed for 12 months:',
      );
    const decisions = outlineByLetter(createContext('file:///x.txt', 1, text, 'imr-letter'))[0].children![2];
    assert.deepStrictEqual(
      decisions.children!.slice(0, 2).map((s) => s.name),
      [
        'Not an outcome: "Uphled": Lexapro 20mg, 1 daily for 12 months',
        'No outcome: Buspar 15mg, 1 three times a day as needed for 12 months',
      ],
    );
    assert.strictEqual(decisions.detail, '4 items: 2 upheld, 2 without a valid outcome');
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
    assert.strictEqual(all.filter((s) => s.kind === ITEM_KIND).length, FULL_OUTLINE_UP_TO);
    assert.strictEqual(all.filter((s) => s.name === 'Decision rationale').length, FULL_OUTLINE_UP_TO);
    assert.ok(all.some((s) => s.name === 'Reviewer credentials'));
    assert.ok(all.some((s) => s.kind === SECTION_KIND));
  });

  it('past FULL_OUTLINE_UP_TO items is letters and their items only, each item named, outcome and lines as in its own letter, no detail', () => {
    const { letters, text } = exportOf(atThreshold + 1);
    assert.ok(itemsIn(letters) > FULL_OUTLINE_UP_TO);
    const symbols = documentSymbols(createContext('file:///x.txt', 1, text, 'imr-letter'));
    assert.strictEqual(symbols.length, letters.length);
    let firstLine = 0;
    letters.forEach((ownText, k) => {
      const own = outlineByLetter(createContext('file:///x.txt', 1, ownText, 'imr-letter'));
      const ownItems = [...walkSymbols(own)].map(([s]) => s).filter((s) => s.kind === ITEM_KIND);
      const letter = symbols[k];
      assert.deepStrictEqual([letter.name, letter.kind, letter.detail], [own[0].name, LETTER_KIND, own[0].detail]);
      // An item selects the same line as in the letter's own outline, moved by the letters before it.
      // It has no detail: naming its sources would read every item's citations (see symbols.ts).
      const shape = (s: DocumentSymbol, moved: number) => ({
        name: s.name,
        kind: s.kind,
        line: s.selectionRange.start.line + moved,
        children: s.children,
      });
      assert.deepStrictEqual(
        letter.children!.map((s) => ({ ...shape(s, 0), detail: s.detail })),
        ownItems.map((s) => ({ ...shape(s, firstLine), detail: undefined, children: undefined })),
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
  const occurrences = (md: string, re: RegExp) => md.match(new RegExp(re.source, 'gi'))?.length ?? 0;

  it('leads with what is cited: an MTUS clinical topic adopted from ACOEM, with its section; the MTUS spelled out and named part of once', () => {
    const md = hoverText(text, 'MTUS Stress-Related Conditions 2004', 8)!;
    assert.match(
      md,
      /^\*\*MTUS \u203a ACOEM Practice Guidelines\*\*: Stress\\-Related Conditions 2004, section Follow\\-up\n/,
    );
    assert.strictEqual(occurrences(md, /Medical Treatment Utilization Schedule/), 1, md);
    assert.strictEqual(occurrences(md, /part of the MTUS/), 1, md);
    // The rules (8 CCR) and the background wait on the word MTUS.
    assert.doesNotMatch(md, /8 CCR|American College/);
    assert.match(md, / Point at \u201cMTUS\u201d for the rules\.$/m);
  });

  it('on the source named in a citation: the rules behind its standing and its background', () => {
    const mtus = hoverText(text, 'MTUS Stress-Related Conditions 2004', 2)!;
    assert.match(mtus, /^\*\*MTUS \\\(Medical Treatment Utilization Schedule\\\)\*\*: presumed correct/);
    assert.match(mtus, /\(8 CCR 9792\.25, 9792\.21\.1\)/);
    const acoem = hoverText(text, 'ACOEM Chapter \n15, page 405', 1)!;
    assert.match(acoem, /^\*\*ACOEM Practice Guidelines\*\*: part of the MTUS: presumed correct/);
    assert.match(acoem, /American College of Occupational and Environmental Medicine/);
  });

  it('the ACOEM Chapter 15 citation: the chapter qualified as unverified, nothing of Low Back Complaints', () => {
    const md = hoverText(text, 'ACOEM Chapter \n15, page 405', 8)!;
    assert.match(md, /^\*\*MTUS \u203a ACOEM Practice Guidelines\*\*: chapter 15, page 405 {2}\n/);
    assert.match(md, /Chapter 15 covers Stress\\-Related Conditions\. _\(unverified/);
    assert.doesNotMatch(md, /Low Back|286/);
  });

  it('does not repeat the topic the letter names for a page: Benzodiazepines, page 24', () => {
    const md = hoverText(letterText(FIXTURES.familyPractice), 'Benzodiazepines Page(s): 24.', 2)!;
    assert.match(md, /^\*\*MTUS \u203a Chronic Pain Medical Treatment Guidelines\*\*: Benzodiazepines, page 24\n\n/);
    assert.strictEqual(occurrences(md, /Benzodiazepines/), 1, md);
    assert.doesNotMatch(md, /catalog/i);
  });

  it('links the other citations of the same guidelines to their lines', () => {
    const md = hoverText(letterText(FIXTURES.familyPractice), 'Benzodiazepines Page(s): 24.', 2)!;
    // Letter 001 cites the Chronic Pain guidelines on lines 63 (Lexapro), 125 (Xanax, claims
    // administrator) and 161 (the Sessions item), besides the Xanax reviewer line hovered here.
    const links = [...md.matchAll(/\[line (\d+)\]\(file:\/\/\/x\.txt#L(\d+)\)/g)].map((m) => [m[1], m[2]]);
    assert.deepStrictEqual(links, [
      ['63', '63'],
      ['125', '125'],
      ['161', '161'],
    ]);
    assert.doesNotMatch(md, /command:/);
  });

  it('qualifies an unverified page fact, and says nothing of a page it does not know', () => {
    const letter = letterText(FIXTURES.familyPractice).replace(
      'Benzodiazepines Page(s): 24.',
      'Benzodiazepines Page(s): 29, 400.',
    );
    const md = hoverText(letter, 'Benzodiazepines Page(s): 29, 400.', 2)!;
    assert.match(md, /Page 29 covers Carisoprodol\. _\(unverified/);
    assert.doesNotMatch(md, /Page 400|catalog/);
  });

  it('says the national guideline has no named publisher rather than guessing', () => {
    const md = hoverText(letterText(FIXTURES.familyPractice), 'National guidelines for Anxiety Disorders', 3)!;
    assert.match(md, /^\*\*Other guideline or publication\*\*: National guidelines for Anxiety Disorders\n/);
    assert.match(md, /does not say who publishes it/);
    assert.match(md, /Not part of the MTUS/);
    assert.doesNotMatch(md, /catalog/);
  });

  it("on an item name: its outcome, sources, the rationale's conclusion and its problems", () => {
    const letter = letterText(FIXTURES.familyPractice);
    assert.strictEqual(
      hoverText(letter, 'Xanax 2mg, 1 twice a day', 3),
      '**Upheld**: Xanax 2mg, 1 twice a day as needed for 12 months\n\n' +
        'Based on: MTUS Chronic Pain guidelines  \nTreatment: Pharmaceuticals \u203a Benzodiazepines \u203a Xanax  \n' +
        'Rationale concludes: not medically necessary, as decided\n\n' +
        'No problems found.',
    );
    // 002 overturned: its rationale still concludes "not medically necessary".
    const overturned = letterText(FIXTURES.xanaxRefill).replace('QTY: 90:  Upheld', 'QTY: 90:  Overturned');
    const md = hoverText(overturned, 'Refill of Xanax 1mg', 3)!;
    assert.match(md, /^\*\*Overturned\*\*: Refill of Xanax 1mg, QTY: 90\n\n/);
    assert.match(md, /Based on: MTUS Chronic Pain guidelines, ODG/);
    assert.match(
      md,
      /Rationale concludes: not medically necessary {2}\n|Rationale concludes: not medically necessary\n/,
    );
    assert.match(md, /Problems:\n- .*medically necessary/);
  });

  it('on a header field: the case at a glance, dates read as dates, the patient, the reviewer, items by category', () => {
    // The letter's header, summary and credentials (pdftotext's default mode, labels then values).
    const letter = fixtureText('extraction', 'CM16-0213037.pdftotext.txt');
    const expected =
      '**Case CM16\\-0213037**\n\n' +
      'assigned 2016-11-09 · decided 2016-12-09 · injured 2016-10-13 · UR denial 2016-11-03 · ' +
      'application received 2016-11-03 · Standard priority  \n' +
      'Last day to appeal: **2017-01-13** (closed)  \n' +
      '30 days from 12/09/2016 \\+ 5 for mail: Friday 2017\\-01\\-13  \n' +
      'Patient: 48 years old, male; right shoulder contusion; neck strain; right shoulder injury and 2 more  \n' +
      'Reviewer: Family Practice, licensed in California, North Carolina  \n' +
      'Items: Diagnostic Testing 2\n\n' +
      "*Computed from the letter's date; check it against the proof of service\\. Not legal advice\\.*";
    assert.strictEqual(hoverText(letter, 'Decision Date', 2), expected);
    assert.strictEqual(hoverText(letter, 'Case Number', 2), expected);
    // Letter text in it is escaped.
    const hostile = letter.replace('right shoulder contusion', '[x](command:y) <b>');
    assert.match(hoverText(hostile, 'Priority', 2)!, /; \\\[x\\\]\\\(command:y\\\) &lt;b&gt;; neck strain/);
  });

  it('spells out the word MTUS where it is not part of a citation', () => {
    const letter = letterText(FIXTURES.psychiatry);
    const md = hoverText(letter, 'MTUS', 1)!;
    assert.match(md, /^\*\*MTUS\*\*: Medical Treatment Utilization Schedule/);
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
