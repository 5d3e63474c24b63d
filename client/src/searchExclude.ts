// search.exclude for the workspace index: VS Code's file search applies files.exclude itself, and
// these patterns are matched here against each found file's folder-relative path and its folders,
// with VS Code's glob syntax (server/src/files/glob.ts, the command line's matcher too).

import { expandBraces, globToRegExp } from '../../server/src/files/glob';

/** search.exclude patterns that are on, as matchers of a folder-relative path or any of its folders. */
export function excludeMatchers(patterns: Record<string, unknown> | undefined): RegExp[] {
  const out: RegExp[] = [];
  for (const [pattern, on] of Object.entries(patterns ?? {})) {
    // `when` conditions (an object) depend on sibling files: files.exclude still applies to them.
    if (on !== true) continue;
    // Each alternative cleaned of a leading './' and a trailing '/' (`drafts/` is the folder).
    for (const p of expandBraces(pattern)) out.push(globToRegExp(p.replace(/^\.\//, '').replace(/\/$/, '')));
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
