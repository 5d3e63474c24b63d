// How the report writes numbers and letter text: percentages, counts with their plural, and text
// escaped for HTML and for Markdown table cells (an item's name is the letter's text, never markup).

export function percent(rate: number | null): string {
  if (rate === null) return '\u2013';
  const p = rate * 100;
  return (p === 0 || p === 100 || p >= 10 ? p.toFixed(0) : p.toFixed(1)) + '%';
}

/** `1 item`, `2 items`, `1,000 letters`. */
export function counted(n: number, word: string, plural = word + 's'): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;
}

/**
 * Text for HTML: markup characters as references, and control characters (a PDF's form feeds, a NUL)
 * as spaces, since the page is a text file that `file` and `grep` must read as one.
 */
export function escapeHtml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Markdown table cell: markup characters backslash-escaped, line breaks folded. */
export function markdownCell(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/\s+/g, ' ');
}
