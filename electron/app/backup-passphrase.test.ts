// The backup passphrase: kept only encrypted by the credential store (a
// stand-in for Electron's safeStorage here), never in plain text on disk, never
// in an answer to the renderer; refused where it cannot be kept safely; used by
// the scheduled and the on-demand backups, which then open only with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from './start-core.ts';
import { createDeskBackups } from './desk-backups.ts';
import { deskConfigSchema } from './desk-config.ts';
import { createSafeStorageBackupPassphraseStore } from './backup-passphrase-store.ts';
import { fakeSafeStorage } from '../sync/testing/fake-safe-storage.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import { isBackupFileError, verifyBackup } from '../backup/index.ts';
import type { BackupStatusView } from '../../shared/contract/domains/backups.ts';

const PASSPHRASE = 'correct horse battery staple';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'punchcard-backup-passphrase-'));
}

/** Every file under `dir`, recursively. */
function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function assertNowhereInPlainText(dir: string): void {
  const needles = [PASSPHRASE, Buffer.from(PASSPHRASE).toString('base64')].map((text) =>
    Buffer.from(text),
  );
  for (const file of allFiles(dir)) {
    const bytes = readFileSync(file);
    for (const needle of needles)
      assert.equal(bytes.includes(needle), false, `${file} holds the passphrase`);
  }
}

async function assertOpensOnlyWithPassphrase(file: string): Promise<void> {
  const verified = await verifyBackup(file, { passphrase: PASSPHRASE });
  assert.equal(verified.encrypted, true);
  await assert.rejects(verifyBackup(file), (error) =>
    isBackupFileError(error, 'passphrase-required'),
  );
  await assert.rejects(verifyBackup(file, { passphrase: 'not the passphrase' }), (error) =>
    isBackupFileError(error, 'wrong-passphrase'),
  );
}

