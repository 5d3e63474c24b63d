// How the report writes numbers and letter text: percentages, and text escaped for HTML and for
// Markdown table cells (an item's name is the letter's text, never markup).

export function percent(rate: number | null): string {
  if (rate === null) return '\u2013';
  const p = rate * 100;
  return (p === 0 || p === 100 || p >= 10 ? p.toFixed(0) : p.toFixed(1)) + '%';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Markdown table cell: markup characters backslash-escaped, line breaks folded. */
export function markdownCell(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/\s+/g, ' ');
}
