// Which files hold letters. One list for the command-line tool, the server's index and the client's
// file search, so that adding a kind of file (PDF) is one line.

import { LETTER_FILE_EXTENSIONS, mayHoldLetters } from '../engine/vocabulary';

/** Extensions a folder search picks up: the engine's letter file names (.txt, .imr). */
export const LETTER_EXTENSIONS: readonly string[] = LETTER_FILE_EXTENSIONS;

export function hasLetterExtension(name: string): boolean {
  return mayHoldLetters(name);
}

/** `**\/*.{txt,imr}`: the same list as a glob, for file searches and watchers. */
export function letterFilesGlob(): string {
  const names = LETTER_EXTENSIONS.map((e) => e.slice(1));
  return names.length === 1 ? `**/*.${names[0]}` : `**/*.{${names.join(',')}}`;
}
