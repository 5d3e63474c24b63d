// A note's text as Markdown that can do nothing: the notes file may come from someone else. Not
// trusted (no command links run), no HTML, no theme icons, and images shown as their alt text so
// that a note never loads a remote image.

import * as vscode from 'vscode';

const IMAGE = /!\[([^\]]*)\]\([^)]*\)/g;

export function withoutImages(text: string): string {
  return text.replace(IMAGE, (_, alt: string) => alt);
}

export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(withoutImages(text), false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
