// Entry point of the editor suite inside the VS Code extension host, in the shape
// @vscode/test-electron and the browser runner (test/editor/run-browser.mjs) both expect:
// VS Code loads this file as extensionTestsPath and awaits run(); a rejection fails the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha = require('mocha');
import { reloadFollows } from './reload/reloadNotes';

// Set by test/editor/run-browser.mjs: there the suite's console output reaches the runner mixed with
// the workbench's own log, so each line of the report carries this prefix for the runner to pick out.
const logPrefix = process.env.IMR_EDITOR_LOG_PREFIX;

export async function run(): Promise<void> {
  const suiteDir = path.join(__dirname, 'suite');
  // out/test/editor/suite -> test/editor/suite: skip compiled tests whose source was deleted,
  // since tsc never removes stale output.
  const sourceDir = path.join(__dirname, '..', '..', '..', 'test', 'editor', 'suite');
  const files = fs
    .readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => fs.existsSync(path.join(sourceDir, name.replace(/\.js$/, '.ts'))))
    .sort();
  if (files.length === 0) throw new Error(`no compiled editor tests in ${suiteDir}: run \`npm run build\` first`);
  const paths = files.map((name) => path.join(suiteDir, name));
  // Last, so that no test of the suite removes the notes it leaves for the reloaded window.
  if (reloadFollows()) paths.push(path.join(__dirname, 'reload', 'beforeReload.test.js'));
  // IMR_EDITOR_GREP narrows a run while working on one test; CI never sets it.
  await runMocha(paths, { grep: process.env.IMR_EDITOR_GREP });
}

/** Runs the mocha files given (this suite, or the second half of a window reload: reload/index.ts). */
export async function runMocha(files: readonly string[], { grep }: { grep: string | undefined }): Promise<void> {
  if (logPrefix) {
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      const text = util.format(...args);
      consoleLog(
        text
          .split('\n')
          .map((line) => logPrefix + line)
          .join('\n'),
      );
    };
  }
  const mocha = new Mocha({
    ui: 'bdd',
    // The output goes through the extension host's console to a log, not to a terminal.
    color: false,
    // Generous: the first test also waits for the language server to start on a loaded 2-core machine.
    timeout: 20000,
  });
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} editor test(s) failed`);
}
