// Credentials are encrypted through safeStorage (a stand-in here), never
// written readable, and refused in words where encryption is unavailable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CredentialStorageUnavailable,
  createSafeStorageCredentialStore,
} from './credential-store.ts';
import { fakeSafeStorage } from './testing/fake-safe-storage.ts';

function withDir(run: (dir: string) => Promise<void>) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'punchcard-cred-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const secret = { username: 'northside-desk', password: 'S3cret-passphrase!' };

test(
  'saves encrypted, owner-only, and reads back',
  withDir(async (dir) => {
    const filePath = join(dir, 'sync-credentials.json');
    const safeStorage = fakeSafeStorage();
    const store = createSafeStorageCredentialStore({ safeStorage, filePath });
    assert.equal(await store.load(), undefined);
    await store.save(secret);
    const onDisk = readFileSync(filePath, 'utf8');
    assert.ok(!onDisk.includes(secret.password), 'the password is not on disk in clear');
    assert.ok(!onDisk.includes(secret.username), 'nor the user name');
    assert.equal(statSync(filePath).mode & 0o777, 0o600);
    assert.deepEqual(
      await createSafeStorageCredentialStore({ safeStorage, filePath }).load(),
      secret,
    );
    await store.clear();
    assert.equal(existsSync(filePath), false);
  }),
);

test(
  'refuses to store where encryption is unavailable or only a fixed key, and says why',
  withDir(async (dir) => {
    const filePath = join(dir, 'sync-credentials.json');
    for (const safeStorage of [
      fakeSafeStorage({ available: false }),
      fakeSafeStorage({ backend: 'basic_text' }),
    ]) {
      const store = createSafeStorageCredentialStore({ safeStorage, filePath });
      await assert.rejects(store.save(secret), (error: Error) => {
        assert.ok(error instanceof CredentialStorageUnavailable);
        assert.match(error.message, /sync password is not saved/);
        return true;
      });
      assert.equal(existsSync(filePath), false, 'nothing written');
    }
  }),
);

test(
  'a file saved under another key is refused in words',
  withDir(async (dir) => {
    const filePath = join(dir, 'sync-credentials.json');
    await createSafeStorageCredentialStore({ safeStorage: fakeSafeStorage(), filePath }).save(
      secret,
    );
    const elsewhere = createSafeStorageCredentialStore({
      safeStorage: fakeSafeStorage(),
      filePath,
    });
    await assert.rejects(elsewhere.load(), /cannot be read on this computer/);
  }),
);
