// What the tool says when it is used wrongly or given something it cannot check: one line on
// stderr naming what and where, exit code 2, never a stack trace. Also --help and --version.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CODE_DESCRIPTIONS, DIAGNOSTIC_CODES } from '../../server/src/engine/check';
import { FIXTURES, hasStackTrace, lines, ROOT, runCli, tempDir } from './helpers';

const CLEAN = `${FIXTURES}/clean`;
const LETTER = `${CLEAN}/002_5ad3443a4d2d1746.txt`;

function assertUsageError(args: string[], expected: RegExp, cwd?: string): void {
  const r = runCli(args, { cwd });
  assert.strictEqual(r.code, 2, `exit code of ${args.join(' ')}: ${r.stderr}`);
  assert.ok(!hasStackTrace(r.stderr), r.stderr);
  const errLines = lines(r.stderr);
  assert.strictEqual(errLines.length, 1, r.stderr);
  assert.match(errLines[0], expected);
}

describe('imr-letters errors, --help and --version', () => {
  it('a missing path: its name and "no such file or folder", exit 2', () => {
    assertUsageError(['check', 'letters-that-are-not-here'], /^letters-that-are-not-here: no such file or folder$/);
  });

  it('a missing path among good ones: the others are still checked, exit 2', () => {
    const r = runCli(['check', 'nope.txt', CLEAN]);
    assert.strictEqual(r.code, 2);
    assert.deepStrictEqual(lines(r.stderr), ['nope.txt: no such file or folder']);
    assert.deepStrictEqual(lines(r.stdout), ['4 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
  });

  it('bad flags and values: what and which argument, exit 2', () => {
    assertUsageError(['check', CLEAN, '--frobnicate'], /^imr-letters: unknown option '--frobnicate' \(argument 3\)/);
    assertUsageError(
      ['check', CLEAN, '--format', 'xml'],
      /^imr-letters: option '--format' for 'check' must be text, json, sarif; got 'xml' \(argument 3\)$/,
    );
    assertUsageError(['export', CLEAN, '--format', 'sarif'], /must be json, csv, jsonl; got 'sarif'/);
    assertUsageError(
      ['check', CLEAN, '--jobs', '0'],
      /^imr-letters: option '--jobs' must be at least 1, got '0' \(argument 3\)$/,
    );
    assertUsageError(
      ['check', CLEAN, '--jobs', 'many'],
      /^imr-letters: option '--jobs' needs a whole number, got 'many'/,
    );
    assertUsageError(
      ['check', CLEAN, '--max-warnings'],
      /^imr-letters: option '--max-warnings' needs a value \(argument 3\)$/,
    );
    assertUsageError(
      ['outline', LETTER, '--max-warnings', '3'],
      /^imr-letters: option '--max-warnings' does not apply to 'outline'/,
    );
    assertUsageError(['lint', CLEAN], /^imr-letters: unknown command 'lint' \(argument 1\)/);
    assertUsageError([], /^imr-letters: missing command/);
    assertUsageError(['check'], /^imr-letters: 'check' needs at least one file, folder or glob$/);
  });

  it('a binary file alone: reported, skipped, and then there is no letter to check: exit 2', () => {
    const r = runCli(['check', `${FIXTURES}/mixed/scan.txt`]);
    assert.strictEqual(r.code, 2);
    assert.deepStrictEqual(lines(r.stderr), [
      `${FIXTURES}/mixed/scan.txt: binary file, skipped`,
      'imr-letters: no letters found (1 file read, none of them an IMR letter)',
    ]);
    assert.deepStrictEqual(lines(r.stdout), ['0 letters checked, 0 errors, 0 warnings; 1 file skipped (not letters)']);
  });

  it('an empty folder: nothing to check, exit 2', () => {
    const empty = tempDir('empty');
    assertUsageError(
      ['check', empty],
      new RegExp(`^${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: folder holds no \\.txt, \\.imr or \\.pdf files$`),
    );
  });

  it('a folder of notes and logs only: they are skipped, but no letters at all is exit 2', () => {
    const dir = tempDir('notes');
    fs.copyFileSync(path.join(ROOT, FIXTURES, 'mixed/notes.txt'), path.join(dir, 'notes.txt'));
    fs.copyFileSync(path.join(ROOT, FIXTURES, 'mixed/import-log.txt'), path.join(dir, 'import-log.txt'));
    const r = runCli(['check', '.'], { cwd: dir });
    assert.strictEqual(r.code, 2);
    assert.deepStrictEqual(lines(r.stdout), ['0 letters checked, 0 errors, 0 warnings; 2 files skipped (not letters)']);
    assert.deepStrictEqual(lines(r.stderr), [
      'imr-letters: no letters found (2 files read, none of them an IMR letter)',
    ]);
  });

  it('an unreadable file (a link to nothing) is named, the rest is checked, exit 2', () => {
    const dir = tempDir('dangling');
    fs.copyFileSync(path.join(ROOT, LETTER), path.join(dir, 'a.txt'));
    fs.symlinkSync(path.join(dir, 'gone-for-good.txt'), path.join(dir, 'b.txt'));
    const r = runCli(['check', '.'], { cwd: dir });
    assert.strictEqual(r.code, 2);
    assert.deepStrictEqual(lines(r.stderr), ['b.txt: cannot read (no such file (a dangling link?))']);
    assert.deepStrictEqual(lines(r.stdout), [
      '1 letter checked, 0 errors, 0 warnings; 0 files skipped (not letters); 1 file could not be checked',
    ]);
  });

  it('a glob that matches nothing, exit 2', () => {
    assertUsageError(['check', `${CLEAN}/*.pdf`], /^test\/fixtures\/cli\/clean\/\*\.pdf: no files match this pattern$/);
  });

  it('a config file with a mistake: the file and the key, exit 2', () => {
    const dir = tempDir('bad-config');
    fs.writeFileSync(
      path.join(dir, '.imr-letters.json'),
      JSON.stringify({ diagnostics: { severity: { 'missing-decison': 'off' } } }),
    );
    assertUsageError(
      ['check', path.join(ROOT, CLEAN)],
      /^imr-letters: \.imr-letters\.json: unknown diagnostic code 'missing-decison' in diagnostics\.severity/,
      dir,
    );
    fs.writeFileSync(
      path.join(dir, '.imr-letters.json'),
      JSON.stringify({ diagnostics: { severity: { 'missing-decision': 'fatal' } } }),
    );
    assertUsageError(
      ['check', path.join(ROOT, CLEAN)],
      /diagnostics\.severity\.missing-decision must be one of error, warning, information, hint, off; got "fatal"$/,
      dir,
    );
    fs.writeFileSync(path.join(dir, '.imr-letters.json'), '{ "diagnostics": ');
    assertUsageError(['check', path.join(ROOT, CLEAN)], /^imr-letters: \.imr-letters\.json: not valid JSON/, dir);
    assertUsageError(
      ['check', CLEAN, '--config', 'no-such-config.json'],
      /^imr-letters: no-such-config\.json: cannot read config file \(no such file\)$/,
    );
  });

  it('an --output in a folder that does not exist, exit 2', () => {
    assertUsageError(
      ['export', CLEAN, '--output', 'no/such/folder/out.json'],
      /^imr-letters: no\/such\/folder\/out\.json: cannot write \(no such folder\)$/,
    );
  });

  it('--help lists the commands, the exit codes and every diagnostic code with its description', () => {
    const r = runCli(['--help']);
    assert.strictEqual(r.code, 0);
    for (const word of [
      'imr-letters check',
      'imr-letters outline',
      'imr-letters export',
      '--format',
      '--jobs',
      '--max-warnings',
      '--config',
      'Exit codes:',
    ]) {
      assert.ok(r.stdout.includes(word), word);
    }
    for (const code of DIAGNOSTIC_CODES) {
      assert.ok(r.stdout.includes(code) && r.stdout.includes(CODE_DESCRIPTIONS[code]), code);
    }
    assert.strictEqual(runCli(['check', '-h']).stdout, r.stdout);
  });

  it('--version prints the version of package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const r = runCli(['--version']);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout, `${pkg.version}\n`);
  });
});
