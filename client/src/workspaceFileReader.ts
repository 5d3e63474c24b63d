// Reads a letter file for the language server when the server has no disk of its own (VS Code for
// the Web, where it runs in a Worker): with vscode.workspace.fs, so a folder opened from the
// computer in vscode.dev and a repository in github.dev both work. The text is decoded as the CLI's
// decodeLetterBytes does (byte order marks, a zero byte in the first 8 KB means binary).

import * as vscode from 'vscode';
import type { ReadFileParams, ReadFileResult } from '../../server/src/protocol';
import { tooLarge } from '../../server/src/workspace/readFile';
import { decodeLetterText } from './decodeLetterText';

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
  const text = decodeLetterText(bytes);
  return text === undefined
    ? { kind: 'binary', size: stat.size, mtimeMs: stat.mtime }
    : { kind: 'text', text, size: stat.size, mtimeMs: stat.mtime };
}
