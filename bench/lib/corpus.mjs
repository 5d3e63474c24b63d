// The texts the benchmark runs on: the fixture letters, a 10 MB file made by repeating them, and
// the same letters written as Markdown for VS Code's Markdown language server.
//
// Only test/fixtures is read, so the benchmark runs in a checkout without /work/shared.

import fs from 'node:fs';
import path from 'node:path';

export const TEN_MB = 10_000_000;

export function loadLetters(root) {
  const dir = path.join(root, 'test', 'fixtures', 'letters');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return { name: f, text, bytes: Buffer.byteLength(text, 'utf8') };
    });
}

function withFinalBreak(text) {
  return /[\r\n]$/.test(text) ? text : text + '\n';
}

/** The fixture letters one after another, round after round, until the file holds at least `bytes`. */
export function repeatLetters(texts, bytes) {
  const parts = [];
  let size = 0;
  let copies = 0;
  while (size < bytes) {
    const t = withFinalBreak(texts[copies % texts.length]);
    parts.push(t);
    size += Buffer.byteLength(t, 'utf8');
    copies++;
  }
  return { text: parts.join(''), copies, bytes: size };
}

/**
 * A letter with one problem in it: the fixtures are clean, and a language server that finds
 * nothing publishes nothing, so "open -> first diagnostics" needs something to report.
 * The last outcome word `Upheld` becomes `Uphelt`: one character, an unknown-decision error.
 */
export function withTypo(text) {
  const at = text.lastIndexOf('Upheld');
  if (at < 0) throw new Error('benchmark letter has no "Upheld" to misspell');
  return text.slice(0, at) + 'Uphelt' + text.slice(at + 'Upheld'.length);
}

/** Writes a generated file under bench/.data (git-ignored) unless it already holds the same text. */
export function writeData(root, name, text) {
  const dir = path.join(root, 'bench', '.data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  return file;
}

/**
 * The letter written as Markdown: a `##` heading for each section heading and a `###` heading for
 * each disputed item's decision line, found with the engine; every other line unchanged.
 */
export function toMarkdown(text, parseLetter) {
  const doc = parseLetter(text);
  const headingAt = new Map(); // offset of a line's content -> heading level
  for (const letter of doc.letters) {
    for (const s of letter.sections) headingAt.set(s.heading.start, '## ');
    for (const item of letter.items)
      if (!headingAt.has(item.decisionRange.start)) headingAt.set(item.decisionRange.start, '### ');
  }
  let out = '';
  let last = 0;
  for (const at of [...headingAt.keys()].sort((a, b) => a - b)) {
    // Headings go at the start of their line: drop the white space before the content.
    let lineStart = at;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    if (text.slice(lineStart, at).trim() !== '') continue;
    out += text.slice(last, lineStart) + headingAt.get(at);
    last = at;
  }
  return { text: out + text.slice(last), headings: headingAt.size };
}

/** The fixture with the most disputed items: the letter the servers are measured on. */
export function richestLetter(letters, parseLetter) {
  return letters
    .map((l) => ({ l, items: parseLetter(l.text).letters.reduce((n, x) => n + x.items.length, 0) }))
    .sort((a, b) => b.items - a.items)[0].l;
}
