// Hover Markdown is built from letter text, which is untrusted: every piece of it goes through
// escapeMarkdown, so a letter holding `[x](command:...)`, `<img onerror=...>` or backticks shows
// them literally. Hovers are never marked trusted and carry no command links.

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~>]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (ch) => (ch === '>' ? '&gt;' : '\\' + ch))
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Letter text quoted in a hover: escaped, white space folded, cut to a readable length. */
export function quoteText(text: string, max = 160): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const cut = folded.length > max ? folded.slice(0, max - 1) + '\u2026' : folded;
  return escapeMarkdown(cut);
}
