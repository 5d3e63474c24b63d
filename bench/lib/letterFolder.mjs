// A folder of many letter files for the command-line benchmarks: the fixture letters and the broken
// copies of test/fixtures/cli/malformed (so that there are diagnostics to print), in turn, under
// varied names, spread over sub-folders as a claims team's archive would be. Kept in bench/.data
// (git-ignored) between runs and written again only when its recipe changes.

import fs from 'node:fs';
import path from 'node:path';

/** The letters the folder is made of: the fixture letters, then the broken copies (their bytes as read). */
export function folderTexts(root) {
  const from = (dir) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({
        name: path.basename(f, '.txt'),
        bytes: fs.readFileSync(path.join(root, dir, f)),
        broken: dir.endsWith('malformed'),
      }));
  return [...from('test/fixtures/letters'), ...from('test/fixtures/cli/malformed')];
}

/** `CM19-0123457_Final_Determination.txt`, `imr 2017 0033321 decision.txt`...: what archives hold. */
function nameOf(i, source) {
  const id = String((i * 7919 + 104729) % 10_000_000).padStart(7, '0');
  const year = 13 + (i % 7);
  switch (i % 4) {
    case 0:
      return `CM${year}-${id}_Final_Determination.txt`;
    case 1:
      return `imr ${2000 + year} ${id} decision.txt`;
    case 2:
      return `${id}-${source}.txt`;
    default:
      return `Letter_${String(i).padStart(5, '0')}.txt`;
  }
}

/**
 * The folder `bench/.data/<name>` with `files` letter files in `folders` sub-folders; returns its
 * path, its size in bytes and how many of its files are the broken copies.
 */
export function letterFolder(root, { files, folders, name = `letters-${files}` }) {
  const dir = path.join(root, 'bench', '.data', name);
  const sources = folderTexts(root);
  const recipe = JSON.stringify({ files, folders, sources: sources.map((s) => [s.name, s.bytes.length]) });
  const stamp = `${dir}.recipe.json`;
  let bytes = 0;
  let broken = 0;
  for (let i = 0; i < files; i++) {
    bytes += sources[i % sources.length].bytes.length;
    if (sources[i % sources.length].broken) broken++;
  }
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === recipe) return { dir, bytes, broken };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(stamp, { force: true });
  for (let f = 0; f < folders; f++)
    fs.mkdirSync(path.join(dir, `batch-${String(f).padStart(2, '0')}`), { recursive: true });
  for (let i = 0; i < files; i++) {
    const src = sources[i % sources.length];
    const sub = `batch-${String(i % folders).padStart(2, '0')}`;
    fs.writeFileSync(path.join(dir, sub, nameOf(i, src.name)), src.bytes);
  }
  fs.writeFileSync(stamp, recipe);
  return { dir, bytes, broken };
}
