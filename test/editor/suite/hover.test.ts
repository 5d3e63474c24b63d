// Hovers through the real language client: guideline citations name their source from the catalog,
// outcome words explain what they mean.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, activateExtension, hoverText, lineOf, openLetter, positionOf } from '../helpers';

async function hoverAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return { text: hoverText(hovers), hovers };
}

describe('hovers', () => {
  let document: vscode.TextDocument;
  let xanaxLine: number;

  before(async () => {
    await activateExtension();
    document = (await openLetter(FIXTURES.letter001)).document;
    xanaxLine = lineOf(document, 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld');
  });

  it('on "MTUS" of an MTUS citation: the Chronic Pain Medical Treatment Guidelines, page 24 Benzodiazepines', async () => {
    // Xanax's reviewer guideline: "Decision based on MTUS Chronic Pain Treatment Guidelines" /
    // "Benzodiazepines Page(s): 24."
    const citationLine = lineOf(
      document,
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines',
      xanaxLine,
    );
    assert.equal(document.lineAt(citationLine + 2).text.trim(), 'Benzodiazepines Page(s): 24.');
    const position = positionOf(document, citationLine, 'Chronic', 1);
    const { text, hovers } = await hoverAt(document, position);
    // What the letter cites, first: the source, its document, the topic as it words it and the page.
    assert.match(
      text,
      /^\*\*MTUS \u203a Chronic Pain Medical Treatment Guidelines\*\*: Benzodiazepines, page 24\n/,
      text,
    );
    // Its standing in one line; the rules behind it on the word MTUS.
    assert.match(
      text,
      /\n\n\*\*Part of the MTUS \(Medical Treatment Utilization Schedule\)\*\*: presumed correct on treatment\. Point at \u201cMTUS\u201d for the rules\.\n/,
    );
    assert.doesNotMatch(text, /8 CCR/);
    const rules = await hoverAt(document, positionOf(document, citationLine, 'MTUS', 1));
    assert.match(
      rules.text,
      /^\*\*MTUS \\\(Medical Treatment Utilization Schedule\\\)\*\*: presumed correct .*\(8 CCR 9792\.25, 9792\.21\.1\)/,
    );
    assert.doesNotMatch(text, /Page 24: Benzodiazepines/, text);
    assert.ok(
      hovers.some((hover) => hover.range?.contains(position)),
      'the hover range covers the citation',
    );
  });

  it('on a non-MTUS citation: Official Disability Guidelines, not part of the MTUS', async () => {
    // Lexapro's reviewer guideline ends in "Decision based on Non-MTUS Citation Official Disability"
    // / "Guidelines (ODG) Mental Disorders and Depression".
    const lexaproLine = lineOf(document, 'Lexapro 20mg, 1 daily for 12 months: Upheld');
    const line = lineOf(
      document,
      'Antidepressants Page(s): 14.  Decision based on Non-MTUS Citation Official Disability',
      lexaproLine,
    );
    const { text } = await hoverAt(document, positionOf(document, line, 'Official', 2));
    assert.match(text, /Official Disability Guidelines/, text);
    assert.match(text, /not part of the MTUS/i, text);
    assert.doesNotMatch(
      text,
      /Chronic Pain Medical Treatment Guidelines/,
      'the neighbouring MTUS citation is a different hover',
    );
  });

  it('on the outcome word "Upheld": the denial stands, not medically necessary', async () => {
    const { text } = await hoverAt(document, positionOf(document, xanaxLine, 'Upheld', 2));
    assert.match(text, /denial/i, text);
    assert.match(text, /not medically necessary/i, text);
  });

  it("on the Xanax item's name: a summary of the item", async () => {
    const { text } = await hoverAt(document, positionOf(document, xanaxLine, 'Xanax', 2));
    // Read from letter 001: Upheld, the MAXIMUS guideline cites the MTUS Chronic Pain Treatment
    // Guidelines only, and the rationale ends "not medically necessary".
    assert.match(text, /^\*\*Upheld\*\*: Xanax 2mg, 1 twice a day as needed for 12 months\n/, text);
    assert.match(text, /Based on: MTUS Chronic Pain guidelines {2}\n/, text);
    assert.match(text, /Rationale concludes: not medically necessary, as decided/, text);
    assert.match(text, /No problems found\./, text);
  });

  it('not on the clinical case summary, which cites nothing', async () => {
    const line = lineOf(
      document,
      'subsequently developed post-laminectomy syndrome. A progress note on 10/1/13 indicated the',
    );
    const { text } = await hoverAt(document, positionOf(document, line, 'laminectomy', 3));
    assert.doesNotMatch(text, /Medical Treatment|Upheld|medically necessary/, text);
  });
});
