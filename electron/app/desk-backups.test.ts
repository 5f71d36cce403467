// The desk's backups through its operations: settings, "Back up now", the
// list, and a restore of what was backed up into a fresh desk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from './start-core.ts';
import { restoreBackup } from '../backup/index.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'punchcard-desk-backups-'));
}

test('on the memory storage, "Back up now" says there is nothing durable to back up', async () => {
  const dir = tempDir();
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
  });
  try {
    const result = await core.dispatch('backUpNow', {});
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /in memory only/);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('backup settings are validated, then "Back up now" writes a verified file that restores the patients', async () => {
  const dir = tempDir();
  const backupFolder = join(dir, 'usb');
  const options = {
    dataDirectory: join(dir, 'data'),
    storageKind: 'sqlite' as const,
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
  };
  const core = await startCore(options);
  try {
    const before = await core.dispatch('backUpNow', {});
    assert.equal(before.ok, false);
    if (!before.ok) assert.match(before.error.message, /Choose a backup folder/);

    const relative = await core.dispatch('setBackupSettings', {
      folder: 'backups',
      dailyAt: '21:00',
    });
    assert.equal(relative.ok, false);
    if (!relative.ok) assert.equal(relative.error.field, 'folder');
    const badTime = await core.dispatch('setBackupSettings', {
      folder: backupFolder,
      dailyAt: '25:00',
    });
    assert.equal(badTime.ok, false);

    const set = await core.dispatch('setBackupSettings', {
      folder: backupFolder,
      dailyAt: '20:30',
    });
    assert.equal(set.ok, true);
    if (set.ok) assert.equal((set.value as { dailyAt: string }).dailyAt, '20:30');

    await core.dispatch('addPatient', { firstName: 'Florence', lastName: 'Nightingale' });
    const backedUp = await core.dispatch('backUpNow', {});
    assert.equal(backedUp.ok, true, JSON.stringify(backedUp));
    const status = await core.dispatch('backupStatus', {});
    assert.ok(status.ok && (status.value as { lastGoodAt: string }).lastGoodAt !== '');
    const listed = await core.dispatch('listBackups', {});
    assert.ok(listed.ok);
    const items = listed.value as { name: string; readable: boolean }[];
    assert.equal(items.length, 1);
    assert.equal(items[0]!.readable, true);
    assert.deepEqual(readdirSync(backupFolder), [items[0]!.name]);

    // The settings survive a restart (desk.json).
    await core.close();
    const again = await startCore(options);
    const statusAgain = await again.dispatch('backupStatus', {});
    assert.ok(statusAgain.ok && (statusAgain.value as { folder: string }).folder === backupFolder);
    await again.close();

    // Restore the file into a fresh desk and find the patient there.
    const freshData = join(dir, 'fresh');
    const restored = await restoreBackup({
      file: join(backupFolder, items[0]!.name),
      dataFile: join(freshData, 'punchcard.sqlite'),
      appVersion: '0.0.0-test',
    });
    assert.ok((restored.counts as Record<string, number>) !== undefined);
    const fresh = await startCore({ ...options, dataDirectory: freshData });
    const names = (await fresh.db.patients.find().exec()).map((p) => p.lastName);
    assert.deepEqual(names, ['Nightingale']);
    await fresh.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
