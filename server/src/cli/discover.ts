// From the paths on the command line to the files to read: files as given, folders searched
// recursively for letter files, globs matched by the tool itself. The order is the order of the
// arguments, and within a folder or glob the sorted order of the paths, so that output is the same
// from run to run and from machine to machine. Folders and globs go through the one folder walker
// the language server uses (files/walk.ts): FIFOs, devices and link loops are skipped with a note.

import * as fs from 'fs';
import * as path from 'path';
import { hasExtensionIn, LETTER_EXTENSIONS } from '../files/fileKinds';
import { isPdfPath } from '../pdf/letterText';
import { MAX_FILE_BYTES } from '../files/readFile';
import { walkFolderSync, WalkNote, WalkOptions } from '../files/walk';
import { globBase, globToRegExp, isGlob, mayMatchBelow } from '../files/glob';

export { MAX_FILE_BYTES };

export interface InputProblem {
  input: string;
  message: string;
}

export interface Discovery {
  /** Absolute paths, in output order, each once; unreadable ones too, so that reading names them in order. */
  files: string[];
  problems: InputProblem[];
  /** Entries of a folder that are no files (FIFOs, sockets, devices, link loops): skipped. */
  skipped: WalkNote[];
}

/** `.txt, .imr or .pdf` */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * `extensions`: what a folder is searched for (the command line's `--no-pdf` leaves PDFs out).
 * `firstPdf`: called once, as soon as a PDF is found (pool workers start loading pdf.js then).
 */
export async function discover(
  inputs: readonly string[],
  cwd: string,
  extensions: readonly string[] = LETTER_EXTENSIONS,
  firstPdf?: () => void,
): Promise<Discovery> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const skipped: WalkNote[] = [];
  let pdfSeen = false;
  /** Tells firstPdf of the first PDF path met, once. */
  const notePdf = (file: string) => {
    if (!pdfSeen && firstPdf && isPdfPath(file)) {
      pdfSeen = true;
      firstPdf();
    }
  };
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
      notePdf(abs);
    }
  };
  // Blocking calls and no stat per file: the tool has nothing else to do meanwhile (pool workers load
  // on their own threads), and the reader checks each file through its descriptor (readFile.ts).
  const walk = async (root: string, options: Omit<WalkOptions, 'maxFileBytes' | 'keepUnreadable'>) => {
    const found = walkFolderSync(root, {
      ...options,
      // Told as the walk meets the first PDF, not after the whole folder.
      accept:
        firstPdf && options.accept
          ? (rel) => {
              const ok = options.accept!(rel);
              if (ok) notePdf(rel);
              return ok;
            }
          : options.accept,
      maxFileBytes: MAX_FILE_BYTES,
      keepUnreadable: true,
      statFiles: false,
    });
    skipped.push(...found.notes);
    found.files.forEach((f) => add(f.path));
    return found.files.length;
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
      if ((await walk(abs, { accept: (rel) => hasExtensionIn(rel, extensions) })) === 0)
        problems.push({ input, message: `folder holds no ${orList(extensions)} files` });
    } else if (stat) {
      problems.push({ input, message: 'not a regular file or folder' });
    } else {
      // A glob: walk from its literal prefix and match the rest against relative paths.
      const pattern = input.split(path.sep).join('/');
      const { base, rest } = globBase(pattern);
      const re = globToRegExp(rest);
      const count = await walk(path.resolve(cwd, base), {
        accept: (rel) => re.test(rel),
        descend: (rel) => mayMatchBelow(rest, rel),
      });
      if (count === 0) problems.push({ input, message: 'no files match this pattern' });
    }
  }
  return { files, problems, skipped };
}
