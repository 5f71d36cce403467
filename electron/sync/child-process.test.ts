// A desk in a separate process (with every application collection) and a
// desk in this process replicate through the server both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import { createDesk, fastTiming, fingerprint, makePatient, waitFor } from './testing/desk.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { startSyncSession } from './sync-session.ts';

const credentials = { username: 'desk', password: 'correct horse' };

test('a desk in another process and a desk here exchange patients through the server', async () => {
  const server = await startCouchTestServer({ credentials });
  const databasePrefix = `clinic-${randomUUID().slice(0, 8)}`;
  const child = fork(
    fileURLToPath(new URL('./testing/desk-process.ts', import.meta.url)),
    [server.url, databasePrefix, credentials.username, credentials.password],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  let nextId = 1;
  const pending = new Map<
    number,
    (message: { ok: boolean; value?: unknown; error?: string }) => void
  >();
  let ready: { collections: string[] } | undefined;
  child.on('message', (raw) => {
    const message = raw as {
      requestId?: number;
      ready?: boolean;
      collections?: string[];
      ok: boolean;
    };
    if (message.ready) ready = { collections: message.collections ?? [] };
    if (message.requestId !== undefined) pending.get(message.requestId)?.(message);
  });
  const ask = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const requestId = nextId++;
      pending.set(requestId, (m) => (m.ok ? resolve(m.value as T) : reject(new Error(m.error))));
      child.send({ ...command, requestId });
    });

  const here = await createDesk('desk-here');
  const session = startSyncSession({
    db: here.db,
    target: { serverUrl: server.url, databasePrefix },
    credentials,
    timing: fastTiming,
  });
  try {
    const started = await waitFor(
      () => ready,
      (r) => r !== undefined,
      20_000,
      'the child desk',
    );
    assert.deepEqual(started?.collections, ['appointments', 'catalog', 'journal', 'patients']);
    await ask({
      type: 'insert',
      collection: 'patients',
      doc: makePatient('p-child', 'desk-child', '2026-02-01T09:00:00.000Z', 'Child'),
    });
    await here.db.patients.insert(
      makePatient('p-here', 'desk-here', '2026-02-01T09:00:01.000Z', 'Here'),
    );

    const deadline = Date.now() + 20_000;
    for (;;) {
      const childPatients = (await ask<Record<string, unknown[]>>({ type: 'contents' }))[
        'patients'
      ];
      const herePatients = JSON.parse(await fingerprint(here.db))['patients'] as unknown[];
      if (
        childPatients?.length === 2 &&
        canonicalJson(childPatients) === canonicalJson(herePatients)
      )
        break;
      if (Date.now() > deadline)
        throw new Error(
          `no convergence: ${canonicalJson(childPatients)} vs ${canonicalJson(herePatients)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const status = await ask<{ state: string }>({ type: 'wait-in-sync' });
    assert.ok(['up-to-date', 'syncing'].includes(status.state));
    // The child created the server databases of collections this desk does not have.
    assert.ok(server.requests.some((r) => r === `PUT /${databasePrefix}-journal/`));
  } finally {
    await ask({ type: 'stop' }).catch(() => undefined);
    await new Promise<void>((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
    await session.stop();
    await here.close();
    await server.close();
  }
});