test('the passphrase is stored only encrypted, never answered, and on-demand backups are encrypted with it', async () => {
  const dir = tempDir();
  const data = join(dir, 'data');
  const folder = join(dir, 'usb');
  const core = await startCore({
    dataDirectory: data,
    storageKind: 'sqlite',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
    backupPassphraseStore: createSafeStorageBackupPassphraseStore({
      safeStorage: fakeSafeStorage(),
      filePath: join(data, 'backup-passphrase.bin'),
    }),
  });
  try {
    assert.ok((await core.dispatch('setBackupSettings', { folder, dailyAt: '21:00' })).ok);
    const mismatch = await core.dispatch('setBackupPassphrase', {
      passphrase: PASSPHRASE,
      confirm: 'correct horse battery stapel',
    });
    assert.equal(mismatch.ok ? '' : mismatch.error.field, 'confirm');
    const short = await core.dispatch('setBackupPassphrase', {
      passphrase: 'short',
      confirm: 'short',
    });
    assert.equal(short.ok ? '' : short.error.field, 'passphrase');

    const set = await core.dispatch('setBackupPassphrase', {
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    assert.ok(set.ok);
    assert.equal((set.value as BackupStatusView).encrypted, true);
    assert.equal(JSON.stringify(set).includes(PASSPHRASE), false, 'never sent back');
    const status = await core.dispatch('backupStatus', {});
    assert.equal(JSON.stringify(status).includes(PASSPHRASE), false);
    assert.equal((status as { value: BackupStatusView }).value.encrypted, true);
    assert.equal((status as { value: BackupStatusView }).value.passphraseUnavailable, '');

    await core.dispatch('addPatient', { firstName: 'Mary', lastName: 'Seacole' });
    const made = await core.dispatch('backUpNow', {});
    assert.ok(made.ok, JSON.stringify(made));
    const listed = await core.dispatch('listBackups', {});
    assert.ok(listed.ok);
    const items = listed.value as { name: string; encrypted: boolean }[];
    assert.deepEqual(
      items.map((item) => item.encrypted),
      [true],
    );
    await assertOpensOnlyWithPassphrase(join(folder, items[0]!.name));
    assertNowhereInPlainText(dir);
    const deskFile = deskConfigSchema.parse(
      JSON.parse(readFileSync(join(data, 'desk.json'), 'utf8')),
    );
    assert.equal(JSON.stringify(deskFile).includes(PASSPHRASE), false);

    // Cleared: later backups are plain again (and the file is gone).
    const cleared = await core.dispatch('clearBackupPassphrase', {});
    assert.ok(cleared.ok);
    assert.equal((cleared.value as BackupStatusView).encrypted, false);
    assert.equal(readdirSync(data).includes('backup-passphrase.bin'), false);
    assert.ok((await core.dispatch('backUpNow', {})).ok);
    const after = (await core.dispatch('listBackups', {})) as {
      value: { encrypted: boolean }[];
    };
    // (Rotation keeps the newest backup of each day, so the plain one replaced the other.)
    assert.equal(after.value[0]?.encrypted, false);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('where the computer cannot keep a secret safely, encryption is refused in words and nothing is written', async () => {
  for (const safeStorage of [
    fakeSafeStorage({ available: false }),
    fakeSafeStorage({ backend: 'basic_text' }),
  ]) {
    const dir = tempDir();
    const data = join(dir, 'data');
    const core = await startCore({
      dataDirectory: data,
      storageKind: 'sqlite',
      devMode: true,
      appVersion: '0.0.0-test',
      devStaff: TEST_MANAGER,
      backupPassphraseStore: createSafeStorageBackupPassphraseStore({
        safeStorage,
        filePath: join(data, 'backup-passphrase.bin'),
      }),
    });
    try {
      const status = (await core.dispatch('backupStatus', {})) as { value: BackupStatusView };
      assert.match(status.value.passphraseUnavailable, /unencrypted/);
      const refused = await core.dispatch('setBackupPassphrase', {
        passphrase: PASSPHRASE,
        confirm: PASSPHRASE,
      });
      assert.equal(refused.ok, false);
      if (!refused.ok) {
        assert.equal(refused.error.code, 'credentials-unavailable');
        assert.equal(refused.error.field, 'passphrase');
        assert.match(refused.error.message, /stay unencrypted/);
      }
      assert.equal(readdirSync(data).includes('backup-passphrase.bin'), false);
      assertNowhereInPlainText(dir);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('the scheduled catch-up backup is encrypted with the saved passphrase; one that cannot be read fails the run instead of writing a plain backup', async () => {
  const dir = tempDir();
  const data = join(dir, 'data');
  const folder = join(dir, 'usb');
  // A desk with some data, closed again: the schedule below runs on its file.
  const core = await startCore({
    dataDirectory: data,
    storageKind: 'sqlite',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
  });
  await core.dispatch('addPatient', { firstName: 'Edith', lastName: 'Cavell' });
  await core.close();

  const safeStorage = fakeSafeStorage();
  const passphraseStore = createSafeStorageBackupPassphraseStore({
    safeStorage,
    filePath: join(data, 'backup-passphrase.bin'),
  });
  await passphraseStore.save(PASSPHRASE);
  let clock = new Date('2025-06-02T08:00:00Z');
  const timers: (() => void)[] = [];
  const config = deskConfigSchema.parse({ deskId: 'desk-sched', backup: { folder } });
  const backups = createDeskBackups({
    dataDirectory: data,
    config: () => config,
    appVersion: '0.0.0-test',
    timeZone: 'UTC',
    now: () => clock,
    enabled: true,
    passphraseStore,
    timers: {
      setTimer: (callback) => timers.push(callback),
      clearTimer: () => undefined,
    },
  });
  const settle = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  };
  try {
    await backups.restart();
    // No backup yet: the catch-up is due shortly after start-up. The clock moves on, the timer fires.
    assert.equal(backups.status().nextRunAt, '2025-06-02T08:00:30.000Z');
    clock = new Date('2025-06-02T08:01:00Z');
    timers.at(-1)!();
    await settle(() => backups.status().lastGoodAt !== '' || backups.status().lastError !== null);
    assert.equal(backups.status().lastError, null);
    const [item] = await backups.list();
    assert.equal(item?.encrypted, true);
    await assertOpensOnlyWithPassphrase(join(folder, item!.name));

    // The saved passphrase can no longer be read (another user's key store): the run fails, no plain file.
    const otherUser = createDeskBackups({
      dataDirectory: data,
      config: () => config,
      appVersion: '0.0.0-test',
      timeZone: 'UTC',
      now: () => new Date('2025-06-02T09:00:00Z'),
      enabled: true,
      passphraseStore: createSafeStorageBackupPassphraseStore({
        safeStorage: fakeSafeStorage(),
        filePath: join(data, 'backup-passphrase.bin'),
      }),
      timers: { setTimer: () => undefined, clearTimer: () => undefined },
    });
    await otherUser.restart();
    const outcome = await otherUser.backUpNow();
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.match(String(outcome.error), /passphrase cannot be read/);
    assert.equal((await otherUser.list()).length, 1, 'no unencrypted backup written');
    otherUser.stop();
  } finally {
    backups.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
