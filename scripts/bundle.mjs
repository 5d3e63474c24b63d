// Bundles the extension with esbuild: the client (what VS Code loads), the language server (a
// separate Node process the client forks) and the command-line tool, each one self-contained so
// that the .vsix and the npm bins need no node_modules.
//
//   node scripts/bundle.mjs          release build: minified, no source maps
//   node scripts/bundle.mjs --dev    readable output with source maps, for debugging

import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

const entries = [
  { out: 'client', source: 'client/src/extension.ts' },
  { out: 'server', source: 'server/src/server.ts' },
  { out: 'cli', source: 'server/src/cli.ts' },
];

const present = entries.filter((e) => existsSync(join(root, e.source)));
for (const e of entries) {
  if (!present.includes(e)) console.warn(`bundle: skipping dist/${e.out}.js: ${e.source} does not exist yet`);
}
if (present.length === 0) {
  console.error('bundle: nothing to bundle');
  process.exit(1);
}

const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(present.map((e) => [e.out, e.source])),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Provided by VS Code at run time; never bundled.
  external: ['vscode'],
  minify: !dev,
  sourcemap: dev,
  // Minified names would make stack traces in bug reports unreadable.
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
});

for (const [file, info] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.map')) continue;
  console.log(`bundle: ${relative(root, join(root, file))} ${(info.bytes / 1024).toFixed(1)} KB`);
}
