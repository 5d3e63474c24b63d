// The layers of ARCHITECTURE.md are enforced by lint: an import that goes the wrong way fails
// `npm run lint` (scripts/eslint/layers.mjs through eslint.config.mjs), and these cases prove it.
import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..', '..');

async function layerErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layers (lint)', function () {
  this.timeout(60_000);

  it('fails an engine module that imports an editor feature, or the LSP library', async () => {
    const errors = await layerErrors(
      'server/src/engine/probe.ts',
      "import { hover } from '../features/hover';\nimport { Range } from 'vscode-languageserver';\nexport const x = [hover, Range];\n",
    );
    assert.deepStrictEqual(errors, [
      'server/src/engine may not import from server/src/features (ARCHITECTURE.md, Layers).',
      "'engine' is part of the core and may not import 'vscode-languageserver' (ARCHITECTURE.md, Layers).",
    ]);
  });

  it('fails the export (core) using the command line, and the command line using editor features', async () => {
    assert.deepStrictEqual(await layerErrors('server/src/export/probe.ts', "export * from '../cli/main';\n"), [
      'server/src/export may not import from server/src/cli (ARCHITECTURE.md, Layers).',
    ]);
    assert.deepStrictEqual(
      await layerErrors(
        'server/src/cli/probe.ts',
        "import type { LetterContext } from '../features/context';\nexport type X = LetterContext;\n",
      ),
      ['server/src/cli may not import from server/src/features (ARCHITECTURE.md, Layers).'],
    );
  });

  it('lets the client import the protocol module but not the server’s features or wiring', async () => {
    assert.deepStrictEqual(
      await layerErrors('client/src/probe.ts', "export { ItemsRequestMethod } from '../../server/src/protocol';\n"),
      [],
    );
    assert.deepStrictEqual(
      await layerErrors(
        'client/src/probe.ts',
        "import { hover } from '../../server/src/features/hover';\nimport { ServerState } from '../../server/src/lsp/state';\nexport const x = [hover, ServerState];\n",
      ),
      [
        'client/src may not import from server/src/features (ARCHITECTURE.md, Layers).',
        'client/src may not import from server/src/lsp (ARCHITECTURE.md, Layers).',
      ],
    );
  });

  it('fails a folder that is not placed in the layers table', async () => {
    const errors = await layerErrors(
      'server/src/somewhere/probe.ts',
      "import { parseLetter } from '../engine/parse';\nexport const x = parseLetter;\n",
    );
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /server\/src\/somewhere\/ is not in the layers table/);
  });

  it('passes the imports the code map allows (a feature reading the engine, the index and the protocol)', async () => {
    assert.deepStrictEqual(
      await layerErrors(
        'server/src/features/probe.ts',
        "import { parseLetter } from '../engine/parse';\nimport { LetterIndex } from '../workspace/letterIndex';\nimport { ItemsRequestMethod } from '../protocol';\nexport const x = [parseLetter, LetterIndex, ItemsRequestMethod];\n",
      ),
      [],
    );
  });
});
