// Citation hovers stay small (issue 27): on every citation of the real letters, the hover leads
// with what the letter cites, says where the source stands in the MTUS in one line, and covers at
// most about eight lines of the editor, so that the lines being read stay in view.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver';
import { createContext } from '../../server/src/features/context';
import { hover } from '../../server/src/features/hover';
import { allLetters } from './helpers';

/** Characters of a line in VS Code's hover at its default width (500 pixels of 13-pixel text). */
const HOVER_LINE_CHARS = 72;
const MAX_LINES = 8;

/** Lines the Markdown takes once rendered: each line wrapped at the hover's width, blank lines between paragraphs. */
function renderedLines(md: string): number {
  const shown = md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[*_]/g, '');
  return shown.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / HOVER_LINE_CHARS)), 0);
}

const SOURCE_NAMES = new Set(['MTUS', 'ODG', 'ACOEM']);

/** The last offset of [start, end) whose word is not a source's name (where the hover shows the rules). */
function offNames(text: string, start: number, end: number): number {
  for (let at = end - 1; at > start; at--) {
    const before = /[A-Za-z]*$/.exec(text.slice(start, at))![0];
    const after = /^[A-Za-z]*/.exec(text.slice(at, end))![0];
    if (!SOURCE_NAMES.has(before + after)) return at;
  }
  return start;
}

function extractionLetters(): Array<{ name: string; text: string }> {
  const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'extraction');
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

describe('citation hovers', () => {
  const letters = [...allLetters(), ...extractionLetters()];

  it('cover at most eight lines, lead with the citation and give the standing in one line', () => {
    let citations = 0;
    for (const { name, text } of letters) {
      const ctx = createContext(`file:///${name}`, 1, text, 'imr-letter');
      for (const letter of ctx.model.letters)
        for (const item of letter.items)
          for (const c of item.citations) {
            // The last character off the source's name (a page number or the topic).
            const position = ctx.lines.positionAt(offNames(text, c.range.start, c.range.end));
            const h = hover(ctx, position);
            assert.ok(h, `${name}: no hover on ${c.text}`);
            const md = (h.contents as MarkupContent).value;
            assert.ok(renderedLines(md) <= MAX_LINES, `${name}: ${renderedLines(md)} lines:\n${md}`);
            if (SOURCE_NAMES.has(text.slice(c.range.start, c.range.end))) {
              // "the MTUS" in a rationale: the name is all there is to point at, and the rules come at once.
              assert.match(md, /^\*\*MTUS \\\(Medical Treatment Utilization Schedule\\\)\*\*: presumed correct/);
              continue;
            }
            const [first, standing] = md.split('\n\n');
            assert.match(first, /^\*\*(MTUS|ODG|ACOEM|Other|Official|Chronic)/, `${name}: ${md}`);
            assert.match(standing, /^\*\*(The MTUS|Part of the MTUS|Not part of the MTUS|Not cited as part)/, md);
            assert.ok(!standing.includes('\n'), `${name}: the standing in one line: ${standing}`);
            assert.ok(!/8 CCR/.test(md), `${name}: the rules wait on the source's name: ${md}`);
            citations++;
          }
    }
    assert.ok(citations > 50, `${citations} citations`);
  });
});
