// The layers of the code (ARCHITECTURE.md, "Layers"), enforced by ESLint: a module may import only
// from the folders its layer lists, and packages only as its layer allows. A folder of server/src or
// client/src missing from LAYERS is an error too, so that a new folder is placed on purpose.

import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = ['engine', 'files', 'pdf', 'export', 'report', 'notes'];
const PLATFORM = ['node', 'browser'];
const EDITOR_PACKAGES =
  /^(vscode|vscode-languageclient|vscode-languageserver|vscode-languageserver-textdocument|vscode-jsonrpc|vscode-uri)(\/|$)/;

/**
 * Folder (under server/src, or `client` for client/src) -> the folders its modules may import and
 * whether they may import the editor's packages (vscode, the LSP libraries). Subfolders belong to
 * their folder's layer.
 */
export const LAYERS = {
  // The core: knows letters, nothing of LSP, VS Code or the command line.
  engine: { imports: ['engine'] },
  files: { imports: ['engine', 'files'] },
  pdf: { imports: ['engine', 'files', 'pdf'] },
  notes: { imports: ['engine', 'files', 'pdf', 'notes'] },
  // The export's records carry the user's notes, tags and status.
  export: { imports: ['engine', 'files', 'pdf', 'notes', 'export'] },
  // The report is filtered by the notes' statuses and tags (report/notesFilter.ts).
  report: { imports: ['engine', 'notes', 'export', 'report'] },
  // Worker threads, generic: what runs on them is passed in.
  workers: { imports: [...CORE, 'workers', ...PLATFORM] },
  // What the client and the server agree on; types of the core's results.
  protocol: { imports: ['engine', 'report', 'notes', 'protocol'] },
  // Surfaces on the core.
  cli: { imports: [...CORE, 'workers', 'cli', 'node'] },
  workspace: { imports: [...CORE, 'workers', 'protocol', 'workspace', 'node'] },
  documents: { imports: ['engine', 'documents'], editor: true },
  features: { imports: [...CORE, 'workspace', 'protocol', 'documents', 'features', 'node'], editor: true },
  // The language server's wiring, and the platform twins each build swaps in.
  lsp: {
    imports: [...CORE, 'workers', 'workspace', 'protocol', 'documents', 'features', 'lsp', ...PLATFORM],
    editor: true,
  },
  node: { imports: ['node', 'protocol'], editor: true },
  browser: { imports: ['browser', 'pdf', 'workers', 'workspace', 'protocol'], editor: true },
  // Entry points: server.ts, cli.ts, indexWorker.ts.
  '': { imports: ['', 'lsp', 'cli', 'workers', 'workspace', 'node', 'protocol'], editor: true },
  // The VS Code extension: the protocol module, the core's pure readers, its own platform twins.
  client: { imports: ['client', 'protocol', 'engine', 'files', 'pdf', 'report', 'notes', 'browser'], editor: true },
};

function layerOf(root, file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (rel.startsWith('client/src/')) return 'client';
  if (!rel.startsWith('server/src/')) return undefined;
  const rest = rel.slice('server/src/'.length);
  if (rest.includes('/')) return rest.slice(0, rest.indexOf('/'));
  // `../protocol` names the folder's index module.
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? rest : '';
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers of ARCHITECTURE.md' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (from === undefined) return {};
    const layer = LAYERS[from];
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (!layer) {
        context.report({
          node,
          message: `server/src/${from}/ is not in the layers table (scripts/eslint/layers.mjs): place it there.`,
        });
        return;
      }
      if (!spec.startsWith('.')) {
        if (EDITOR_PACKAGES.test(spec) && !layer.editor)
          context.report({
            node,
            message: `'${from}' is part of the core and may not import '${spec}' (ARCHITECTURE.md, Layers).`,
          });
        return;
      }
      const target = layerOf(root, path.resolve(path.dirname(file), spec));
      if (target === undefined) return;
      if (!layer.imports.includes(target)) {
        const name = (l) =>
          l === 'client' ? 'client/src' : l === '' ? 'server/src (entry points)' : `server/src/${l}`;
        context.report({
          node,
          message: `${name(from)} may not import from ${name(target)} (ARCHITECTURE.md, Layers).`,
        });
      }
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.argument?.value),
      CallExpression: (node) => {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        )
          check(node, node.arguments[0].value);
      },
    };
  },
};

export default { rules: { imports: rule } };
