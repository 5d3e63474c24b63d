// A letter's header fields: the lines before its first section. A posted letter's header block is
// set in two columns (`Case Number:`, `Date Assigned:`, `Decision Date:`, `Priority:` on the left,
// `Date of Injury:`, `UR Denial Date:`, `Application Received:` on the right), and each extraction
// tool writes it its own way: two fields on a line (pdftotext -layout, -raw, pdf.js), `Application`
// and `Received:` on different lines with the value between them (-layout) or after them, each label
// and value on a line of its own (mutool), or all the labels of a column and then all its values
// (pdftotext's default mode). The block is read as a run of labels and values, and the n-th label
// of a run of labels takes the n-th value of the run of values that follows it.

import type { HeaderField, Span } from '../model';
import { fold } from '../fold';
import { BLANK, NOISE } from '../lineTable';
import { FIELD_LATER_IN_LINE } from '../vocabulary';
import type { LogicalLines } from './logicalLines';

/** `Name: value` on one line, for the lines that hold none of the posted block's labels. */
const HEADER_FIELD = /^([A-Z][A-Za-z0-9 .#/()'-]{1,40}?)\s*:\s*(\S.*)?$/s;

/** The posted block's labels, with their colon; words may run together. `Received:` ends `Application Received:`. */
const BLOCK_LABEL =
  /(?<![A-Za-z])(Case\s*(?:Number|No\.?|#)|Date\s*Assigned|Decision\s*Date|Priority|Date\s*of\s*Injury|UR\s*Denial\s*Date|Application\s*Received|Received)\s*:/gi;
/** A line that begins with one of them. */
const STARTS_WITH_BLOCK_LABEL =
  /^(?:Case\s*(?:Number|No\.?|#)|Date\s*Assigned|Decision\s*Date|Priority|Date\s*of\s*Injury|UR\s*Denial\s*Date|Application(?:\s*Received)?|Received)\s*:?/i;
const LONE_CASE_NUMBER = /^CM\d{2}-\d{5,8}$/i;
/** A column gap (pdftotext -layout): two spaces or more. */
const GAP = /\s{2,}/;

interface Token {
  label: boolean;
  /** The label's name (without its colon) or the value, as written. */
  text: string;
  span: Span;
}

/** The fields on logical lines [first, end), and a lone case number between them (page noise to the parser). */
export function headerFields(lines: LogicalLines, first: number, end: number): HeaderField[] {
  const out: HeaderField[] = [];
  let tokens: Token[] = [];
  let inBlock = false;
  if (end <= first) return out;
  const table = lines.lines;
  const last = end < lines.length ? lines.logical[end] : table.length;
  for (let p = lines.logical[first]; p < last; p++) {
    const flags = table.flags[p];
    if (flags & BLANK) continue;
    const line = table.line(p);
    // Of the page noise, only a lone case number can be a value (pdftotext's default mode puts
    // `CM16-0213037` alone on its line); a page footer is none.
    if (flags & NOISE && !LONE_CASE_NUMBER.test(line.t)) continue;
    const t = line.t;
    const blockLine = STARTS_WITH_BLOCK_LABEL.test(t) || (inBlock && t.indexOf(':') < 0);
    if (blockLine) {
      inBlock = true;
      tokenize(t, line.contentStart, tokens);
      continue;
    }
    // Another kind of line ends the block.
    pair(tokens, out);
    tokens = [];
    inBlock = false;
    // A 2013 notice may write a second field after the first, or a date after its title.
    const later = FIELD_LATER_IN_LINE.exec(t);
    const head = later ? t.slice(0, later.index).trimEnd() : t;
    const m = HEADER_FIELD.exec(head);
    if (m && m[2]) {
      const valueStart = line.contentStart + head.indexOf(m[2], m[1].length);
      const headEnd = line.contentStart + head.length;
      out.push({
        name: fold(m[1]),
        value: fold(m[2]),
        range: { start: line.contentStart, end: headEnd },
        valueRange: { start: valueStart, end: headEnd },
      });
    }
    if (later) {
      const nameStart = line.contentStart + later.index + 1;
      const valueStart = line.contentStart + later.index + later[0].length;
      out.push({
        name: fold(later[1]),
        value: fold(t.slice(later.index + later[0].length)),
        range: { start: nameStart, end: line.contentEnd },
        valueRange: { start: valueStart, end: line.contentEnd },
      });
    }
  }
  pair(tokens, out);
  return out;
}

/** The labels and values of one line of the block, in order, appended to `tokens`. */
function tokenize(t: string, at: number, tokens: Token[]): void {
  let from = 0;
  BLOCK_LABEL.lastIndex = 0;
  for (let m = BLOCK_LABEL.exec(t); m; m = BLOCK_LABEL.exec(t)) {
    values(t.slice(from, m.index), at + from, tokens);
    label(m[1], { start: at + m.index, end: at + m.index + m[0].length }, tokens);
    from = m.index + m[0].length;
  }
  values(t.slice(from), at + from, tokens);
}

/** A label token; `Received:` joins an `Application` written before it as the label `Application Received`. */
function label(name: string, span: Span, tokens: Token[]): void {
  if (/^Received$/i.test(name)) {
    for (let k = tokens.length - 1; k >= 0; k--) {
      const x = tokens[k];
      if (!x.label && /^Application$/i.test(x.text)) {
        tokens[k] = { label: true, text: `${x.text} ${name}`, span: { start: x.span.start, end: span.end } };
        return;
      }
    }
  }
  tokens.push({ label: true, text: name, span });
}

/** The values in a stretch of a line: split at column gaps, and `Application` (a label's first word) set apart. */
function values(s: string, at: number, tokens: Token[]): void {
  let offset = 0;
  for (const piece of s.split(GAP)) {
    const start = s.indexOf(piece, offset);
    offset = start + piece.length;
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    const lead = start + piece.indexOf(trimmed);
    // `Priority: Standard Application` (pdftotext -raw, pdf.js): the value, then the next label's first word.
    const app = /^(.*?)\s*\bApplication$/i.exec(trimmed);
    if (app) {
      if (app[1])
        tokens.push({ label: false, text: app[1], span: { start: at + lead, end: at + lead + app[1].length } });
      const appStart = at + lead + trimmed.length - 'Application'.length;
      tokens.push({
        label: false,
        text: 'Application',
        span: { start: appStart, end: appStart + 'Application'.length },
      });
    } else tokens.push({ label: false, text: trimmed, span: { start: at + lead, end: at + lead + trimmed.length } });
  }
}

/** Each run of labels paired, in order, with the run of values after it. */
function pair(tokens: readonly Token[], out: HeaderField[]): void {
  let k = 0;
  while (k < tokens.length) {
    const labels: Token[] = [];
    while (k < tokens.length && tokens[k].label) labels.push(tokens[k++]);
    const vals: Token[] = [];
    while (k < tokens.length && !tokens[k].label) vals.push(tokens[k++]);
    for (let n = 0; n < labels.length && n < vals.length; n++) {
      const l = labels[n];
      const v = vals[n];
      out.push({
        name: fold(l.text),
        value: fold(v.text),
        range: { start: Math.min(l.span.start, v.span.start), end: Math.max(l.span.end, v.span.end) },
        valueRange: v.span,
      });
    }
  }
}
