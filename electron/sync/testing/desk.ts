// Test desks: each one its own in-memory RxDB database (distinct names, so
// they share nothing) with the application's patients collection plus an
// insert-only test collection standing in for journal entries, both with the
// declared conflict rule. Only two collections each: RxDB's open-source
// edition allows 13 open collections per process and the tests run three
// desks in one process (the child-process desk carries every application
// collection). Also helpers to compare desks' contents.
import { randomUUID } from 'node:crypto';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionSchemas } from '../../../shared/db/collections.ts';
import type { Patient } from '../../../shared/patients/patient.ts';
import { canonicalJson } from '../../core/canonical-json.ts';
import { createConflictAuditTrail, type ConflictAuditTrail } from '../conflict-audit.ts';
import { withConflictHandlers } from '../conflict-handler.ts';

export interface TestEntry {
  id: string;
  deskId: string;
  memo: string;
  amount: string;
}

export const testEntrySchema: RxJsonSchema<TestEntry> = {
  title: 'test entry (insert-only)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 60 },
    deskId: { type: 'string', maxLength: 40 },
    memo: { type: 'string', maxLength: 200 },
    amount: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'deskId', 'memo', 'amount'],
  additionalProperties: false,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any desk's collections
export type AnyDatabase = RxDatabase<any>;

export type DeskDatabase = RxDatabase<{
  patients: RxCollection<Patient>;
  testEntries: RxCollection<TestEntry>;
}>;

export interface Desk {
  deskId: string;
  db: DeskDatabase;
  audit: ConflictAuditTrail;
  close(): Promise<void>;
}

export async function createDesk(deskId: string): Promise<Desk> {
  const audit = createConflictAuditTrail();
  const db: DeskDatabase = await createRxDatabase({
    name: `desk-${deskId}-${randomUUID()}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await db.addCollections(
    withConflictHandlers(
      { patients: collectionSchemas.patients, testEntries: { schema: testEntrySchema } },
      audit,
    ),
  );
  return { deskId, db, audit, close: () => db.remove().then(() => undefined) };
}

export function makePatient(
  id: string,
  deskId: string,
  updatedAt: string,
  lastName = 'Nguyen',
): Patient {
  return {
    id,
    firstName: 'Linh',
    lastName,
    preferredName: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    notes: '',
    searchText: `linh ${lastName.toLowerCase()}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt,
    updatedBy: 'reception',
    deskId,
  };
}

/** Every collection's documents (replicated content only), sorted by id. */
export async function contentsOf(db: AnyDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const names = Object.keys(db.collections).sort();
  for (const name of names) {
    const collection = (db.collections as Record<string, RxCollection>)[name];
    if (collection === undefined) continue;
    const docs = await collection.find().exec();
    out[name] = docs
      .map((doc) => doc.toJSON() as Record<string, unknown>)
      .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
  }
  return out;
}

export async function fingerprint(db: AnyDatabase): Promise<string> {
  return canonicalJson(await contentsOf(db));
}

/** Polls until all databases hold identical contents (and `extra` holds), or fails after `timeoutMs`. */
export async function waitUntilConverged(
  dbs: readonly AnyDatabase[],
  timeoutMs = 20_000,
  extra: (contents: Record<string, unknown[]>) => boolean = () => true,
): Promise<Record<string, unknown[]>> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  for (;;) {
    last = await Promise.all(dbs.map(fingerprint));
    if (last.every((print) => print === last[0])) {
      const contents = await contentsOf(dbs[0] as AnyDatabase);
      if (extra(contents)) return contents;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Desks did not converge in ${timeoutMs} ms:\n${last.map((p) => p.slice(0, 600)).join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `predicate` holds for the latest value of a getter. */
export async function waitFor<T>(
  get: () => T,
  predicate: (value: T) => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (predicate(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const fastTiming = {
  answerTimeoutMs: 2_000,
  heartbeatMs: 1_000,
  retryBaseMs: 50,
  retryMaxMs: 400,
};
