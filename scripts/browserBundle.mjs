// The browser build for VS Code for the Web (dist/browser/): the client, loaded by the web worker
// extension host (CommonJS, `require('vscode')` only), and the language server, started by the
// client in a Worker (a self-contained script). Same sources as the Node build; what differs is
// swapped at bundle time, listed here in one place:
//   - `vscode-languageclient/node` and `vscode-languageserver/node` become their `/browser` builds;
//   - each module of BROWSER_MODULES is replaced by its browser twin (a `node/` module by the
//     `browser/` module of the same name; collect, rule pages and the PDF reader's loader by ones
//     that do nothing or say "not available");
//   - Node's built-ins become server/src/browser/builtins/ (url works; fs and path throw when called:
//     the code that calls them, the folder walker and the disk reads, is never reached there).

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** Source module (from the package root) -> its browser twin. */
const BROWSER_MODULES = {
  'server/src/node/connection.ts': 'server/src/browser/connection.ts',
  'client/src/node/platform.ts': 'client/src/browser/platform.ts',
  'server/src/collect.ts': 'server/src/browser/collect.ts',
  'server/src/ruleDocs.ts': 'server/src/browser/ruleDocs.ts',
  'server/src/pdf/load.ts': 'server/src/browser/pdfLoad.ts',
};

const BUILTINS = /^(node:)?(fs|path|url)$/;

function browserSwaps(root) {
  const twins = new Map(Object.entries(BROWSER_MODULES).map(([from, to]) => [join(root, from), join(root, to)]));
  return {
    name: 'browser-swaps',
    setup(b) {
      b.onResolve({ filter: BUILTINS }, (args) => ({
        path: join(root, 'server', 'src', 'browser', 'builtins', `${BUILTINS.exec(args.path)[2]}.ts`),
      }));
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const twin = twins.get(args.path);
        if (!twin) return undefined;
        return { contents: await readFile(twin, 'utf8'), loader: 'ts', resolveDir: dirname(twin) };
      });
    },
  };
}

export async function buildBrowser({ root, dev }) {
  for (const [from, to] of Object.entries(BROWSER_MODULES))
    if (!existsSync(join(root, from)) || !existsSync(join(root, to)))
      throw new Error(`browser bundle: ${from} or its twin ${to} is missing`);
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    minify: !dev,
    sourcemap: dev,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    alias: {
      'vscode-languageclient/node': 'vscode-languageclient/browser',
      'vscode-languageserver/node': 'vscode-languageserver/browser',
    },
    plugins: [browserSwaps(root)],
  };
  const client = await build({
    ...common,
    entryPoints: { client: 'client/src/extension.ts' },
    outdir: 'dist/browser',
    format: 'cjs',
    external: ['vscode'],
  });
  const server = await build({
    ...common,
    entryPoints: { server: 'server/src/server.ts' },
    outdir: 'dist/browser',
    format: 'iife',
  });
  return { ...client.metafile.outputs, ...server.metafile.outputs };
}
