// patientIndex on a real RxDB database (memory storage, the application's
// schemas): the pages read through the collection's storage with the cursor
// selector cover every patient once, ties on names included, and writes made
// while the pages load and after land once, at their newest version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, filter } from 'rxjs';
import {
  collectionSchemas,
  type PunchcardCollections,
  type PunchcardDatabase,
} from '../../../shared/db/collections.ts';
import type { Patient } from '../../../shared/patients/patient.ts';
import { patientSearchText } from '../../../shared/patients/search-text.ts';
import { patientIndex, type PatientIndex } from './patient-index.ts';

const SURNAMES = ['Adams', 'Ng', 'Nguyen', 'Smith', 'Zhou', 'Ångström'];
const FIRST_NAMES = ['Al', 'Bo', 'Cy'];

function patient(id: string, firstName: string, lastName: string): Patient {
  return {
    id,
    firstName,
    lastName,
    preferredName: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    notes: '',
    searchText: patientSearchText({
      firstName,
      lastName,
      preferredName: '',
      phone: '',
      dateOfBirth: '',
    }),
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: 'test',
    deskId: 'desk',
  };
}

async function openDatabase(): Promise<PunchcardDatabase> {
  const db = await createRxDatabase<PunchcardCollections>({
    name: `index${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await db.addCollections(collectionSchemas);
  return db;
}

async function everyone(db: PunchcardDatabase): Promise<string[][]> {
  const docs = await db.patients
    .find({ sort: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }] })
    .exec();
  return docs.map((doc) => [doc.id, doc.lastName, doc.firstName]);
}

const shown = (index: PatientIndex) => index.rows.map((r) => [r.id, r.lastName, r.firstName]);

test('pages through the storage cover every patient once, with writes during and after the load', async () => {
  const db = await openDatabase();
  try {
    const initial: Patient[] = [];
    for (let i = 0; i < 400; i++) {
      const id = `p${String((i * 7919) % 400).padStart(3, '0')}`;
      initial.push(patient(id, FIRST_NAMES[i % 3]!, SURNAMES[i % SURNAMES.length]!));
    }
    await db.patients.bulkInsert(initial);

    let latest: PatientIndex = { rows: [], complete: false };
    let writes = 0;
    let writesBeforeComplete = -1;
    const emissions: PatientIndex[] = [];
    const index = patientIndex(db, 7, 13);
    const subscription = index.subscribe((value) => {
      latest = value;
      emissions.push(value);
      if (value.complete && writesBeforeComplete < 0) writesBeforeComplete = writes;
    });

    // Writes racing the pages: inserts at both ends and among ties, moves, deletions.
    for (let i = 0; i < 30; i++) {
      if (i % 3 === 0) await db.patients.insert(patient(`n${i}`, 'Bo', SURNAMES[i % 6]!));
      else if (i % 3 === 1) {
        const doc = await db.patients.findOne(`p${String(i * 11).padStart(3, '0')}`).exec();
        await doc?.incrementalPatch({ lastName: i % 2 ? 'Aaa' : 'Zzz', firstName: 'Moved' });
      } else {
        const doc = await db.patients.findOne(`p${String(i * 13).padStart(3, '0')}`).exec();
        await doc?.remove();
      }
      writes++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await firstValueFrom(index.pipe(filter((value) => value.complete)));
    assert.equal(emissions[0]!.complete, false, 'the first page shows first');
    assert.ok(writesBeforeComplete > 5, `writes raced the load (${writesBeforeComplete})`);
    assert.deepEqual(shown(latest), await everyone(db));

    // After the load: a patient added elsewhere, an edit and a deletion arrive live.
    await db.patients.insert(patient('late', 'Zed', 'Zywiec'));
    const moved = await db.patients.findOne('p100').exec();
    await moved?.incrementalPatch({ firstName: 'Renamed' });
    const gone = await db.patients.findOne('p101').exec();
    await gone?.remove();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(shown(latest), await everyone(db));
    assert.equal(new Set(latest.rows.map((r) => r.id)).size, latest.rows.length);
    assert.ok(latest.rows.some((r) => r.id === 'late'));
    subscription.unsubscribe();
  } finally {
    await db.remove();
  }
});
