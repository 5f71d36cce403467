// Service tests of importing from another practice system, through the desk's
// dispatcher on a real (in-memory) database: a Cliniko-style patient export and
// the generic templates with every kind of bad row, re-import creating nothing,
// encodings, and cancelling half way leaving nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core } from '../app/start-core.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import type { ImportJobView } from '../../shared/contract/domains/import.ts';
import type { PatientAccount, SelfCheckReport } from '../../shared/contract/domains/ledger.ts';
import type { Patient } from '../../shared/patients/patient.ts';
import { createImportService } from './import-service.ts';
import { importedId } from './import-ids.ts';
import { patientKey } from '../../shared/import/index.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

async function withCore(run: (core: Core) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-import-'));
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    now: () => new Date('2026-11-21T09:00:00Z'),
    devStaff: TEST_MANAGER,
  });
  try {
    await run(core);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function call<T>(core: Core, name: string, args: unknown): Promise<T> {
  const result = await core.dispatch(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** Starts an import of `bytes` and waits for its dry run. */
async function dryRun(core: Core, kind: string, bytes: Buffer, fileName = 'file.csv') {
  const started = await call<ImportJobView>(core, 'startImport', {
    kind,
    fileName,
    content: bytes.toString('base64'),
  });
  return core.imports.settled(started.jobId);
}

async function importFile(core: Core, kind: string, bytes: Buffer) {
  const preview = await dryRun(core, kind, bytes);
  assert.equal(preview.phase, 'ready', preview.message);
  const done = await call<ImportJobView>(core, 'commitImport', { jobId: preview.jobId });
  return { preview, done };
}

const problemsOf = (view: ImportJobView) => view.problems.map((p) => [p.line, p.reason]);

async function patients(core: Core): Promise<Patient[]> {
  return (await core.db.patients.find().exec()).map((doc) => doc.toJSON() as Patient);
}

async function addPlans(core: Core) {
  const plan = {
    eligibleServiceIds: [],
    lateCancelUsesSession: true,
    noShowUsesSession: true,
    expiryRule: 'breakage',
  };
  await call(core, 'savePackagePlan', {
    name: '5 x Physio',
    sessions: 5,
    price: '400.00',
    validityDays: 180,
    ...plan,
  });
  await call(core, 'savePackagePlan', {
    name: '10 Pilates classes',
    sessions: 10,
    price: '250.00',
    validityDays: 0,
    ...plan,
  });
}

test('a Cliniko patient export: good rows previewed, each bad row with its line and reason, nothing written before confirming', async () => {
  await withCore(async (core) => {
    const preview = await dryRun(core, 'patients', fixture('cliniko-patients.csv'));
    assert.equal(preview.phase, 'ready');
    assert.equal(preview.source, 'cliniko');
    assert.equal(preview.encoding, 'utf-8');
    assert.equal(preview.toCreate, 4);
    assert.deepEqual(problemsOf(preview), [
      [6, 'missing-name'], // 1004 Aroha has no last name (line 5 is the second line of 1003's note)
      [7, 'bad-date'], // 31/02/1990
      [8, 'duplicate'], // 1001 again
    ]);
    assert.match(preview.problems[2]!.message, /line 2/);
    assert.deepEqual(
      preview.preview.map((line) => line.line),
      [2, 3, 4, 9],
    );
    assert.equal((await patients(core)).length, 0, 'a dry run writes nothing');

    const done = await call<ImportJobView>(core, 'commitImport', { jobId: preview.jobId });
    assert.equal(done.phase, 'done');
    assert.deepEqual(done.created, { patients: 4, credits: 0, packages: 0 });
    const byName = new Map((await patients(core)).map((p) => [p.firstName, p]));
    const olivia = byName.get('Olivia')!;
    assert.equal(olivia.lastName, 'Nguyen');
    assert.equal(olivia.preferredName, 'Liv');
    assert.equal(olivia.dateOfBirth, '1985-03-14');
    assert.equal(olivia.phone, '0412 345 678');
    assert.equal(olivia.id, importedId(patientKey('1001', '', '', '')));
    const james = byName.get('James')!;
    assert.equal(james.lastName, "O'Brien");
    assert.equal(james.phone, '02 9555 0101', 'home phone when there is no mobile');
    assert.equal(james.notes, 'Prefers mornings, not Fridays');
    const zoe = byName.get('Zoë')!;
    assert.equal(zoe.lastName, 'Smith, Jr');
    assert.equal(zoe.dateOfBirth, '1985-03-17', 'Excel serial 31123');
    assert.equal(zoe.notes, 'Knee rehab\nafter surgery');
    const sam = byName.get('Sam')!;
    assert.equal(sam.email, '');
    assert.match(sam.notes, /Email as imported: not-an-email/);
    assert.match(sam.notes, /Phone as imported: 12/);
    assert.equal(sam.updatedBy, TEST_MANAGER.id);
  });
});

test('the generic template: every kind of bad row, then the same file again creates nothing new', async () => {
  await withCore(async (core) => {
    const { preview, done } = await importFile(core, 'patients', fixture('generic-patients.csv'));
    assert.equal(preview.source, 'generic');
    assert.deepEqual(problemsOf(preview), [
      [4, 'missing-name'],
      [5, 'bad-date'], // 07/13/1990: there is no 13th month (day first in en-AU)
      [7, 'duplicate'], // Ben Wright, same date of birth, no id
      [8, 'bad-date'], // born in 2099
    ]);
    assert.deepEqual(done.created, { patients: 3, credits: 0, packages: 0 });

    const again = await importFile(core, 'patients', fixture('generic-patients.csv'));
    assert.equal(again.preview.toCreate, 0);
    assert.equal(again.preview.alreadyImported, 3);
    assert.deepEqual(again.done.created, { patients: 0, credits: 0, packages: 0 });
    assert.equal((await patients(core)).length, 3);
  });
});

test('opening credit and open packages become balanced opening-balance entries; importing them twice adds nothing', async () => {
  await withCore(async (core) => {
    await addPlans(core);
    await importFile(core, 'patients', fixture('generic-patients.csv'));

    const credit = await importFile(core, 'credit', fixture('generic-credit.csv'));
    assert.deepEqual(problemsOf(credit.preview), [
      [4, 'bad-amount'], // 12.345: too many decimals for AUD
      [5, 'unknown-patient'], // P-9 was never imported
      [6, 'bad-amount'], // abc
      [7, 'duplicate'], // a second opening credit for Ana
      [8, 'bad-amount'], // zero
    ]);
    assert.deepEqual(credit.done.created, { patients: 0, credits: 3, packages: 0 });

    const packages = await importFile(core, 'packages', fixture('generic-packages.csv'));
    assert.deepEqual(problemsOf(packages.preview), [
      [4, 'unknown-plan'],
      [5, 'bad-sessions'],
      [6, 'bad-date'],
      [7, 'expired'],
      [8, 'duplicate'],
    ]);
    assert.deepEqual(packages.done.created, { patients: 0, credits: 0, packages: 3 });

    const ana = importedId(patientKey('P-1', '', '', ''));
    const account = await call<PatientAccount>(core, 'patientAccount', { patientId: ana });
    assert.equal(account.balances.credit, '120.00');
    assert.equal(account.packages.length, 1);
    const physio = account.packages[0]!;
    assert.equal(physio.sale.name, '5 x Physio');
    assert.equal(physio.remaining, 3);
    assert.equal(physio.remainingValue, '240.00', 'the last three fifths of 400.00');
    assert.equal(physio.expiresAt, '2099-12-31T13:00:00.000Z', 'the end of 31 December in Sydney');
    const ben = importedId(patientKey('', 'Ben', 'Wright', '2001-06-05'));
    const benAccount = await call<PatientAccount>(core, 'patientAccount', { patientId: ben });
    assert.equal(benAccount.balances.credit, '1250.50');
    const eli = importedId(patientKey('P-5', '', '', ''));
    const eliAccount = await call<PatientAccount>(core, 'patientAccount', { patientId: eli });
    assert.equal(eliAccount.balances.credit, '45.00');
    assert.deepEqual(
      eliAccount.packages.map((p) => [p.sale.name, p.remaining, p.remainingValue, p.expiresAt]),
      [
        ['10 Pilates classes', 4, '200.00', ''],
        ['5 x Physio', 1, '80.00', '2099-12-31T13:00:00.000Z'],
      ],
    );

    const entries = (await core.db.journal.find().exec()).map((doc) => doc.toJSON());
    assert.equal(entries.length, 6);
    for (const entry of entries) {
      assert.equal(entry.kind, 'openingBalance');
      assert.equal(entry.reasonCode, 'opening-balance');
      assert.ok(entry.lines.some((line) => line.account === 'equity:openingBalances'));
    }
    const check = await call<SelfCheckReport>(core, 'selfCheck', {});
    assert.deepEqual(check.violations, []);
    assert.equal(check.trialBalanceTotal, '0.00');

    const creditAgain = await importFile(core, 'credit', fixture('generic-credit.csv'));
    assert.equal(creditAgain.preview.toCreate, 0);
    assert.equal(creditAgain.preview.alreadyImported, 3);
    const packagesAgain = await importFile(core, 'packages', fixture('generic-packages.csv'));
    assert.equal(packagesAgain.preview.alreadyImported, 3);
    assert.equal(await core.db.journal.count().exec(), 6, 'nothing new the second time');
  });
});

test('encodings: UTF-8 with a byte-order mark and Windows-1252 read the same names', async () => {
  await withCore(async (core) => {
    const latin = await dryRun(core, 'patients', fixture('patients-windows-1252.csv'));
    assert.equal(latin.encoding, 'windows-1252');
    assert.deepEqual(latin.problems, []);
    assert.deepEqual(
      latin.preview.map((line) => line.what),
      ['Patient Renée Côté, born 1970-02-01', 'Patient Zoë Brontë'],
    );
    const utf8 = new TextDecoder('windows-1252').decode(fixture('patients-windows-1252.csv'));
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8, 'utf8')]);
    const bom = await dryRun(core, 'patients', withBom);
    assert.equal(bom.encoding, 'utf-8 with BOM');
    assert.deepEqual(bom.preview, latin.preview, 'the mark is not part of the first header');
    await call(core, 'commitImport', { jobId: bom.jobId });
    const renee = (await patients(core)).find((p) => p.firstName === 'Renée')!;
    assert.equal(renee.notes, 'Café owner ’regular’', 'the curly quotes of Windows-1252 (0x92)');
  });
});

