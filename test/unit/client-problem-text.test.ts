// What "IMR: Fix All in Letter" and "Turn off this check" say and write (client/src/problemText.ts).

import * as assert from 'assert';
import { fixAllMessage, turnedOffMessage, withCheckOff } from '../../client/src/problemText';

describe('client: problem commands', () => {
  it('Fix All in Letter says how many problems it fixed, and what it leaves', () => {
    assert.strictEqual(
      fixAllMessage(2),
      'IMR: fixed 2 problems in this letter. Outcomes to choose and parts to write are left to you.',
    );
    assert.strictEqual(
      fixAllMessage(1),
      'IMR: fixed 1 problem in this letter. Outcomes to choose and parts to write are left to you.',
    );
    assert.match(fixAllMessage(0), /^IMR: nothing in this letter can be fixed automatically\./);
  });

  it('turning a check off keeps the severities already set for other codes', () => {
    assert.deepStrictEqual(withCheckOff(undefined, 'duplicate-item'), { 'duplicate-item': 'off' });
    assert.deepStrictEqual(
      withCheckOff({ 'missing-rationale': 'warning', 'duplicate-item': 'error' }, 'duplicate-item'),
      {
        'missing-rationale': 'warning',
        'duplicate-item': 'off',
      },
    );
    assert.deepStrictEqual(withCheckOff('nonsense', 'no-disputed-items'), { 'no-disputed-items': 'off' });
    assert.strictEqual(
      turnedOffMessage('duplicate-item', 'workspace'),
      'IMR: "duplicate-item" problems are off in your workspace settings (imrLetters.diagnostics.severity).',
    );
  });
});
