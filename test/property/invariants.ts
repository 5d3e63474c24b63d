// What must hold for every text, however damaged: checked by the property tests, each check
// throwing with the path of the offending value so a shrunk counterexample says what broke.

import * as assert from 'assert';
import type {
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  Position,
  Range,
} from 'vscode-languageserver';
import { DIAGNOSTIC_CODES } from '../../server/src/engine/check';
import type { LetterDocument, Span } from '../../server/src/engine/model';

function isSpan(v: unknown): v is Span {
  return (
    typeof v === 'object' && v !== null && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number'
  );
}

/** Every Span anywhere in the model (sections, items, parts, citations, outcome, conclusion, reviewer, header fields), with its path. */
export function spansOf(doc: LetterDocument): Array<{ path: string; span: Span }> {
  const out: Array<{ path: string; span: Span }> = [];
  const walk = (v: unknown, p: string): void => {
    if (typeof v !== 'object' || v === null) return;
    if (isSpan(v)) out.push({ path: p, span: v });
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else for (const [k, x] of Object.entries(v)) if (k !== 'text' || typeof x !== 'string') walk(x, `${p}.${k}`);
  };
  walk(doc.letters, 'letters');
  return out;
}

export function assertSpansInside(doc: LetterDocument, text: string): void {
  assert.strictEqual(doc.text, text, 'the model keeps the text it was parsed from');
  for (const { path, span } of spansOf(doc)) {
    if (!(
      Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      0 <= span.start &&
      span.start <= span.end &&
      span.end <= text.length
    )) {
      assert.fail(`${path} = [${span.start}, ${span.end}) is not inside the text (length ${text.length})`);
    }
  }
}

/**
 * Letters follow one another and each letter's items follow the text: in the order of their
 * decisions, and (except in 2013 notices, whose numbered discussions may come in any order after
 * the decision sentences) in the order of their ranges.
 */
