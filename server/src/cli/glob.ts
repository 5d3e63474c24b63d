// A small glob matcher: `*` (any characters within one path segment), `**` (any number of whole
// segments, including none) and `?` (one character within a segment). fs.glob is experimental in
// Node 20, and shells on Windows do not expand globs, so the tool matches them itself.
// Paths and patterns use '/' here; callers convert platform separators first.

const MAGIC = /[*?]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

function segmentSource(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += escapeRegExp(ch);
  }
  return out;
}

/** A regular expression for a whole '/'-separated path. */
export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split('/');
  let source = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === '**') {
      // `a/**/b` matches a/b, a/x/b, a/x/y/b; a trailing `**` matches everything below.
      source += last ? '.*' : '(?:[^/]+/)*';
    } else {
      source += segmentSource(seg) + (last ? '' : '/');
    }
  }
  return new RegExp('^' + source + '$');
}

/**
 * Splits a pattern into the folder to start walking from (the segments before the first one with
 * a wildcard) and the rest. `letters/2014/*.txt` starts at `letters/2014`.
 */
export function globBase(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => isGlob(s));
  if (firstMagic < 0) return { base: pattern, rest: '' };
  const baseSegs = segments.slice(0, firstMagic);
  let base = baseSegs.join('/');
  if (base === '' && pattern.startsWith('/')) base = '/';
  return { base: base === '' ? '.' : base, rest: segments.slice(firstMagic).join('/') };
}

/** Whether the walk must go below `dir` (relative to the base) for the pattern `rest` to match. */
export function mayMatchBelow(rest: string, relDir: string): boolean {
  const pat = rest.split('/');
  const dir = relDir === '' ? [] : relDir.split('/');
  // With a `**` anywhere before the end, any depth can match once the literal prefix agrees.
  for (let i = 0; i < dir.length; i++) {
    if (i >= pat.length - 1) return pat.includes('**');
    if (pat[i] === '**') return true;
    if (!globToRegExp(pat[i]).test(dir[i])) return false;
  }
  return true;
}
