// Bundles the web suite (test/web/index.ts and its tests) for VS Code for the Web's extension host,
// which loads CommonJS needing nothing but `vscode`: out/test/web/bundle/index.js, inside the
// extension's folder (where the workbench looks for extensionTestsPath). node:assert/strict, which
// the editor suite's helpers import, becomes test/web/assert.ts.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_SUITE = join(root, 'out', 'test', 'web', 'bundle', 'index.js');

export async function bundleWebSuite() {
  await build({
    absWorkingDir: root,
    entryPoints: ['test/web/index.ts'],
    outfile: WEB_SUITE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/web/assert.ts' },
    // mocha's browser build reads `global`; a web worker has only globalThis.
    define: { global: 'globalThis' },
    logLevel: 'warning',
  });
  return WEB_SUITE;
}
