// The outline through the real language client: a one-letter file's sections > disputed items
// (outcome first) > item parts, with ranges VS Code accepts for the outline and breadcrumbs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, ITEMS_001, activateExtension, lineOf, openLetter } from '../helpers';

async function documentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<
    (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined
  >('vscode.executeDocumentSymbolProvider', document.uri);
  assert.ok(symbols && symbols.length > 0, `no document symbols for ${document.uri.path}`);
  for (const symbol of symbols)
    assert.ok('children' in symbol, 'flat SymbolInformation instead of a DocumentSymbol tree');
  return symbols as vscode.DocumentSymbol[];
}

function* walk(symbols: readonly vscode.DocumentSymbol[]): Generator<vscode.DocumentSymbol> {
  for (const symbol of symbols) {
    yield symbol;
    yield* walk(symbol.children);
  }
}

/** VS Code drops an outline whose selection ranges or children stray outside their ranges. */
function assertNested(symbols: readonly vscode.DocumentSymbol[], parent?: vscode.DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(symbol.range.contains(symbol.selectionRange), `selectionRange of "${symbol.name}" is outside its range`);
    if (parent)
      assert.ok(parent.range.contains(symbol.range), `"${symbol.name}" is outside its parent "${parent.name}"`);
    assertNested(symbol.children, symbol);
  }
}

describe('document symbols', () => {
  before(async () => {
    await activateExtension();
  });

  it('outlines letter 001: its sections at the top, its four items outcome first, their parts', async () => {
    const { document } = await openLetter(FIXTURES.letter001);
    const symbols = await documentSymbols(document);
    assertNested(symbols);
    // One letter in the file: no root symbol above its sections.
    const letter = { children: symbols };

    const headings = [
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
    ];
    const headingLines = headings.map((heading) => lineOf(document, heading));
    assert.deepEqual(
      letter.children.map((section) => section.selectionRange.start.line),
      headingLines,
      'one section symbol per heading, selecting the heading',
    );
    const decisions = letter.children[2];

    assert.deepEqual(
      decisions.children.map((item) => item.name),
      ITEMS_001.map((name) => `Upheld: ${name}`),
      'the decisions section holds one symbol per disputed item, named by its outcome, then as requested',
    );
    for (const name of ITEMS_001) {
      assert.equal(
        [...walk(symbols)].filter((symbol) => symbol.name === `Upheld: ${name}`).length,
        1,
        `"${name}" appears once in the outline`,
      );
    }

    const decisionLines = ITEMS_001.map((name) => lineOf(document, `${name}: Upheld`));
    decisions.children.forEach((item, i) => {
      assert.equal(item.kind, vscode.SymbolKind.Boolean, `"${item.name}" has the item icon`);
      assert.equal(item.selectionRange.start.line, decisionLines[i], `"${item.name}" selects its decision line`);
      assert.equal(item.range.start.line, decisionLines[i], `"${item.name}" starts at its decision line`);
      const nextStart = decisionLines[i + 1] ?? document.lineCount;
      assert.ok(item.range.end.line < nextStart, `"${item.name}" ends before the next item`);

      // Each item of 001 has the three parts, in this order, each selecting its label.
      const partLines = ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'].map(
        (label) => {
          for (let line = decisionLines[i]; line < nextStart; line++) {
            if (document.lineAt(line).text.startsWith(label)) return line;
          }
          assert.fail(`no "${label}" line under "${item.name}"`);
        },
      );
      assert.deepEqual(
        item.children.map((part) => part.selectionRange.start.line),
        partLines,
        `parts of "${item.name}"`,
      );
    });
  });

  it('keeps the colon inside an item name (letter 002: "Refill of Xanax 1mg, QTY: 90:  Upheld")', async () => {
    const { document } = await openLetter(FIXTURES.letter002);
    const symbols = await documentSymbols(document);
    assertNested(symbols);
    const decisionLine = lineOf(document, 'Refill of Xanax 1mg, QTY: 90:  Upheld');
    const items = [...walk(symbols)].filter((symbol) => symbol.kind === vscode.SymbolKind.Boolean);
    assert.deepEqual(
      items.map((item) => [item.name, item.selectionRange.start.line]),
      [['Upheld: Refill of Xanax 1mg, QTY: 90', decisionLine]],
    );
  });
});
