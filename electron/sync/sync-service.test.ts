// The service: off by default (no request leaves the desk), on with saved
// credentials, off again; missing credentials or settings are said in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import { createDesk, fastTiming, makePatient, waitFor } from './testing/desk.ts';
import { createMemoryCredentialStore } from './credential-store.ts';
import { createSyncService, defaultSyncSettings } from './sync-service.ts';
import type { SyncStatus } from './status.ts';

const credentials = { username: 'desk', password: 'correct horse' };

test('sync is off by default and only talks to the server once turned on', async () => {
  const server = await startCouchTestServer({ credentials });
  const desk = await createDesk('desk-a');
  const store = createMemoryCredentialStore();
  const service = createSyncService({ db: desk.db, credentialStore: store, timing: fastTiming });
  const seen: SyncStatus[] = [];
  const subscription = service.status$.subscribe((s) => seen.push(s));
  try {
    assert.deepEqual(service.status(), { state: 'off' });
    await service.apply(defaultSyncSettings);
    await desk.db.patients.insert(makePatient('p1', 'desk-a', '2026-02-01T09:00:00.000Z'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(server.requests.length, 0, 'no request while sync is off');

    const settings = { enabled: true, serverUrl: server.url, databasePrefix: 'clinic' };
    await service.apply(settings);
    assert.deepEqual(service.status(), {
      state: 'error',
      kind: 'not-configured',
      reason: 'No user name and password are saved for the sync server.',
    });
    await service.apply({ ...settings, serverUrl: 'https://desk:pw@couch.example' });
    assert.match((service.status() as { reason: string }).reason, /not in the server address/);

    await service.apply(settings);
    await service.setCredentials(credentials);
    await waitFor(
      () => service.status().state,
      (s) => s === 'up-to-date',
      10_000,
      'up to date',
    );
    await service.waitForInSync(10_000);
    assert.ok(
      server.requests.some((r) => r.startsWith('POST /clinic-patients/_bulk_docs')),
      'the patient was pushed',
    );
    assert.ok(seen.some((s) => s.state === 'connecting'));

    await service.apply({ ...settings, enabled: false });
    assert.deepEqual(service.status(), { state: 'off' });
    const count = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(server.requests.length, count, 'no request once turned off');
    await assert.rejects(service.waitForInSync(100), /Sync is off/);
  } finally {
    subscription.unsubscribe();
    await service.stop();
    await desk.close();
    await server.close();
  }
});

test('the status and its reasons never carry the password', async () => {
  const server = await startCouchTestServer({ credentials });
  const desk = await createDesk('desk-a');
  const service = createSyncService({
    db: desk.db,
    credentialStore: createMemoryCredentialStore({ username: 'desk', password: 'wrong-Pa55word' }),
    timing: fastTiming,
  });
  try {
    await service.apply({ enabled: true, serverUrl: server.url, databasePrefix: 'clinic' });
    const status = await waitFor(
      () => service.status(),
      (s) => s.state === 'error',
      5_000,
      'error',
    );
    assert.ok(!JSON.stringify(status).includes('wrong-Pa55word'));
    assert.equal(
      (status as { reason: string }).reason,
      'The server refused the user name or password.',
    );
  } finally {
    await service.stop();
    await desk.close();
    await server.close();
  }
});
