// The tool's small parts on their own: glob matching, CSV quoting, file decoding, the paths the
// folder walk gives, argument parsing, when the progress bar shows.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeLetterBytes } from '../../server/src/files/decode';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { autoJobs } from '../../server/src/cli/jobs';
import { parseConfig, ConfigError } from '../../server/src/cli/config';
import { csvField, csvRow, spreadsheetSafe } from '../../server/src/export/writers';
import { globBase, globToRegExp, mayMatchBelow } from '../../server/src/files/glob';
import { Progress, progressWanted } from '../../server/src/cli/progress';
import { walkFolderSync } from '../../server/src/files/walk';
import { tempDir } from './helpers';

describe('imr-letters parts', () => {
  describe('glob', () => {
    const matches = (pattern: string, p: string) => globToRegExp(pattern).test(p);

    it('* stays within one folder name, ? is one character', () => {
      assert.ok(matches('*.txt', 'a.txt'));
      assert.ok(!matches('*.txt', 'dir/a.txt'));
      assert.ok(!matches('*.txt', 'a.txt.bak'));
      assert.ok(matches('00?_*.txt', '001_x.txt'));
      assert.ok(!matches('00?_*.txt', '0011_x.txt'));
      assert.ok(matches('a.b', 'a.b') && !matches('a.b', 'axb'), 'a dot is a dot');
    });

    it('** is any number of folders, including none', () => {
      assert.ok(matches('**/*.txt', 'a.txt'));
      assert.ok(matches('**/*.txt', 'x/y/a.txt'));
      assert.ok(matches('x/**/a.txt', 'x/a.txt'));
      assert.ok(matches('x/**/a.txt', 'x/1/2/a.txt'));
      assert.ok(!matches('x/**/a.txt', 'y/1/a.txt'));
      assert.ok(matches('x/**', 'x/1/2/a.txt'));
    });

    it('starts walking at the literal folders before the first wildcard, and prunes folders that cannot match', () => {
      assert.deepStrictEqual(globBase('letters/2014/*.txt'), { base: 'letters/2014', rest: '*.txt' });
      assert.deepStrictEqual(globBase('*.txt'), { base: '.', rest: '*.txt' });
      assert.deepStrictEqual(globBase('/data/**/x?.txt'), { base: '/data', rest: '**/x?.txt' });
      assert.ok(!mayMatchBelow('*.txt', 'sub'));
      assert.ok(mayMatchBelow('20*/*.txt', '2014'));
      assert.ok(!mayMatchBelow('20*/*.txt', '1999'));
      assert.ok(mayMatchBelow('a/**/b/*.txt', 'a/x/y'));
    });

    it('{a,b} alternatives, nested and with folders inside, and [...] ranges, as VS Code reads them', () => {
      assert.ok(matches('*.{txt,pdf}', 'a.txt') && matches('*.{txt,pdf}', 'a.pdf'));
      assert.ok(!matches('*.{txt,pdf}', 'a.imr') && !matches('*.{txt,pdf}', 'a.{txt,pdf}'));
      assert.ok(matches('{2014,archive/{2013,2015}}/*.txt', 'archive/2015/a.txt'));
      assert.ok(!matches('{2014,archive/{2013,2015}}/*.txt', 'archive/2014/a.txt'));
      assert.ok(matches('00[0-2]_*.txt', '001_x.txt') && !matches('00[0-2]_*.txt', '004_x.txt'));
      assert.ok(matches('00[!0-2]_*.txt', '004_x.txt') && !matches('00[!0-2]_*.txt', '001_x.txt'));
      assert.ok(!matches('a[!x]b', 'a/b'), 'a range never matches a folder separator');
      assert.ok(matches('a{b.txt', 'a{b.txt') && matches('[a.txt', '[a.txt'), 'unclosed: plain characters');
      assert.ok(!matches('[z-a].txt', 'b.txt'), 'a reversed range matches nothing');
      // The walk starts before the first brace or range, and prunes by every alternative.
      assert.deepStrictEqual(globBase('letters/{2014,2015}/*.txt'), { base: 'letters', rest: '{2014,2015}/*.txt' });
      assert.deepStrictEqual(globBase('letters/20[01]?/x.txt'), { base: 'letters', rest: '20[01]?/x.txt' });
      assert.ok(mayMatchBelow('{2014,archive/2013}/*.txt', 'archive'));
      assert.ok(mayMatchBelow('{2014,archive/2013}/*.txt', 'archive/2013'));
      assert.ok(!mayMatchBelow('{2014,archive/2013}/*.txt', 'archive/2015'));
      assert.ok(!mayMatchBelow('20[01]?/*.txt', '2024'));
    });
  });

  describe('csv', () => {
    it('quotes fields with commas, quotes or line breaks, doubles quotes, ends records with CRLF', () => {
      assert.strictEqual(csvField('plain'), 'plain');
      assert.strictEqual(csvField('Refill of Xanax 1mg, QTY: 90'), '"Refill of Xanax 1mg, QTY: 90"');
      assert.strictEqual(csvField('the "Claims Administrator"'), '"the ""Claims Administrator"""');
      assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
      assert.strictEqual(csvField('cr\rhere'), '"cr\rhere"');
      // Letter text never runs as a spreadsheet formula.
      assert.strictEqual(spreadsheetSafe('=HYPERLINK("http://x","y")'), '\'=HYPERLINK("http://x","y")');
      for (const lead of ['+', '-', '@', '\t', '\r']) assert.strictEqual(spreadsheetSafe(lead + '1'), "'" + lead + '1');
      assert.strictEqual(spreadsheetSafe('Xanax 2mg = 60 tablets'), 'Xanax 2mg = 60 tablets');
      assert.strictEqual(csvRow(['a', 'b,c', '']), 'a,"b,c",\r\n');
    });
  });

  describe('reading files', () => {
    it('calls a file with a NUL byte in its first 8 KB binary, and not one with a NUL only after that', () => {
      assert.deepStrictEqual(decodeLetterBytes(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), { kind: 'binary' });
      const late = Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0])]);
      assert.strictEqual(decodeLetterBytes(late).kind, 'text');
    });

    it('honours byte order marks as an editor does: UTF-8 and UTF-16 are text, the mark removed', () => {
      assert.deepStrictEqual(decodeLetterBytes(Buffer.from('\uFEFFUpheld', 'utf8')), { kind: 'text', text: 'Upheld' });
      assert.deepStrictEqual(
        decodeLetterBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Upheld', 'utf16le')])),
        { kind: 'text', text: 'Upheld' },
      );
      const be = Buffer.from('Upheld', 'utf16le').swap16();
      assert.deepStrictEqual(decodeLetterBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), {
        kind: 'text',
        text: 'Upheld',
      });
    });
  });

  describe('walking a folder', () => {
    it('gives the paths path.join gives, from a root written with a trailing separator, . or ..', () => {
      // The walk joins names by hand from the root it normalized (ARCHITECTURE.md, the walk).
      const dir = tempDir('walk-paths');
      fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
      for (const f of ['a.txt', 'sub/b.txt', 'sub/deeper/c.imr']) fs.writeFileSync(path.join(dir, f), 'x');
      const expected = ['a.txt', 'sub/b.txt', 'sub/deeper/c.imr'].map((f) => path.join(dir, f));
      for (const root of [
        dir,
        dir + path.sep,
        path.join(dir, 'sub') + path.sep + '..',
        dir + path.sep + '.' + path.sep,
      ]) {
        const found = walkFolderSync(root, { maxFileBytes: 1024, statFiles: false }).files.map((f) => f.path);
        assert.deepStrictEqual(found.sort(), expected.sort(), root);
      }
    });
  });

  describe('arguments', () => {
    it('reads commands, inputs and options in any order, with = or a separate value', () => {
      const parsed = parseArgs([
        'check',
        '-j',
        '2',
        'a',
        '--format=json',
        'b',
        '--max-warnings',
        '0',
        '--',
        '--odd-name.txt',
      ]);
      assert.strictEqual(parsed.kind, 'run');
      if (parsed.kind !== 'run') return;
      assert.deepStrictEqual(
        {
          inputs: parsed.options.inputs,
          jobs: parsed.options.jobs,
          format: parsed.options.format,
          maxWarnings: parsed.options.maxWarnings,
        },
        { inputs: ['a', 'b', '--odd-name.txt'], jobs: 2, format: 'json', maxWarnings: 0 },
      );
      assert.deepStrictEqual(
        parseArgs(['export', 'x', '-fcsv']).kind === 'run' &&
          (parseArgs(['export', 'x', '-fcsv']) as { options: { format: string } }).options.format,
        'csv',
      );
    });

    it('without --jobs, uses a worker per core only when the work pays for starting them', () => {
      assert.strictEqual(
        parseArgs(['check', 'a']).kind === 'run' &&
          (parseArgs(['check', 'a']) as { options: { jobs?: number } }).options.jobs,
        undefined,
      );
      // A text letter is about 4.2 KB (the bench's folders: 2,000 letters, 8.5 MB).
      const text = (letters: number) => ({ textFiles: letters, textBytes: letters * 4244, pdfs: 0 });
      const pdfs = (n: number) => ({ textFiles: 0, textBytes: 0, pdfs: n });
      // Two cores: one thread was faster on 2,000 letters (0.34 s against 0.45 s), workers on 50,000.
      assert.strictEqual(autoJobs(text(4), 2), 1);
      assert.strictEqual(autoJobs(text(0), 2), 1);
      assert.strictEqual(autoJobs(text(2000), 2), 1);
      assert.strictEqual(autoJobs(text(50_000), 2), 2);
      // More cores pay sooner; one core never starts a worker.
      assert.strictEqual(autoJobs(text(2000), 8), 1);
      assert.strictEqual(autoJobs(text(20_000), 8), 8);
      assert.strictEqual(autoJobs(text(50_000), 1), 1);
      // Workers pay only on idle cores: none idle beside this thread's (other jobs load the machine), none start.
      assert.strictEqual(autoJobs(text(50_000), 2, 0), 1);
      assert.strictEqual(autoJobs(text(50_000), 2, 1), 2);
      assert.strictEqual(autoJobs(text(50_000), 8, 2.5), 3);
      // A PDF weighs a few hundred text letters, and each worker first loads pdf.js: on two cores the
      // 39 posted PDFs read faster on one thread (0.82 s against 0.89 s), 195 copies on two workers.
      assert.strictEqual(autoJobs(pdfs(39), 2), 1);
      assert.strictEqual(autoJobs(pdfs(195), 2), 2);
    });

    it('names the argument at fault as written, also where parseArgs splits or takes arguments', () => {
      const message = (argv: string[]) => {
        try {
          parseArgs(argv);
        } catch (e) {
          return (e as Error).message;
        }
        return undefined;
      };
      // A group of short letters is named whole; letters after a flag's are a value it does not take.
      assert.strictEqual(
        message(['check', 'a', '-xyz']),
        "unknown option '-xyz' (argument 3); see 'imr-letters --help'",
      );
      assert.strictEqual(message(['check', 'a', '-qj4']), "option '--quiet' takes no value (argument 3)");
      assert.strictEqual(message(['check', 'a', '--no-pdf=1']), "option '--no-pdf' takes no value (argument 3)");
      // parseArgs takes the next argument as the value whatever it is: an option there is none.
      assert.strictEqual(
        message(['check', 'a', '--format', '--quiet']),
        "option '--format' needs a value (argument 3)",
      );
      assert.strictEqual(message(['check', 'a', '-j', '-1']), "option '--jobs' needs a value (argument 3)");
      assert.strictEqual(message(['check', 'a', '--format=']), "option '--format' needs a value (argument 3)");
      // `-` is no option, but standard input is not read, also after `--`.
      assert.match(
        message(['check', '--', '-']) ?? '',
        /^reading a letter from standard input is not supported \('-', argument 3\)/,
      );
      assert.strictEqual(message(['--', 'check', 'a'])?.startsWith('missing command'), true);
      const out = parseArgs(['check', 'a', '-o', '-', '-j4', '--', '--odd', '--']);
      assert.deepStrictEqual(out.kind === 'run' && [out.options.output, out.options.jobs, out.options.inputs], [
        '-',
        4,
        ['a', '--odd', '--'],
      ]);
    });

    it('refuses a repeated option and contradicting ones', () => {
      assert.throws(
        () => parseArgs(['check', 'a', '-j', '1', '--jobs', '2']),
        (e: unknown) => e instanceof UsageError && /given twice \(argument 5\)/.test(e.message),
      );
      assert.throws(() => parseArgs(['check', 'a', '--progress', '--no-progress']), UsageError);
      assert.throws(() => parseArgs(['export', 'a', '--bom']), /only applies to '--format csv'/);
    });
  });

  describe('config', () => {
    it('accepts the shape of the editor setting, "info" included, and an optional $schema', () => {
      const c = parseConfig(
        '{"$schema": "x", "diagnostics": {"severity": {"duplicate-item": "Info", "no-disputed-items": "off"}}}',
        'c.json',
      );
      assert.deepStrictEqual(c.severity, { 'duplicate-item': 'Info', 'no-disputed-items': 'off' });
      assert.deepStrictEqual(parseConfig('{}', 'c.json').severity, {});
    });

    it('names the file and the key of a mistake', () => {
      assert.throws(
        () => parseConfig('{"diagnostic": {}}', 'c.json'),
        (e: unknown) =>
          e instanceof ConfigError && e.message === `c.json: unknown key 'diagnostic' (expected "diagnostics")`,
      );
      assert.throws(() => parseConfig('[]', 'c.json'), ConfigError);
      assert.throws(
        () => parseConfig('{"diagnostics": {"severity": {"duplicate-item": 1}}}', 'c.json'),
        /diagnostics\.severity\.duplicate-item must be one of/,
      );
    });
  });

  describe('progress bar', () => {
    it('shows on a terminal, not in a pipe, not in CI, not on a dumb terminal; a flag decides when given', () => {
      assert.strictEqual(progressWanted({ isTTY: true, write: () => true }, {}, undefined), true);
      assert.strictEqual(progressWanted({ isTTY: false, write: () => true }, {}, undefined), false);
      assert.strictEqual(progressWanted({ isTTY: true, write: () => true }, { CI: 'true' }, undefined), false);
      assert.strictEqual(progressWanted({ isTTY: true, write: () => true }, { CI: 'false' }, undefined), true);
      assert.strictEqual(progressWanted({ isTTY: true, write: () => true }, { TERM: 'dumb' }, undefined), false);
      assert.strictEqual(progressWanted({ isTTY: false, write: () => true }, { CI: '1' }, true), true);
      assert.strictEqual(progressWanted({ isTTY: true, write: () => true }, {}, false), false);
    });

    it('redraws at most every 100 ms, always at the end, and clears its line', () => {
      const written: string[] = [];
      let now = 1000;
      const p = new Progress({ isTTY: true, columns: 60, write: (s) => (written.push(s), true) }, 4, true, () => now);
      p.tick(); // first draw
      p.tick(); // within 100 ms: none
      now += 150;
      p.tick();
      p.tick(); // the last: always drawn
      // 60 columns leave a 30-character bar.
      const bar = (filled: number) => `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}]`;
      assert.deepStrictEqual(written, [
        `${bar(8)} 1/4 files 25%`,
        `${bar(23)} 3/4 files 75%`,
        `${bar(30)} 4/4 files 100%`,
      ]);
      p.clear();
      assert.strictEqual(written[written.length - 1], '\r\x1b[K');
    });
  });
});
