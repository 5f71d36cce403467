// A locked desk does not serve data: through the storage shared with
// renderers (the same path as Electron's IPC and the harness's socket), reads
// of application collections are refused with a clear error while nobody is
// signed in, change events are held back, and after sign-in a fresh reader
// database reads and follows live again. Opening a reader needs no sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, filter } from 'rxjs';
import { fillWithDefaultSettings } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Core } from '../app/start-core.ts';
import { openAuthDesk, type AuthDesk } from '../auth/testing/auth-desk.ts';
import { exposeStorage } from '../transport/expose-storage.ts';
import { storageFromPort } from '../../shared/db/storage-from-port.ts';
import { openReaderDatabase } from '../../shared/db/open-reader-database.ts';
import type { StoragePort } from '../../shared/contract/storage-port.ts';
import { isDeskLockedAnswer } from '../../shared/contract/storage-refusal.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { DeskLockedError, servedOnlyWhileSignedIn } from './locked-desk-storage.ts';

/** A renderer window's connection, in process; remembers every answer it got. */
function inProcessPort(core: Core, answers: unknown[] = []): StoragePort {
  const listeners = new Set<(message: unknown) => void>();
  const incoming = exposeStorage(core.rendererStorage, (message) => {
    const copy = structuredClone(message);
    answers.push(copy);
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

const openReader = (port: StoragePort, name: string): Promise<PunchcardDatabase> =>
  // Dev mode is on for this process (the core's), so the reader needs a validator too.
  openReaderDatabase(wrappedValidateAjvStorage({ storage: storageFromPort(port, name) }));

async function withDesk(run: (desk: AuthDesk) => Promise<void>): Promise<void> {
  const desk = await openAuthDesk();
  try {
    await desk.call('createFirstManager', { name: 'Mia', secret: '2468' });
    await run(desk);
  } finally {
    await desk.close();
  }
}

const surnames = (docs: { lastName: string }[]) => docs.map((doc) => doc.lastName).sort();

test('while locked: every read is refused with a clear error; after sign-in a fresh reader reads live', async () => {
  await withDesk(async (desk) => {
    const { id: adaId } = (await desk.call('addPatient', {
      firstName: 'Ada',
      lastName: 'Lovelace',
    })) as { id: string };
    await desk.call('lock', {});

    // The page's database opens on the sign-in screen: opening reads no application data.
    const answers: unknown[] = [];
    const port = inProcessPort(desk.core, answers);
    const locked = await openReader(port, 'locked-window');
    const refused = /DeskLocked.*The desk is locked: sign in to see patients and accounts\./s;
    await assert.rejects(locked.patients.find().exec(), refused);
    await assert.rejects(locked.patients.count().exec(), refused);
    await assert.rejects(locked.patients.findOne(adaId).exec(), refused);
    await assert.rejects(locked.journal.find().exec(), refused);
    await assert.rejects(locked.catalog.find().exec(), refused);
    await assert.rejects(locked.appointments.find().exec(), refused);
    assert.ok(answers.some(isDeskLockedAnswer), 'the refusal is recognisable on the port');
    assert.ok(
      !JSON.stringify(answers).includes('Lovelace'),
      'no patient data crossed the port while locked',
    );
    await locked.close();

    // Signed in again: a new reader database reads, and follows changes live.
    await desk.call('signIn', { staffId: (await staffId(desk)) ?? '', secret: '2468' });
    const reader = await openReader(port, 'signed-in-window');
    try {
      assert.deepEqual(surnames(await reader.patients.find().exec()), ['Lovelace']);
      const live = reader.patients.find().$;
      const both = firstValueFrom(live.pipe(filter((docs) => docs.length === 2)));
      await desk.call('addPatient', { firstName: 'Grace', lastName: 'Hopper' });
      assert.deepEqual(surnames(await both), ['Hopper', 'Lovelace']);
    } finally {
      await reader.close();
    }
  });
});

test('change events are held back while locked (they carry documents), and flow again after sign-in', async () => {
  await withDesk(async (desk) => {
    const port = inProcessPort(desk.core);
    const reader = await openReader(port, 'watching-window');
    try {
      assert.deepEqual(await reader.patients.find().exec(), []);
      const events: string[] = [];
      const watching = reader.patients.$.subscribe((event) =>
        events.push(String((event.documentData as { lastName?: string }).lastName)),
      );
      await desk.call('lock', {});
      // A write the main process makes while locked (as a sync pull would): not sent to the page.
      await desk.core.db.patients.insert(patientDoc('p-locked', 'Held'));
      await pause(150);
      assert.equal(events.length, 0, 'no event while locked');

      await desk.call('signIn', { staffId: (await staffId(desk)) ?? '', secret: '2468' });
      await desk.call('addPatient', { firstName: 'Ann', lastName: 'After' });
      await waitFor(() => events.includes('After'));
      assert.equal(events.includes('Held'), false, 'the event missed while locked stays missed');
      watching.unsubscribe();
    } finally {
      await reader.close();
    }
    // Which is why the page opens a fresh database after sign-in: it reads everything.
    const fresh = await openReader(port, 'after-sign-in');
    try {
      assert.deepEqual(surnames(await fresh.patients.find().exec()), ['After', 'Held']);
    } finally {
      await fresh.close();
    }
  });
});

test('the gate passes reads of RxDB internal collections and every read while signed in', async () => {
  let signedIn = false;
  const storage = servedOnlyWhileSignedIn(getRxStorageMemory(), () => signedIn);
  const schema = fillWithDefaultSettings<{ id: string }>({
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 40 } },
    required: ['id'],
  });
  const open = (collectionName: string) =>
    storage.createStorageInstance<{ id: string }>({
      databaseInstanceToken: 'token',
      databaseName: 'gate-test',
      collectionName,
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
  const internal = await open('_rxdb_internal');
  const patients = await open('patients');
  assert.deepEqual(await internal.findDocumentsById(['x'], false), []);
  await assert.rejects(patients.findDocumentsById(['x'], false), DeskLockedError);
  await assert.rejects(patients.getChangedDocumentsSince!(10), DeskLockedError);
  signedIn = true;
  assert.deepEqual(await patients.findDocumentsById(['x'], false), []);
  await internal.close();
  await patients.close();
});

async function staffId(desk: AuthDesk): Promise<string | undefined> {
  const status = (await desk.call('authStatus', {})) as { staff: { id: string }[] };
  return status.staff[0]?.id;
}

function patientDoc(id: string, lastName: string) {
  const at = '2026-06-01T09:00:00.000Z';
  return {
    id,
    firstName: 'Someone',
    lastName,
    preferredName: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    notes: '',
    searchText: `someone ${lastName.toLowerCase()}`,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'sync',
    deskId: 'desk-2',
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 300 && !condition(); tries += 1) await pause(10);
  assert.ok(condition(), 'in time');
}
