// The reports' slim copy of the journal: nothing of it at start; made on the first
// request; entries written afterwards (also backdated ones) land in place; dropped after
// the idle period (run out by hand here) and made again, complete, on the next request.
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import { openTestDesk, type TestDesk } from '../ledger/testing/test-desk.ts';
import { slimEntry } from '../../shared/reports/slim-entry.ts';
import { createJournalCache, journalCache } from './journal-cache.ts';
import { entriesBetween } from './stored-journal.ts';
import { manualTimer } from './testing/manual-timer.ts';

let desk: TestDesk;
let ann: string;
const pay = (day: number, amount = '10.00') =>
  desk.call('recordPayment', {
    payer: { type: 'patient', patientId: ann },
    method: 'cash',
    amount,
    occurredAt: `2026-03-0${day}T01:00:00.000Z`,
  });
/** What the copy should hold: every stored entry, slimmed, oldest first. */
const expected = async () =>
  (await entriesBetween(desk.core.db, '', ''))
    .map((entry) => slimEntry(entry, (text) => text))
    .filter((entry) => entry !== null);
const settle = () => new Promise((resolve) => setImmediate(resolve));

before(async () => {
  desk = await openTestDesk('desk-1', '2026-03-09T01:00:00.000Z');
  ann = await desk.patient('Ann');
  for (const day of [2, 5, 7]) await pay(day);
});
after(() => desk.close());

test('nothing is copied at start, even once the clinic-wide fold is done', async () => {
  await desk.core.ledger.clinic.ready();
  assert.equal(journalCache(desk.core.db).size(), 0);
});

test('made on request, kept current, dropped when idle, made again in full', async () => {
  const timer = manualTimer();
  const cache = createJournalCache(desk.core.db, { idleMs: 300_000, timer });
  assert.equal(cache.size(), 0);
  const first = await cache.between('', '');
  assert.equal(first.length, 3);
  assert.deepEqual(first, await expected());
  assert.deepEqual(
    await cache.between('2026-03-05T01:00:00.000Z', '2026-03-07T01:00:00.000Z'),
    first.slice(1, 2),
  );
  assert.deepEqual(
    timer.pending.map((item) => item.ms),
    [300_000],
  );

  // Written after the copy was made, dated before most of it: in its place.
  const added: string[] = [];
  cache.onAdd((entry) => added.push(entry.occurredAt));
  await pay(3, '25.00');
  await settle();
  assert.deepEqual(added, ['2026-03-03T01:00:00.000Z']);
  assert.deepEqual(await cache.between('', ''), await expected());

  timer.fire();
  assert.equal(cache.size(), 0, 'dropped after the idle period');
  await pay(4);
  await settle();
  assert.equal(cache.size(), 0, 'no longer watching the journal');
  const again = await cache.between('', '');
  assert.equal(again.length, 5);
  assert.deepEqual(again, await expected());
});

test('the takings report (the screen opens on it) begins the copy without waiting for it', async () => {
  const shared = journalCache(desk.core.db);
  assert.equal(shared.size(), 0);
  await desk.call('runReport', { report: 'takings', from: '2026-03-01', to: '2026-03-09' });
  for (let i = 0; i < 500 && shared.size() === 0; i += 1) await sleep(10);
  assert.ok(shared.size() > 0, 'made without a request for it');
  assert.deepEqual(await shared.between('', ''), await expected());
});
