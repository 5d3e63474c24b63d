// The saved workspace index (server/src/workspace/savedIndex.ts): what is saved is what loads, a
// line cut short loses that file only, and an index another version wrote is not read.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadIndex, SAVED_INDEX_FILE, saveIndex, SavedEntry } from '../../server/src/workspace/savedIndex';
import { summarizeText } from '../../server/src/export/summarizeText';
import { fixtureText } from './helpers';

const LETTERS = ['000_ccd83326e20498fa.txt', '001_95d645f4881bb0c4.txt', '002_5ad3443a4d2d1746.txt'];

describe('workspace index: saved between sessions', () => {
  let dir: string;
  // 300 entries: more than the lines read or written in one turn (100).
  const entries: SavedEntry[] = Array.from({ length: 300 }, (_, i) => ({
    uri: `file:///case/${i}.txt`,
    size: 5000 + i,
    mtimeMs: 1_796_198_356_050.119 + i,
    summary: summarizeText(LETTERS[i % 3], fixtureText('letters', LETTERS[i % 3])),
  }));
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-saved-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads what it saved, and removes the single-file index of earlier versions', async () => {
    fs.writeFileSync(path.join(dir, 'letters-index.json'), '{}');
    await saveIndex(dir, entries);
    assert.ok(!fs.existsSync(path.join(dir, 'letters-index.json')));
    const loaded = await loadIndex(dir);
    assert.deepStrictEqual([...loaded.values()], entries);
    // Letter 001's four items, as the letter names them.
    assert.deepStrictEqual(
      loaded.get('file:///case/1.txt')!.summary.letters[0].items.map((i) => i.name),
      [
        'Lexapro 20mg, 1 daily for 12 months',
        'Buspar 15mg, 1 three times a day as needed for 12 months',
        'Xanax 2mg, 1 twice a day as needed for 12 months',
        '12 Sessions of medication management with a psychiatrist',
      ],
    );
  });

  it('leaves out a line cut short, and reads nothing another version wrote', async () => {
    await saveIndex(dir, entries);
    const file = path.join(dir, SAVED_INDEX_FILE);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Line 0 is the version; line 6 is file 5.
    lines[6] = lines[6].slice(0, lines[6].length / 2);
    fs.writeFileSync(file, lines.join('\n'));
    const loaded = await loadIndex(dir);
    assert.strictEqual(loaded.size, 299);
    assert.ok(!loaded.has('file:///case/5.txt'));
    lines[0] = JSON.stringify({ version: 'imr-letters-0.0.1/summary-0' });
    fs.writeFileSync(file, lines.join('\n'));
    assert.strictEqual((await loadIndex(dir)).size, 0);
  });
});
