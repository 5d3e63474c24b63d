// The built language server over stdio, driven by a real JSON-RPC client: symbols, folding,
// hover, diagnostics, settings and plain-text detection end to end.

import * as assert from 'assert';
import type {
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { FULL_OUTLINE_UP_TO } from '../../server/src/engine/outline';
import { ItemsResult } from '../../server/src/protocol/requests';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { fixture, openDocument, ROOT, startServer, TestServer, waitForIndex } from './client';

const LETTER_001 = '001_95d645f4881bb0c4.txt';
const LETTER_004 = '004_b9c7ee4c5df882e9.txt';
const LETTER_001_ITEMS = [
  'Lexapro 20mg, 1 daily for 12 months',
  'Buspar 15mg, 1 three times a day as needed for 12 months',
  'Xanax 2mg, 1 twice a day as needed for 12 months',
  '12 Sessions of medication management with a psychiatrist',
];
const LETTER_004_ITEMS = ['Psychotropic Med Management consultation, 1 time per month for 6 months, 6 sessions'];
/** What each item's reviewer guideline cites, as the outline's detail names it (read from the letters). */
const DETAIL_OF: Record<string, string> = {
  [LETTER_001_ITEMS[0]]: 'MTUS Chronic Pain guidelines, ODG',
  [LETTER_001_ITEMS[1]]: 'National guidelines for Anxiety Disorders',
  [LETTER_001_ITEMS[2]]: 'MTUS Chronic Pain guidelines',
  [LETTER_001_ITEMS[3]]: 'MTUS Chronic Pain guidelines, ODG',
  [LETTER_004_ITEMS[0]]: 'ACOEM (in the MTUS)',
};

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture holds ${needle}`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length - 1;
}

function characterOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at - (text.lastIndexOf('\n', at) + 1);
}

function inside(
  inner: { start: { line: number; character: number }; end: { line: number; character: number } },
  outer: typeof inner,
): boolean {
  const le = (a: typeof inner.start, b: typeof inner.start) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function walk(
  symbols: DocumentSymbol[],
  visit: (s: DocumentSymbol, parent?: DocumentSymbol) => void,
  parent?: DocumentSymbol,
): void {
  for (const s of symbols) {
    visit(s, parent);
    walk(s.children ?? [], visit, s);
  }
}

describe('language server over stdio', function () {
  let server: TestServer;
  const text = fixture('letters', LETTER_001);
  const uri = 'file:///letters/001.txt';

  before(async () => {
    server = await startServer();
    const diagnostics = server.nextDiagnostics(uri);
    await openDocument(server, uri, text);
    assert.deepStrictEqual(await diagnostics, []);
  });
  after(() => server.stop());

  it('gives the outline of a one-letter file: sections > items (outcome first) > parts, every range nested', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    // No root symbol for the one letter: its sections are the top level.
    const sections = symbols;
    assert.deepStrictEqual(
      sections.map((s) => s.name),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    // detail and children are optional in LSP: a section with nothing to say sends neither.
    assert.deepStrictEqual(Object.keys(sections[1]).sort(), ['kind', 'name', 'range', 'selectionRange']);
    const items = sections[2].children!;
    assert.deepStrictEqual(
      items.map((s) => s.name),
      LETTER_001_ITEMS.map((name) => `Upheld: ${name}`),
    );
    assert.strictEqual(items[2].selectionRange.start.line, lineOf(text, 'Xanax 2mg, 1 twice a day'));
    assert.deepStrictEqual(
      items[0].children!.map((p) => p.name),
      ['Claims Administrator guideline', 'Reviewer guideline', 'Decision rationale'],
    );
    let count = 0;
    walk(symbols, (s, parent) => {
      count++;
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selectionRange inside range`);
      if (parent) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
    });
    assert.ok(count >= 3 + 4 + 12);
    // The determination section lists the reviewer's credentials.
    assert.strictEqual(sections[0].children![0].name, 'Reviewer credentials');
    assert.match(sections[0].children![0].detail!, /Family Practice/);
  });

  it('outlines an export of more than FULL_OUTLINE_UP_TO disputed items as its letters and their items only', async () => {
    const letters = [fixture('letters', LETTER_001), fixture('letters', LETTER_004)];
    const names = [LETTER_001_ITEMS, LETTER_004_ITEMS];
    // 001 and 004 one after the other until the items outnumber the threshold.
    const order: number[] = [];
    for (let items = 0; items <= FULL_OUTLINE_UP_TO;) {
      const k = order.length % 2;
      order.push(k);
      items += names[k].length;
    }
    const big = 'file:///letters/export.txt';
    await openDocument(server, big, order.map((k) => letters[k]).join('\n'));
    try {
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
        textDocument: { uri: big },
      })) as DocumentSymbol[];
      assert.deepStrictEqual(
        symbols.map((l) => [l.name, l.kind, l.children!.map((i) => [i.name, i.detail, i.kind, i.children])]),
        // The fixture letters have no case number: each is named by its first item.
        order.map((k) => [
          names[k].length > 1 ? `${names[k][0]} (and ${names[k].length - 1} more)` : names[k][0],
          1 /* File */,
          // No item detail in so large an outline: naming the sources reads every item's citations.
          names[k].map((name) => [`Upheld: ${name}`, undefined, 17 /* Boolean */, undefined]),
        ]),
      );
      // Each copy of 001 selects its items' decision lines, moved by the letters before it.
      let firstLine = 0;
      order.forEach((k, n) => {
        if (k === 0)
          assert.deepStrictEqual(
            symbols[n].children!.map((i) => i.selectionRange.start.line),
            LETTER_001_ITEMS.map((name) => firstLine + lineOf(letters[0], name)),
            `letter ${n + 1}`,
          );
        firstLine += letters[k].split(/\r\n|\r|\n/).length;
      });
      walk(symbols, (s, parent) => {
        assert.ok(inside(s.selectionRange, s.range), `${s.name}: selectionRange inside range`);
        if (parent) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
      });
    } finally {
      // Closed even when an assertion fails: the workspace symbol test below counts the open letters.
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
    }
  });

  it("names in each item's detail what its reviewer guideline cites (letter 001)", async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    const items: [string, string | undefined][] = [];
    walk(symbols, (s) => {
      if (s.kind === 17 /* Boolean: an item */) items.push([s.name, s.detail]);
    });
    assert.deepStrictEqual(
      items,
      LETTER_001_ITEMS.map((name) => [`Upheld: ${name}`, DETAIL_OF[name]]),
    );
  });

  it('folds sections, items and parts on whole lines', async () => {
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri },
    })) as FoldingRange[];
    const decisionsLine = lineOf(text, 'IMR ISSUES, DECISIONS AND RATIONALES');
    const xanaxLine = lineOf(text, 'Xanax 2mg, 1 twice a day');
    assert.ok(ranges.some((r) => r.startLine === decisionsLine));
    const xanax = ranges.find((r) => r.startLine === xanaxLine)!;
    assert.ok(xanax, 'the Xanax item folds');
    assert.strictEqual(xanax.endLine, lineOf(text, 'medically necessary. \n\n \n\n12 Sessions'));
  });

  it('hovers a guideline citation with the catalog entry, the cited page and the other citations', async () => {
    const line = lineOf(text, 'Benzodiazepines Page(s): 24.');
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 3 },
    })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.strictEqual((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /Chronic Pain Medical Treatment Guidelines/);
    assert.match(md, /^\*\*MTUS \u203a Chronic Pain Medical Treatment Guidelines\*\*: Benzodiazepines, page 24\n/);
    assert.match(md, /Part of the MTUS/);
    // The other citations of the guidelines in letter 001, linked to their lines, on one line.
    assert.match(md, /Also cited on \[line 63\]\(file:\/\/\/letters\/001\.txt#L63\), \[line 125\]/);
  });

  it('states a confirmed page fact without a qualifier', async () => {
    // Pages 13-16 (antidepressants) are confirmed by the letters' own citations: no qualifier. The
    // letter names its topic "Antidepressants" and page 14 of pages 13-16: no second line repeats it.
    const line = lineOf(text, 'Antidepressants Page(s): 14.');
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 2 },
    })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /^\*\*MTUS \u203a Chronic Pain Medical Treatment Guidelines\*\*: Antidepressants, page 14\n\n/);
    assert.doesNotMatch(md, /unverified/);
  });

  it('hovers the outcome word with its meaning', async () => {
    const needle = 'Lexapro 20mg, 1 daily for 12 months: Upheld';
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: lineOf(text, needle), character: characterOf(text, needle) + needle.length - 2 },
    })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /\*\*Upheld\*\*/);
    assert.match(md, /not medically necessary/);
    assert.strictEqual(hover.range!.start.character, characterOf(text, needle) + needle.length - 'Upheld'.length);
  });

  it('answers null for a hover on plain prose and for a position past the end', async () => {
    const prose = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 5 },
    });
    assert.strictEqual(prose, null);
    const past = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 99999, character: 5 },
    });
    assert.strictEqual(past, null);
  });

  it('lists the items for the client commands (imrLetters/items)', async () => {
    const result = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;
    assert.strictEqual(result.isLetter, true);
    assert.deepStrictEqual(
      result.items.map((i) => [i.outcome, i.decisionRange.start.line]),
      [
        ['upheld', lineOf(text, 'Lexapro 20mg, 1 daily')],
        ['upheld', lineOf(text, 'Buspar 15mg, 1 three')],
        ['upheld', lineOf(text, 'Xanax 2mg, 1 twice')],
        ['upheld', lineOf(text, '12 Sessions of medication')],
      ],
    );
  });

  it('finds items across open letters with workspace symbols', async () => {
    const other = 'file:///letters/004.txt';
    await openDocument(server, other, fixture('letters', LETTER_004));
    const found = (await server.connection.sendRequest('workspace/symbol', { query: 'xanax' })) as SymbolInformation[];
    // The name carries the outcome and the sources, so that VS Code's filter keeps it for "upheld" or "mtus".
    assert.deepStrictEqual(
      found.map((s) => s.name.split(' \u00b7 ').slice(0, 2)),
      [['Xanax 2mg, 1 twice a day as needed for 12 months', 'Upheld']],
    );
    const psych = (await server.connection.sendRequest('workspace/symbol', {
      query: 'psychotropic',
    })) as SymbolInformation[];
    assert.deepStrictEqual(
      psych.map((s) => s.location.uri),
      [other],
    );
  });

  it('publishes diagnostics on an edit that breaks the letter, and clears them on the fix', async () => {
    const line = lineOf(text, 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld');
    const character =
      characterOf(text, 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld') +
      'Xanax 2mg, 1 twice a day as needed for 12 months: '.length;
    const broken = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line, character }, end: { line, character: character + 6 } }, text: 'Uphled' },
      ],
    });
    const diagnostics = await broken;
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line, d.range.start.character]),
      [['unknown-decision', 'imr-letters', 1, line, character]],
    );
    assert.match(diagnostics[0].message as string, /"Uphled" is not an IMR outcome/);
    const fixed = server.nextDiagnostics(uri, 3);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [
        { range: { start: { line, character }, end: { line, character: character + 6 } }, text: 'Upheld' },
      ],
    });
    assert.deepStrictEqual(await fixed, []);
  });
});

