// The one glob matcher, with VS Code's syntax: `*` (any characters within one path segment), `**`
// (any number of whole segments, including none), `?` (one character within a segment), `{a,b}`
// alternatives (nested, with `/` inside too) and `[...]` / `[!...]` character ranges within a
// segment. The command line matches its glob arguments with it (fs.glob is experimental in Node 20,
// and shells on Windows do not expand globs) and the client its search.exclude patterns.
// Paths and patterns use '/' here; callers convert platform separators first.

/** Alternatives a pattern may expand to at most: `{a,b}{c,d}...` grows fast, and a pattern is not a program. */
export const MAX_ALTERNATIVES = 256;

/** A character that makes a pattern a glob, or a brace or range that does when it is closed. */
const MAGIC = /[*?]|\[[^\]]*\]|\{[^}]*\}/;

/** Whether a pattern holds a wildcard, a closed `[...]` range or a closed `{...}` group. */
export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** `a{b,c{d,e}}f` -> abf, acdf, acef; an unclosed brace is a plain character. */
export function expandBraces(pattern: string, max = MAX_ALTERNATIVES): string[] {
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

/** One segment without braces: `*` and `?` within it, `[0-9]` and `[!0-9]` ranges; anything else as written. */
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

/** The source of a regular expression for a whole path, for a pattern without braces; undefined when the platform rejects it. */
function pathSource(pattern: string): string | undefined {
  const segments = pattern.split('/');
  let source = '';
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    // `a/**/b` matches a/b, a/x/b, a/x/y/b; a trailing `**` matches everything below.
    if (segments[i] === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segments[i]) + (last ? '' : '/');
  }
  try {
    new RegExp(source);
    return source;
  } catch {
    // A range the platform rejects (`[z-a]`): that alternative matches nothing rather than everything.
    return undefined;
  }
}

const NOTHING = /(?!)/;

/** A regular expression for a whole '/'-separated path, matching any of the pattern's alternatives. */
export function globToRegExp(pattern: string): RegExp {
  const sources = expandBraces(pattern)
    .map(pathSource)
    .filter((s): s is string => s !== undefined);
  if (sources.length === 0) return NOTHING;
  return new RegExp(sources.length === 1 ? `^${sources[0]}$` : `^(?:${sources.join('|')})$`);
}

/**
 * Splits a pattern into the folder to start walking from (the segments before the first one with
 * a wildcard, range or alternatives) and the rest. `letters/2014/*.txt` starts at `letters/2014`.
 */
export function globBase(pattern: string): { base: string; rest: string } {
  const magic = MAGIC.exec(pattern);
  if (!magic) return { base: pattern, rest: '' };
  const cut = pattern.lastIndexOf('/', magic.index);
  let base = cut < 0 ? '' : pattern.slice(0, cut);
  if (base === '' && pattern.startsWith('/')) base = '/';
  return { base: base === '' ? '.' : base, rest: pattern.slice(cut + 1) };
}

/** Whether the walk must go below `relDir` (relative to the base) for the pattern `rest` to match. */
export function mayMatchBelow(rest: string, relDir: string): boolean {
  const dir = relDir === '' ? [] : relDir.split('/');
  return expandBraces(rest).some((alternative) => alternativeMayMatchBelow(alternative.split('/'), dir));
}

function alternativeMayMatchBelow(pat: readonly string[], dir: readonly string[]): boolean {
  // With a `**` anywhere before the end, any depth can match once the literal prefix agrees.
  for (let i = 0; i < dir.length; i++) {
    if (i >= pat.length - 1) return pat.includes('**');
    if (pat[i] === '**') return true;
    if (!globToRegExp(pat[i]).test(dir[i])) return false;
  }
  return true;
}
