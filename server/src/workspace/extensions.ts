// Which files hold letters. One list for the command-line tool, the server's index and the client's
// file search, so that adding a kind of file (PDF) is one line.

/** Extensions a folder search picks up: letters are saved as .txt; the editor's language also claims .imr. */
export const LETTER_EXTENSIONS: readonly string[] = ['.txt', '.imr'];

export function hasLetterExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && LETTER_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** `**\/*.{txt,imr}`: the same list as a glob, for file searches and watchers. */
export function letterFilesGlob(): string {
  const names = LETTER_EXTENSIONS.map((e) => e.slice(1));
  return names.length === 1 ? `**/*.${names[0]}` : `**/*.{${names.join(',')}}`;
}