describe('language server: workspace symbols from letters on disk', function () {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      workspaceFolders: [pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'letters')).toString()],
    });
  });
  after(() => server.stop());

  it("finds items in letters that are not open, and prefers an open document's text", async () => {
    await waitForIndex(server);
    const found = (await server.connection.sendRequest('workspace/symbol', { query: 'xanax' })) as SymbolInformation[];
    assert.deepStrictEqual(found.map((s) => [path.basename(s.location.uri), s.name.split(' \u00b7 ')[0]]).sort(), [
      ['000_ccd83326e20498fa.txt', 'XANAX 0.5MG #90'],
      ['001_95d645f4881bb0c4.txt', 'Xanax 2mg, 1 twice a day as needed for 12 months'],
      ['002_5ad3443a4d2d1746.txt', 'Refill of Xanax 1mg, QTY: 90'],
    ]);
    // Open 002 with its item renamed: the open text wins.
    const uri = pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'letters', '002_5ad3443a4d2d1746.txt')).toString();
    await openDocument(
      server,
      uri,
      fixture('letters', '002_5ad3443a4d2d1746.txt').replace('Refill of Xanax 1mg', 'Refill of Alprazolam 1mg'),
    );
    const after = (await server.connection.sendRequest('workspace/symbol', { query: 'xanax' })) as SymbolInformation[];
    assert.deepStrictEqual(after.map((s) => path.basename(s.location.uri)).sort(), [
      '000_ccd83326e20498fa.txt',
      '001_95d645f4881bb0c4.txt',
    ]);
  });
});

