// Reads a letter file for the language server when the server has no disk of its own (VS Code for
// the Web, where it runs in a Worker): with vscode.workspace.fs, so a folder opened from the
// computer in vscode.dev and a repository in github.dev both work. A text file is decoded by the one
// decoder of the command line and the index (files/decode.ts); a PDF through the PDF reader.

import * as vscode from 'vscode';
import type { ReadFileParams, ReadFileResult } from '../../server/src/protocol';
import { pdfBytesToText } from '../../server/src/pdf/letterText';
import { isPdfUri } from '../../server/src/protocol';
import { tooLarge } from '../../server/src/files/readFile';
import { decodeLetterBytes } from '../../server/src/files/decode';

export async function readWorkspaceFile(params: ReadFileParams): Promise<ReadFileResult> {
  let stat: vscode.FileStat;
  let bytes: Uint8Array;
  try {
    const uri = vscode.Uri.parse(params.uri, true);
    stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0) return { kind: 'skipped', reason: 'not a regular file' };
    if (stat.size > params.maxBytes) return { kind: 'skipped', reason: tooLarge(stat.size, params.maxBytes) };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { kind: 'skipped', reason: e instanceof Error ? e.message : String(e) };
  }
  if (isPdfUri(params.uri)) {
    const pdf = await pdfBytesToText(bytes);
    return pdf.kind === 'text'
      ? { kind: 'text', text: pdf.text, size: stat.size, mtimeMs: stat.mtime }
      : { kind: 'skipped', reason: pdf.kind === 'unreadable' ? pdf.error : 'not a PDF' };
  }
  const decoded = decodeLetterBytes(bytes);
  return decoded.kind === 'binary'
    ? { kind: 'binary', size: stat.size, mtimeMs: stat.mtime }
    : { kind: 'text', text: decoded.text, size: stat.size, mtimeMs: stat.mtime };
}
