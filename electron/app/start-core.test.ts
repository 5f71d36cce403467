// Service tests of the desk core under plain Node: operations validate and
// write; the storage shared with renderers reads live but refuses writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, filter } from 'rxjs';
import { startCore, type Core } from './start-core.ts';
import type { StorageKind } from '../db/choose-storage.ts';
import { exposeStorage } from '../transport/expose-storage.ts';
import { storageFromPort } from '../../shared/db/storage-from-port.ts';
import { openReaderDatabase } from '../../shared/db/open-reader-database.ts';
import type { StoragePort } from '../../shared/contract/storage-port.ts';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';

async function withCore(
  run: (core: Core, dir: string) => Promise<void>,
  storageKind: StorageKind = 'memory',
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-core-'));
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind,
    devMode: true,
    appVersion: '0.0.0-test',
    now: () => new Date('2026-11-21T09:00:00Z'),
    devStaff: TEST_MANAGER,
  });
  try {
    await run(core, dir);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An in-process stand-in for a renderer window's connection. */
function inProcessPort(core: Core): StoragePort {
  const listeners = new Set<(message: unknown) => void>();
  const incoming = exposeStorage(core.rendererStorage, (message) => {
    // Structured clone, as IPC would, so nothing is shared by reference.
    const copy = structuredClone(message);
    queueMicrotask(() => listeners.forEach((listener) => listener(copy)));
  });
  return {
    post: (message) => incoming.next(structuredClone(message) as never),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

test('adding a patient stores them with search text and who recorded it', async () => {
  await withCore(async (core) => {
    const result = await core.dispatch('addPatient', {
      firstName: ' Zoë ',
      lastName: 'Nguyen',
      phone: '0412 345 678',
      dateOfBirth: '1990-03-12',
    });
    assert.equal(result.ok, true);
    const all = await core.db.patients.find().exec();
    assert.equal(all.length, 1);
    const patient = all[0]!.toJSON();
    assert.equal(patient.firstName, 'Zoë');
    assert.match(patient.deskId, /^desk-[a-z0-9]{6}$/);
    assert.equal(patient.createdAt, '2026-11-21T09:00:00.000Z');
    assert.match(patient.searchText, /zoe nguyen/);
    assert.match(patient.searchText, /0412345678/);
  });
});

test('invalid patient input is refused with a message next to the field, and nothing is written', async () => {
  await withCore(async (core) => {
    const cases: Array<[unknown, string]> = [
      [{ firstName: '', lastName: 'Smith' }, 'firstName'],
      [{ firstName: 'Ann', lastName: 'Smith', dateOfBirth: '2026-02-30' }, 'dateOfBirth'],
      [{ firstName: 'Ann', lastName: 'Smith', dateOfBirth: '2030-01-01' }, 'dateOfBirth'],
      [{ firstName: 'Ann', lastName: 'Smith', email: 'not-an-email' }, 'email'],
      [{ firstName: 'Ann', lastName: 'Smith', phone: 'call me' }, 'phone'],
      [{ firstName: 'Ann', lastName: 'Smith', isAdmin: true }, ''],
    ];
    for (const [input, field] of cases) {
      const result = await core.dispatch('addPatient', input);
      assert.equal(result.ok, false, JSON.stringify(input));
      if (!result.ok) {
        assert.equal(result.error.code, 'invalid-input');
        assert.ok(result.error.message.length > 10);
        if (field) assert.equal(result.error.field, field);
      }
    }
    assert.equal(await core.db.patients.count().exec(), 0);
  });
});

test('an unknown operation or a non-object argument is refused', async () => {
  await withCore(async (core) => {
    const unknown = await core.dispatch('dropDatabase', {});
    assert.deepEqual(unknown, {
      ok: false,
      error: { code: 'unknown-operation', message: 'That action is not available.' },
    });
    for (const garbage of ['x', 42, [], null]) {
      const result = await core.dispatch('addPatient', garbage);
      assert.equal(result.ok, false);
    }
    const proto = await core.dispatch('__proto__', {});
    assert.equal(proto.ok, false);
  });
});

test('the data directory is created owner-only', async () => {
  await withCore(async (_core, dir) => {
    const mode = statSync(join(dir, 'data')).mode & 0o777;
    assert.equal(mode, 0o700);
  });
});

for (const storageKind of ['memory', 'sqlite'] as const) {
  test(`a renderer reads patients live through the shared ${storageKind} storage but cannot write them`, async () => {
    await withCore(async (core) => {
      // Dev-mode is on for this process (the core's), so the reader needs a validator too.
      const reader = await openReaderDatabase(
        wrappedValidateAjvStorage({ storage: storageFromPort(inProcessPort(core), 'test-window') }),
      );
      try {
        const live = reader.patients.find({ sort: [{ lastName: 'asc' }] }).$;
        const seen = firstValueFrom(live.pipe(filter((docs) => docs.length === 1)));
        await core.dispatch('addPatient', { firstName: 'Ada', lastName: 'Lovelace' });
        const docs = await seen;
        assert.equal(docs[0]!.lastName, 'Lovelace');

        await assert.rejects(
          reader.patients.insert({
            ...docs[0]!.toJSON(),
            id: 'forged',
            firstName: 'Forged',
          }),
          /RendererWriteRefused: The window may not bulkWrite the \\?"patients/,
        );
        await assert.rejects(
          docs[0]!.patch({ notes: 'edited by the window' }),
          /RendererWriteRefused/,
        );
        assert.equal(await core.db.patients.count().exec(), 1);
        const stored = await core.db.patients.findOne().exec();
        assert.equal(stored!.notes, '');
      } finally {
        await reader.close();
      }
    }, storageKind);
  });
}

test('on the SQLite storage, patients survive closing and reopening the desk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-durable-'));
  const options = {
    dataDirectory: join(dir, 'data'),
    storageKind: 'sqlite' as const,
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
  };
  try {
    const first = await startCore(options);
    const added = await first.dispatch('addPatient', { firstName: 'Mary', lastName: 'Seacole' });
    assert.equal(added.ok, true);
    await first.close();
    assert.ok(statSync(join(dir, 'data', 'punchcard.sqlite')).size > 0);

    const second = await startCore(options);
    const patients = await second.db.patients.find().exec();
    assert.deepEqual(
      patients.map((p) => p.lastName),
      ['Seacole'],
    );
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('editing a patient changes their details and search text, stamps the edit, and refuses bad input', async () => {
  await withCore(async (core) => {
    const added = await core.dispatch('addPatient', { firstName: 'Jo', lastName: 'March' });
    assert.ok(added.ok);
    const id = (added.value as { id: string }).id;
    const before = (await core.db.patients.findOne(id).exec())!.toJSON();

    const edited = await core.dispatch('updatePatient', {
      id,
      firstName: 'Josephine',
      lastName: 'March',
      phone: '0400 111 222',
    });
    assert.equal(edited.ok, true);
    const after = (await core.db.patients.findOne(id).exec())!.toJSON();
    assert.equal(after.firstName, 'Josephine');
    assert.equal(after.createdAt, before.createdAt);
    assert.match(after.searchText, /josephine march/);
    assert.match(after.searchText, /0400111222/);

    const refused = await core.dispatch('updatePatient', { id, firstName: '', lastName: 'March' });
    assert.equal(refused.ok, false);
    const unknown = await core.dispatch('updatePatient', {
      id: 'nobody',
      firstName: 'A',
      lastName: 'B',
    });
    assert.equal(unknown.ok, false);
    if (!unknown.ok) assert.equal(unknown.error.code, 'not-found');
    assert.equal((await core.db.patients.findOne(id).exec())!.firstName, 'Josephine');
  });
});
