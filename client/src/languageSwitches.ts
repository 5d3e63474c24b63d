// Remembers which documents were switched to the letter language (by the extension or by hand), so
// that the extension never fights a user who switches one back to plain text. Pure: no vscode import, so the unit tests run it without an editor.
//
// VS Code reports a language change as the document closing and opening again, synchronously, with
// the same URI (onDidCloseTextDocument then onDidOpenTextDocument); a real close is a close with no
// open after it. So the close of a letter (or of a document being switched) is held until
// `settle()` (called from a microtask, after the open that a language change fires at once) and
// decided then.

export const LETTER_LANGUAGE = 'imr-letter';
export const PLAIN_TEXT = 'plaintext';

export class LanguageSwitches {
  /** URIs we switched to the letter language and that are still open. */
  private readonly switched = new Set<string>();
  /** Letters (or documents being switched) that closed and may be reopening under another language. */
  private readonly closing = new Set<string>();
  /** URIs the user switched away from the letter language: left alone for the rest of the session. */
  private readonly leftAlone = new Set<string>();

  /** Whether a document may be checked and switched: plain text, not switched back by the user. */
  mayDetect(uri: string, languageId: string): boolean {
    return languageId === PLAIN_TEXT && !this.leftAlone.has(uri) && !this.switched.has(uri);
  }

  /** Call just before asking VS Code to switch the document. */
  switching(uri: string): void {
    this.switched.add(uri);
  }

  /** The switch was refused (the document closed meanwhile, for example). */
  switchFailed(uri: string): void {
    this.switched.delete(uri);
    this.closing.delete(uri);
  }

  onClose(uri: string, languageId: string): void {
    if (languageId === LETTER_LANGUAGE || this.switched.has(uri)) this.closing.add(uri);
  }

  onOpen(uri: string, languageId: string): void {
    if (!this.closing.delete(uri)) return;
    // A language change: ours (to the letter language), or the user's away from it, which we respect
    // whether the letter language was our choice or theirs.
    if (languageId !== LETTER_LANGUAGE) {
      this.switched.delete(uri);
      this.leftAlone.add(uri);
    }
  }

  /** Closes not followed by an open were real closes: a later reopen may be detected again. */
  settle(): void {
    for (const uri of this.closing) this.switched.delete(uri);
    this.closing.clear();
  }

  isLeftAlone(uri: string): boolean {
    return this.leftAlone.has(uri);
  }
}
