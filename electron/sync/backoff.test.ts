import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBackoff } from './backoff.ts';

test('the retry delay doubles per elapsed delay up to the ceiling, and resets after a success', () => {
  let now = 0;
  const backoff = createBackoff({ baseMs: 100, maxMs: 500 }, () => now);
  assert.equal(backoff.afterFailure(), 100);
  // A burst of simultaneous failures counts once.
  assert.equal(backoff.afterFailure(), 100);
  now += 100;
  assert.equal(backoff.afterFailure(), 200);
  now += 200;
  assert.equal(backoff.afterFailure(), 400);
  now += 400;
  assert.equal(backoff.afterFailure(), 500);
  now += 500;
  assert.equal(backoff.afterFailure(), 500);
  assert.equal(backoff.afterSuccess(), 100);
  assert.equal(backoff.current(), 100);
  assert.equal(backoff.afterFailure(), 100);
});
