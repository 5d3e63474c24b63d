// issue 14: what today's engine still gets wrong on the extractors' text. Phase 2 of the issue
// (the engine changes) empties this list. A pending case still runs: it is reported as pending
// while it fails, and fails ("passes now") once the engine gets it right, so the list cannot go
// stale.

import type { Tool } from './tools';

/** What is checked of each letter and tool (one test each). */
export type Check = 'items' | 'header' | 'specialty' | 'clean';

interface PendingCase {
  tool: Tool;
  check: Check;
  /** The letters (case numbers); '*' for every letter. */
  letters: '*' | readonly string[];
  /** What goes wrong, in a few words. */
  why: string;
}

export const PENDING: readonly PendingCase[] = [
  // The header block: labels and values in separate runs (pdftotext, mutool), or two fields on one
  // line (the other three), so the case number or the dates are lost.
  { tool: 'pdftotext', check: 'header', letters: '*', why: 'header block as all labels, then all values' },
  { tool: 'mutool', check: 'header', letters: '*', why: 'each header label and value on lines of their own' },
  { tool: 'pdftotext-layout', check: 'header', letters: '*', why: 'two header fields on one line' },
  { tool: 'pdftotext-raw', check: 'header', letters: '*', why: 'two header fields on one line' },
  { tool: 'pdfjs', check: 'header', letters: '*', why: 'two header fields on one line' },
  // "<request> was the original request. <part> was authorized by the Claims Administrator. The
  // remaining IMR eligible portion of the original request, <rest> is: Upheld": the name stops at
  // the first line after a period instead of at the paragraph's start.
  ...(['pdftotext', 'pdftotext-layout', 'pdftotext-raw', 'mutool', 'pdfjs'] as const).map((tool) => ({
    tool,
    check: 'items' as const,
    letters: ['CM17-0006634'],
    why: 'a wrapped name cut at a line after a period',
  })),
  // A form feed glued to the next page's first line, in the middle of the decision paragraph.
  ...(['pdftotext', 'mutool'] as const).map((tool) => ({
    tool,
    check: 'items' as const,
    letters: ['CM16-0229336', 'CM17-0020728'],
    why: 'a page break inside a wrapped decision line',
  })),
];

export function pendingReason(tool: Tool, check: Check, letter: string): string | undefined {
  for (const p of PENDING)
    if (p.tool === tool && p.check === check && (p.letters === '*' || p.letters.includes(letter))) return p.why;
  return undefined;
}

/**
 * `it`, for a case that may be pending: with no reason it is an ordinary test; with one, the test
 * passes as pending while `fn` fails, and fails once `fn` passes (remove the case from the list).
 */
export function itUnlessPending(title: string, why: string | undefined, fn: () => void): void {
  if (why === undefined) {
    it(title, fn);
    return;
  }
  it(`${title} [pending, issue 14: ${why}]`, function () {
    let failure: unknown;
    try {
      fn();
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) throw new Error('passes now: remove it from the issue 14 pending list');
    this.skip();
  });
}
