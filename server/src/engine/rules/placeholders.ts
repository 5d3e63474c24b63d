// Where the document holds the placeholders repairs write (partTerms.ts). Found with one search of
// the text for their common beginning, on first use: a 10 MB export with none costs one indexOf.

import type { Span } from '../model';
import { PLACEHOLDER_START } from './partTerms';

export class PlaceholderIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Where `placeholder` stands inside `span`, if it does. */
  find(span: Span, placeholder: string): Span | undefined {
    const starts = (this.starts ??= this.scan());
    if (starts.length === 0) return undefined;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < starts.length && starts[i] + placeholder.length <= span.end; i++) {
      if (this.text.startsWith(placeholder, starts[i]))
        return { start: starts[i], end: starts[i] + placeholder.length };
    }
    return undefined;
  }

  private scan(): number[] {
    const found: number[] = [];
    for (let at = this.text.indexOf(PLACEHOLDER_START); at >= 0; at = this.text.indexOf(PLACEHOLDER_START, at + 1))
      found.push(at);
    return found;
  }
}
