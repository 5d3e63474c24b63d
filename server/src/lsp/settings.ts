// The user's settings as the server reads them: pulled from the client per workspace folder when
// it supports workspace/configuration, else what it pushed or passed at initialization.

import type { Connection } from 'vscode-languageserver';
import type { SeveritySettings } from '../engine/check';
import type { AppealSettings } from '../features/appealSettings';
import { DEFAULT_LIMITS, IndexLimits } from '../workspace/indexer';

export interface Settings {
  diagnostics?: { severity?: SeveritySettings; scope?: 'openFiles' | 'workspace' };
  workspace?: { maxFiles?: number; maxFileSize?: number; includePdf?: boolean };
  codeLens?: { enabled?: boolean };
  appeal?: AppealSettings;
}

/** The index's limits from the settings. */
export function limitsFrom(settings: Settings, clientListsFiles: boolean): IndexLimits {
  const maxFiles = settings.workspace?.maxFiles;
  const maxFileSize = settings.workspace?.maxFileSize;
  return {
    maxFiles: typeof maxFiles === 'number' && maxFiles >= 0 ? Math.floor(maxFiles) : DEFAULT_LIMITS.maxFiles,
    maxFileBytes:
      typeof maxFileSize === 'number' && maxFileSize > 0 ? maxFileSize * 1024 * 1024 : DEFAULT_LIMITS.maxFileBytes,
    // A PDF letter's entry lives at its imr-pdf: text, which only the extension's client opens:
    // another client gets PDFs only when it asks for them.
    includePdf: clientListsFiles ? settings.workspace?.includePdf !== false : settings.workspace?.includePdf === true,
  };
}

export class SettingsSource {
  /** Whether the client answers workspace/configuration; otherwise `pushed` is all there is. */
  pull = false;
  pushed: Settings = {};
  /** Counts changes of the settings, for result ids that must change with them. */
  stamp = 0;
  private readonly byFolder = new Map<string, Promise<Settings>>();
  private global: Promise<Settings> | undefined;

  constructor(private readonly connection: Connection) {}

  changed(pushed: Settings | undefined): void {
    this.byFolder.clear();
    this.global = undefined;
    this.stamp++;
    if (!this.pull && pushed && typeof pushed === 'object') this.pushed = pushed;
  }

  /** Folders changed: a document's folder may be another now. */
  foldersChanged(): void {
    this.byFolder.clear();
  }

  /** Settings of the whole workspace (no document scope): limits, and severities of letters not open. */
  workspace(): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    this.global ??= this.ask({ section: 'imrLetters' });
    return this.global;
  }

  /**
   * A document's settings. VS Code reads a file's settings from its workspace folder (there is no
   * .vscode/settings.json below one, and a URI scope gets no language overrides): the documents of a
   * folder share one request, and opening letter after letter asks once.
   */
  forDocument(uri: string, folderUris: readonly string[]): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const folder = folderUris
      .filter((f) => uri.startsWith(f.endsWith('/') ? f : f + '/'))
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    let s = this.byFolder.get(folder);
    if (!s) {
      s = this.ask({ scopeUri: folder || uri, section: 'imrLetters' });
      this.byFolder.set(folder, s);
    }
    return s;
  }

  private ask(item: { scopeUri?: string; section: string }): Promise<Settings> {
    return this.connection.workspace
      .getConfiguration(item)
      .then((v: unknown) => (v && typeof v === 'object' ? (v as Settings) : {}))
      .catch(() => this.pushed);
  }
}
