// Whether a line's content is page furniture that PDF extraction left (vocabulary.ts PAGE_NOISE),
// tested without slicing the line unless it can be.

import { PAGE_NOISE } from './vocabulary';

/** Whether a line starting with this character can be PAGE_NOISE: 'P', 'p', 'C', 'c', '-' or a digit. */
function mayBeNoise(c: number): boolean {
  return (c | 32) === 112 || (c | 32) === 99 || c === 45 || (c >= 48 && c <= 57);
}

/**
 * Whether [a, b) of `text`, a line's content, is PAGE_NOISE. Only short lines can be, or a footer
 * whose two pieces pdftotext -layout sets apart (`Page 2 of 5` ... `CM15-0123456`), which ends in a
 * digit: only those are sliced.
 */
export function isPageNoise(text: string, a: number, b: number): boolean {
  const length = b - a;
  if (length >= 100 || !mayBeNoise(text.charCodeAt(a))) return false;
  if (length >= 24) {
    const last = text.charCodeAt(b - 1);
    if (last < 48 || last > 57) return false;
  }
  return PAGE_NOISE.test(text.slice(a, b));
}
