// Where the document holds the placeholders repairs write (vocabulary.ts PARTS, ITEM_PLACEHOLDER).
// Found with one search of the text for their common beginning, on first use.

import type { Span } from '../model';
import { PLACEHOLDER_START } from '../vocabulary';

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
    // A search for the one character, then a comparison: V8 searches a two-byte text (a letter with
    // curly quotes) for the whole phrase far more slowly.
    const text = this.text;
    for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1))
      if (text.startsWith(PLACEHOLDER_START, at)) found.push(at);
    return found;
  }
}
