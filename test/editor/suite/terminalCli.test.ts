// The command-line tool the extension ships, on the integrated terminal's PATH. What the extension
// adds to a terminal's environment is read from VS Code, then a shell with exactly that environment
// runs `imr-letters check` on a letter of the workspace, as a terminal would. (A terminal itself
// cannot start in the browser suite: the VS Code server there has no built node-pty.)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExtensionApi, activateExtension, fixtureUri, until } from '../helpers';

/** The environment a new terminal gets: the process's, with the collection's mutators applied. */
function terminalEnvironment(collection: vscode.EnvironmentVariableCollection): NodeJS.ProcessEnv {
  const env = { ...process.env };
  collection.forEach((variable, mutator) => {
    const current = env[variable] ?? '';
    if (mutator.type === vscode.EnvironmentVariableMutatorType.Prepend) env[variable] = mutator.value + current;
    else if (mutator.type === vscode.EnvironmentVariableMutatorType.Append) env[variable] = current + mutator.value;
    else env[variable] = mutator.value;
  });
  return env;
}

describe('command-line tool in the integrated terminal', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  it("a terminal's PATH finds the shipped `imr-letters`, which checks letter 001: clean, exit 0", function () {
    if (process.platform === 'win32') this.skip();
    const collection = api.terminalEnvironment();
    assert.equal(collection.get('PATH')?.type, vscode.EnvironmentVariableMutatorType.Prepend);
    const folder = path.dirname(fixtureUri('001_95d645f4881bb0c4.txt').fsPath);
    // `command -v` first: the tool must come from the folder the extension puts on the PATH.
    const run = spawnSync('/bin/sh', ['-c', 'command -v imr-letters && imr-letters check 001_95d645f4881bb0c4.txt'], {
      cwd: folder,
      env: terminalEnvironment(collection),
      encoding: 'utf8',
      timeout: 30000,
    });
    assert.equal(run.status, 0, run.stderr);
    const [where, ...report] = run.stdout.trim().split('\n');
    assert.match(where, /bin\/terminal\/imr-letters$/);
    assert.deepEqual(report, ['1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('the setting imrLetters.terminal.addCliToPath set to false takes it off the PATH again', async () => {
    const settings = vscode.workspace.getConfiguration('imrLetters');
    await settings.update('terminal.addCliToPath', false, vscode.ConfigurationTarget.Global);
    const pathMutator = () => api.terminalEnvironment().get('PATH');
    try {
      await until(
        [vscode.workspace.onDidChangeConfiguration],
        () => (pathMutator() === undefined ? true : undefined),
        () => 'the PATH change to go once the setting is off',
        { pollMs: 50 },
      );
    } finally {
      await settings.update('terminal.addCliToPath', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(
      [vscode.workspace.onDidChangeConfiguration],
      () => (pathMutator()?.type === vscode.EnvironmentVariableMutatorType.Prepend ? true : undefined),
      () => 'the PATH change to come back with the default',
      { pollMs: 50 },
    );
  });
});
