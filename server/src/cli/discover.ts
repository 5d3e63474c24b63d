// From the paths on the command line to the files to read: files as given, folders searched
// recursively for letter files, globs matched by the tool itself. The order is the order of the
// arguments, and within a folder or glob the sorted order of the paths, so that output is the same
// from run to run and from machine to machine.

import * as fs from 'fs';
import * as path from 'path';
import { globBase, globToRegExp, isGlob, mayMatchBelow } from './glob';

/** Extensions a folder search picks up: letters are saved as .txt; the editor's language also claims .imr; letters are issued as .pdf. */
export const LETTER_EXTENSIONS = ['.txt', '.imr', '.pdf'];
/** The same without PDFs (`--no-pdf`). */
export const TEXT_LETTER_EXTENSIONS = ['.txt', '.imr'];

/** Folders never searched: version control, dependencies, and other hidden folders. */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export interface InputProblem {
  input: string;
  message: string;
}

export interface Discovery {
  /** Absolute paths, in output order, each once. */
  files: string[];
  problems: InputProblem[];
}

/** `.txt, .imr or .pdf` */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isLetterExtension(name: string, extensions: readonly string[]): boolean {
  const ext = path.extname(name).toLowerCase();
  return extensions.includes(ext);
}

/** Regular files below `dir` with a letter extension, sorted. Symbolic links to folders are not followed (no cycles). */
function walkFolder(
  dir: string,
  out: string[],
  accept: (abs: string, rel: string) => boolean,
  descend: (rel: string) => boolean,
  rel = '',
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder holds nothing we can check
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const r = rel === '' ? e.name : rel + '/' + e.name;
    if (e.isDirectory()) {
      if (!skippedFolder(e.name) && descend(r)) walkFolder(abs, out, accept, descend, r);
    } else if (e.isFile() || e.isSymbolicLink()) {
      // A link to a file counts; a dangling link is kept so that reading it reports the problem.
      if (e.isSymbolicLink()) {
        try {
          if (fs.statSync(abs).isDirectory()) continue;
        } catch {
          /* dangling: reported when read */
        }
      }
      if (accept(abs, r)) out.push(abs);
    }
  }
}

export function discover(
  inputs: readonly string[],
  cwd: string,
  extensions: readonly string[] = LETTER_EXTENSIONS,
): Discovery {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      if (!isGlob(input)) {
        const code = (e as NodeJS.ErrnoException).code;
        problems.push({
          input,
          message:
            code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : `cannot read (${code ?? String(e)})`,
        });
        continue;
      }
    }
    if (stat?.isFile()) {
      add(abs);
    } else if (stat?.isDirectory()) {
      const found: string[] = [];
      walkFolder(
        abs,
        found,
        (_a, rel) => isLetterExtension(rel, extensions),
        () => true,
      );
      if (found.length === 0) problems.push({ input, message: `folder holds no ${orList(extensions)} files` });
      found.forEach(add);
    } else if (stat) {
      problems.push({ input, message: 'not a regular file or folder' });
    } else {
      // A glob: walk from its literal prefix and match the rest against relative paths.
      const pattern = input.split(path.sep).join('/');
      const { base, rest } = globBase(pattern);
      const baseAbs = path.resolve(cwd, base);
      const re = globToRegExp(rest);
      const found: string[] = [];
      let baseIsDir = false;
      try {
        baseIsDir = fs.statSync(baseAbs).isDirectory();
      } catch {
        /* reported below */
      }
      if (baseIsDir)
        walkFolder(
          baseAbs,
          found,
          (_a, rel) => re.test(rel),
          (rel) => mayMatchBelow(rest, rel),
        );
      if (found.length === 0) problems.push({ input, message: 'no files match this pattern' });
      found.forEach(add);
    }
  }
  return { files, problems };
}
