// From positioned text pieces (what a PDF's text layer holds) to letter text: pieces on one
// baseline joined into a line, left to right, with a space where the gap between them says so and
// a run of spaces where it is a column gap; lines top to bottom; a blank line where the vertical gap
// says a paragraph ends; a form feed before each page after the first, as pdftotext writes it.
// Page headers and footers (repeated across pages in the top or bottom margin, or a bare page
// number there) are page furniture: kept when the engine already skips them as page noise, left out
// otherwise, so that they never run into a paragraph or a decision line.
// Knows nothing of pdf.js: the reader hands it plain pieces, so it is tested without a PDF.

import { LineTable, NOISE } from '../engine/lineTable';

/** One run of text as the PDF places it, in PDF user space (y grows upwards). */
export interface TextPiece {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PageText {
  /** Page height, for the header and footer margins. */
  height: number;
  pieces: TextPiece[];
}

interface PageLine {
  text: string;
  /** Baseline, in PDF user space. */
  y: number;
  size: number;
  /** Right end of the line's last piece. */
  right: number;
}

/** Baselines closer than this share a line (as a fraction of the font size): superscripts stay on their line. */
const SAME_BASELINE = 0.4;
/** A horizontal gap below this (fraction of the font size) is kerning, not a space. */
const WORD_GAP = 0.1;
/** A gap at least this wide (fraction of the font size) is a column gap, written as a run of spaces. */
const COLUMN_GAP = 1.5;
/** About the width of one character of body text (fraction of the font size), to size a column gap. */
const CHAR_WIDTH = 0.5;
/** A baseline step this many times the document's usual line pitch ends a paragraph. */
const PARAGRAPH_GAP = 1.5;
/** A page's last line ending this far short of the text's right edge (fraction of the font size) ends its paragraph. */
const SHORT_LINE = 6;
/** Sentence ends: a short last line that ends in one closes a paragraph. */
const SENTENCE_END = /[.:;?!)"\u201d]$/;
/**
 * Headers and footers live in this fraction of the page at its top and bottom: about 0.9 inch of
 * a Letter page, where a one-inch margin keeps body text out.
 */
const MARGIN = 0.08;
/** Lines of a page's margins looked at for headers and footers, at each end. */
const FURNITURE_LINES = 3;

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** The page's pieces grouped into lines, top to bottom, each line left to right. */
function pageLines(page: PageText): PageLine[] {
  const pieces = page.pieces.filter((p) => !isBlank(p.str) && Number.isFinite(p.x) && Number.isFinite(p.y));
  // Top to bottom; on one baseline, left to right. A stable sort keeps the content order of
  // pieces that the PDF stacks at one point.
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PageLine[] = [];
  let row: TextPiece[] = [];
  let rowY = 0;
  let rowSize = 0;
  const flush = () => {
    if (row.length === 0) return;
    row.sort((a, b) => a.x - b.x);
    const right = Math.max(...row.map((p) => p.x + p.width));
    lines.push({ text: joinRow(row), y: rowY, size: rowSize, right });
    row = [];
  };
  for (const p of pieces) {
    const size = p.size > 0 ? p.size : 10;
    if (row.length > 0 && Math.abs(rowY - p.y) <= SAME_BASELINE * Math.max(rowSize, size)) {
      row.push(p);
      // The line's size is its body text's: the largest piece (a superscript is smaller).
      if (size > rowSize) {
        rowSize = size;
        rowY = p.y;
      }
      continue;
    }
    flush();
    row = [p];
    rowY = p.y;
    rowSize = size;
  }
  flush();
  return lines;
}

/** The pieces of one line as text: gaps become a space or, between columns, a run of spaces. */
function joinRow(row: readonly TextPiece[]): string {
  let out = '';
  let end = -Infinity;
  for (const p of row) {
    const size = p.size > 0 ? p.size : 10;
    const gap = p.x - end;
    if (out !== '' && !/\s$/.test(out) && !/^\s/.test(p.str)) {
      if (gap >= COLUMN_GAP * size) out += ' '.repeat(Math.max(2, Math.round(gap / (CHAR_WIDTH * size))));
      else if (gap > WORD_GAP * size) out += ' ';
    }
    out += p.str;
    end = Math.max(end, p.x + p.width);
  }
  return out.replace(/\s+$/, '');
}

/** The most common baseline step between consecutive lines (rounded to half a point), the body's line pitch. */
function usualPitch(pages: readonly PageLine[][]): number {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const step = Math.round((lines[i - 1].y - lines[i].y) * 2) / 2;
      if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
  }
  let best = 0;
  let bestCount = 0;
  for (const [step, n] of counts) {
    if (n > bestCount || (n === bestCount && step < best)) {
      best = step;
      bestCount = n;
    }
  }
  return best;
}

