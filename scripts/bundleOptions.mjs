// The esbuild options every bundle shares (scripts/bundle.mjs for Node, scripts/browserBundle.mjs
// for VS Code for the Web): each build adds only what sets it apart.

/** Options common to all bundles; `dev` gives readable output with source maps. */
export function commonOptions({ root, dev }) {
  return {
    absWorkingDir: root,
    bundle: true,
    minify: !dev,
    sourcemap: dev,
    // Minified names would make stack traces in bug reports unreadable.
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
  };
}

/** Node bundles: the extension host, the language server, the command line and their workers. */
export function nodeOptions({ root, dev }) {
  return { ...commonOptions({ root, dev }), platform: 'node', target: 'node20', format: 'cjs' };
}
