// Two and three desks replicating through a real CouchDB-protocol server on
// 127.0.0.1: documents made on each desk reach all the others, in every
// collection; a partition with conflicting edits converges by the declared
// rule on every desk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import {
  createDesk,
  fastTiming,
  makePatient,
  waitFor,
  waitUntilConverged,
  type Desk,
} from './testing/desk.ts';
import { startSyncSession, type SyncSession } from './sync-session.ts';

const credentials = { username: 'desk', password: 'correct horse' };
const prefix = () => `clinic-${randomUUID().slice(0, 8)}`;

function sync(desk: Desk, serverUrl: string, databasePrefix: string): SyncSession {
  return startSyncSession({
    db: desk.db,
    target: { serverUrl, databasePrefix },
    credentials,
    timing: fastTiming,
  });
}

test('two desks: documents made on each reach the other, in every collection', async () => {
  const server = await startCouchTestServer({ credentials });
  const [a, b] = await Promise.all([createDesk('desk-a'), createDesk('desk-b')]);
  const databasePrefix = prefix();
  // Desk A has data before sync is turned on.
  await a.db.patients.insert(makePatient('p-a1', 'desk-a', '2026-02-01T09:00:00.000Z'));
  const sessions = [sync(a, server.url, databasePrefix), sync(b, server.url, databasePrefix)];
  try {
    await b.db.patients.insert(makePatient('p-b1', 'desk-b', '2026-02-01T09:00:01.000Z', 'Okafor'));
    await a.db.testEntries.insert({
      id: 'e-a1',
      deskId: 'desk-a',
      memo: 'sold package',
      amount: '500.00',
    });
    await b.db.testEntries.insert({
      id: 'e-b1',
      deskId: 'desk-b',
      memo: 'used session',
      amount: '-71.43',
    });
    const contents = await waitUntilConverged(
      [a.db, b.db],
      15_000,
      (c) => c['patients']?.length === 2 && c['testEntries']?.length === 2,
    );
    assert.deepEqual(
      contents['patients']?.map((p) => (p as { id: string }).id),
      ['p-a1', 'p-b1'],
    );
    assert.deepEqual(
      contents['testEntries']?.map((e) => (e as { amount: string }).amount),
      ['500.00', '-71.43'],
    );
    await waitFor(
      () => sessions.map((s) => s.status().state),
      (states) => states.every((s) => s === 'up-to-date'),
      10_000,
      'up to date',
    );
    // One server database per collection, created by sync.
    assert.ok(server.requests.some((r) => r === `PUT /${databasePrefix}-test_entries/`));
  } finally {
    await Promise.all(sessions.map((s) => s.stop()));
    await Promise.all([a.close(), b.close()]);
    await server.close();
  }
});

test('three desks: a partition with conflicting edits converges by the declared rule on every desk', async () => {
  const server = await startCouchTestServer({ credentials });
  const desks = await Promise.all(['desk-a', 'desk-b', 'desk-c'].map(createDesk));
  const [a, b, c] = desks as [Desk, Desk, Desk];
  const databasePrefix = prefix();
  const sessions = desks.map((d) => sync(d, server.url, databasePrefix));
  try {
    await a.db.patients.insert(makePatient('p1', 'desk-a', '2026-02-01T09:00:00.000Z', 'Original'));
    await waitUntilConverged(
      desks.map((d) => d.db),
      15_000,
      (c) => c['patients']?.length === 1,
    );

    await server.stop();
    await waitFor(
      () => sessions.map((s) => s.status().state),
      (states) => states.every((s) => s === 'offline'),
      10_000,
      'offline',
    );

    // Each desk keeps working: new entries, and edits of the same patient.
    const edit = async (desk: Desk, lastName: string, updatedAt: string) => {
      const doc = await desk.db.patients.findOne('p1').exec();
      assert.ok(doc);
      await doc.incrementalPatch({ lastName, updatedAt, deskId: desk.deskId });
    };
    await edit(a, 'Edited on A', '2026-02-01T10:00:00.000Z');
    await edit(b, 'Edited on B', '2026-02-01T10:05:00.000Z'); // the latest: wins
    await edit(c, 'Edited on C', '2026-02-01T10:05:00.000Z'.replace('05', '01'));
    await edit(c, 'Edited on C again', '2026-02-01T10:02:00.000Z');
    for (const desk of desks) {
      await desk.db.testEntries.insert({
        id: `e-${desk.deskId}`,
        deskId: desk.deskId,
        memo: 'spent credit',
        amount: '-40.00',
      });
    }

    // Nothing crosses while the server is away.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const desk of desks) {
      assert.equal(
        (await desk.db.testEntries.find().exec()).length,
        1,
        `${desk.deskId} sees only its own entry`,
      );
    }

    await server.start();
    const contents = await waitUntilConverged(
      desks.map((d) => d.db),
      30_000,
      (c) => c['testEntries']?.length === 3,
    );
    const [patient] = contents['patients'] as { lastName: string; deskId: string }[];
    assert.equal(patient?.lastName, 'Edited on B');
    assert.equal(patient?.deskId, 'desk-b');
    // The losing versions are kept in the audit trail of the desks that resolved them.
    const discarded = desks.flatMap((d) => d.audit.entries()).map((e) => e.discarded['lastName']);
    assert.ok(
      discarded.includes('Edited on A') || discarded.includes('Edited on C again'),
      `audit: ${discarded.join(', ')}`,
    );
    for (const entry of desks.flatMap((d) => d.audit.entries())) {
      assert.notEqual(entry.discarded['lastName'], 'Edited on B', 'the winner is never discarded');
    }
    await waitFor(
      () => sessions.map((s) => s.status().state),
      (states) => states.every((s) => s === 'up-to-date'),
      10_000,
      'up to date',
    );
  } finally {
    await Promise.all(sessions.map((s) => s.stop()));
    await Promise.all(desks.map((d) => d.close()));
    await server.close();
  }
});
