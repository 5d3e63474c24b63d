// Puts the command-line tool the extension ships (dist/cli.js) on the PATH of VS Code's integrated
// terminals, so that someone who installed only the .vsix can run `imr-letters check .` there.
//
// The launchers in bin/terminal run the bundle with the runtime the extension host runs on
// (IMR_LETTERS_NODE: VS Code's own executable in Electron's Node mode, or the server's node), so
// no separate Node.js install is needed. The setting imrLetters.terminal.addCliToPath turns it off.

import * as vscode from 'vscode';
import { IN_BROWSER } from './node/platform';

/** The folder of the launchers (`imr-letters` for POSIX shells, `imr-letters.cmd` for Windows). */
export const LAUNCHER_FOLDER = 'bin/terminal';

export function terminalCliPath(context: vscode.ExtensionContext): void {
  const collection = context.environmentVariableCollection;
  collection.clear();
  // VS Code for the Web has no integrated terminal running on this computer, and no Node to run the tool.
  if (IN_BROWSER) return;
  if (!vscode.workspace.getConfiguration('imrLetters').get<boolean>('terminal.addCliToPath', true)) return;
  collection.description =
    'Puts the `imr-letters` command-line tool on the PATH (setting `imrLetters.terminal.addCliToPath`).';
  const delimiter = process.platform === 'win32' ? ';' : ':';
  collection.prepend('PATH', context.asAbsolutePath(LAUNCHER_FOLDER) + delimiter);
  collection.replace('IMR_LETTERS_NODE', process.execPath);
}
