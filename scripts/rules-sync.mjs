// Writes what the rule records (server/src/engine/rules) decide into the files that list them: the
// settings schema in package.json, the README's diagnostics table, the index docs/rules/README.md.
//
//   npm run rules:sync             compile, then write the files that drifted
//   node scripts/rules-sync.mjs --check   exit 1, naming the files, when any has drifted
//
// test/unit/rules.test.ts runs the same comparison, so a drift fails the tests.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { RULES } = require(join(root, 'out/server/src/engine/rules/index.js'));
const tables = require(join(root, 'out/server/src/engine/rules/tables.js'));

const targets = [
  ['package.json', tables.syncPackageJson],
  ['README.md', tables.syncReadme],
  ['docs/rules/README.md', tables.syncRulesIndex],
];

const check = process.argv.includes('--check');
const drifted = [];
for (const [file, sync] of targets) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = sync(before, RULES);
  if (after === before) continue;
  drifted.push(file);
  if (!check) writeFileSync(path, after);
}
if (check && drifted.length > 0) {
  console.error(`rules-sync: out of date with the rule records: ${drifted.join(', ')} (run npm run rules:sync)`);
  process.exit(1);
}
console.log(drifted.length === 0 ? 'rules-sync: up to date' : `rules-sync: wrote ${drifted.join(', ')}`);
