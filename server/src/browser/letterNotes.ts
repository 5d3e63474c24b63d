// The export's notes in VS Code for the Web: the server in a Worker has no disk to find a letter's
// notes file on (the client reads the folder's files for it), so the export's records carry none.
// Stands in for server/src/export/letterNotes.ts in the browser build.

export function notesForLetterFile(_abs: string): { notes?: undefined; error?: string } {
  return {};
}
