// Letters in the workspace folders that are not open, for Go to Symbol in Workspace.
//
// Built lazily on the first workspace-symbol request, then kept: each file is re-read only when its
// modification time or size changes. Bounded in folders walked, files, bytes per file and bytes read
// per refresh, so a huge or hostile folder cannot stall the server; open documents always win over
// what is on disk.

import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { createContext, LetterContext } from './features/context';

const MAX_FILES = 5000;
const MAX_DIRS = 10000;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What one refresh may read from disk in all: a hostile or huge folder costs a bounded amount. */
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
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
    const budget = { dirs: MAX_DIRS, bytes: MAX_TOTAL_BYTES };
    for (const folder of this.folders) await walk(folder, files, budget, isCancelled);
    const seen = new Set<string>();
    const out: LetterContext[] = [];
    for (const file of files) {
      if (isCancelled()) break;
      seen.add(file);
      const ctx = await this.refresh(file, budget);
      if (ctx) out.push(ctx);
    }
    if (!isCancelled()) for (const key of [...this.entries.keys()]) if (!seen.has(key)) this.entries.delete(key);
    return out;
  }

  private async refresh(file: string, budget: { bytes: number }): Promise<LetterContext | undefined> {
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) return undefined;
      const known = this.entries.get(file);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.context;
      if (stat.size > budget.bytes) return undefined;
      budget.bytes -= stat.size;
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

async function walk(dir: string, files: string[], budget: { dirs: number }, isCancelled: () => boolean): Promise<void> {
  if (files.length >= MAX_FILES || budget.dirs <= 0 || isCancelled()) return;
  budget.dirs--;
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
      // Links are not followed (a Dirent for a link is neither a directory nor a file here).
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full, files, budget, isCancelled);
    } else if (e.isFile() && LETTER_FILE.test(e.name)) files.push(full);
  }
}
