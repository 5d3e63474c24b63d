// search.exclude as the client applies it to the letter files it lists for the server's index.

import * as assert from 'assert';
import { excludeMatchers, isExcluded } from '../../client/src/searchExclude';

describe('client: search.exclude for the workspace index', () => {
  // VS Code's defaults, and a folder of drafts a user keeps out of searches.
  const matchers = excludeMatchers({
    '**/node_modules': true,
    '**/bower_components': true,
    '**/*.code-search': true,
    'drafts/': true,
    'archive/**/*.bak.txt': true,
    'kept/**': false,
    '**/*.{log,tmp}': true,
  });

  it('leaves out files below an excluded folder, at any depth for ** patterns', () => {
    assert.strictEqual(isExcluded('node_modules/pkg/readme.txt', matchers), true);
    assert.strictEqual(isExcluded('cases/node_modules/x.txt', matchers), true);
    assert.strictEqual(isExcluded('drafts/letter.txt', matchers), true);
    assert.strictEqual(isExcluded('archive/2014/one.bak.txt', matchers), true);
  });

  it('keeps letters elsewhere and patterns switched off', () => {
    assert.strictEqual(isExcluded('2014/001_95d645f4881bb0c4.txt', matchers), false);
    assert.strictEqual(isExcluded('cases/drafts/letter.txt', matchers), false, 'drafts/ is the top folder only');
    assert.strictEqual(isExcluded('kept/letter.txt', matchers), false);
  });

  it('honours {a,b} alternatives, nested and with folders inside, as VS Code does', () => {
    assert.strictEqual(isExcluded('x.log', matchers), true);
    assert.strictEqual(isExcluded('cases/2014/x.tmp', matchers), true);
    assert.strictEqual(isExcluded('cases/x.txt', matchers), false);
    const nested = excludeMatchers({ '{old,archive/{2013,2014}}/**': true, 'IMR{,-copy}.txt': true });
    assert.strictEqual(isExcluded('old/001.txt', nested), true);
    assert.strictEqual(isExcluded('archive/2014/001.txt', nested), true);
    assert.strictEqual(isExcluded('archive/2015/001.txt', nested), false);
    assert.strictEqual(isExcluded('IMR.txt', nested), true);
    assert.strictEqual(isExcluded('IMR-copy.txt', nested), true);
    assert.strictEqual(isExcluded('IMR-final.txt', nested), false);
    // An unclosed brace is a plain character.
    assert.strictEqual(isExcluded('a{b.txt', excludeMatchers({ 'a{b.txt': true })), true);
  });

  it('honours [...] ranges and [!...] negated ranges within one segment', () => {
    const ranges = excludeMatchers({ 'batch-[0-4]*/**': true, '**/draft[!s].txt': true, '[]x].txt': true });
    assert.strictEqual(isExcluded('batch-003/000123_1.txt', ranges), true);
    assert.strictEqual(isExcluded('batch-512/000123_1.txt', ranges), false);
    assert.strictEqual(isExcluded('cases/draft1.txt', ranges), true);
    assert.strictEqual(isExcluded('cases/drafts.txt', ranges), false);
    assert.strictEqual(isExcluded('x.txt', ranges), true);
    assert.strictEqual(isExcluded('].txt', ranges), true);
    // A range never crosses a folder: `[!s]` does not match the '/'.
    assert.strictEqual(isExcluded('cases/draft/.txt', ranges), false);
    // An unclosed range is a plain '['; a reversed one matches nothing.
    assert.strictEqual(isExcluded('[a.txt', excludeMatchers({ '[a.txt': true })), true);
    assert.strictEqual(isExcluded('b.txt', excludeMatchers({ '[z-a].txt': true })), false);
  });
});