describe('language server: plain text, settings and closing', function () {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      settings: { diagnostics: { severity: { 'unknown-decision': 'hint', 'missing-rationale': 'off' } } },
    });
  });
  after(() => server.stop());

  it('gives a plain-text file that is not a letter no symbols and no diagnostics', async () => {
    const notes = 'file:///notes/claim-notes.txt';
    await openDocument(server, notes, fixture('non-letters', 'claim-notes.txt'), 'plaintext');
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: notes },
    });
    assert.deepStrictEqual(symbols, []);
    // Open a letter after it: once the letter's diagnostics arrive, the notes would have had theirs.
    const letter = 'file:///letters/as-plain.txt';
    const published = server.nextDiagnostics(letter);
    await openDocument(server, letter, fixture('letters', LETTER_004), 'plaintext');
    await published;
    assert.ok(!server.published.some((p) => p.uri === notes));
    const letterSymbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: letter },
    })) as DocumentSymbol[];
    assert.deepStrictEqual(
      letterSymbols.map((s) => s.name),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
      'a plain-text letter gets features',
    );
  });

  it('applies severities from workspace/configuration, including off', async () => {
    const text = fixture('letters', LETTER_001)
      .replace(
        'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld',
        'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled',
      )
      .replace(/Decision rationale: According to the guidelines, BuSpar[\s\S]*?(?=Xanax 2mg)/, '');
    const uri = 'file:///letters/configured.txt';
    const diagnostics = server.nextDiagnostics(uri);
    await openDocument(server, uri, text);
    assert.deepStrictEqual(
      (await diagnostics).map((d) => [d.code, d.severity]),
      [['unknown-decision', 4]],
    );
  });

  it('clears diagnostics when a document closes, and answers empty for unknown documents', async () => {
    const uri = 'file:///letters/closing.txt';
    const text = fixture('letters', LETTER_004).replace('Upheld', 'Uphled');
    const first = server.nextDiagnostics(uri);
    await openDocument(server, uri, text);
    assert.strictEqual((await first).length, 1);
    const cleared = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepStrictEqual(await cleared, []);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(symbols, []);
    assert.ok(!server.serverRequests.includes('workspace/applyEdit'), 'the server never edits on its own');
  });
});

