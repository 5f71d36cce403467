// Shared by the storage's tests: a temporary folder, a small schema with
// indexed and non-indexed fields, and helpers to build RxDB storage rows and
// queries the way RxDB itself would.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  MangoQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageInstance,
} from 'rxdb/plugins/core';
import {
  fillWithDefaultSettings,
  normalizeMangoQuery,
  prepareQuery,
  randomToken,
} from 'rxdb/plugins/core';

export type Person = { id: string; name: string; age: number; score?: number; tag?: string };

export const personSchema: RxJsonSchema<RxDocumentData<Person>> = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 40 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    score: { type: 'number' },
    tag: { type: 'string' },
  },
  required: ['id', 'name', 'age'],
  indexes: ['age', ['name', 'age']],
});

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rx-sqlite-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let lwtCounter = 0;
/** Strictly increasing write times, like RxDB's now(). */
export function nextLwt(): number {
  lwtCounter += 1;
  return Date.now() + lwtCounter / 1000;
}

export function personDoc(
  data: Person,
  rev = '1-a',
  deleted = false,
  lwt = nextLwt(),
): RxDocumentData<Person> {
  return { ...data, _deleted: deleted, _rev: rev, _attachments: {}, _meta: { lwt } };
}

export function preparePersonQuery(query: MangoQuery<Person>) {
  return prepareQuery<Person>(personSchema, normalizeMangoQuery<Person>(personSchema, query));
}

export async function openPeople<I, O>(
  storage: RxStorage<I, O>,
  databaseName = 'clinic',
  collectionName = 'people',
): Promise<RxStorageInstance<Person, I, O>> {
  return storage.createStorageInstance<Person>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName,
    schema: personSchema,
    options: {} as O,
    multiInstance: false,
    devMode: false,
  });
}
