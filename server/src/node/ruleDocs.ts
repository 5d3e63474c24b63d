// Where each diagnostic code's documentation page is: docs/rules/<code>.md next to the running
// bundle (dist/../docs/rules in a checkout, an npm install and the .vsix alike; out/../docs/rules
// under the unit tests). The project has no public web site, so diagnostics and SARIF link the page
// as a file:// URI: it opens offline, in the editor, as the version of the page that matches the code.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let folder: string | null | undefined;

/** The docs/rules folder of this package, found once; undefined when the package ships without it. */
export function ruleDocsFolder(): string | undefined {
  if (folder === undefined) folder = findFolder() ?? null;
  return folder ?? undefined;
}

function findFolder(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    // Only the folder beside this package's own manifest: not a docs/rules of some enclosing project.
    const candidate = path.join(dir, 'docs', 'rules');
    if (isThisPackage(dir) && fs.existsSync(path.join(candidate, 'README.md'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function isThisPackage(dir: string): boolean {
  try {
    return (
      (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'imr-letters'
    );
  } catch {
    return false;
  }
}

/** The file:// URI of a code's page, when the docs are there. */
export function ruleDocUri(code: string): string | undefined {
  const docs = ruleDocsFolder();
  return docs === undefined ? undefined : pathToFileURL(path.join(docs, `${code}.md`)).href;
}
