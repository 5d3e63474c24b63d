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

  it('keeps letters elsewhere, patterns switched off, and patterns it cannot read', () => {
    assert.strictEqual(isExcluded('2014/001_95d645f4881bb0c4.txt', matchers), false);
    assert.strictEqual(isExcluded('cases/drafts/letter.txt', matchers), false, 'drafts/ is the top folder only');
    assert.strictEqual(isExcluded('kept/letter.txt', matchers), false);
    // Brace alternatives are beyond the small matcher: files.exclude, applied by VS Code, still works.
    assert.strictEqual(isExcluded('x.log', matchers), false);
    assert.strictEqual(matchers.length, 5);
  });
});
