// `imr-letters notes add | list` as a user runs them, on copies of real letters in a temporary
// folder: the PDF of a letter and its text show the same notes; processes adding at once lose
// none; a damaged notes file is named, left byte for byte, and checking letters still works; a
// write leaves no temporary or lock file behind, and nothing but a change writes at all.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hasStackTrace, lines, ROOT, runCli, runCliAsync, tempDir } from './helpers';

const LETTERS = path.join(ROOT, 'test/fixtures/letters');
const PDFS = path.join(ROOT, 'test/fixtures/letters-pdf');
const EXTRACTED = path.join(ROOT, 'test/fixtures/extraction');

// Read off the letters: 001 has no case number and four items (Lexapro, Buspar, Xanax, 12 Sessions
// of medication management); CM16-0247274 has six, the third "Right L5-S1 epidural steroid injection".
const FAMILY = '001_95d645f4881bb0c4.txt';
const ESI = 'Right L5-S1 epidural steroid injection';

/** A workspace folder with letter 001, and CM16-0247274 as its PDF and as pdftotext -raw's text. */
function workspace(name: string): string {
  const dir = tempDir(`notes-${name}`);
  fs.mkdirSync(path.join(dir, 'letters'));
  fs.copyFileSync(path.join(LETTERS, FAMILY), path.join(dir, 'letters', FAMILY));
  fs.copyFileSync(path.join(PDFS, 'CM16-0247274.pdf'), path.join(dir, 'letters', 'CM16-0247274.pdf'));
  fs.copyFileSync(
    path.join(EXTRACTED, 'CM16-0247274.pdftotext-raw.txt'),
    path.join(dir, 'letters', 'CM16-0247274.txt'),
  );
  return dir;
}

function notesPath(dir: string): string {
  return path.join(dir, '.imr-letters', 'notes.json');
}

interface ListedJson {
  file: string | null;
  caseNumber: string | null;
  status: { value: string } | null;
  tags: string[];
  notes: Array<{ id: string; text: string }>;
  items: Array<{ number: number; name: string; tags: string[]; notes: Array<{ text: string }> }>;
  detached: Array<{ name: string; notes: Array<{ text: string }> }>;
}

