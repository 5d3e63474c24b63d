// search.exclude for the workspace index: VS Code's file search applies files.exclude itself, and
// these patterns are matched here against each found file's folder-relative path and its folders.

import { globToRegExp } from '../../server/src/cli/glob';

/** search.exclude patterns that are on, as matchers of a folder-relative path or any of its folders. */
export function excludeMatchers(patterns: Record<string, unknown> | undefined): RegExp[] {
  const out: RegExp[] = [];
  for (const [pattern, on] of Object.entries(patterns ?? {})) {
    // `{a,b}` alternatives and `when` conditions are beyond the small glob matcher: files.exclude still applies.
    if (on !== true || /[{}[\]]/.test(pattern)) continue;
    out.push(globToRegExp(pattern.replace(/^\.\//, '').replace(/\/$/, '')));
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
