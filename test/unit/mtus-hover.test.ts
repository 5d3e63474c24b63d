// The hover on the word `MTUS` spells the abbreviation out, as hovers do for the other sources
// (issue 14): in an MTUS document's citation, the hover names the schedule it is part of.

import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver';
import { createContext } from '../../server/src/features/context';
import { hover } from '../../server/src/features/hover';
import { FIXTURES, letterText } from './helpers';

describe('hover on MTUS', () => {
  it('on `MTUS` in "Decision based on MTUS Chronic Pain Treatment Guidelines": Medical Treatment Utilization Schedule', () => {
    // Letter 001, the Xanax item's MAXIMUS guideline.
    const text = letterText(FIXTURES.familyPractice);
    const at = text.indexOf('MTUS Chronic Pain Treatment Guidelines \n\nBenzodiazepines');
    assert.ok(at >= 0, 'the letter cites the guidelines');
    const before = text.slice(0, at + 1);
    const position = { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
    const h = hover(createContext('file:///x.txt', 1, text, 'imr-letter'), position);
    assert.ok(h, 'a hover');
    // Markdown may escape the parenthesis.
    assert.match((h.contents as MarkupContent).value, /MTUS \\?\(Medical Treatment Utilization Schedule/i);
  });

  it('on the word `MTUS` in prose ("did not base their decision on the MTUS")', () => {
    const text = letterText(FIXTURES.familyPractice);
    const at = text.indexOf('did not base their decision on the \n\nMTUS');
    assert.ok(at >= 0, 'the letter says so');
    const before = text.slice(0, text.indexOf('MTUS', at) + 1);
    const position = { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
    const h = hover(createContext('file:///x.txt', 1, text, 'imr-letter'), position);
    assert.ok(h, 'a hover');
    assert.match((h.contents as MarkupContent).value, /Medical Treatment Utilization Schedule/);
  });
});
