// Entry point of the web suite inside VS Code for the Web's extension host (a web worker): the
// browser runner (test/editor/run-browser.mjs --web) bundles this file with the suite for the
// browser (test/web/bundle.mjs) and hands it to the workbench as extensionTestsPath; the workbench
// awaits run() and reports its outcome to the page. Mocha's browser build, since the host loads
// CommonJS that needs nothing but `vscode`.

// The runner picks the suite's lines out of the workbench's log by this prefix (as for the editor suite).
const LOG_PREFIX = '@@imr-editor@@ ';

interface BrowserMocha {
  setup(options: { ui: string; reporter?: string; timeout?: number; color?: boolean }): void;
  run(done: (failures: number) => void): void;
}
interface MochaReporters {
  reporters: { Base: { consoleLog: (...args: unknown[]) => void } };
}

export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha's browser build sets up globals when loaded
  const mocha = require('mocha/mocha') as BrowserMocha;
  const Mocha = (globalThis as unknown as { Mocha: MochaReporters }).Mocha;
  const consoleLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (format: unknown = '', ...args: unknown[]) =>
    consoleLog(typeof format === 'string' ? format.replace(/^/gm, LOG_PREFIX) : LOG_PREFIX + String(format), ...args);
  // Generous: the first test also waits for the language server's Worker on a loaded 2-core machine.
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20000, color: false });
  // Required after setup, which defines describe() and it().
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  require('./suite/web.test');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} web test(s) failed`);
}
