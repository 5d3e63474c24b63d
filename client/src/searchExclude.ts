// search.exclude for the workspace index: VS Code's file search applies files.exclude itself, and
// these patterns are matched here against each found file's folder-relative path and its folders,
// with VS Code's glob syntax: `*`, `?`, `**`, `{a,b}` alternatives (nested, with `/` inside too)
// and `[...]` / `[!...]` character ranges within a segment.

/** Alternatives a pattern may expand to at most: `{a,b}{c,d}...` grows fast, and a pattern is not a program. */
const MAX_ALTERNATIVES = 256;

/** search.exclude patterns that are on, as matchers of a folder-relative path or any of its folders. */
export function excludeMatchers(patterns: Record<string, unknown> | undefined): RegExp[] {
  const out: RegExp[] = [];
  for (const [pattern, on] of Object.entries(patterns ?? {})) {
    // `when` conditions (an object) depend on sibling files: files.exclude still applies to them.
    if (on !== true) continue;
    for (const p of expandBraces(pattern, MAX_ALTERNATIVES))
      out.push(globToRegExp(p.replace(/^\.\//, '').replace(/\/$/, '')));
  }
  return out;
}

export function isExcluded(relativePath: string, matchers: readonly RegExp[]): boolean {
  if (matchers.length === 0) return false;
  const segments = relativePath.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    if (matchers.some((m) => m.test(prefix))) return true;
  }
  return false;
}

/** `a{b,c{d,e}}f` -> abf, acdf, acef; an unclosed brace is a plain character. */
export function expandBraces(pattern: string, max: number): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) close = i;
    else if (ch === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (const tail of expandBraces(pattern.slice(close + 1), max))
    for (let k = 0; k + 1 < bounds.length; k++)
      for (const choice of expandBraces(pattern.slice(bounds[k] + 1, bounds[k + 1]), max)) {
        if (out.length >= max) return out;
        out.push(head + choice + tail);
      }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One segment: `*` and `?` within it, `[0-9]` and `[!0-9]` ranges; anything else as written. */
function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      let j = i + 1;
      const negated = segment[j] === '!' || segment[j] === '^';
      if (negated) j++;
      const start = j;
      if (segment[j] === ']') j++; // `[]a]`: a leading `]` is a member
      while (j < segment.length && segment[j] !== ']') j++;
      if (j >= segment.length) {
        out += '\\[';
        continue;
      }
      const members = segment.slice(start, j).replace(/[\\\]^]/g, '\\$&');
      out += negated ? `[^/${members}]` : `[${members}]`;
      i = j;
    } else out += escapeRegExp(ch);
  }
  return out;
}

/** A regular expression for a whole '/'-separated path; `**` is any number of whole segments. */
function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split('/');
  let source = '';
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    if (segments[i] === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segments[i]) + (last ? '' : '/');
  }
  try {
    return new RegExp('^' + source + '$');
  } catch {
    // A range the platform rejects (`[z-a]`): the pattern matches nothing rather than everything.
    return /(?!)/;
  }
}
