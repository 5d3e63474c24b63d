// The rule records against what is written from them: a doc page per rule, the settings schema in
// package.json, the README's table and the index of docs/rules (npm run rules:sync writes the last
// three; these tests fail when one drifts), and the links diagnostics and --help carry.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { helpText } from '../../server/src/cli/help';
import { RULES } from '../../server/src/engine/check';
import { syncPackageJson, syncReadme, syncRulesIndex } from '../../server/src/engine/rules/tables';
import { createContext } from '../../server/src/features/context';
import { diagnostics } from '../../server/src/features/diagnostics';
import { ruleDocUri } from '../../server/src/node/ruleDocs';
import { fixtureText, ROOT } from './helpers';

function read(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

describe('rules: documentation and generated tables', () => {
  for (const rule of RULES) {
    it(`docs/rules/${rule.code}.md: what it means, an example, how to fix, how to turn it off`, () => {
      const page = read(`docs/rules/${rule.code}.md`);
      assert.ok(page.startsWith(`# ${rule.code}\n\n${rule.description}\n`), 'title, then the description');
      for (const heading of ['## What it means', '## Example', '## How to fix', '## Turn it off'])
        assert.ok(page.includes(`\n${heading}\n`), heading);
      const off = page.slice(page.indexOf('## Turn it off'));
      assert.ok(off.includes(`The default severity is **${rule.defaultSeverity}**.`));
      assert.ok(off.includes(`"imrLetters.diagnostics.severity": { "${rule.code}": "off" }`), 'the editor setting');
      assert.ok(off.includes(`{ "diagnostics": { "severity": { "${rule.code}": "off" } } }`), '.imr-letters.json');
      assert.ok(off.includes(`Turn off this check (${rule.code})`), 'the quick fix');
    });
  }

  it('docs/rules holds a page for each rule and nothing else but its index', () => {
    assert.deepStrictEqual(
      fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort(),
      ['README.md', ...RULES.map((r) => `${r.code}.md`)].sort(),
    );
  });

  it('package.json, README.md and docs/rules/README.md say what the records say (else: npm run rules:sync)', () => {
    assert.strictEqual(read('package.json'), syncPackageJson(read('package.json'), RULES), 'package.json');
    assert.strictEqual(read('README.md'), syncReadme(read('README.md'), RULES), 'README.md');
    assert.strictEqual(
      read('docs/rules/README.md'),
      syncRulesIndex(read('docs/rules/README.md'), RULES),
      'docs/rules/README.md',
    );
  });

  it('the settings schema lists every code with the five levels, and the wording chosen once ("decided twice")', () => {
    const pkg = JSON.parse(read('package.json'));
    const severity = pkg.contributes.configuration.properties['imrLetters.diagnostics.severity'];
    assert.deepStrictEqual(
      Object.keys(severity.properties),
      RULES.map((r) => r.code),
    );
    assert.strictEqual(severity.additionalProperties, false);
    assert.deepStrictEqual(severity.properties['duplicate-item'], {
      type: 'string',
      enum: ['error', 'warning', 'information', 'hint', 'off'],
      description: 'The same disputed item is decided twice in one letter. Default: warning.',
    });
    assert.ok(!read('README.md').includes('listed twice'));
  });

  it('a drifted table is caught: the check compares the whole text', () => {
    const readme = read('README.md').replace('decided twice in one letter', 'listed twice in one letter');
    assert.notStrictEqual(syncReadme(readme, RULES), readme);
    const pkg = read('package.json').replace('"Default: warning."', '"Default: error."');
    const drifted = pkg.replace('decided twice in one letter. Default: warning.', 'listed twice.');
    assert.notStrictEqual(syncPackageJson(drifted, RULES), drifted);
  });

  it('--help lists every code with its default severity and description from the records', () => {
    const help = helpText();
    for (const r of RULES)
      assert.match(
        help,
        new RegExp(`  ${r.code} +${r.defaultSeverity} +${r.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
  });

  it("each diagnostic's codeDescription links its page beside the server (file://, opens offline)", () => {
    const ctx = createContext('file:///a.txt', 1, fixtureText('malformed', 'duplicate-item.txt'), 'imr-letter');
    const [d] = diagnostics(ctx);
    assert.strictEqual(d.code, 'duplicate-item');
    const href = d.codeDescription?.href;
    assert.strictEqual(href, pathToFileURL(path.join(ROOT, 'docs', 'rules', 'duplicate-item.md')).href);
    assert.ok(fs.readFileSync(fileURLToPath(href!), 'utf8').startsWith('# duplicate-item\n'));
    for (const r of RULES) assert.ok(fs.existsSync(fileURLToPath(ruleDocUri(r.code)!)), r.code);
  });
});
