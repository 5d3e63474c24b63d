// The browser twin of export/letterNotes.ts: in VS Code for the Web the server has no disk to find
// a notes file on. Its export takes each letter's notes from the client's copy of the folder's
// notes file instead (features/exportDecisions.ts; the client owns the files, see
// client/src/notes/notesStore.ts).

export function notesForLetterFile(
  _abs: string,
  _shown?: (p: string) => string,
): { notes?: undefined; error?: string } {
  return {};
}
