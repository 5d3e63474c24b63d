#!/usr/bin/env node
// Runs the editor suite (out/test/editor/index.js) in a desktop VS Code through @vscode/test-electron.
// It downloads that VS Code on first use (into the cache folder scripts/setup-editor-tests.sh uses),
// so it only works where the download server is reachable, such as a developer's machine; CI here takes test/editor/run-browser.mjs,
// which runs the same suite in the VS Code server of the npm package code-server.
// On Linux without a display, run it under xvfb-run.
//
// Environment:
//   IMR_EDITOR_CACHE    cache folder (default ~/.cache/imr-letters-editor); VS Code goes to its vscode-test/
//   IMR_VSCODE_VERSION  VS Code version to download (default 1.100.3, the one run-browser.mjs uses)
//   IMR_EDITOR_GREP     run only the tests whose title matches (read by the suite's index)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsIndex = path.join(repoRoot, 'out', 'test', 'editor', 'index.js');
const workspaceDir = path.join(repoRoot, 'test', 'fixtures', 'editor-workspace');

for (const [file, hint] of [
  [testsIndex, 'no compiled suite'],
  [path.join(repoRoot, 'dist', 'client.js'), 'no dist/client.js'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`run-electron: ${hint} (${file}); run \`npm run build\` first`);
    process.exit(1);
  }
}

const cacheDir = process.env.IMR_EDITOR_CACHE || path.join(os.homedir(), '.cache', 'imr-letters-editor');
// Fresh settings and state each run, as in run-browser.mjs. Short on purpose: VS Code puts its IPC
// sockets in the user data folder, and a Unix socket path must stay under 107 bytes.
const stateDir = fs.mkdtempSync(path.join('/tmp', 'imr-e-'));
let exitCode = 1;
try {
  const code = await runTests({
    version: process.env.IMR_VSCODE_VERSION || '1.100.3',
    cachePath: path.join(cacheDir, 'vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsIndex,
    launchArgs: [
      workspaceDir,
      // Other installed extensions would add their own hovers, symbols and diagnostics.
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${path.join(stateDir, 'u')}`,
      `--extensions-dir=${path.join(stateDir, 'e')}`,
    ],
  });
  exitCode = code === 0 ? 0 : 1;
} catch (error) {
  console.error(`run-electron: ${error instanceof Error ? error.message : error}`);
} finally {
  fs.rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(exitCode);
