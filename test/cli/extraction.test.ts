// `imr-letters check` on a file it takes for a letter but in which no disputed item is decided
// (issue 14): it is counted as a letter and warned about, never "0 letters checked".

import * as assert from 'assert';
import { itUnlessPending } from '../extraction/pending';
import { pendingTest } from '../extraction/pending-tests';
import { cliEntry, lines, runCli } from './helpers';

const NO_DECISIONS = 'test/fixtures/extraction/notice-2013-no-decisions.txt';
const TITLE = 'counts a letter with no decided item as a letter and warns no-disputed-items';

describe(`imr-letters check on extraction output (running ${cliEntry().kind})`, () => {
  itUnlessPending(TITLE, pendingTest(TITLE), () => {
    const r = runCli(['check', NO_DECISIONS]);
    assert.strictEqual(r.stderr, '');
    const out = lines(r.stdout);
    assert.ok(
      out.some((l) => l.startsWith(`${NO_DECISIONS}:`) && / warning no-disputed-items /.test(l)),
      r.stdout,
    );
    assert.strictEqual(out[out.length - 1], '1 letter checked, 0 errors, 1 warning; 0 files skipped (not letters)');
    assert.strictEqual(r.code, 0);
  });
});