describe('language server: the appeal window from the settings', function () {
  let server: TestServer;
  before(async () => {
    // Electronic service, and a setting of the wrong type that must fall back rather than break.
    server = await startServer({ settings: { appeal: { mailDays: 0, holidays: { nativeAmericanDay: 'yes' } } } });
  });
  after(() => server.stop());

  it("gives each letter's last day and rule with the items, and in the hover of its date", async () => {
    const uri = 'file:///letters/CM16-0213037.txt';
    const text = fixture('extraction', 'CM16-0213037.pdftotext.txt');
    const diagnostics = server.nextDiagnostics(uri);
    await openDocument(server, uri, text);
    await diagnostics;
    // 12/09/2016 + 30 (no days for mail): 22 days to 12/31, 8 more: Sunday 2017-01-08.
    const rule =
      '30 days from 12/09/2016 (electronic service): Sunday 2017-01-08, moved to Monday 2017-01-09 (weekend)';
    const result = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;
    assert.deepStrictEqual(result.appeals, [{ lastDay: '2017-01-09', rule }]);
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: lineOf(text, 'Decision Date'), character: 2 },
    })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /Last day to appeal: \*\*2017-01-09\*\* \(closed\)/);
    assert.ok(md.includes(rule.replace(/[-.()]/g, (c) => '\\' + c)), md);
  });

  it('a letter that states no date gets no window', async () => {
    const uri = 'file:///letters/004-appeal.txt';
    await openDocument(server, uri, fixture('letters', LETTER_004));
    const result = (await server.connection.sendRequest('imrLetters/items', { uri })) as ItemsResult;
    assert.deepStrictEqual(result.appeals, [null]);
  });
});
