// The browser build for VS Code for the Web (dist/browser/): the client, loaded by the web worker
// extension host (CommonJS, `require('vscode')` only), and the language server, started by the
// client in a Worker (a self-contained script). Same sources as the Node build; what differs is
// swapped at bundle time, listed here in one place (the PDF reader, dist/browser/pdf.js, is a third
// bundle, started in a Worker of its own):
//   - `vscode-languageclient/node` and `vscode-languageserver/node` become their `/browser` builds;
//   - each module of BROWSER_MODULES is replaced by its browser twin (a `node/` module by the
//     `browser/` module of the same name; garbage collection, rule pages and the PDF reader's loader by ones
//     that do nothing or say "not available");
//   - Node's built-ins become server/src/browser/builtins/ (url works; os has one core; fs and path throw when called:
//     the code that calls them, the folder walker and the disk reads, is never reached there).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from './bundleOptions.mjs';

/** Source module (from the package root) -> its browser twin. */
const BROWSER_MODULES = {
  'server/src/node/connection.ts': 'server/src/browser/connection.ts',
  'client/src/node/platform.ts': 'client/src/browser/platform.ts',
  'server/src/node/garbageCollection.ts': 'server/src/browser/garbageCollection.ts',
  'server/src/node/ruleDocs.ts': 'server/src/browser/ruleDocs.ts',
  'server/src/pdf/load.ts': 'server/src/browser/pdfLoad.ts',
  'server/src/node/indexWorkerScript.ts': 'server/src/browser/indexWorkerScript.ts',
  'server/src/workspace/summaryPool.ts': 'server/src/browser/summaryPool.ts',
  'server/src/export/letterNotes.ts': 'server/src/browser/letterNotes.ts',
};

const BUILTINS = /^(node:)?(fs|os|path|url)$/;

function browserSwaps(root) {
  const twins = new Map(Object.entries(BROWSER_MODULES).map(([from, to]) => [join(root, from), join(root, to)]));
  return {
    name: 'browser-swaps',
    setup(b) {
      b.onResolve({ filter: BUILTINS }, (args) => ({
        path: join(root, 'server', 'src', 'browser', 'builtins', `${BUILTINS.exec(args.path)[2]}.ts`),
      }));
      // By path, so that a twin imported under both names (pdf/load and browser/pdfLoad) is one module.
      b.onResolve({ filter: /^\./ }, (args) => {
        const twin = twins.get(join(args.resolveDir, `${args.path}.ts`));
        return twin ? { path: twin } : undefined;
      });
    },
  };
}

export async function buildBrowser({ root, dev }) {
  for (const [from, to] of Object.entries(BROWSER_MODULES))
    if (!existsSync(join(root, from)) || !existsSync(join(root, to)))
      throw new Error(`browser bundle: ${from} or its twin ${to} is missing`);
  const common = {
    ...commonOptions({ root, dev }),
    platform: 'browser',
    target: 'es2022',
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
  // The PDF reader, started by the client in a Worker of its own on the first PDF
  // (client/src/browser/pdfReader.ts): pdf.js's modern build, which browsers run without the
  // legacy build's polyfills. Its Node-only branches (the canvas addon) are never taken there.
  const pdf = await build({
    ...common,
    entryPoints: { pdf: 'server/src/browser/pdfWorker.ts' },
    outdir: 'dist/browser',
    format: 'iife',
    alias: {
      'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs-dist/build/pdf.mjs',
      'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-dist/build/pdf.worker.mjs',
    },
    external: ['@napi-rs/canvas'],
    // pdf.js reads import.meta.url only to find files beside itself, which this reader does not use.
    define: { 'import.meta.url': 'self.location.href' },
  });
  // A warning here is a Node import the browser builtins lack (it would be undefined in VS Code
  // for the Web): the build fails rather than ship it.
  const warnings = [client, server, pdf].reduce((n, r) => n + r.warnings.length, 0);
  if (warnings > 0)
    throw new Error(`browser bundle: ${warnings} warning(s) above; give the builtin or twin what it lacks`);
  return { ...client.metafile.outputs, ...server.metafile.outputs, ...pdf.metafile.outputs };
}
