// engine/detect.ts isLetter: the real letters and the other layouts are letters; notes and logs
// that only mention IMR words are not.

import * as assert from 'assert';
import { isLetter } from '../../server/src/engine/detect';
import { allLetters, fixtureText } from './helpers';

describe('isLetter', () => {
  for (const { name, text } of allLetters()) {
    it(`says yes to ${name}, and to its first 40 lines (a half-written letter)`, () => {
      assert.strictEqual(isLetter(text), true);
      assert.strictEqual(isLetter(text.split('\n').slice(0, 40).join('\n')), true);
    });
  }
  for (const name of ['claim-notes.txt', 'server.log', 'meeting.txt']) {
    it(`says no to ${name}, which only mentions IMR words`, () => {
      assert.strictEqual(isLetter(fixtureText('non-letters', name)), false);
    });
  }
  it('says no to empty and binary-looking text', () => {
    assert.strictEqual(isLetter(''), false);
    assert.strictEqual(isLetter('\u0000\u0001\u0002'.repeat(1000)), false);
  });
  for (const name of ['notice-2013.txt', 'professional-review.txt']) {
    it(`says yes to the layout fixture ${name}`, () => {
      assert.strictEqual(isLetter(fixtureText('layouts', name)), true);
    });
  }
});
