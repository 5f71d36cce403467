// A backup's manifest records each desk's hash chain as verified in the
// snapshot (the backup engine's `describe` hook): an anchor a later copy can
// be compared with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../app/start-core.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import { inspectBackup } from '../backup/index.ts';

test('"Back up now" records the chain of each desk in the backup manifest', async () => {
  const root = mkdtempSync(join(tmpdir(), 'punchcard-backup-chain-'));
  const core = await startCore({
    dataDirectory: join(root, 'data'),
    storageKind: 'sqlite',
    devMode: false,
    appVersion: '0.0.0-test',
    deskId: 'desk-1',
    devStaff: TEST_MANAGER,
  });
  try {
    const set = await core.dispatch('setBackupSettings', {
      folder: join(root, 'usb'),
      dailyAt: '21:00',
    });
    assert.ok(set.ok);
    const patient = await core.dispatch('addPatient', { firstName: 'Ann', lastName: 'Lee' });
    assert.ok(patient.ok);
    for (const amount of ['10.00', '20.00']) {
      const paid = await core.dispatch('recordPayment', {
        payer: { type: 'patient', patientId: (patient.value as { id: string }).id },
        method: 'cash',
        amount,
      });
      assert.ok(paid.ok);
    }
    const backup = await core.dispatch('backUpNow', {});
    assert.ok(backup.ok, JSON.stringify(backup));
    const info = await inspectBackup(join(root, 'usb', (backup.value as { name: string }).name));
    assert.deepEqual(info.manifest.summary, {
      chains: [{ deskId: 'desk-1', entries: 2, verifiedThrough: 2, broken: '' }],
    });
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
});
