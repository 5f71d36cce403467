// The first-run operation writes everything or nothing, and only once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../app/start-core.ts';
import { FAST_SCRYPT } from '../../auth/testing/test-staff.ts';
import type { SetupStatus } from '../../../shared/contract/domains/setup.ts';
import type { AuthStatus } from '../../../shared/contract/domains/auth.ts';
import type { ClinicSettings } from '../../../shared/catalog/catalog.ts';

const args = (backupFolder: string) => ({
  clinic: {
    clinicName: 'Harbour Physio',
    currency: 'NZD',
    timeZone: 'Pacific/Auckland',
    locale: 'en-NZ',
  },
  desk: { deskName: 'Upstairs', numberPrefix: 'up' },
  manager: { name: 'Kim Lee', secret: '2468' },
  backupFolder,
});

test('setup checks everything first: a refused backup folder leaves the desk exactly as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-setup-'));
  const data = join(dir, 'data');
  const core = await startCore({
    dataDirectory: data,
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    scrypt: FAST_SCRYPT,
  });
  try {
    const before = await core.dispatch('setupStatus', {});
    assert.ok(before.ok);
    const status = before.value as SetupStatus;
    assert.equal(status.setUp, false);
    assert.equal(status.demoAvailable, false, 'no demo on the memory storage');
    assert.match(status.defaults.numberPrefix, /^[A-Z0-9]{1,12}$/);

    // A file where the folder should be: refused, with the field, and nothing written.
    const notAFolder = join(dir, 'a-file');
    writeFileSync(notAFolder, 'x');
    const refused = await core.dispatch('completeSetup', args(join(notAFolder, 'backups')));
    assert.equal(refused.ok, false);
    assert.equal(refused.ok ? '' : refused.error.field, 'backupFolder');
    const auth = (await core.dispatch('authStatus', {})) as { ok: true; value: AuthStatus };
    assert.equal(auth.value.staff.length, 0);
    const settings = (await core.db.catalog
      .findOne('settings:clinic')
      .exec())!.toJSON() as ClinicSettings;
    assert.equal(settings.currency, 'AUD');
    assert.equal(JSON.parse(readFileSync(join(data, 'desk.json'), 'utf8')).setUp, false);

    // Everything valid: written, signed in as the manager, numbers use the prefix.
    const done = await core.dispatch('completeSetup', args(join(dir, 'backups')));
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    const desk = JSON.parse(readFileSync(join(data, 'desk.json'), 'utf8'));
    assert.equal(desk.setUp, true);
    assert.equal(desk.numberPrefix, 'UP');
    assert.equal(desk.deskName, 'Upstairs');
    assert.equal(desk.backup.folder, join(dir, 'backups'));
    const after = (await core.db.catalog
      .findOne('settings:clinic')
      .exec())!.toJSON() as ClinicSettings;
    assert.equal(after.clinicName, 'Harbour Physio');
    assert.equal(after.currency, 'NZD');
    assert.equal(core.auth.current()?.name, 'Kim Lee');
    const patient = await core.dispatch('addPatient', { firstName: 'Ana', lastName: 'Silva' });
    assert.ok(patient.ok);
    const paid = await core.dispatch('recordPayment', {
      payer: { type: 'patient', patientId: (patient.value as { id: string }).id },
      method: 'cash',
      amount: '20.00',
    });
    assert.ok(paid.ok);
    assert.match((paid.value as { numbers: string[] }).numbers[0] ?? '', /^UP-RCT-000001$/);

    // Once set up, never again (nor restore, nor the demo).
    for (const [name, input] of [
      ['completeSetup', args('')],
      ['restoreAtSetup', { file: join(dir, 'x.pcbak') }],
      ['openDemoClinic', {}],
    ] as const) {
      const again = await core.dispatch(name, input);
      assert.equal(again.ok ? '' : again.error.message, 'This desk is already set up.');
    }
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
