// Release after an idle period: only once no use runs, and only if nothing used it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idleRelease } from './idle-release.ts';
import { manualTimer } from './testing/manual-timer.ts';

test('released once idle for the period, not while a use runs, not after a new use', () => {
  const timer = manualTimer();
  let released = 0;
  const idle = idleRelease(() => (released += 1), { idleMs: 60_000, timer });
  idle.begin();
  idle.begin();
  idle.end();
  assert.equal(timer.pending.length, 0, 'one use still runs');
  idle.end();
  assert.deepEqual(
    timer.pending.map((item) => item.ms),
    [60_000],
  );
  idle.begin(); // used again before the period ran out: the release is called off
  assert.equal(timer.pending.length, 0);
  idle.end();
  timer.fire();
  assert.equal(released, 1);
  idle.begin();
  idle.end();
  idle.stop(); // the owner closed
  assert.equal(timer.pending.length, 0);
  assert.equal(released, 1);
});
