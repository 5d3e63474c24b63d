// When the server checks a changed document (server/src/diagnosticsDelay.ts): an open at once, a
// first edit at once (in a 10 MB export after a short wait for the rest of a burst), the edits of
// a burst once typing pauses.

import * as assert from 'assert';
import {
  diagnosticsDelay,
  FIRST_EDIT_DELAY_LARGE,
  LARGE_DOCUMENT,
  settleDelay,
} from '../../server/src/lsp/diagnosticsDelay';

const LETTER = 6_000; // one letter's characters
const EXPORT = 10_000_000; // a 10 MB export

describe('diagnosticsDelay', () => {
  it('checks an open at once, whatever its size', () => {
    assert.strictEqual(diagnosticsDelay(LETTER, undefined), 0);
    assert.strictEqual(diagnosticsDelay(EXPORT, undefined), 0);
  });

  it('checks the first edit after a pause at once in a letter, after a short wait in an export', () => {
    assert.strictEqual(diagnosticsDelay(LETTER, 5_000), 0);
    assert.strictEqual(diagnosticsDelay(EXPORT, 5_000), FIRST_EDIT_DELAY_LARGE);
    // The wait is short beside the pause a burst's later edits wait for.
    assert.ok(FIRST_EDIT_DELAY_LARGE < settleDelay(EXPORT) / 2);
  });

  it('waits for typing to pause on an edit that follows another closely, longer in larger documents', () => {
    assert.strictEqual(diagnosticsDelay(LETTER, 3), 20);
    assert.strictEqual(diagnosticsDelay(200_000, 3), 60);
    assert.strictEqual(diagnosticsDelay(EXPORT, 3), 120);
    assert.strictEqual(diagnosticsDelay(EXPORT, 0), 120);
    // Just past the pause, an edit is a first edit again.
    assert.strictEqual(diagnosticsDelay(LETTER, 21), 0);
    assert.strictEqual(diagnosticsDelay(LARGE_DOCUMENT + 1, 121), FIRST_EDIT_DELAY_LARGE);
    assert.strictEqual(diagnosticsDelay(LARGE_DOCUMENT, 121), 0);
  });
});
