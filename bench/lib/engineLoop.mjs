// The engine's work for the command line, in a process of its own, for bench/instructions.mjs to
// count under valgrind: `count` different letters (lib/peer.mjs variedLetters of the fixture
// letters and the broken copies lib/letterFolder.mjs also puts in its folder), each analysed as
// `imr-letters check` or `export` does it (export/analyze.ts analyzeText, export's records formatted
// as JSON Lines), `passes` times over. Prints one line (what was found), so that nothing is skipped.
//
//   node bench/lib/engineLoop.mjs <out folder> <check|export> <letters> <passes>

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderTexts } from './letterFolder.mjs';
import { variedLetters } from './peer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [outDir, mode, count, passes] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const load = (module) => require(path.join(path.resolve(outDir), 'server', 'src', module));
// A build from before the layers (issue 29) kept these under cli/: --against may count one.
const loadEither = (now, before) => {
  try {
    return load(now);
  } catch {
    return load(before);
  }
};
const { analyzeText } = loadEither('export/analyze.js', 'cli/analyze.js');
const { formatRecords } = loadEither('export/writers.js', 'cli/export.js');
const { effectiveSeverities } = load('cli/config.js');

const texts = variedLetters(
  folderTexts(root).map((t) => t.bytes.toString('utf8')),
  Number(count),
);
const severities = effectiveSeverities({ severity: {} });
let found = 0;
for (let pass = 0; pass < Number(passes); pass++) {
  for (let i = 0; i < texts.length; i++) {
    const file = `/letters/${i}.txt`;
    const report = analyzeText(texts[i], file, file, mode, severities);
    found += mode === 'export' ? formatRecords(report.records, 'jsonl').length : report.diagnostics.length;
  }
}
console.log(`${mode}: ${texts.length} letters, ${passes} passes, ${found} found`);
