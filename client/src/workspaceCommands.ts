// Commands on the whole folder of letters: IMR: Check All Letters, IMR: Export Decisions...,
// IMR: Restart Language Server, IMR: Show Output, and the Letters view's grouping and filter.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckAllRequest,
  CheckAllResult,
  ExportDecisionsParams,
  ExportDecisionsRequest,
  ExportDecisionsResult,
} from '../../server/src/protocol';
import { GROUPINGS, LettersView } from './lettersView';
import { IN_BROWSER } from './node/platform';

const EXPORT_FORMATS: ReadonlyArray<{
  format: ExportDecisionsParams['format'];
  label: string;
  detail: string;
  ext: string;
}> = [
  { format: 'csv', label: 'CSV', detail: 'One row per disputed item, for spreadsheets', ext: 'csv' },
  { format: 'json', label: 'JSON', detail: 'An array of records, the command-line tool\u2019s schema', ext: 'json' },
  { format: 'jsonl', label: 'JSON Lines', detail: 'One record per line', ext: 'jsonl' },
];

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function checkAllMessage(r: CheckAllResult): string {
  return `Checked ${plural(r.letters, 'letter')} in ${plural(r.files, 'file')}: ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}; ${plural(r.lettersWithProblems, 'letter')} with problems.`;
}

export function registerWorkspaceCommands(
  client: LanguageClient,
  ready: () => Promise<void>,
  view: LettersView,
): vscode.Disposable[] {
  const checkAll = async (): Promise<CheckAllResult | undefined> => {
    await ready();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'IMR: checking all letters\u2026' },
      () => client.sendRequest<CheckAllResult>(CheckAllRequest, {}),
    );
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(checkAllMessage(result));
    return result;
  };

  /** `target` and `format` skip the dialogs (tests, other extensions). */
  const exportDecisions = async (target?: vscode.Uri, format?: ExportDecisionsParams['format']) => {
    let chosen = EXPORT_FORMATS.find((f) => f.format === format);
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ ...f, label: f.label })),
        { title: 'Export decisions as' },
      );
      if (!pick) return undefined;
      chosen = pick;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export decisions',
        defaultUri: folder ? vscode.Uri.joinPath(folder, `imr-decisions.${chosen.ext}`) : undefined,
        filters: { [chosen.label]: [chosen.ext] },
      }));
    if (!uri) return undefined;
    // In VS Code for the Web the server, which has no disk, hands the export back to be written here.
    if (uri.scheme !== 'file' && !IN_BROWSER) {
      void vscode.window.showErrorMessage('IMR: decisions can be exported to a file on this computer only.');
      return undefined;
    }
    await ready();
    const params: ExportDecisionsParams = IN_BROWSER
      ? { format: chosen.format, path: uri.toString(), inline: true }
      : { format: chosen.format, path: uri.fsPath };
    try {
      const { content, ...result } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'IMR: exporting decisions\u2026', cancellable: true },
        (_progress, token) => client.sendRequest<ExportDecisionsResult>(ExportDecisionsRequest, params, token),
      );
      if (content !== undefined) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
      const message = `Exported ${plural(result.items, 'item')} from ${plural(result.letters, 'letter')} to ${vscode.workspace.asRelativePath(uri)}.`;
      void vscode.window.showInformationMessage(message, 'Open').then((answer) => {
        if (answer === 'Open') void vscode.commands.executeCommand('vscode.open', uri);
      });
      return result;
    } catch (e) {
      void vscode.window.showErrorMessage(`IMR: the export failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };

  return [
    vscode.commands.registerCommand('imrLetters.checkAll', checkAll),
    vscode.commands.registerCommand('imrLetters.exportDecisions', exportDecisions),
    vscode.commands.registerCommand('imrLetters.restartServer', async () => {
      await client.restart();
      void vscode.window.setStatusBarMessage('IMR Letters language server restarted', 3000);
    }),
    vscode.commands.registerCommand('imrLetters.showOutput', () => client.outputChannel.show(true)),
    vscode.commands.registerCommand('imrLetters.letters.groupBy', async () => {
      const pick = await vscode.window.showQuickPick(
        GROUPINGS.map((g) => ({ label: g.label, value: g.value, picked: g.value === view.groupBy })),
        { title: 'Group letters by' },
      );
      if (pick) view.setGrouping(pick.value);
    }),
    vscode.commands.registerCommand('imrLetters.letters.filter', async (given?: unknown) => {
      // A filter given as the argument (a keybinding, a test) is applied without asking.
      if (typeof given === 'string') return view.setFilter(given);
      const filter = await vscode.window.showInputBox({
        title: 'Show letters holding these words',
        prompt:
          'Words of an item, a guideline source (MTUS, ODG...), a case number or a file name; ' +
          '#tag, status:done, status:"in review", outcome:upheld, appeal:open',
        value: view.filter,
      });
      if (filter !== undefined) view.setFilter(filter);
    }),
    vscode.commands.registerCommand('imrLetters.letters.clearFilter', () => view.setFilter('')),
    vscode.commands.registerCommand('imrLetters.letters.refresh', () => view.refresh()),
  ];
}