test('a file that cannot be imported says why: no name columns, not a CSV, empty', async () => {
  await withCore(async (core) => {
    const noColumns = await dryRun(core, 'patients', Buffer.from('id,phone\n1,0412\n'));
    assert.equal(noColumns.phase, 'failed');
    assert.match(noColumns.message, /no "first_name" column/);
    const empty = await dryRun(core, 'credit', Buffer.from(''));
    assert.equal(empty.phase, 'failed');
    assert.match(empty.message, /empty/);
    const broken = await dryRun(core, 'patients', Buffer.from('first_name,last_name\n"Ann,Lee\n'));
    assert.equal(broken.phase, 'failed');
    assert.match(broken.message, /quote/);
  });
});

test('cancelling half way through leaves nothing, and a cancelled import cannot be written', async () => {
  await withCore(async (core) => {
    const rows = ['external_id,first_name,last_name'];
    for (let i = 0; i < 200; i += 1) rows.push(`C-${i},Pat${i},Row${i}`);
    let cancelledAt = 0;
    const service = createImportService({
      db: core.db,
      ledger: core.ledger,
      deskId: 'desk-test',
      now: () => new Date('2026-11-21T09:00:00Z'),
      newId: () => `job${Math.random().toString(36).slice(2, 10)}`,
      sliceSize: 10,
      onSlice(view) {
        if (view.done === 50) {
          cancelledAt = view.done;
          service.cancel(view.jobId);
        }
      },
    });
    const job = service.start('patients', 'many.csv', Buffer.from(rows.join('\n')));
    const settled = await service.settled(job.jobId);
    assert.equal(cancelledAt, 50);
    assert.equal(settled.phase, 'cancelled');
    assert.ok(settled.done < settled.total, `stopped at ${settled.done} of ${settled.total}`);
    const commit = await service.commit(job.jobId, 'reception');
    assert.equal(commit.ok, false);
    assert.equal((await patients(core)).length, 0);
    assert.equal(await core.db.journal.count().exec(), 0);

    // Cancelling after the dry run, before confirming, also writes nothing.
    const ready = await dryRun(core, 'patients', fixture('generic-patients.csv'));
    const cancelled = await call<ImportJobView>(core, 'cancelImport', { jobId: ready.jobId });
    assert.equal(cancelled.phase, 'cancelled');
    const refused = await core.dispatch('commitImport', { jobId: ready.jobId });
    assert.equal(refused.ok, false);
    assert.equal((await patients(core)).length, 0);
  });
});

test('only a manager may import', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-import-'));
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: { id: 'front', name: 'Front Desk', role: 'reception' },
  });
  try {
    const result = await core.dispatch('startImport', {
      kind: 'patients',
      fileName: 'a.csv',
      content: '',
    });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error.message, /Only a manager can import/);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
