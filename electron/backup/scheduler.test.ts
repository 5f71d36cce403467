import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunReason } from './schedule.ts';
import { createBackupScheduler } from './scheduler.ts';
import { FakeTime, settle } from './testing/fake-time.ts';

// Europe/Berlin in winter is UTC+1: 21:00 local is 20:00Z.
const TZ = 'Europe/Berlin';

function harness(
  start: string,
  lastGoodAt: string | null,
  behaviour: (reason: RunReason) => Promise<string> = async () => 'ok',
) {
  const time = new FakeTime(start);
  const runs: { reason: RunReason; at: string }[] = [];
  const scheduler = createBackupScheduler({
    config: { timeZone: TZ },
    lastGoodAt: lastGoodAt ? new Date(lastGoodAt) : null,
    now: time.now,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    runBackup: (reason) => {
      runs.push({ reason, at: time.now().toISOString() });
      return behaviour(reason);
    },
  });
  return { time, runs, scheduler };
}

function deferred() {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('backup scheduler (fake clock)', () => {
  test('runs daily at 21:00 local time, once per day', async () => {
    const { time, runs, scheduler } = harness('2026-11-23T08:00:00Z', '2026-11-22T20:00:00Z');
    scheduler.start();
    assert.deepEqual(scheduler.status().nextRun, {
      at: new Date('2026-11-23T20:00:00Z'),
      reason: 'daily',
    });
    await time.advanceTo('2026-11-23T19:59:59Z');
    assert.equal(runs.length, 0);
    await time.advanceTo('2026-11-24T19:59:00Z');
    assert.deepEqual(runs, [{ reason: 'daily', at: '2026-11-23T20:00:00.000Z' }]);
    await time.advanceTo('2026-11-25T20:30:00Z');
    assert.deepEqual(
      runs.map((r) => r.at),
      ['2026-11-23T20:00:00.000Z', '2026-11-24T20:00:00.000Z', '2026-11-25T20:00:00.000Z'],
    );
    assert.deepEqual(scheduler.status().lastGoodAt, new Date('2026-11-25T20:00:00Z'));
    scheduler.stop();
    assert.equal(time.pendingTimers(), 0);
  });

  test('catches up within a minute of start-up after a night (or weekend) off', async () => {
    const { time, runs, scheduler } = harness('2026-11-23T07:00:00Z', '2026-11-20T20:00:00Z');
    scheduler.start();
    await time.advanceTo('2026-11-23T07:00:29Z');
    assert.equal(runs.length, 0);
    await time.advanceTo('2026-11-23T07:01:00Z');
    assert.deepEqual(runs, [{ reason: 'catch-up', at: '2026-11-23T07:00:30.000Z' }]);
    // The evening run still happens; nothing in between.
    await time.advanceTo('2026-11-23T20:30:00Z');
    assert.deepEqual(
      runs.map((r) => r.reason),
      ['catch-up', 'daily'],
    );
  });

  test('never backed up at all: catch-up at start-up', async () => {
    const { time, runs, scheduler } = harness('2026-11-23T07:00:00Z', null);
    scheduler.start();
    await time.advanceTo('2026-11-23T07:01:00Z');
    assert.deepEqual(runs, [{ reason: 'catch-up', at: '2026-11-23T07:00:30.000Z' }]);
  });

  test('no catch-up when a backup from the last 24 hours exists; a slot missed before start is not run late', async () => {
    // Restarted at 21:15 local, after the 21:00 slot, whose backup was made before the restart.
    const { time, runs, scheduler } = harness('2026-11-23T20:15:00Z', '2026-11-23T20:01:00Z');
    scheduler.start();
    await time.advanceTo('2026-11-24T19:59:00Z');
    assert.equal(runs.length, 0);
    await time.advanceTo('2026-11-24T20:00:00Z');
    assert.deepEqual(runs, [{ reason: 'daily', at: '2026-11-24T20:00:00.000Z' }]);
  });

  test('while the app runs, the last good backup turning 24 hours old triggers a run', async () => {
    // Started at 21:15 local, after the slot; last good backup yesterday 21:30 local.
    const { time, runs, scheduler } = harness('2026-11-23T20:15:00Z', '2026-11-22T20:30:00Z');
    scheduler.start();
    await time.advanceTo('2026-11-23T20:29:00Z');
    assert.equal(runs.length, 0);
    await time.advanceTo('2026-11-23T21:00:00Z');
    assert.deepEqual(runs, [{ reason: 'catch-up', at: '2026-11-23T20:30:00.000Z' }]);
  });

  test('a failed run is recorded and retried every 30 minutes while no good backup is recent', async () => {
    let failures = 2;
    const { time, runs, scheduler } = harness(
      '2026-11-23T07:00:00Z',
      '2026-11-20T20:00:00Z',
      async () => {
        if (failures-- > 0) throw new Error('backup folder E:\\ is not reachable');
        return 'ok';
      },
    );
    scheduler.start();
    await time.advanceTo('2026-11-23T07:01:00Z');
    assert.equal(scheduler.status().lastError?.message, 'backup folder E:\\ is not reachable');
    assert.deepEqual(scheduler.status().lastGoodAt, new Date('2026-11-20T20:00:00Z'));
    await time.advanceTo('2026-11-23T09:00:00Z');
    assert.deepEqual(
      runs.map((r) => r.at),
      ['2026-11-23T07:00:30.000Z', '2026-11-23T07:30:30.000Z', '2026-11-23T08:00:30.000Z'],
    );
    assert.equal(scheduler.status().lastError, null);
    assert.deepEqual(scheduler.status().lastGoodAt, new Date('2026-11-23T08:00:30Z'));
  });

  test('never two runs at once: requests and due timers during a run join it', async () => {
    const gate = deferred();
    const { time, runs, scheduler } = harness(
      '2026-11-23T19:58:00Z',
      '2026-11-22T20:00:00Z',
      () => gate.promise,
    );
    scheduler.start();
    const first = scheduler.backUpNow();
    const second = scheduler.backUpNow();
    assert.equal(first, second);
    assert.equal(scheduler.status().running, 'on-demand');
    await time.advanceTo('2026-11-23T20:05:00Z'); // the 21:00 slot passes while the run goes on
    const atQuit = scheduler.atQuit();
    assert.equal(runs.length, 1);
    gate.resolve('done');
    const outcome = await first;
    assert.equal(outcome.ok, true);
    assert.equal(await atQuit, outcome);
    await settle();
    // The slot that passed during the on-demand run is owed: it runs once, right after.
    await time.advanceTo('2026-11-23T20:06:00Z');
    assert.deepEqual(
      runs.map((r) => r.reason),
      ['on-demand', 'daily'],
    );
    await time.advanceTo('2026-11-24T19:00:00Z');
    assert.equal(runs.length, 2);
  });

  test('at quit: runs when no good backup was made today (local), otherwise not', async () => {
    const early = harness('2026-11-23T16:00:00Z', '2026-11-22T20:00:00Z');
    early.scheduler.start();
    const outcome = await early.scheduler.atQuit();
    assert.equal(outcome?.ok, true);
    assert.deepEqual(early.runs, [{ reason: 'quit', at: '2026-11-23T16:00:00.000Z' }]);
    // Quitting again the same day: nothing more to do.
    assert.equal(await early.scheduler.atQuit(), null);
    assert.equal(early.runs.length, 1);

    // Made today at 00:30 local (23:30Z the day before): today's backup exists.
    const late = harness('2026-11-23T16:00:00Z', '2026-11-22T23:30:00Z');
    late.scheduler.start();
    assert.equal(await late.scheduler.atQuit(), null);
    assert.equal(late.runs.length, 0);
  });

  test('a suspended PC that wakes after the slot runs it once on waking', async () => {
    const { time, runs, scheduler } = harness('2026-11-23T16:00:00Z', '2026-11-22T20:00:00Z');
    scheduler.start();
    await time.sleepUntil('2026-11-23T22:00:00Z');
    await time.advanceTo('2026-11-23T22:10:00Z');
    assert.deepEqual(runs, [{ reason: 'daily', at: '2026-11-23T22:00:00.000Z' }]);
  });

  test('status reports results for the status bar', async () => {
    const seen: (string | null)[] = [];
    const time = new FakeTime('2026-11-23T16:00:00Z');
    const scheduler = createBackupScheduler({
      config: { timeZone: TZ, dailyAt: '18:30' },
      lastGoodAt: null,
      now: time.now,
      setTimer: time.setTimer,
      clearTimer: time.clearTimer,
      runBackup: async () => 'ok',
      onStatus: (status) => seen.push(status.running),
    });
    scheduler.start();
    assert.deepEqual(scheduler.status().nextRun, {
      at: new Date('2026-11-23T16:00:30Z'),
      reason: 'catch-up',
    });
    await scheduler.backUpNow();
    assert.deepEqual(seen, [null, 'on-demand', null]);
    assert.deepEqual(scheduler.status().nextRun, {
      at: new Date('2026-11-23T17:30:00Z'),
      reason: 'daily',
    });
  });
});
