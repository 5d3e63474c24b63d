// The workspace indexer's worker threads and its fallback (server/src/workspace/indexer.ts,
// summaryPool.ts): a build of 520 letters gives the same index on workers, with a worker script
// that crashes at once, and with none at all (the server's thread reads the files itself).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_LIMITS, Indexer } from '../../server/src/workspace/indexer';
import { LetterIndex } from '../../server/src/workspace/letterIndex';
import { fixtureText, ROOT } from './helpers';

const LETTERS = [
  '000_ccd83326e20498fa.txt',
  '001_95d645f4881bb0c4.txt',
  '002_5ad3443a4d2d1746.txt',
  '004_b9c7ee4c5df882e9.txt',
];

describe('workspace index: worker threads and the fallback', function () {
  this.timeout(120_000);
  let dir: string;
  const uris: string[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-indexer-'));
    for (let i = 0; i < 520; i++) {
      const file = path.join(dir, `${String(i).padStart(3, '0')}.txt`);
      fs.writeFileSync(file, fixtureText('letters', LETTERS[i % 4]));
      uris.push(pathToFileURL(file).toString());
    }
    fs.writeFileSync(path.join(dir, 'crash.js'), 'throw new Error("boom");\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function build(workerScript: string) {
    const index = new LetterIndex();
    const logged: string[] = [];
    const host = {
      isOpen: () => false,
      beginProgress: () => Promise.resolve(undefined),
      warn: (m: string) => logged.push(m),
      log: (m: string) => logged.push(m),
    };
    const indexer = new Indexer(index, host, DEFAULT_LIMITS, undefined, workerScript);
    indexer.setFiles(uris, false);
    while (indexer.busy) await indexer.idle;
    indexer.stop();
    const entries = [...index.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
    return { entries: entries.map((e) => [e.uri, e.size, e.mtimeMs, e.summary]), logged };
  }

  it('indexes the same on a worker, after a worker crashed, and with no worker script', async () => {
    const onWorkers = await build(path.join(ROOT, 'out', 'server', 'src', 'indexWorker.js'));
    assert.match(onWorkers.logged[0], /^Indexing 520 files on [1-4] worker threads\.$/);
    assert.strictEqual(onWorkers.entries.length, 520);
    // 130 copies each of 000 (2 items), 001 (4), 002 (1) and 004 (1).
    const items = onWorkers.entries.reduce(
      (n, e) => n + (e[3] as { letters: Array<{ items: unknown[] }> }).letters[0].items.length,
      0,
    );
    assert.strictEqual(items, 130 * 8);

    const crashed = await build(path.join(dir, 'crash.js'));
    assert.ok(
      crashed.logged.some((m) =>
        /^index worker stopped \(.*boom.*\): \d+ files read on the server's thread\.$/.test(m),
      ),
      crashed.logged.join('\n'),
    );
    assert.deepStrictEqual(crashed.entries, onWorkers.entries);

    const none = await build(path.join(dir, 'no-such-worker.js'));
    assert.deepStrictEqual(none.logged, []);
    assert.deepStrictEqual(none.entries, onWorkers.entries);
  });
});
