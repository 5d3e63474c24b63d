// Bundles the extension with esbuild: the client (what VS Code loads), the language server (a
// separate Node process the client forks) and the command-line tool, each one self-contained so
// that the .vsix and the npm bins need no node_modules.
//
//   node scripts/bundle.mjs          release build: minified, no source maps
//   node scripts/bundle.mjs --dev    readable output with source maps, for debugging

import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowser } from './browserBundle.mjs';
import { nodeOptions } from './bundleOptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

const entries = [
  { out: 'client', source: 'client/src/extension.ts' },
  { out: 'server', source: 'server/src/server.ts' },
  { out: 'cli', source: 'server/src/cli.ts' },
  // The workspace index's worker threads, started by the server.
  { out: 'indexWorker', source: 'server/src/indexWorker.ts' },
];

const present = entries.filter((e) => existsSync(join(root, e.source)));
for (const e of entries) {
  if (!present.includes(e)) console.warn(`bundle: skipping dist/${e.out}.js: ${e.source} does not exist yet`);
}
if (present.length === 0) {
  console.error('bundle: nothing to bundle');
  process.exit(1);
}

/**
 * pdf.js in Node tries to load @napi-rs/canvas (a native addon) when it starts, to render pages.
 * Reading text needs no canvas, and the extension must stay pure JavaScript: the lookups are
 * replaced by a value that says "not there" (and its start-up warnings are silenced), so that the
 * addon is never loaded, even where node_modules holds it. The build fails if pdf.js changes shape.
 */
const pdfjsWithoutCanvas = {
  name: 'pdfjs-without-canvas',
  setup(b) {
    /** Loads a pdf.js file with `edit(replace)` applied; a replacement found a different number of times fails the build. */
    const patched = (filter, edit) =>
      b.onLoad({ filter }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        edit((from, to, times) => {
          const found = source.split(from).length - 1;
          if (found !== times)
            throw new Error(`pdfjs-without-canvas: expected ${times} of ${from} in ${args.path}, found ${found}`);
          source = source.split(from).join(to);
        });
        return { contents: source, loader: 'js' };
      });
    patched(/pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/, (replace) => {
      replace('require("@napi-rs/canvas")', '(() => { throw new Error("no canvas: text only"); })()', 2);
      replace('let verbosity = VerbosityLevel.WARNINGS;', 'let verbosity = VerbosityLevel.ERRORS;', 1);
    });
    // What each fresh reader (one per worker thread of the command-line tool) pays before its first
    // letter, cut where letters never need it (see ARCHITECTURE.md, "PDF reader start-up"):
    patched(/pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/, (replace) => {
      // The Brotli decoder unpacked its dictionary when the module loaded; no letter has a
      // BrotliDecode stream: it is unpacked on the first one.
      replace(
        'let BrotliDecode = makeBrotliDecode();',
        'let BrotliDecode = (...args) => (BrotliDecode = makeBrotliDecode())(...args);',
        1,
      );
      // Flate streams (every page's content) went through the web DecompressionStream: loading Node's
      // web streams on the first one, and several promise hops per stream. zlib does the same
      // inflation in one call; a stream it refuses falls back, as before, to pdf.js's own decoder.
      replace(
        `    try {
      const {
        readable,
        writable
      } = new DecompressionStream(name);`,
        `    try {
      if (name === "deflate") return { decompressed: new Uint8Array(require("zlib").inflateSync(bytes)), compressed: bytes };
      const {
        readable,
        writable
      } = new DecompressionStream(name);`,
        1,
      );
    });
  },
};

const result = await build({
  ...nodeOptions({ root, dev }),
  entryPoints: Object.fromEntries(present.map((e) => [e.out, e.source])),
  outdir: 'dist',
  // Provided by VS Code at run time; never bundled.
  external: ['vscode'],
});

// The PDF reader: its own bundle, loaded only when a PDF is read (server/src/pdf/load.ts).
const pdfResult = await build({
  ...nodeOptions({ root, dev }),
  entryPoints: { pdf: 'server/src/pdf/reader.ts' },
  outdir: 'dist',
  // pdf.js reads import.meta.url only to find files beside itself (its optional canvas package,
  // wasm decoders this reader switches off); in a CommonJS bundle that is the bundle's own URL.
  banner: { js: 'var __pdfBundleUrl = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__pdfBundleUrl' },
  plugins: [pdfjsWithoutCanvas],
});

// VS Code for the Web: dist/browser/client.js and dist/browser/server.js (scripts/browserBundle.mjs).
const browserOutputs = await buildBrowser({ root, dev });

const outputs = { ...result.metafile.outputs, ...pdfResult.metafile.outputs, ...browserOutputs };
for (const [file, info] of Object.entries(outputs)) {
  if (file.endsWith('.map')) continue;
  console.log(`bundle: ${relative(root, join(root, file))} ${(info.bytes / 1024).toFixed(1)} KB`);
}
