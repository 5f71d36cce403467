// Restore from Settings through the desk's operations: a tampered, truncated or
// wrongly unlocked backup is refused with the engine's words and the live data
// stays byte for byte as it was; a good one brings back the patients, the
// journal and the same projections, keeps a safety backup of what it replaced,
// and asks the desk to restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from '../../app/start-core.ts';
import { createSafeStorageBackupPassphraseStore } from '../../app/backup-passphrase-store.ts';
import { fakeSafeStorage } from '../../sync/testing/fake-safe-storage.ts';
import { TEST_MANAGER } from '../../auth/testing/test-staff.ts';
import { DATA_FILE_NAME, verifyBackup } from '../../backup/index.ts';
import { clinicSnapshotPath } from '../../ledger/clinic-snapshot.ts';
import type { BackupContents } from '../../../shared/contract/domains/backups.ts';

const PASSPHRASE = 'seven tidy lanterns humming';

/** The live database's files, hashed: "untouched" means these are equal. */
function dataFingerprint(data: string): string {
  const hash = createHash('sha256');
  for (const side of ['', '-wal']) {
    const file = join(data, `${DATA_FILE_NAME}${side}`);
    hash.update(existsSync(file) ? readFileSync(file) : Buffer.alloc(0));
  }
  return hash.digest('hex');
}

async function value<T>(core: Core, name: string, args: unknown): Promise<T> {
  const result = await core.dispatch(name, args);
  assert.ok(result.ok, `${name}: ${JSON.stringify(result)}`);
  return result.value as T;
}

/** Everything a restore must bring back: documents and what the screens compute from them. */
async function state(core: Core) {
  const patients = (await core.db.patients.find().exec())
    .map((doc) => doc.toJSON())
    .sort((a, b) => a.id.localeCompare(b.id));
  const journal = (await core.db.journal.find().exec())
    .map((doc) => doc.toJSON())
    .sort((a, b) => a.id.localeCompare(b.id));
  const accounts = [];
  for (const patient of patients) {
    accounts.push(await value(core, 'patientAccount', { patientId: patient.id }));
  }
  const selfCheck = await value<{ violations: unknown[]; trialBalanceTotal: string }>(
    core,
    'selfCheck',
    {},
  );
  return { patients, journal, accounts, selfCheck };
}

