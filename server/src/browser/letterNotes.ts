// The browser twin of export/letterNotes.ts: in VS Code for the Web the server has no disk to find
// a notes file on, so an export made through the server there carries no notes (the client owns
// the notes files; see client/src/notes/notesStore.ts).

export function notesForLetterFile(
  _abs: string,
  _shown?: (p: string) => string,
): { notes?: undefined; error?: string } {
  return {};
}
