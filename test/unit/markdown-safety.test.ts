// Hover and message safety on a real letter whose item name, guideline citation and rationale
// carry Markdown and HTML: `[x](command:...)`, `<img src=x onerror=...>`, backticks, `*`, `_`.
// Hovers are MarkupContent that render those characters as the letter's own text, never as a
// link, an image, HTML or formatting; diagnostic messages are plain text, cut to a sane length;
// the client never marks hover Markdown trusted.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver';
import { createContext, LetterContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { hover } from '../../server/src/features/hover';
import { escapeMarkdown, quoteText } from '../../server/src/features/markdown';
import { assertRenderedSafe, assertSafeMarkdown, renderMarkdown } from '../property/invariants';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LETTER = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'letters', '001_95d645f4881bb0c4.txt'), 'utf8');

const LINK = '[x](command:workbench.action.openSettings)';
const IMAGE = '<img src=x onerror=alert(1)>';
const HOSTILE_NAME = `Lexapro ${LINK} ${IMAGE} \`rm -rf ~\` *bold* _under_ 20mg`;
const HOSTILE_TOPIC = `Antidepressants ${LINK} ${IMAGE} *x* _y_`;

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the fixture holds ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** Letter 001 with Markdown and HTML in its first item's name, a guideline topic and a rationale. */
const HOSTILE_LETTER = [
  ['Lexapro 20mg, 1 daily for 12 months: Upheld', `${HOSTILE_NAME}: Upheld`],
  ['Antidepressants Page(s): 14.', `${HOSTILE_TOPIC} Page(s): 14.`],
  [
    'Decision rationale: According to the guidelines antidepressants',
    `Decision rationale: ${LINK} ${IMAGE} \`code\` *a* _b_ According to the guidelines antidepressants`,
  ],
].reduce((text, [from, to]) => replaceOnce(text, from, to), LETTER);

function everyHover(ctx: LetterContext, text: string): Array<{ offset: number; md: string }> {
  const out: Array<{ offset: number; md: string }> = [];
  for (let o = 0; o <= text.length; o++) {
    const h = hover(ctx, ctx.lines.positionAt(o));
    if (!h) continue;
    const c = h.contents as MarkupContent;
    assert.strictEqual(typeof c, 'object', 'hover contents are MarkupContent, not a MarkedString');
    assert.strictEqual(c.kind, 'markdown');
    assert.ok(!('isTrusted' in c), 'hover contents carry no isTrusted');
    out.push({ offset: o, md: c.value });
  }
  return out;
}

describe('hover and message safety', () => {
  const ctx = createContext('file:///hostile.txt', 1, HOSTILE_LETTER, 'imr-letter');
  const item = ctx.model.letters[0].items[0];

  it('the hostile letter still parses: the name, the citation topic and the rationale hold the markup', () => {
    assert.strictEqual(item.name, HOSTILE_NAME);
    assert.strictEqual(item.outcome.kind, 'upheld');
    assert.ok(
      item.citations.some((c) => c.topic?.includes(LINK) && c.topic.includes(IMAGE)),
      `a citation topic holds the markup: ${JSON.stringify(item.citations.map((c) => c.topic))}`,
    );
    assert.ok(item.rationale?.text.includes(IMAGE));
  });

  it('no hover anywhere in the letter has a live link, raw HTML or any element beyond plain formatting', () => {
    const hovers = everyHover(ctx, HOSTILE_LETTER);
    assert.ok(hovers.length > 1000, `${hovers.length} hovers`);
    for (const { offset, md } of hovers) {
      try {
        assertSafeMarkdown(md, 'file:///hostile.txt');
        assertRenderedSafe(md, 'file:///hostile.txt');
      } catch (e) {
        throw new Error(`hover at offset ${offset}: ${(e as Error).message}`, { cause: e });
      }
    }
  });

  it('the outcome hover shows the item name literally, markup and all', () => {
    const at = ctx.lines.positionAt(item.outcome.range.start);
    const md = (hover(ctx, at)!.contents as MarkupContent).value;
    const { html, text } = renderMarkdown(md);
    assert.ok(text.includes(`Item: ${HOSTILE_NAME}`), `rendered: ${JSON.stringify(text)}`);
    assert.ok(!/<a\b|<img\b/i.test(html), html);
  });

  it('the citation hover shows the topic literally', () => {
    const citation = item.citations.find((c) => c.topic?.includes(LINK))!;
    // On the page number: the source's name at the citation's start gives the rules instead.
    const md = (hover(ctx, ctx.lines.positionAt(citation.range.end - 1))!.contents as MarkupContent).value;
    const { html, text } = renderMarkdown(md);
    assert.ok(
      text.includes(`Chronic Pain Medical Treatment Guidelines: ${citation.topic}, page 14`),
      `rendered: ${JSON.stringify(text)}`,
    );
    assert.ok(!/<a\b|<img\b|<code\b|<em\b/i.test(html.replace(/<strong>[^<]*<\/strong>/g, '')), html);
  });

  it('escapeMarkdown and quoteText render every Markdown and HTML construct as the same text', () => {
    const samples = [
      LINK,
      IMAGE,
      '<script>alert(1)</script>',
      '![i](https://example.invalid/i.png)',
      '<https://example.invalid>',
      '[ref]: command:workbench.action.openSettings',
      '`code` ``more`` ```fence```',
      '*a* **b** _c_ __d__ ~~e~~',
      '# heading',
      '- list',
      '1. list',
      '> quote',
      '| a | b |',
      '&lt;img&gt; &amp; &#60;',
      'back\\slash\\',
      '$x$ {braces} +plus+ !bang!',
    ];
    for (const s of samples) {
      const { html, text } = renderMarkdown(escapeMarkdown(s));
      assert.strictEqual(text.trim(), s, `${JSON.stringify(s)} rendered as ${JSON.stringify(html)}`);
      assert.ok(/^<p>[^<]*<\/p>\n?$/.test(html), `${JSON.stringify(s)} rendered as ${JSON.stringify(html)}`);
      assert.strictEqual(renderMarkdown(quoteText(s)).text.trim(), s);
    }
  });

  it('diagnostic messages quote item names as plain text, cut to a sane length', () => {
    const longName = `${HOSTILE_NAME} ${'and more '.repeat(200)}`;
    const text = replaceOnce(HOSTILE_LETTER, `${HOSTILE_NAME}: Upheld`, `${longName}: Uphled`).replace(
      'Buspar 15mg, 1 three times a day as needed for 12 months: Upheld',
      `${longName}: Upheld`,
    );
    const list = diagnostics(createContext('file:///hostile-diagnostics.txt', 1, text, 'imr-letter'));
    const duplicate = list.find((d) => d.code === 'duplicate-item');
    assert.ok(duplicate, `a duplicate-item diagnostic: ${JSON.stringify(list.map((d) => d.code))}`);
    for (const d of list) {
      assert.strictEqual(typeof d.message, 'string', 'plain text, not MarkupContent');
      assert.ok((d.message as string).length <= 200, `${d.code}: ${(d.message as string).length} characters`);
    }
    // Not Markdown-escaped: a client shows a message as it is, so escapes would show as backslashes.
    assert.ok((duplicate.message as string).startsWith(`"Lexapro ${LINK}`), duplicate.message as string);
  });

  it('the client never marks Markdown trusted or lets it carry HTML', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(sources.length > 0);
    for (const f of sources) {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(!/isTrusted/.test(source), `client/src/${f} sets isTrusted`);
      assert.ok(!/supportHtml/.test(source), `client/src/${f} sets supportHtml`);
    }
  });
});
