// Which files hold letters. One list for the command-line tool, the server's index and the client's
// file search, so that adding a kind of file (PDF) is one line.

import { isLetter } from '../engine/detect';
import { isLetterLanguageFile, LETTER_FILE_EXTENSIONS, mayHoldLetters } from '../engine/vocabulary';

/** Extensions a folder search picks up: the engine's letter file names (.txt, .imr). */
export const LETTER_EXTENSIONS: readonly string[] = LETTER_FILE_EXTENSIONS;

export function hasLetterExtension(name: string): boolean {
  return mayHoldLetters(name);
}

/**
 * What the command-line tool searches folders for: text letters and PDF letters, which it reads
 * through server/src/pdf (`--no-pdf` leaves them out). The server's index reads them too (setting imrLetters.workspace.includePdf).
 */
export const LETTER_AND_PDF_EXTENSIONS: readonly string[] = [...LETTER_EXTENSIONS, '.pdf'];

export function hasExtensionIn(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

/** `**\/*.{txt,imr}` (with `pdf` when asked): the same list as a glob, for file searches and watchers. */
export function letterFilesGlob(includePdf = false): string {
  const names = (includePdf ? LETTER_AND_PDF_EXTENSIONS : LETTER_EXTENSIONS).map((e) => e.slice(1));
  return names.length === 1 ? `**/*.${names[0]}` : `**/*.{${names.join(',')}}`;
}

/** The editor treats a `.imr` file as a letter whatever it holds; a `.txt` file only when isLetter() says so. */
export function isLetterFile(pathOrUri: string, text: string): boolean {
  return isLetterLanguageFile(pathOrUri) || isLetter(text);
}
