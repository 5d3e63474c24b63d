// The notes the client read from each workspace folder's notes file (it owns the file), matched to
// the open documents' letters for hovers, CodeLens and symbols. A document's notes are resolved
// once per version and notes generation, so every request of that version reads the same views.

import type { NotesFile } from '../notes/model';
import { resolveDocumentNotes, type LetterNotesView } from '../notes/resolve';
import type { NotesParams } from '../protocol';
import type { LetterContext } from './context';

interface Folder {
  /** The workspace folder's URI as the client sent it. */
  readonly uri: string;
  /** Decoded path, ending in `/`. */
  readonly path: string;
  readonly file: NotesFile;
}

/** A URI's path, decoded, whatever its scheme (a PDF letter's text is `imr-pdf:<the PDF's path>?...`). */
export function uriPath(uri: string): string {
  const bare = uri.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

export class WorkspaceNotes {
  private folders: Folder[] = [];
  /** Grows with each notes change: views cached before it are stale. */
  private generation = 0;
  private readonly views = new Map<string, { version: number; generation: number; views: LetterNotesView[] }>();

  set(params: NotesParams): void {
    const folders: Folder[] = [];
    for (const f of Array.isArray(params?.folders) ? params.folders : []) {
      if (typeof f?.folder !== 'string' || !f.file || typeof f.file.letters !== 'object') continue;
      folders.push({ uri: f.folder, path: uriPath(f.folder).replace(/\/?$/, '/'), file: f.file });
    }
    // The deepest folder first: a document belongs to the innermost folder that holds it.
    this.folders = folders.sort((a, b) => b.path.length - a.path.length);
    this.generation++;
    this.views.clear();
  }

  get empty(): boolean {
    return this.folders.length === 0;
  }

  /** The notes file of the folder holding the document, and the document's path in it. */
  placeOf(uri: string): { file: NotesFile; relativePath: string; folder: string } | undefined {
    const p = uriPath(uri);
    const folder = this.folders.find((f) => p.startsWith(f.path));
    return folder ? { file: folder.file, relativePath: p.slice(folder.path.length), folder: folder.uri } : undefined;
  }

  /** The notes of each letter of the document, in the letters' order; undefined outside every folder with notes. */
  viewsOf(ctx: LetterContext): readonly LetterNotesView[] | undefined {
    const cached = this.views.get(ctx.uri);
    if (cached && cached.version === ctx.version && cached.generation === this.generation) return cached.views;
    const place = this.placeOf(ctx.uri);
    if (!place) return undefined;
    const views = resolveDocumentNotes(ctx.model, place.file, place.relativePath);
    this.views.set(ctx.uri, { version: ctx.version, generation: this.generation, views });
    return views;
  }

  forget(uri: string): void {
    this.views.delete(uri);
  }

  /** Each folder with its notes file, deepest folder first. */
  withFolders(): ReadonlyArray<{ folder: string; file: NotesFile }> {
    return this.folders.map((f) => ({ folder: f.uri, file: f.file }));
  }

  /** Each folder's notes file, deepest folder first. */
  files(): readonly NotesFile[] {
    return this.folders.map((f) => f.file);
  }
}
