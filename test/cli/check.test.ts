// `imr-letters check`, run as a subprocess on the fixture folders (see test/fixtures/cli/README.md).
// Expected lines and columns come from reading the fixture letters, not from the tool.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { createContext } from '../../server/src/features/context';
import { diagnostics as editorDiagnostics } from '../../server/src/features/diagnostics';
import { cliEntry, FIXTURES, lines, ROOT, runCli, runCliAsync, tempDir } from './helpers';

const CLEAN = `${FIXTURES}/clean`;
const MALFORMED = `${FIXTURES}/malformed`;
const MIXED = `${FIXTURES}/mixed`;

const TYPO = `${MALFORMED}/001_outcome_typo.txt`;
const NO_RATIONALE = `${MALFORMED}/002_missing_rationale.txt`;
const NO_GUIDELINE = `${MALFORMED}/000_no_reviewer_guideline.txt`;

/** 1-based line and column of the first occurrence of `needle` in a fixture. */
function locate(file: string, needle: string): { line: number; column: number } {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${file}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe(`imr-letters check (running ${cliEntry().kind})`, () => {
  it('passes the four real letters: no diagnostics, a summary, exit 0', () => {
    const r = runCli(['check', CLEAN]);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual(lines(r.stdout), ['4 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
    assert.strictEqual(r.code, 0);
  });

  it('reports each broken letter on one path:line:col line and exits 1 on errors', () => {
    // Where the fixtures are broken, found by reading them.
    const typo = locate(TYPO, 'Uphled');
    assert.deepStrictEqual(typo, { line: 121, column: 51 });
    assert.deepStrictEqual(locate(NO_RATIONALE, 'Refill of Xanax 1mg, QTY: 90:'), { line: 67, column: 1 });
    assert.deepStrictEqual(locate(NO_GUIDELINE, 'XANAX 0.5MG #90:'), { line: 93, column: 1 });

    const r = runCli(['check', MALFORMED]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stderr, '');
    assert.deepStrictEqual(lines(r.stdout), [
      `${NO_GUIDELINE}:93:1 warning missing-reviewer-guideline "XANAX 0.5MG #90" has no "MAXIMUS guideline:": the decision states no guideline source.`,
      `${TYPO}:121:51 error unknown-decision "Uphled" is not an IMR outcome: expected "Upheld" or "Overturned".`,
      `${NO_RATIONALE}:67:1 error missing-rationale "Refill of Xanax 1mg, QTY: 90" has no "Decision rationale:".`,
      '3 letters checked, 2 errors, 1 warning; 0 files skipped (not letters)',
    ]);
  });

  it('skips and counts files that are not letters, and reports a binary file without failing', () => {
    const r = runCli(['check', MIXED]);
    assert.deepStrictEqual(lines(r.stdout), ['1 letter checked, 0 errors, 0 warnings; 3 files skipped (not letters)']);
    assert.deepStrictEqual(lines(r.stderr), [`${MIXED}/scan.txt: binary file, skipped`]);
    assert.strictEqual(r.code, 0);
  });

  it('fails on warnings only above --max-warnings', () => {
    const plain = runCli(['check', NO_GUIDELINE]);
    assert.strictEqual(plain.code, 0, plain.stdout);
    assert.match(plain.stdout, /:93:1 warning missing-reviewer-guideline /);
    assert.strictEqual(runCli(['check', NO_GUIDELINE, '--max-warnings', '1']).code, 0);
    const strict = runCli(['check', NO_GUIDELINE, '--max-warnings=0']);
    assert.strictEqual(strict.code, 1);
    assert.deepStrictEqual(lines(strict.stderr), ['imr-letters: too many warnings: 1 (--max-warnings 0)']);
  });

  it('--quiet reports errors only', () => {
    const r = runCli(['check', MALFORMED, '--quiet']);
    assert.strictEqual(r.code, 1);
    const found = lines(r.stdout)
      .slice(0, -1)
      .map((l) => l.split(' ').slice(0, 3).join(' '));
    assert.deepStrictEqual(found, [
      `${TYPO}:121:51 error unknown-decision`,
      `${NO_RATIONALE}:67:1 error missing-rationale`,
    ]);
  });

  it('accepts globs with *, ** and ?, matched by the tool itself', () => {
    const q = runCli(['check', `${CLEAN}/00?_*.txt`]);
    assert.deepStrictEqual(lines(q.stdout), ['4 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)']);
    assert.strictEqual(q.code, 0);
    const deep = runCli(['check', `${FIXTURES}/**/002_*.txt`]);
    assert.deepStrictEqual(lines(deep.stdout), [
      `${NO_RATIONALE}:67:1 error missing-rationale "Refill of Xanax 1mg, QTY: 90" has no "Decision rationale:".`,
      '2 letters checked, 1 error, 0 warnings; 0 files skipped (not letters)',
    ]);
    assert.strictEqual(deep.code, 1);
  });

  it('accepts globs with {a,b} alternatives and [...] ranges', () => {
    // Every letter of clean/ is a .txt: the alternative that matches none leaves the others whole.
    const braces = runCli(['check', `${CLEAN}/*.{txt,pdf}`]);
    assert.deepStrictEqual(lines(braces.stdout), [
      '4 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)',
    ]);
    // Alternatives naming folders: one walk from their common folder, in sorted order.
    const folders = runCli(['check', `${FIXTURES}/{clean,malformed}/00[12]_*.txt`]);
    assert.deepStrictEqual(lines(folders.stdout), [
      `${TYPO}:121:51 error unknown-decision "Uphled" is not an IMR outcome: expected "Upheld" or "Overturned".`,
      `${NO_RATIONALE}:67:1 error missing-rationale "Refill of Xanax 1mg, QTY: 90" has no "Decision rationale:".`,
      '4 letters checked, 2 errors, 0 warnings; 0 files skipped (not letters)',
    ]);
    assert.strictEqual(folders.code, 1);
    // A negated range: 004 is the one clean letter outside 000 to 002.
    const negated = runCli(['check', '--format', 'json', `${CLEAN}/00[!0-2]_*.txt`]);
    assert.deepStrictEqual(
      JSON.parse(negated.stdout).files.map((f: { path: string }) => path.basename(f.path)),
      ['004_b9c7ee4c5df882e9.txt'],
    );
  });

  it('takes the severities of .imr-letters.json found upward from the working folder', () => {
    const dir = tempDir('config');
    fs.writeFileSync(
      path.join(dir, '.imr-letters.json'),
      JSON.stringify({
        diagnostics: { severity: { 'unknown-decision': 'off', 'missing-reviewer-guideline': 'error' } },
      }),
    );
    const cwd = path.join(dir, 'work', 'deeper');
    fs.mkdirSync(cwd, { recursive: true });
    const malformed = path.join(ROOT, MALFORMED);
    const r = runCli(['check', malformed], { cwd });
    // Outside the working folder, paths are shown absolute.
    const out = lines(r.stdout);
    assert.deepStrictEqual(
      out.slice(0, -1).map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `${path.join(malformed, '000_no_reviewer_guideline.txt')}:93:1 error missing-reviewer-guideline`,
        `${path.join(malformed, '002_missing_rationale.txt')}:67:1 error missing-rationale`,
      ],
    );
    assert.strictEqual(out[out.length - 1], '3 letters checked, 2 errors, 0 warnings; 0 files skipped (not letters)');
    assert.strictEqual(r.code, 1);
  });

  it('takes --config over any .imr-letters.json', () => {
    const dir = tempDir('config-flag');
    const file = path.join(dir, 'strict.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ diagnostics: { severity: { 'missing-rationale': 'warning', 'unknown-decision': 'hint' } } }),
    );
    const r = runCli(['check', MALFORMED, '--config', file]);
    const out = lines(r.stdout);
    assert.deepStrictEqual(
      out.slice(0, -1).map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `${NO_GUIDELINE}:93:1 warning missing-reviewer-guideline`,
        `${TYPO}:121:51 hint unknown-decision`,
        `${NO_RATIONALE}:67:1 warning missing-rationale`,
      ],
    );
    assert.strictEqual(
      out[out.length - 1],
      '3 letters checked, 0 errors, 2 warnings, 1 hint; 0 files skipped (not letters)',
    );
    assert.strictEqual(r.code, 0);
  });

  it('--format json: one entry per file in input order, diagnostics with 1-based positions, a summary', () => {
    const r = runCli(['check', MALFORMED, MIXED, '--format', 'json']);
    assert.strictEqual(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.deepStrictEqual(
      doc.files.map((f: { path: string; status: string }) => [f.path, f.status]),
      [
        [NO_GUIDELINE, 'letter'],
        [TYPO, 'letter'],
        [NO_RATIONALE, 'letter'],
        [`${MIXED}/004_b9c7ee4c5df882e9.txt`, 'letter'],
        [`${MIXED}/import-log.txt`, 'not-letter'],
        [`${MIXED}/notes.txt`, 'not-letter'],
        [`${MIXED}/scan.txt`, 'binary'],
      ],
    );
    const typo = doc.files[1].diagnostics;
    assert.deepStrictEqual(typo, [
      {
        line: 121,
        column: 51,
        endLine: 121,
        endColumn: 57,
        severity: 'error',
        code: 'unknown-decision',
        message: '"Uphled" is not an IMR outcome: expected "Upheld" or "Overturned".',
        letter: 1,
        item: 3,
      },
    ]);
    assert.strictEqual(doc.files[0].items, 2);
    assert.strictEqual(doc.files[1].items, 4);
    assert.deepStrictEqual(
      {
        letters: doc.summary.letters,
        errors: doc.summary.errors,
        warnings: doc.summary.warnings,
        notLetters: doc.summary.notLetters,
        binary: doc.summary.binary,
      },
      { letters: 4, errors: 2, warnings: 1, notLetters: 2, binary: 1 },
    );
  });

  it('reports exactly what the editor reports, with the same severities from the same settings', () => {
    const settings = {
      'missing-rationale': 'warning',
      'unknown-decision': 'information',
      'missing-reviewer-guideline': 'off',
    };
    const dir = tempDir('same-as-editor');
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ diagnostics: { severity: settings } }));
    const names: Record<number, string> = {
      [DiagnosticSeverity.Error]: 'error',
      [DiagnosticSeverity.Warning]: 'warning',
      [DiagnosticSeverity.Information]: 'information',
      [DiagnosticSeverity.Hint]: 'hint',
    };
    const compared: number[] = [];
    for (const config of [[], ['--config', path.join(dir, 'settings.json')]]) {
      const r = runCli(['check', MALFORMED, CLEAN, '--format', 'json', ...config]);
      const doc = JSON.parse(r.stdout);
      compared.push(doc.files.reduce((n: number, f: { diagnostics: unknown[] }) => n + f.diagnostics.length, 0));
      for (const file of doc.files) {
        const text = fs.readFileSync(path.join(ROOT, file.path), 'utf8');
        const ctx = createContext('file:///' + file.path, 1, text, 'plaintext');
        const fromEditor = editorDiagnostics(ctx, config.length > 0 ? settings : undefined).map((d) => [
          d.range.start.line + 1,
          d.range.start.character + 1,
          d.range.end.line + 1,
          d.range.end.character + 1,
          names[d.severity!],
          d.code,
          d.message,
        ]);
        const fromCli = file.diagnostics.map(
          (d: {
            line: number;
            column: number;
            endLine: number;
            endColumn: number;
            severity: string;
            code: string;
            message: string;
          }) => [d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.message],
        );
        const byPlace = (a: unknown[], b: unknown[]) =>
          (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number);
        assert.deepStrictEqual(fromCli, fromEditor.sort(byPlace), file.path);
      }
    }
    // Three problems in the malformed letters; the settings turn one of them off.
    assert.deepStrictEqual(compared, [3, 2]);
  });

  it('--format sarif: SARIF 2.1.0 with a rule per code and each result at its place', () => {
    const r = runCli(['check', MALFORMED, '--format', 'sarif']);
    assert.strictEqual(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.strictEqual(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.strictEqual(run.tool.driver.name, 'imr-letters');
    const ruleIds: string[] = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    assert.ok(ruleIds.includes('unknown-decision') && ruleIds.includes('missing-rationale'));
    // Each rule links its page as shipped beside the tool: docs/rules/<code>.md, a file that exists.
    for (const rule of run.tool.driver.rules as Array<{ id: string; helpUri: string }>) {
      assert.strictEqual(rule.helpUri, pathToFileURL(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`)).href);
      assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
    }
    const summary = run.results.map(
      (res: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: Array<{
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId: string };
            region: { startLine: number; startColumn: number; endColumn: number };
          };
        }>;
      }) => {
        assert.strictEqual(ruleIds[res.ruleIndex], res.ruleId);
        const loc = res.locations[0].physicalLocation;
        assert.strictEqual(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        return [res.ruleId, res.level, loc.artifactLocation.uri, loc.region.startLine, loc.region.startColumn];
      },
    );
    assert.deepStrictEqual(summary, [
      ['missing-reviewer-guideline', 'warning', NO_GUIDELINE, 93, 1],
      ['unknown-decision', 'error', TYPO, 121, 51],
      ['missing-rationale', 'error', NO_RATIONALE, 67, 1],
    ]);
    // "Uphled" is six characters; SARIF's end column is the one after the region.
    assert.strictEqual(run.results[1].locations[0].physicalLocation.region.endColumn, 57);
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'));
    assert.strictEqual(run.invocations[0].executionSuccessful, true);
  });

  it('gives the same output, in input order, with one worker and with several', async function () {
    this.timeout(120000);
    const dir = tempDir('jobs');
    const sources = [
      ...fs.readdirSync(path.join(ROOT, CLEAN)).map((f) => path.join(ROOT, CLEAN, f)),
      ...fs.readdirSync(path.join(ROOT, MALFORMED)).map((f) => path.join(ROOT, MALFORMED, f)),
    ];
    // 140 files: enough for batches to be shared out across workers and come back out of order.
    for (let i = 0; i < 20; i++)
      sources.forEach((src, k) =>
        fs.copyFileSync(src, path.join(dir, `${String(i).padStart(2, '0')}_${k}_${path.basename(src)}`)),
      );
    const [one, two, three] = await Promise.all([
      runCliAsync(['check', dir, '--jobs', '1']),
      runCliAsync(['check', dir, '--jobs', '2']),
      runCliAsync(['check', dir, '-j3', '--format', 'json']),
    ]);
    assert.strictEqual(one.code, 1);
    assert.strictEqual(two.code, 1);
    assert.strictEqual(two.stdout, one.stdout);
    const out = lines(one.stdout);
    assert.strictEqual(
      out[out.length - 1],
      '140 letters checked, 40 errors, 20 warnings; 0 files skipped (not letters)',
    );
    const paths = out.slice(0, -1).map((l) => l.slice(0, l.indexOf(':')));
    assert.deepStrictEqual(paths, [...paths].sort());
    const json = JSON.parse(three.stdout);
    assert.deepStrictEqual(
      json.files.map((f: { path: string }) => path.basename(f.path)),
      fs.readdirSync(dir).sort(),
    );
  });

  it('draws a progress bar on stderr only when asked or on a terminal, never in a pipe', () => {
    const piped = runCli(['check', CLEAN]);
    assert.ok(!piped.stderr.includes('\r'));
    const forced = runCli(['check', CLEAN, '--progress', '--jobs', '1']);
    assert.ok(
      forced.stderr.includes('\r\x1b[K[########################################] 4/4 files 100%'),
      JSON.stringify(forced.stderr),
    );
    assert.deepStrictEqual(lines(forced.stdout), [
      '4 letters checked, 0 errors, 0 warnings; 0 files skipped (not letters)',
    ]);
  });

  it('writes the report to --output', () => {
    const dir = tempDir('output');
    const file = path.join(dir, 'report.sarif');
    const r = runCli(['check', MALFORMED, '--format', 'sarif', '--output', file]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).runs[0].results.length, 3);
  });
});