/** A header or footer's identity across pages: its text with page numbers blurred, and where it sits. */
function furnitureKey(line: PageLine): string {
  return `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
}

const BARE_PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;

/** Per page, the indexes of the lines that are page furniture. */
function findFurniture(pages: readonly PageLine[][], heights: readonly number[]): Set<number>[] {
  const inMargin = (line: PageLine, height: number) =>
    height > 0 && (line.y >= height * (1 - MARGIN) || line.y <= height * MARGIN);
  const candidates = pages.map((lines, p) => {
    const picked: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (i >= FURNITURE_LINES && i < lines.length - FURNITURE_LINES) continue;
      if (inMargin(lines[i], heights[p])) picked.push(i);
    }
    return picked;
  });
  const seenOn = new Map<string, number>();
  candidates.forEach((picked, p) => {
    for (const key of new Set(picked.map((i) => furnitureKey(pages[p][i]))))
      seenOn.set(key, (seenOn.get(key) ?? 0) + 1);
  });
  // Repeated on at least two pages and on at least half of them: a letterhead line that only the
  // first page carries is the letter's own text.
  const repeated = Math.max(2, Math.ceil(pages.length / 2));
  return candidates.map(
    (picked, p) =>
      new Set(
        picked.filter((i) => {
          const line = pages[p][i];
          return (seenOn.get(furnitureKey(line)) ?? 0) >= repeated || BARE_PAGE_NUMBER.test(line.text.trim());
        }),
      ),
  );
}

/** Whether the engine skips this line as page noise (a page number, a lone case number). */
function engineSkips(text: string): boolean {
  const table = new LineTable(text.trim());
  return table.length === 1 && (table.flags[0] & NOISE) !== 0;
}

/** The letter text of a document's pages. */
export function layoutPages(pages: readonly PageText[]): string {
  const lines = pages.map(pageLines);
  const pitch = usualPitch(lines);
  const furniture = findFurniture(
    lines,
    pages.map((p) => p.height),
  );
  const rightEdge = Math.max(0, ...lines.flat().map((l) => l.right));
  const out: string[] = [];
  /** The last line written from the page before: whether it closed its paragraph. */
  let endsParagraph = false;
  lines.forEach((pageLines, p) => {
    let first = true;
    let prev: PageLine | undefined;
    pageLines.forEach((line, i) => {
      if (furniture[p].has(i) && !engineSkips(line.text)) return;
      if (prev && pitch > 0 && prev.y - line.y > PARAGRAPH_GAP * pitch) out.push('');
      // A paragraph that ends at the foot of a page: the page break alone does not say so, but a
      // short last line ending a sentence does (a paragraph running on fills its last line).
      else if (first && p > 0 && endsParagraph) out.push('');
      // As pdftotext does: the form feed leads the next page's first line, so that a paragraph that
      // runs over the page stays one paragraph.
      out.push(first && p > 0 ? '\f' + line.text : line.text);
      first = false;
      prev = line;
      endsParagraph = rightEdge - line.right > SHORT_LINE * line.size && SENTENCE_END.test(line.text);
    });
    if (first && p > 0) out.push('\f');
  });
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

/** Whether the pages hold any text at all (a scan has none until OCR gives it a text layer). */
export function hasText(pages: readonly PageText[]): boolean {
  return pages.some((p) => p.pieces.some((piece) => !isBlank(piece.str)));
}
