// duplicate-item: the same disputed item decided twice in one letter.

import type { DisputedItem, Span } from '../model';
import { itemBlock } from './letterEdits';
import { quote } from './naming';
import { defineRule, Fix, Found } from './rule';

/** Items are compared by name without case, punctuation or spacing differences. */
export function itemKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9#%.]+/g, ' ')
    .trim();
}

/**
 * How many characters of `name` its key keeps, found without building the key; -1 for a name with
 * a character past ASCII (lower case may turn one into several, some of them kept). Names with the
 * same key keep as many: names whose counts differ are different items.
 */
function keptLength(name: string): number {
  let n = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return -1;
    const lower = c | 32;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 35 || c === 37 || c === 46) n++;
  }
  return n;
}

export default defineRule({
  code: 'duplicate-item',
  defaultSeverity: 'warning',
  description: 'The same disputed item is decided twice in one letter.',
  // Fix All removes a duplicate only when it says exactly what the first occurrence says.
  fixAll: true,
  checkLetter(letter) {
    const out: Found[] = [];
    // A key is built only for a name that may share one: one whose kept length another name has
    // (building every key showed in CPU profiles of checking a folder).
    const lengths = letter.items.map((item) => keptLength(item.name));
    const named = new Map<number, number>();
    for (const n of lengths) named.set(n, (named.get(n) ?? 0) + 1);
    const anyWide = named.has(-1);
    const firstByKey = new Map<string, DisputedItem>();
    letter.items.forEach((item, itemIndex) => {
      if (item.name.length === 0) return;
      if (!anyWide && named.get(lengths[itemIndex])! < 2) return;
      const key = itemKey(item.name);
      const first = firstByKey.get(key);
      if (!first) firstByKey.set(key, item);
      else
        out.push({
          itemIndex,
          message: `${quote(item.name)} is decided twice in this letter.`,
          range: item.nameRange,
          related: { range: first.nameRange, message: 'First decided here.' },
        });
    });
    return out;
  },
  fixes(finding, { doc, letter, item }) {
    const out: Fix[] = [];
    const first = letter.items.find(
      (x) => x !== item && itemKey(x.name) === itemKey(item.name) && x.range.start < item.range.start,
    );
    const firstRange = finding.related?.range ?? first?.nameRange;
    if (firstRange) out.push({ title: 'Go to the first occurrence', kind: 'quickfix', edits: [], reveal: firstRange });
    const text = doc.text;
    const fold = (s: Span) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    // Removing a block that says exactly what the first one says loses nothing: that one is the obvious repair.
    const identical = first !== undefined && fold(first.range) === fold(item.range);
    out.push({
      title: identical
        ? 'Remove this duplicate item'
        : 'Remove this duplicate item (it differs from the first occurrence)',
      kind: 'quickfix',
      edits: [{ range: itemBlock(text, item), newText: '' }],
      preferred: identical || undefined,
    });
    return out;
  },
});
