// The status model's transitions, without a server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  describeSyncStatus,
  initialSyncModel,
  reduceSync,
  statusOf,
  type SyncEvent,
  type SyncModel,
} from './status.ts';
import { failures } from './failures.ts';

const run = (events: SyncEvent[], from: SyncModel = initialSyncModel) =>
  events.reduce(reduceSync, from);

test('sync is off until started, and off again once stopped', () => {
  assert.deepEqual(statusOf(initialSyncModel), { state: 'off' });
  assert.deepEqual(statusOf(run([{ type: 'request-succeeded' }])), { state: 'off' });
  assert.deepEqual(statusOf(run([{ type: 'started' }, { type: 'stopped' }])), { state: 'off' });
});

test('connecting until the server has answered and the replications run', () => {
  assert.deepEqual(statusOf(run([{ type: 'started' }])), { state: 'connecting' });
  assert.deepEqual(statusOf(run([{ type: 'started' }, { type: 'request-succeeded' }])), {
    state: 'connecting',
  });
  assert.deepEqual(
    statusOf(run([{ type: 'started' }, { type: 'request-succeeded' }, { type: 'replicating' }])),
    { state: 'up-to-date' },
  );
});

test('syncing with a count while any collection moves documents, then up to date', () => {
  const syncing = run([
    { type: 'started' },
    { type: 'request-succeeded' },
    { type: 'replicating' },
    { type: 'activity', collection: 'patients', active: true },
    { type: 'activity', collection: 'entries', active: true },
    { type: 'documents-moved', count: 3 },
    { type: 'documents-moved', count: 2 },
  ]);
  assert.deepEqual(statusOf(syncing), { state: 'syncing', documents: 5 });
  const withPending = reduceSync(syncing, { type: 'pending-reported', pending: 40 });
  assert.deepEqual(statusOf(withPending), { state: 'syncing', documents: 5, pending: 40 });
  assert.equal(
    describeSyncStatus(statusOf(withPending)),
    'Syncing (5 documents so far, 40 waiting)',
  );
  const oneDone = reduceSync(withPending, {
    type: 'activity',
    collection: 'patients',
    active: false,
  });
  assert.deepEqual(statusOf(oneDone), { state: 'syncing', documents: 5, pending: 40 });
  const done = reduceSync(oneDone, { type: 'activity', collection: 'entries', active: false });
  assert.deepEqual(statusOf(done), { state: 'up-to-date' });
  // The next burst counts from zero.
  const next = run(
    [
      { type: 'activity', collection: 'patients', active: true },
      { type: 'documents-moved', count: 1 },
    ],
    done,
  );
  assert.deepEqual(statusOf(next), { state: 'syncing', documents: 1 });
  assert.equal(describeSyncStatus(statusOf(next)), 'Syncing (1 document so far)');
});

test('an unreachable server shows offline; other failures show an error in words', () => {
  const base: SyncEvent[] = [
    { type: 'started' },
    { type: 'request-succeeded' },
    { type: 'replicating' },
  ];
  const offline = run([
    ...base,
    { type: 'request-failed', failure: failures.unreachable('connection refused') },
  ]);
  assert.deepEqual(statusOf(offline), {
    state: 'offline',
    reason: 'The server cannot be reached (connection refused).',
  });
  const cases = [
    [failures.unauthorized(), 'The server refused the user name or password.'],
    [failures.timeout(10_000), 'The server did not answer in 10 s.'],
    [failures.notCouchDb(), 'The server answered with something that is not CouchDB.'],
    [failures.serverError(500), 'The server reported an error (HTTP 500).'],
  ] as const;
  for (const [failure, words] of cases) {
    const status = statusOf(run([...base, { type: 'request-failed', failure }]));
    assert.deepEqual(status, { state: 'error', kind: failure.kind, reason: words });
    assert.equal(describeSyncStatus(status), `Sync error: ${words}`);
  }
});

test('a failure shows even while collections are active, and clears on the next good answer', () => {
  const failing = run([
    { type: 'started' },
    { type: 'request-succeeded' },
    { type: 'replicating' },
    { type: 'activity', collection: 'patients', active: true },
    { type: 'request-failed', failure: failures.timeout(1500) },
  ]);
  assert.deepEqual(statusOf(failing), {
    state: 'error',
    kind: 'timeout',
    reason: 'The server did not answer in 1.5 s.',
  });
  const recovered = run(
    [{ type: 'request-succeeded' }, { type: 'activity', collection: 'patients', active: false }],
    failing,
  );
  assert.deepEqual(statusOf(recovered), { state: 'up-to-date' });
});

const anyEvent: fc.Arbitrary<SyncEvent> = fc.oneof(
  fc.constant<SyncEvent>({ type: 'started' }),
  fc.constant<SyncEvent>({ type: 'stopped' }),
  fc.constant<SyncEvent>({ type: 'replicating' }),
  fc.constant<SyncEvent>({ type: 'request-succeeded' }),
  fc.constant<SyncEvent>({ type: 'request-failed', failure: failures.timeout(10_000) }),
  fc.record({
    type: fc.constant('activity' as const),
    collection: fc.constantFrom('a', 'b', 'c'),
    active: fc.boolean(),
  }),
  fc.record({ type: fc.constant('documents-moved' as const), count: fc.nat(50) }),
);

test('property: stopping always shows off; a good answer with nothing active always ends up to date', () => {
  fc.assert(
    fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
      const model = run(events);
      assert.deepEqual(statusOf(reduceSync(model, { type: 'stopped' })), { state: 'off' });
      const settled = run(
        [
          { type: 'started' },
          { type: 'replicating' },
          { type: 'request-succeeded' },
          ...['a', 'b', 'c'].map((collection): SyncEvent => ({
            type: 'activity',
            collection,
            active: false,
          })),
        ],
        model,
      );
      assert.deepEqual(statusOf(settled), { state: 'up-to-date' });
      // Active collections never repeat.
      assert.equal(new Set(model.activeCollections).size, model.activeCollections.length);
    }),
  );
});