export function assertOrder(doc: LetterDocument): void {
  for (let i = 1; i < doc.letters.length; i++) {
    const a = doc.letters[i - 1].range;
    const b = doc.letters[i].range;
    assert.ok(a.start <= b.start, `letter ${i} starts at ${b.start}, before letter ${i - 1} (${a.start})`);
  }
  for (const letter of doc.letters) {
    for (let i = 1; i < letter.items.length; i++) {
      const a = letter.items[i - 1];
      const b = letter.items[i];
      assert.ok(
        a.decisionRange.start < b.decisionRange.start,
        `letter ${letter.index}: item ${i} "${b.name}" is decided at ${b.decisionRange.start}, not after item ${i - 1} "${a.name}" (${a.decisionRange.start})`,
      );
      if (letter.layout !== 'notice-2013')
        assert.ok(
          a.range.start < b.range.start,
          `letter ${letter.index}: item ${i} "${b.name}" starts at ${b.range.start}, not after item ${i - 1} "${a.name}" (${a.range.start})`,
        );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// LSP positions

/** Line lengths as LSP counts them: '\r\n', '\r' and '\n' break lines. */
export function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function assertPosition(p: Position, lines: readonly number[], what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${JSON.stringify(p)} is not integral`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(
    p.character >= 0 && p.character <= lines[p.line],
    `${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line]}`,
  );
}

export function assertRange(r: Range, lines: readonly number[], what: string): void {
  assertPosition(r.start, lines, `${what}.start`);
  assertPosition(r.end, lines, `${what}.end`);
  assert.ok(before(r.start, r.end), `${what}: start ${JSON.stringify(r.start)} after end ${JSON.stringify(r.end)}`);
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** What VS Code requires of an outline (it drops the whole outline otherwise) and what makes it a tree. */
export function assertSymbols(
  symbols: readonly DocumentSymbol[],
  lines: readonly number[],
  parent?: { name: string; range: Range },
  path = 'symbols',
): void {
  symbols.forEach((s, i) => {
    const p = `${path}[${i}] "${s.name}"`;
    assert.ok(typeof s.name === 'string' && s.name.trim().length > 0, `${p}: empty name`);
    assertRange(s.range, lines, `${p}.range`);
    assertRange(s.selectionRange, lines, `${p}.selectionRange`);
    assert.ok(
      rangeContains(s.range, s.selectionRange),
      `${p}: selectionRange ${JSON.stringify(s.selectionRange)} not inside range ${JSON.stringify(s.range)}`,
    );
    if (parent)
      assert.ok(
        rangeContains(parent.range, s.range),
        `${p}: range ${JSON.stringify(s.range)} not inside parent "${parent.name}" ${JSON.stringify(parent.range)}`,
      );
    if (s.children) assertSymbols(s.children, lines, s, `${p}.children`);
  });
}

export function assertFolding(ranges: readonly FoldingRange[], lines: readonly number[]): void {
  for (const r of ranges) {
    assert.ok(
      Number.isInteger(r.startLine) && Number.isInteger(r.endLine),
      `folding ${JSON.stringify(r)} not integral`,
    );
    assert.ok(
      0 <= r.startLine && r.startLine < r.endLine && r.endLine < lines.length,
      `folding ${JSON.stringify(r)} outside 0..${lines.length - 1} or empty`,
    );
  }
}

/** The longest diagnostic message a letter can produce: item names are quoted cut to 60 characters. */
export const MAX_MESSAGE = 300;

export function assertDiagnostics(list: readonly Diagnostic[], lines: readonly number[]): void {
  list.forEach((d, i) => {
    assertRange(d.range, lines, `diagnostic[${i}] ${d.code}`);
    assert.ok(DIAGNOSTIC_CODES.includes(d.code as never), `diagnostic[${i}]: unknown code ${String(d.code)}`);
    assert.strictEqual(d.source, 'imr-letters');
    // LSP 3.18 allows MarkupContent here; a message quoting letter text must stay plain text.
    assert.ok(typeof d.message === 'string', `diagnostic[${i}] ${d.code}: message is not plain text`);
    const message = d.message as string;
    assert.ok(
      message.length > 0 && message.length <= MAX_MESSAGE,
      `diagnostic[${i}] ${d.code}: message of ${message.length} characters: ${JSON.stringify(message.slice(0, 400))}`,
    );
    for (const r of d.relatedInformation ?? []) assertRange(r.location.range, lines, `diagnostic[${i}] related`);
  });
}

export function assertHover(h: Hover | null, at: Position, lines: readonly number[], documentUri: string): void {
  if (h === null) return;
  const c = h.contents as MarkupContent;
  assert.ok(
    typeof c === 'object' && c.kind === 'markdown' && typeof c.value === 'string' && c.value.length > 0,
    `hover contents are not MarkupContent: ${JSON.stringify(h.contents).slice(0, 200)}`,
  );
  assert.ok(!('isTrusted' in (h.contents as object)), 'hover contents carry isTrusted');
  if (h.range) {
    assertRange(h.range, lines, 'hover.range');
    const clamped = { line: at.line, character: Math.min(at.character, lines[at.line] ?? 0) };
    assert.ok(
      rangeContains(h.range, { start: clamped, end: clamped }),
      `hover.range ${JSON.stringify(h.range)} does not hold the hovered position ${JSON.stringify(at)}`,
    );
  }
  assertSafeMarkdown(c.value, documentUri);
  assertRenderedSafe(c.value, documentUri);
}

/** The one kind of link a hover may hold: to a line of the hovered document itself (`#L12`). */
function ownLineLink(documentUri: string): RegExp {
  return new RegExp(`^${documentUri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L\\d+$`);
}

/**
 * Letter text can only reach hover Markdown escaped: no link or image syntax can be live, except
 * the hover's own links to lines of the same document, and no raw HTML tag can appear. Escaped
 * forms (`\[`, `\(`, `&lt;`) are fine.
 */
export function assertSafeMarkdown(md: string, documentUri: string): void {
  // A backslash-escaped character is literal text; look only at what Markdown would interpret.
  const live = md.replace(/\\[\s\S]/g, '  ');
  const show = (at: number) => JSON.stringify(md.slice(Math.max(0, at - 40), at + 60));
  const own = ownLineLink(documentUri);
  for (const link of live.matchAll(/\]\s*\(([^)\s]*)\)?/g)) {
    assert.ok(
      own.test(link[1]),
      `hover Markdown has a link that is not to a line of the document: ${show(link.index)}`,
    );
    assert.ok(link.index > 0 && live[link.index - 1] !== '!', `hover Markdown has an image: ${show(link.index)}`);
  }
  const tag = /<\s*[a-z!/?]/i.exec(live);
  assert.ok(!tag, `hover Markdown has raw HTML or an autolink: ${show(tag?.index ?? 0)}`);
}

// ---------------------------------------------------------------------------------------------
// The model without positions, to compare texts that differ only in line breaks

export function shapeOf(doc: LetterDocument): unknown {
  return {
    doubleSpaced: doc.doubleSpaced,
    letters: doc.letters.map((l) => ({
      layout: l.layout,
      caseNumber: l.caseNumber,
      header: l.header.map((f) => [f.name, f.value]),
      sections: l.sections.map((s) => [s.kind, s.title]),
      decisions: l.decisions?.title,
      reviewer: l.reviewer && {
        specialties: l.reviewer.specialties,
        subspecialties: l.reviewer.subspecialties,
        licensure: l.reviewer.licensure,
      },
      items: l.items.map((it) => ({
        name: it.name,
        outcome: [it.outcome.kind, it.outcome.raw],
        parts: it.parts.map((p) => [p.kind, p.label, p.text]),
        citations: it.citations.map((c) => ({
          source: c.source,
          document: c.document,
          mtus: c.mtus,
          text: c.text,
          topic: c.topic,
          pages: c.pages,
          sections: c.sections,
          chapter: c.chapter,
          part: c.part,
        })),
        conclusion: it.conclusion.kind,
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Hover Markdown as an editor renders it

// markdown-it ships no type declarations; this is the one method the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt: new (options: object) => { render(md: string): string } = require('markdown-it');
/** The most permissive rendering: raw HTML allowed, so escaping is the only defence being tested. */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Render hover Markdown to HTML and to the text a reader sees. */
export function renderMarkdown(md: string): { html: string; text: string } {
  const html = markdown.render(md);
  const text = decodeEntities(html.replace(/<[^>]*>/g, ''));
  return { html, text };
}

/** No element in the rendered hover that the hover's own wording does not put there. */
export function assertRenderedSafe(md: string, documentUri: string): void {
  const { html } = renderMarkdown(md);
  const own = ownLineLink(documentUri);
  for (const a of html.matchAll(/<a\b([^>]*)>/gi)) {
    const href = /^\s*href="([^"]*)"\s*$/.exec(a[1]);
    assert.ok(href && own.test(href[1]), `rendered hover links elsewhere than the document: ${a[0]}`);
  }
  const tags = new Set([...html.matchAll(/<\s*([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()));
  // What the hover wording itself uses: paragraphs, bold, italics, lists, line breaks.
  // Links are checked above: only to lines of the document.
  const allowed = new Set(['p', 'strong', 'em', 'ul', 'ol', 'li', 'br', 'code', 'a']);
  for (const t of tags)
    assert.ok(allowed.has(t), `rendered hover holds a <${t}> element: ${JSON.stringify(html.slice(0, 600))}`);
}
