#!/usr/bin/env node
// Runs the editor suite (out/test/editor/index.js) in a desktop VS Code through @vscode/test-electron.
// It downloads that VS Code (into .vscode-test/) on first use, so it only works where the download
// server is reachable, such as a developer's machine; CI here takes test/editor/run-browser.mjs,
// which runs the same suite in the VS Code server of the npm package code-server.
// On Linux without a display, run it under xvfb-run.
//
// Environment:
//   IMR_VSCODE_VERSION  VS Code version to download (default 1.100.3, the one run-browser.mjs uses)
//   IMR_EDITOR_GREP     run only the tests whose title matches (read by the suite's index)
import * as fs from 'node:fs';
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

try {
  const code = await runTests({
    version: process.env.IMR_VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsIndex,
    // Other installed extensions would add their own hovers, symbols and diagnostics.
    launchArgs: [workspaceDir, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code === 0 ? 0 : 1);
} catch (error) {
  console.error(`run-electron: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
