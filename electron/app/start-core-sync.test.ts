// Sync as the desk core wires it: off by default, turned on through the
// setSyncSettings operation with the settings in desk.json and the password
// only in the credential store (encrypted, never in a file in plain text,
// never in an answer), resumed on the next start, stopped by close().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startCore, type Core, type CoreOptions } from './start-core.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import { startCouchTestServer } from '../sync/testing/couch-test-server.ts';
import { fakeSafeStorage } from '../sync/testing/fake-safe-storage.ts';
import { fastTiming, waitFor } from '../sync/testing/desk.ts';
import { createSafeStorageCredentialStore } from '../sync/credential-store.ts';
import type { SyncStatusView } from '../../shared/contract/domains/sync.ts';
import type { OpResult } from '../../shared/contract/result.ts';

const credentials = { username: 'front-desk', password: 'Tr0ub4dor&3-sync' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

async function setSync(core: Core, args: Record<string, unknown>): Promise<SyncStatusView> {
  const result = (await core.dispatch('setSyncSettings', args)) as OpResult<SyncStatusView>;
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

async function status(core: Core): Promise<SyncStatusView> {
  const result = (await core.dispatch('syncStatus', {})) as OpResult<SyncStatusView>;
  assert.ok(result.ok);
  return result.value;
}

test('sync through the core: off by default, on with settings and an encrypted password, resumed, stopped', async () => {
  const server = await startCouchTestServer({ credentials });
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-core-sync-'));
  const dataDirectory = join(dir, 'data');
  const safeStorage = fakeSafeStorage();
  const options: CoreOptions = {
    dataDirectory,
    storageKind: 'sqlite',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
    credentialStore: createSafeStorageCredentialStore({
      safeStorage,
      filePath: join(dataDirectory, 'sync-credentials.bin'),
    }),
    syncTuning: { timing: fastTiming },
  };
  let core = await startCore(options);
  try {
    const fresh = await status(core);
    assert.equal(fresh.state, 'off');
    assert.equal(fresh.words, 'Sync is off');
    assert.deepEqual(fresh.settings, { enabled: false, serverUrl: '', databasePrefix: '' });
    assert.equal(fresh.credentialsSaved, false);
    const deskFile = JSON.parse(readFileSync(join(dataDirectory, 'desk.json'), 'utf8'));
    assert.deepEqual(deskFile.sync, { enabled: false, serverUrl: '', databasePrefix: '' });
    assert.equal(server.requests.length, 0, 'a desk alone talks to no server');

    const prefix = `clinic-${randomUUID().slice(0, 8)}`;
    const settings = { enabled: true, serverUrl: server.url, databasePrefix: prefix };
    const refusals = [
      [{ ...settings, serverUrl: 'ftp://couch.example' }, 'serverUrl'],
      [{ ...settings, serverUrl: 'https://desk:pw@couch.example' }, 'serverUrl'],
      [{ ...settings, databasePrefix: 'North Side' }, 'databasePrefix'],
      [{ ...settings, username: 'front-desk' }, 'password'],
      [settings, 'username'],
    ] as const;
    for (const [args, field] of refusals) {
      const refused = await core.dispatch('setSyncSettings', args);
      assert.ok(!refused.ok, JSON.stringify(args));
      assert.equal(refused.error.field, field, refused.error.message);
    }
    assert.equal((await status(core)).state, 'off', 'refusals change nothing');

    await setSync(core, {
      ...settings,
      username: credentials.username,
      password: 'not-the-password',
    });
    const refusedStatus = await waitFor(
      () => core.sync.status(),
      (s) => s.state === 'error',
      10_000,
      'the refusal',
    );
    assert.deepEqual(refusedStatus, {
      state: 'error',
      kind: 'unauthorized',
      reason: 'The server refused the user name or password.',
    });
    assert.equal(
      (await status(core)).words,
      'Sync error: The server refused the user name or password.',
    );

    const on = await setSync(core, { ...settings, ...credentials });
    assert.deepEqual(on.settings, settings);
    assert.equal(on.credentialsSaved, true);
    const added = (await core.dispatch('addPatient', {
      firstName: 'Aroha',
      lastName: 'Ngata',
    })) as OpResult<{ id: string }>;
    assert.ok(added.ok);
    await core.sync.waitForInSync(20_000);
    await waitFor(
      () => core.sync.status().state,
      (s) => s === 'up-to-date',
      10_000,
      'up to date',
    );
    assert.equal((await status(core)).words, 'Up to date');
    const onServer = await fetch(`${server.url}/${prefix}-patients/${added.value.id}`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
      },
    });
    assert.equal(onServer.status, 200);
    assert.equal(((await onServer.json()) as { lastName: string }).lastName, 'Ngata');

    // The password is in no answer and in no file in plain text.
    assert.ok(!JSON.stringify(await status(core)).includes(credentials.password));
    assert.ok(!JSON.stringify(await status(core)).includes(credentials.username));
    for (const file of filesUnder(dataDirectory)) {
      const bytes = readFileSync(file);
      assert.ok(!bytes.includes(credentials.password), `${file} holds the password`);
      assert.ok(!bytes.includes(credentials.username), `${file} holds the user name`);
    }
    assert.deepEqual(
      JSON.parse(readFileSync(join(dataDirectory, 'desk.json'), 'utf8')).sync,
      settings,
    );

    // The next start resumes sync from the saved settings and password.
    await core.close();
    const afterClose = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(server.requests.length, afterClose, 'close() stops sync');
    core = await startCore(options);
    await waitFor(
      () => core.sync.status().state,
      (s) => s === 'up-to-date',
      20_000,
      'resumed',
    );

    const off = await setSync(core, { ...settings, enabled: false });
    assert.equal(off.state, 'off');
    assert.equal(off.credentialsSaved, true, 'turning sync off keeps the password');
  } finally {
    await core.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('where the password cannot be stored safely, sync settings are refused in words and nothing changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-core-sync-'));
  const dataDirectory = join(dir, 'data');
  const core = await startCore({
    dataDirectory,
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
    credentialStore: createSafeStorageCredentialStore({
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      filePath: join(dataDirectory, 'sync-credentials.bin'),
    }),
  });
  try {
    const refused = await core.dispatch('setSyncSettings', {
      enabled: true,
      serverUrl: 'https://couch.clinic.example',
      databasePrefix: 'northside',
      ...credentials,
    });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'credentials-unavailable');
    assert.match(refused.error.message, /keyring/);
    const after = await status(core);
    assert.equal(after.state, 'off');
    assert.deepEqual(after.settings, { enabled: false, serverUrl: '', databasePrefix: '' });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
