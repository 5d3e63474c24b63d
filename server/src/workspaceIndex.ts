// Letters in the workspace folders that are not open, for Go to Symbol in Workspace.
//
// Built lazily on the first workspace-symbol request, then kept: each file is re-read only when its
// modification time or size changes. Bounded in files and bytes so a huge folder cannot stall the
// server; open documents always win over what is on disk.

import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { createContext, LetterContext } from './features/context';

const MAX_FILES = 5000;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);
const LETTER_FILE = /\.(?:txt|imr)$/i;

interface Entry {
  mtimeMs: number;
  size: number;
  context: LetterContext | undefined;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private folders: string[] = [];

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** Letters on disk, refreshed; `isCancelled` stops the walk early (a stale request). */
  async letters(isCancelled: () => boolean): Promise<LetterContext[]> {
    const files: string[] = [];
    for (const folder of this.folders) await walk(folder, files, isCancelled);
    const seen = new Set<string>();
    const out: LetterContext[] = [];
    for (const file of files) {
      if (isCancelled()) break;
      seen.add(file);
      const ctx = await this.refresh(file);
      if (ctx) out.push(ctx);
    }
    if (!isCancelled()) for (const key of [...this.entries.keys()]) if (!seen.has(key)) this.entries.delete(key);
    return out;
  }

  private async refresh(file: string): Promise<LetterContext | undefined> {
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) return undefined;
      const known = this.entries.get(file);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.context;
      const text = await fs.readFile(file, 'utf8');
      const languageId = /\.imr$/i.test(file) ? 'imr-letter' : 'plaintext';
      const ctx = createContext(pathToFileURL(file).toString(), 0, text, languageId);
      const context = ctx.isLetter ? ctx : undefined;
      this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, context });
      return context;
    } catch {
      // Unreadable or vanished: not a letter we can show.
      return undefined;
    }
  }
}

async function walk(dir: string, files: string[], isCancelled: () => boolean): Promise<void> {
  if (files.length >= MAX_FILES || isCancelled()) return;
  let entries: import('fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (files.length >= MAX_FILES) return;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full, files, isCancelled);
    } else if (e.isFile() && LETTER_FILE.test(e.name)) files.push(full);
  }
}