test('restore from settings refuses bad files changing nothing, then a good one reproduces the data and its projections', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-settings-restore-'));
  const data = join(dir, 'data');
  const folder = join(dir, 'usb');
  const safeStorage = fakeSafeStorage();
  const restarts: string[] = [];
  const options: CoreOptions = {
    dataDirectory: data,
    storageKind: 'sqlite',
    devMode: true,
    appVersion: '0.0.0-test',
    deskId: 'desk-r',
    devStaff: TEST_MANAGER,
    ledger: { clinic: { delayMs: 0 } },
    backupPassphraseStore: createSafeStorageBackupPassphraseStore({
      safeStorage,
      filePath: join(data, 'backup-passphrase.bin'),
    }),
    onRestartNeeded: (message) => restarts.push(message),
  };
  let core = await startCore(options);
  try {
    await value(core, 'setBackupSettings', { folder, dailyAt: '21:00' });
    await value(core, 'setBackupPassphrase', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    for (const [first, amount] of [
      ['Ada', '40.00'],
      ['Grace', '25.50'],
      ['Alan', '100.00'],
    ] as const) {
      const { id } = await value<{ id: string }>(core, 'addPatient', {
        firstName: first,
        lastName: 'Tester',
      });
      await value(core, 'recordPayment', {
        payer: { type: 'patient', patientId: id },
        method: 'cash',
        amount,
      });
    }
    const backedUp = await value<{ name: string }>(core, 'backUpNow', {});
    const file = join(folder, backedUp.name);
    const before = await state(core);
    assert.deepEqual(before.selfCheck.violations, []);
    // The clinic-wide projection's snapshot, saved after its fold, describes this data.
    await core.ledger.clinic.save();
    assert.ok(existsSync(clinicSnapshotPath(data)));

    // The desk moves on after the backup.
    const later = await value<{ id: string }>(core, 'addPatient', {
      firstName: 'Later',
      lastName: 'Arrival',
    });
    await value(core, 'recordPayment', {
      payer: { type: 'patient', patientId: later.id },
      method: 'card',
      amount: '12.00',
    });

    // Damaged copies and a wrong passphrase: refused, in words, with nothing changed.
    const tampered = join(dir, 'tampered.pcbak');
    copyFileSync(file, tampered);
    const bytes = readFileSync(tampered);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(tampered, bytes);
    const truncated = join(dir, 'truncated.pcbak');
    copyFileSync(file, truncated);
    truncateSync(truncated, Math.floor(bytes.length * 0.7));
    const fingerprint = dataFingerprint(data);
    const refusals: [string, string, RegExp, string][] = [
      [tampered, PASSPHRASE, /damaged/, 'file'],
      [truncated, PASSPHRASE, /incomplete/, 'file'],
      [backedUp.name, 'not the right passphrase', /passphrase does not open/, 'passphrase'],
      [join(dir, 'nothing-here.pcbak'), '', /no backup file/, 'file'],
      ['relative/path.pcbak', '', /full path/, 'file'],
    ];
    for (const [given, passphrase, words, field] of refusals) {
      for (const operation of ['checkRestore', 'restoreFromBackup']) {
        const refused = await core.dispatch(operation, { file: given, passphrase });
        assert.equal(refused.ok, false, `${operation} ${given}`);
        if (!refused.ok) {
          assert.match(refused.error.message, words, `${operation} ${given}`);
          assert.equal(refused.error.field, field);
        }
        assert.equal(dataFingerprint(data), fingerprint, `${operation} ${given} changed the data`);
      }
    }
    assert.deepEqual(restarts, []);
    assert.equal((await core.db.patients.count().exec()) > 0, true, 'the store is still open');

    // The check says what the backup holds (the saved passphrase opens it when none is typed).
    const contents = await value<BackupContents>(core, 'checkRestore', {
      file: backedUp.name,
      passphrase: '',
    });
    assert.equal(contents.file, file);
    assert.equal(contents.encrypted, true);
    assert.equal(contents.sameDesk, true);
    assert.equal(contents.patients, 3);
    assert.equal(contents.journalEntries, before.journal.length);
    assert.equal(dataFingerprint(data), fingerprint);

    const restored = await value<BackupContents & { safetyBackup: string; restartNeeded: string }>(
      core,
      'restoreFromBackup',
      { file: backedUp.name, passphrase: PASSPHRASE },
    );
    assert.equal(restored.patients, 3);
    assert.match(restored.restartNeeded, /starts again/);
    assert.deepEqual(restarts, [restored.restartNeeded]);
    assert.ok(
      !existsSync(clinicSnapshotPath(data)),
      'the snapshot went with the data it describes',
    );
    // Until the restart, the desk answers with the restart message.
    const afterwards = await core.dispatch('checkRestore', { file: backedUp.name });
    assert.equal(afterwards.ok ? '' : afterwards.error.code, 'restart-needed');
    // …and so does every other operation that would touch the closed store.
    const addWhileRestarting = await core.dispatch('addPatient', {
      firstName: 'Too',
      lastName: 'Late',
    });
    assert.equal(addWhileRestarting.ok ? '' : addWhileRestarting.error.code, 'restart-needed');
    const info = await core.dispatch('appInfo', {});
    assert.equal(info.ok, true);

    // The safety backup holds what was replaced (the later patient), unencrypted, beside the data.
    assert.ok(restored.safetyBackup.startsWith(join(data, 'safety-backups')));
    const safety = await verifyBackup(restored.safetyBackup);
    assert.equal(safety.encrypted, false);

    // Restarted: exactly the backed-up documents and projections; the later patient is gone.
    await core.close();
    core = await startCore(options);
    const after = await state(core);
    assert.deepEqual(after, before);
    // The restore removed the clinic snapshot: the whole journal was folded (in the worker).
    assert.equal(core.ledger.clinic.started?.from, 'worker');
    assert.equal(await core.db.patients.findOne(later.id).exec(), null);
    assert.equal(
      (await value<{ encrypted: boolean }>(core, 'backupStatus', {})).encrypted,
      true,
      'the passphrase is the desk’s, not the data’s: it stays set',
    );
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on the memory storage there is nothing to restore into or export', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-settings-restore-'));
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
  });
  try {
    for (const [name, args] of [
      ['checkRestore', { file: '/tmp/x.pcbak' }],
      ['restoreFromBackup', { file: '/tmp/x.pcbak' }],
      ['exportAllJson', { folder: dir }],
    ] as const) {
      const refused = await core.dispatch(name, args);
      assert.equal(refused.ok ? '' : refused.error.code, 'invalid-state', name);
    }
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
