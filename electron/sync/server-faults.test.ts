// A server that refuses the password, fails, goes silent or answers garbage:
// the status says so in words, the desk's own data is untouched (and it keeps
// writing), and sync recovers by itself once the server is healthy again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startCouchTestServer, type ServerFault } from './testing/couch-test-server.ts';
import { startFakeHttpServer } from './testing/fake-http-server.ts';
import {
  createDesk,
  fastTiming,
  makePatient,
  waitFor,
  waitUntilConverged,
} from './testing/desk.ts';
import { startSyncSession } from './sync-session.ts';
import type { SyncStatus } from './status.ts';

const credentials = { username: 'desk', password: 'correct horse' };
const timing = { ...fastTiming, answerTimeoutMs: 600, heartbeatMs: 300 };

const faults: { fault: ServerFault; expected: SyncStatus }[] = [
  {
    fault: 'unauthorized',
    expected: {
      state: 'error',
      kind: 'unauthorized',
      reason: 'The server refused the user name or password.',
    },
  },
  {
    fault: 'server-error',
    expected: {
      state: 'error',
      kind: 'server-error',
      reason: 'The server reported an error (HTTP 500).',
    },
  },
  {
    fault: 'silent',
    expected: { state: 'error', kind: 'timeout', reason: 'The server did not answer in 0.6 s.' },
  },
  {
    fault: 'garbage',
    expected: {
      state: 'error',
      kind: 'not-couchdb',
      reason: 'The server answered with something that is not CouchDB.',
    },
  },
  {
    fault: 'not-json-shape',
    expected: {
      state: 'error',
      kind: 'not-couchdb',
      reason: 'The server answered with something that is not CouchDB.',
    },
  },
];

for (const { fault, expected } of faults) {
  test(`server fault "${fault}": the status says so, local data is untouched, sync recovers`, async () => {
    const server = await startCouchTestServer({ credentials });
    const [a, b] = await Promise.all([createDesk('desk-a'), createDesk('desk-b')]);
    const target = { serverUrl: server.url, databasePrefix: `clinic-${randomUUID().slice(0, 8)}` };
    const sessionA = startSyncSession({ db: a.db, target, credentials, timing });
    const sessionB = startSyncSession({ db: b.db, target, credentials, timing });
    try {
      await a.db.patients.insert(makePatient('p1', 'desk-a', '2026-02-01T09:00:00.000Z'));
      await waitUntilConverged([a.db, b.db], 15_000, (c) => c['patients']?.length === 1);

      server.setFault(fault);
      // Desk A keeps working while the server misbehaves.
      await a.db.patients.insert(makePatient('p2', 'desk-a', '2026-02-01T09:01:00.000Z', 'During'));
      await a.db.testEntries.insert({ id: 'e1', deskId: 'desk-a', memo: 'paid', amount: '20.00' });
      const status = await waitFor(
        () => sessionA.status(),
        (s) => s.state === 'error',
        10_000,
        `an error status for ${fault}`,
      );
      assert.deepEqual(status, expected);
      const local = await a.db.patients.find().exec();
      assert.deepEqual(local.map((p) => p.id).sort(), ['p1', 'p2']);
      assert.equal((await a.db.patients.findOne('p1').exec())?.lastName, 'Nguyen');
      assert.equal(
        (await b.db.patients.find().exec()).length,
        1,
        'nothing crossed during the fault',
      );

      server.setFault('none');
      await waitUntilConverged(
        [a.db, b.db],
        20_000,
        (c) => c['patients']?.length === 2 && c['testEntries']?.length === 1,
      );
      await waitFor(
        () => sessionA.status().state,
        (s) => s === 'up-to-date',
        10_000,
        'up to date after recovery',
      );
    } finally {
      await Promise.all([sessionA.stop(), sessionB.stop()]);
      await Promise.all([a.close(), b.close()]);
      await server.close();
    }
  });
}

test('a server that is not CouchDB at all, from the first contact: error in words, data untouched', async () => {
  const fake = await startFakeHttpServer({
    status: 200,
    body: '{"results": "nope"',
    contentType: 'application/json',
  });
  const desk = await createDesk('desk-a');
  await desk.db.patients.insert(makePatient('p1', 'desk-a', '2026-02-01T09:00:00.000Z'));
  const session = startSyncSession({
    db: desk.db,
    target: { serverUrl: fake.url, databasePrefix: 'clinic' },
    credentials,
    timing,
  });
  try {
    const status = await waitFor(
      () => session.status(),
      (s) => s.state === 'error',
      5_000,
      'error',
    );
    assert.deepEqual(status, {
      state: 'error',
      kind: 'not-couchdb',
      reason: 'The server answered with something that is not CouchDB.',
    });
    // JSON, but not CouchDB's answer to "which database is this".
    fake.answer = { status: 200, body: '{"ok":true}' };
    const before = fake.requestCount;
    await waitFor(
      () => fake.requestCount,
      (n) => n > before,
      5_000,
      'a retry',
    );
    assert.equal(session.status().state, 'error');
    // Silence: it says how long it waited.
    fake.answer = undefined;
    assert.deepEqual(
      await waitFor(
        () => session.status(),
        (s) => s.state === 'error' && s.kind === 'timeout',
        5_000,
        'timeout',
      ),
      { state: 'error', kind: 'timeout', reason: 'The server did not answer in 0.6 s.' },
    );
    assert.equal((await desk.db.patients.findOne('p1').exec())?.lastName, 'Nguyen');
  } finally {
    await session.stop();
    await desk.close();
    await fake.close();
  }
});

test('a wrong password from the start, and a server that is gone: the status tells them apart', async () => {
  const server = await startCouchTestServer({ credentials });
  const desk = await createDesk('desk-a');
  const target = { serverUrl: server.url, databasePrefix: 'clinic' };
  const wrong = startSyncSession({
    db: desk.db,
    target,
    credentials: { ...credentials, password: 'wrong' },
    timing,
  });
  try {
    assert.equal(wrong.status().state, 'connecting');
    assert.deepEqual(
      await waitFor(
        () => wrong.status(),
        (s) => s.state === 'error',
        5_000,
        'error',
      ),
      {
        state: 'error',
        kind: 'unauthorized',
        reason: 'The server refused the user name or password.',
      },
    );
    await server.stop();
    assert.deepEqual(
      await waitFor(
        () => wrong.status(),
        (s) => s.state === 'offline',
        5_000,
        'offline',
      ),
      {
        state: 'offline',
        reason: 'The server cannot be reached (connection refused).',
      },
    );
  } finally {
    await wrong.stop();
    assert.equal(wrong.status().state, 'off');
    await desk.close();
    await server.close();
  }
});