function listJson(dir: string, ...inputs: string[]): ListedJson[] {
  const r = runCli(['notes', 'list', ...inputs, '--format', 'json'], { cwd: dir });
  assert.strictEqual(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as ListedJson[];
}

describe('cli notes', () => {
  it('adds a note to an item of a PDF letter, and its text shows the same note', () => {
    const dir = workspace('pdf');
    const add = runCli(
      [
        'notes',
        'add',
        'letters/CM16-0247274.pdf',
        '--item',
        '3',
        '--text',
        'Ask for the **MRI** report.',
        '--tag',
        '#appeal',
        '--status',
        'In review',
      ],
      { cwd: dir },
    );
    assert.strictEqual(add.code, 0, add.stderr);
    assert.match(
      add.stdout,
      new RegExp(
        `^added note [0-9a-f]{16}, tagged #appeal, status In review on CM16-0247274, item 3 "${ESI}" \\(\\.imr-letters/notes\\.json, created\\)\\n$`,
      ),
    );

    const listed = listJson(dir, 'letters');
    const byFile = new Map(listed.map((l) => [l.file, l]));
    for (const file of ['letters/CM16-0247274.pdf', 'letters/CM16-0247274.txt']) {
      const l = byFile.get(file);
      assert.ok(l, `${file} is listed`);
      assert.strictEqual(l.caseNumber, 'CM16-0247274');
      assert.strictEqual(l.status?.value, 'In review');
      assert.deepStrictEqual(
        l.items.map((i) => [i.number, i.name, i.tags, i.notes.map((n) => n.text)]),
        [[3, ESI, ['appeal'], ['Ask for the **MRI** report.']]],
      );
    }
    assert.strictEqual(byFile.has(`letters/${FAMILY}`), false, 'a letter without notes is not listed');
  });

  it('takes an item by name as the engine compares names, and a note on the letter as a whole', () => {
    const dir = workspace('name');
    const file = `letters/${FAMILY}`;
    assert.strictEqual(
      runCli(
        [
          'notes',
          'add',
          file,
          '--item',
          'BUSPAR 15mg 1 three times a day as needed for 12 months',
          '--text',
          'by name',
        ],
        { cwd: dir },
      ).code,
      0,
    );
    assert.strictEqual(runCli(['notes', 'add', file, '--text', 'whole letter'], { cwd: dir }).code, 0);
    const [l] = listJson(dir, file);
    assert.deepStrictEqual(
      l.notes.map((n) => n.text),
      ['whole letter'],
    );
    assert.deepStrictEqual(
      l.items.map((i) => [i.number, i.name, i.notes.map((n) => n.text)]),
      [[2, 'Buspar 15mg, 1 three times a day as needed for 12 months', ['by name']]],
    );
    // No case number: the letter is keyed by its path in the folder.
    assert.ok(Object.keys(JSON.parse(fs.readFileSync(notesPath(dir), 'utf8')).letters).includes(`path:${file}`));
  });

  it('refuses an item that is not there, naming the items, and writes nothing', () => {
    const dir = workspace('bad-item');
    const r = runCli(['notes', 'add', `letters/${FAMILY}`, '--item', '9', '--text', 'x'], { cwd: dir });
    assert.strictEqual(r.code, 2);
    assert.strictEqual(
      r.stderr,
      `imr-letters: letters/${FAMILY}: option '--item' must be 1 to 4 or an item's name; the items: 1. Lexapro 20mg, 1 daily for 12 months; 2. Buspar 15mg, 1 three times a day as needed for 12 months; 3. Xanax 2mg, 1 twice a day as needed for 12 months; 4. 12 Sessions of medication management with a psychiatrist\n`,
    );
    assert.strictEqual(fs.existsSync(path.join(dir, '.imr-letters')), false);
  });

  for (const [args, message] of [
    [['notes'], `imr-letters: 'notes' needs 'add' or 'list'; see 'imr-letters --help'`],
    [['notes', 'remove'], `imr-letters: unknown notes command 'remove': expected add or list`],
    [['notes', 'add', `letters/${FAMILY}`], `imr-letters: 'notes add' needs --text, --tag or --status`],
    [['notes', 'add', `letters/${FAMILY}`, '--text', ' '], `imr-letters: option '--text' needs some text`],
    [
      ['notes', 'list', 'letters', '--format', 'sarif'],
      `imr-letters: option '--format' for 'notes list' must be text, json, csv; got 'sarif'`,
    ],
    [['notes', 'list', 'letters', '--text', 'x'], `imr-letters: option '--text' does not apply to 'notes list'`],
    [['notes', 'add', 'missing.txt', '--text', 'x'], `imr-letters: missing.txt: no such file`],
  ] as Array<[string[], string]>)
    it(`says what is wrong: ${args.join(' ')}`, () => {
      const dir = workspace('usage');
      const r = runCli(args, { cwd: dir });
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.stderr, message + '\n');
      assert.ok(!hasStackTrace(r.stderr));
      assert.strictEqual(fs.existsSync(path.join(dir, '.imr-letters')), false);
    });

  it('loses no note when several processes add at once, and leaves no temporary or lock file', async () => {
    const dir = workspace('concurrent');
    const file = `letters/${FAMILY}`;
    const runs = Array.from({ length: 8 }, (_, i) =>
      runCliAsync(['notes', 'add', file, '--item', String((i % 4) + 1), '--text', `note ${i}`, '--tag', `t${i}`], {
        cwd: dir,
        killAfterMs: 50_000,
      }),
    );
    for (const r of await Promise.all(runs)) assert.strictEqual(r.code, 0, r.stderr);
    const [l] = listJson(dir, file);
    const texts = l.items.flatMap((i) => i.notes.map((n) => n.text)).sort();
    assert.deepStrictEqual(texts, ['note 0', 'note 1', 'note 2', 'note 3', 'note 4', 'note 5', 'note 6', 'note 7']);
    assert.deepStrictEqual(
      l.items.map((i) => i.tags),
      [
        ['t0', 't4'],
        ['t1', 't5'],
        ['t2', 't6'],
        ['t3', 't7'],
      ],
    );
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.imr-letters')), ['notes.json']);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = workspace('stale');
    fs.mkdirSync(path.join(dir, '.imr-letters'));
    const lock = notesPath(dir) + '.lock';
    fs.writeFileSync(lock, 'a process that is gone');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const r = runCli(['notes', 'add', `letters/${FAMILY}`, '--text', 'after the crash'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.imr-letters')), ['notes.json']);
  });

  describe('a damaged notes file', () => {
    const damaged = '{\n  "version": 1,\n  "letters": {\n    "case:CM16-0247274": {\n      "notes": [\n';

    function damagedWorkspace(): string {
      const dir = workspace('damaged');
      fs.mkdirSync(path.join(dir, '.imr-letters'));
      fs.writeFileSync(notesPath(dir), damaged);
      return dir;
    }

    it('is named in one clear message by notes add, and left byte for byte', () => {
      const dir = damagedWorkspace();
      const r = runCli(['notes', 'add', 'letters/CM16-0247274.txt', '--item', '3', '--text', 'x'], { cwd: dir });
      assert.strictEqual(r.code, 2);
      assert.match(
        r.stderr,
        /^imr-letters: \.imr-letters\/notes\.json: damaged notes file, left as it is: not valid JSON \(.+\)\n$/,
      );
      assert.strictEqual(fs.readFileSync(notesPath(dir), 'utf8'), damaged);
      assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.imr-letters')), ['notes.json']);
    });

    it('names what is wrong in a file of another version', () => {
      const dir = workspace('version');
      fs.mkdirSync(path.join(dir, '.imr-letters'));
      const newer = '{"version": 2, "letters": {}}\n';
      fs.writeFileSync(notesPath(dir), newer);
      const r = runCli(['notes', 'list', 'letters'], { cwd: dir });
      assert.strictEqual(r.code, 2);
      assert.strictEqual(
        lines(r.stderr)[0],
        'imr-letters: .imr-letters/notes.json: damaged notes file, left as it is: version 2 is not one this version of imr-letters reads (it reads 1)',
      );
      assert.strictEqual(fs.readFileSync(notesPath(dir), 'utf8'), newer);
    });

    it('does not stop export: named once as a warning, the letters exported without notes', () => {
      const dir = damagedWorkspace();
      const r = runCli(['export', 'letters', '--format', 'json', '--jobs', '1'], { cwd: dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const warnings = lines(r.stderr).filter((l) => l.includes('notes.json'));
      assert.strictEqual(warnings.length, 1, r.stderr);
      assert.match(
        warnings[0],
        /^imr-letters: warning: .*\.imr-letters\/notes\.json: damaged notes file, left as it is: not valid JSON \(.+\); exported without notes$/,
      );
      const records = JSON.parse(r.stdout) as Array<{ notes: string[]; status: string | null }>;
      assert.strictEqual(records.length, 4 + 6 + 6);
      assert.ok(records.every((x) => x.notes.length === 0 && x.status === null));
      assert.strictEqual(fs.readFileSync(notesPath(dir), 'utf8'), damaged);
    });

    it('does not stop check', () => {
      const dir = damagedWorkspace();
      const r = runCli(['check', 'letters', '--format', 'json'], { cwd: dir });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.strictEqual((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 3);
      assert.strictEqual(fs.readFileSync(notesPath(dir), 'utf8'), damaged);
    });
  });

  it('lists a note whose item is gone as detached, and one whose letter is gone too', () => {
    const dir = workspace('detached');
    const file = path.join(dir, 'letters', FAMILY);
    assert.strictEqual(
      runCli(['notes', 'add', `letters/${FAMILY}`, '--item', '3', '--text', 'Xanax note'], { cwd: dir }).code,
      0,
    );
    assert.strictEqual(
      runCli(['notes', 'add', 'letters/CM16-0247274.txt', '--text', 'case note'], { cwd: dir }).code,
      0,
    );
    // The Xanax item renamed in the letter: its note stays, detached.
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('Xanax 2mg, 1 twice a day', 'Alprazolam 2mg, 1 twice a day'));
    fs.rmSync(path.join(dir, 'letters', 'CM16-0247274.txt'));
    fs.rmSync(path.join(dir, 'letters', 'CM16-0247274.pdf'));

    const r = runCli(['notes', 'list', '.'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(
      r.stdout.replace(/\(\d{4}-\d\d-\d\d \d\d:\d\d, [0-9a-f]{16}\)/g, '(time, id)'),
      [
        `letters/${FAMILY}`,
        '  detached: Xanax 2mg, 1 twice a day as needed for 12 months (no longer found in the letter)',
        '     - Xanax note  (time, id)',
        '(no file holds this letter; notes in .imr-letters/notes.json)  CM16-0247274',
        '  - case note  (time, id)',
        '',
      ].join('\n'),
    );
    assert.strictEqual(r.stderr, 'imr-letters: 2 notes on 2 letters (2 detached)\n');
  });

  it('lists as CSV, one row per note, letter text made safe for spreadsheets', () => {
    const dir = workspace('csv');
    runCli(['notes', 'add', `letters/${FAMILY}`, '--item', '1', '--text', '=HYPERLINK("x")', '--tag', 'qa'], {
      cwd: dir,
    });
    const r = runCli(['notes', 'list', `letters/${FAMILY}`, '--format', 'csv'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    const rows = r.stdout.split('\r\n');
    assert.strictEqual(rows[0], 'file,letter,caseNumber,status,item,itemName,detached,tags,id,created,updated,text');
    assert.match(
      rows[1],
      new RegExp(
        `^letters/${FAMILY},1,,,1,"Lexapro 20mg, 1 daily for 12 months",,qa,[0-9a-f]{16},[^,]+Z,[^,]+Z,"'=HYPERLINK\\(""x""\\)"$`,
      ),
    );
  });

  it("export carries each item's notes, the letter's notes, tags and status, for the PDF and its text alike", () => {
    const dir = workspace('export');
    const add = (...args: string[]) => assert.strictEqual(runCli(['notes', 'add', ...args], { cwd: dir }).code, 0);
    add('letters/CM16-0247274.pdf', '--item', '3', '--text', 'first; with a semicolon', '--tag', 'esi');
    add('letters/CM16-0247274.txt', '--item', ESI, '--text', 'second\non two lines');
    add('letters/CM16-0247274.txt', '--text', 'whole letter', '--tag', 'appeal', '--status', 'Appeal');
    const r = runCli(['export', 'letters', '--format', 'json', '--jobs', '1'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    type Rec = {
      file: string;
      item: string;
      notes: string[];
      letterNotes: string[];
      tags: string[];
      status: string | null;
      appealBy: string | null;
    };
    const records = JSON.parse(r.stdout) as Rec[];
    for (const file of ['letters/CM16-0247274.pdf', 'letters/CM16-0247274.txt']) {
      const mine = records.filter((x) => x.file === file);
      assert.strictEqual(mine.length, 6);
      const esi = mine.find((x) => x.item === ESI)!;
      assert.deepStrictEqual(esi.notes, ['first; with a semicolon', 'second\non two lines']);
      assert.deepStrictEqual(esi.tags, ['appeal', 'esi']);
      for (const x of mine) {
        assert.deepStrictEqual(x.letterNotes, ['whole letter']);
        assert.strictEqual(x.status, 'Appeal');
        // Decision Date 02/03/2017 + 35 days: Friday 2017-03-10 (test/unit/appealDates.ts).
        assert.strictEqual(x.appealBy, '2017-03-10');
      }
      assert.deepStrictEqual(
        mine.filter((x) => x.notes.length > 0).map((x) => x.item),
        [ESI],
      );
    }
    for (const x of records.filter((x) => x.file === `letters/${FAMILY}`))
      assert.deepStrictEqual([x.notes, x.letterNotes, x.tags, x.status, x.appealBy], [[], [], [], null, null]);
  });

  it('writes nothing when listing or checking', () => {
    const dir = workspace('readonly');
    const file = `letters/${FAMILY}`;
    assert.strictEqual(runCli(['notes', 'list', file], { cwd: dir }).code, 0);
    runCli(['check', file], { cwd: dir });
    assert.strictEqual(fs.existsSync(path.join(dir, '.imr-letters')), false);
    runCli(['notes', 'add', file, '--text', 'x'], { cwd: dir });
    const before = fs.statSync(notesPath(dir));
    runCli(['notes', 'list', file], { cwd: dir });
    runCli(['check', file], { cwd: dir });
    assert.strictEqual(fs.statSync(notesPath(dir)).mtimeMs, before.mtimeMs);
  });

  it('is in the help', () => {
    const r = runCli(['notes', '--help']);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /imr-letters notes add <letter> \[--item <number\|name>\]/);
    assert.match(r.stdout, /imr-letters notes list <files\|folders\|globs\.\.\.> \[--format text\|json\|csv\]/);
  });
});
