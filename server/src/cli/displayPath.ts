// How output names a file. Its own module because pool workers need it too (export records carry
// the file's name as output shows it) and they never load the commands (main.ts).

import * as path from 'path';

/** How output shows a path: relative to the working folder when inside it, absolute otherwise. */
export function displayPath(abs: string, cwd: string): string {
  // The common case without path.relative's work: a path under the working folder (the walker
  // joins paths with path.join from the resolved root, so the prefix is exact).
  if (abs.length > cwd.length + 1 && abs.startsWith(cwd) && abs[cwd.length] === path.sep && !cwd.endsWith(path.sep))
    return abs.slice(cwd.length + 1);
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
