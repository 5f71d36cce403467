import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { passphraseBits, passphraseStrength } from './passphrase-strength.ts';

test('levels from empty to strong', () => {
  assert.equal(passphraseStrength('').level, 'empty');
  assert.equal(passphraseStrength('abc12').level, 'too-short');
  assert.match(passphraseStrength('short').text, /at least 10 characters/);
  assert.equal(passphraseStrength('aaaaaaaaaaaa').level, 'weak', 'one letter repeated');
  assert.equal(passphraseStrength('abcdefghijkl').level, 'weak', 'a run of the alphabet');
  assert.equal(passphraseStrength('1234567890').level, 'weak');
  assert.equal(passphraseStrength('harbourphysio').level, 'weak', 'two words run together');
  assert.equal(passphraseStrength('harbour physio').level, 'weak');
  assert.equal(passphraseStrength('harbour physio clinic').level, 'fair');
  assert.equal(passphraseStrength('correct horse battery staple').level, 'strong');
  assert.equal(passphraseStrength('Tr0ub4dor&3xyz!').level, 'strong');
});

test('the estimate is a finite, non-negative number, and under 10 characters is always too short', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (passphrase) => {
      const bits = passphraseBits(passphrase);
      assert.ok(Number.isFinite(bits) && bits >= 0);
      const { level } = passphraseStrength(passphrase);
      if (passphrase.length > 0 && passphrase.length < 10) assert.equal(level, 'too-short');
    }),
  );
});

test('another word never lowers the estimate', () => {
  const word = fc.stringMatching(/^[a-z]{1,12}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), word, (words, extra) => {
      assert.ok(passphraseBits([...words, extra].join(' ')) >= passphraseBits(words.join(' ')));
    }),
  );
});
