// The editor's Export (`imrLetters/exportDecisions`) over the protocol, on letters whose text
// begins like a spreadsheet formula (test/fixtures/cli/formula/, see its README): the CSV it
// writes neutralizes every such cell, whether a letter is read from disk or open in the editor,
// written to a file or sent back inline (VS Code for the Web); JSON Lines keep the text as it is.

import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ExportDecisionsRequest, ExportDecisionsResult } from '../../server/src/protocol/requests';
import { openDocument, ROOT, startServer, TestServer, waitForIndex } from './client';

const FORMULA = path.join(ROOT, 'test', 'fixtures', 'cli', 'formula');
const PARTIAL = 'CM16-0234202-formulas.txt';
const ITEMS = 'CM16-0245796-formulas.txt';
const FORMULA_START = /^[=+\-@\t\r]/;

describe('the editor\u2019s Export neutralizes spreadsheet formulas in CSV', function () {
  let server: TestServer;
  let dir: string;
  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-letters-ws-formula-'));
    for (const name of [PARTIAL, ITEMS]) fs.copyFileSync(path.join(FORMULA, name), path.join(dir, name));
    server = await startServer({ workspaceFolders: [pathToFileURL(dir).toString()] });
    await waitForIndex(server);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function exported(format: 'csv' | 'jsonl', inline = false): Promise<string> {
    const out = path.join(dir, `decisions.${format}`);
    const result = (await server.connection.sendRequest(ExportDecisionsRequest, {
      format,
      path: out,
      inline,
    })) as ExportDecisionsResult;
    assert.deepStrictEqual([result.items, result.letters, result.skipped], [3, 2, 0]);
    return inline ? result.content! : fs.readFileSync(out, 'utf8');
  }

  function csvRows(text: string): Record<string, string>[] {
    return parse(text, { columns: true, bom: true, record_delimiter: '\r\n' });
  }

  function assertNeutralized(rows: Record<string, string>[]): void {
    assert.strictEqual(rows.length, 3);
    for (const row of rows)
      for (const [column, cell] of Object.entries(row)) assert.doesNotMatch(cell, FORMULA_START, `${column}: ${cell}`);
    const byItem = new Map(rows.map((r) => [r.item, r]));
    const norco = byItem.get("'-Norco 10/325mg #35");
    assert.ok(norco, [...byItem.keys()].join(' | '));
    assert.deepStrictEqual([norco.requested, norco.authorized], ["'+Norco 10/325mg #60", "'-Norco 10/325mg #25"]);
    const salonpas = byItem.get('\'=HYPERLINK("http://example.com","Salonpas") pad #60');
    assert.ok(salonpas, [...byItem.keys()].join(' | '));
    assert.strictEqual(salonpas.diagnoses, "'=1+2 strain; @SUM(1) sprain; -3+4 pain; +5 contusion");
    assert.ok(byItem.has("'@SUM(1+1) Anecream cream 4% #30"), [...byItem.keys()].join(' | '));
  }

  it('JSON Lines keep the letters\u2019 text as written: there is something to neutralize', async () => {
    const records = (await exported('jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { item: string; requested: string | null; diagnoses: string[] });
    const items = records.map((r) => r.item).sort();
    assert.deepStrictEqual(items, [
      '-Norco 10/325mg #35',
      '=HYPERLINK("http://example.com","Salonpas") pad #60',
      '@SUM(1+1) Anecream cream 4% #30',
    ]);
    assert.ok(records.some((r) => r.requested === '+Norco 10/325mg #60'));
    assert.ok(records.some((r) => r.diagnoses[0] === '=1+2 strain'));
  });

  it('CSV to a file, the letters read from disk', async () => {
    assertNeutralized(csvRows(await exported('csv')));
  });

  it('CSV sent back inline, as VS Code for the Web asks it', async () => {
    assertNeutralized(csvRows(await exported('csv', true)));
  });

  it('CSV with a letter open in the editor, its text from the editor', async () => {
    const file = path.join(dir, ITEMS);
    const edited = fs
      .readFileSync(file, 'utf8')
      .replace('=HYPERLINK("http://example.com","Salonpas") pad #60', '+Salonpas pad #60');
    await openDocument(server, pathToFileURL(file).toString(), edited);
    const rows = csvRows(await exported('csv'));
    for (const row of rows)
      for (const [column, cell] of Object.entries(row)) assert.doesNotMatch(cell, FORMULA_START, `${column}: ${cell}`);
    assert.deepStrictEqual(rows.map((r) => r.item).sort(), [
      "'+Salonpas pad #60",
      "'-Norco 10/325mg #35",
      "'@SUM(1+1) Anecream cream 4% #30",
    ]);
  });
});
