// Whole-database use through RxDB itself: a collection whose schema version is
// bumped migrates with RxDB's migration-schema plugin, on this storage.

import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { addRxPlugin, createRxDatabase } from 'rxdb/plugins/core';
import type { RxJsonSchema } from 'rxdb/plugins/core';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { firstValueFrom, filter } from 'rxjs';
import { DatabaseSync } from 'node:sqlite';
import { getRxStorageSqlite } from './index.ts';
import { makeTempDir } from './test-fixtures.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

const temp = makeTempDir();
after(() => temp.cleanup());

type EntryV0 = { id: string; patientId: string; amount: string };
type EntryV1 = {
  id: string;
  patientId: string;
  amount: string;
  currency: string;
  occurredAt: number;
};

const schemaV0: RxJsonSchema<EntryV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    patientId: { type: 'string', maxLength: 40 },
    amount: { type: 'string' },
  },
  required: ['id', 'patientId', 'amount'],
  indexes: ['patientId'],
};

const schemaV1: RxJsonSchema<EntryV1> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    patientId: { type: 'string', maxLength: 40 },
    amount: { type: 'string' },
    currency: { type: 'string', maxLength: 3 },
    occurredAt: { type: 'integer', minimum: 0, maximum: 10_000_000_000_000, multipleOf: 1 },
  },
  required: ['id', 'patientId', 'amount', 'currency', 'occurredAt'],
  indexes: [['patientId', 'occurredAt']],
};

it('migrates a collection to a new schema version and keeps it across restarts', async () => {
  const storage = getRxStorageSqlite({ directory: temp.dir });
  const v0 = await createRxDatabase({ name: 'desk', storage });
  const { entries: entriesV0 } = await v0.addCollections({ entries: { schema: schemaV0 } });
  await entriesV0.bulkInsert(
    Array.from({ length: 30 }, (_, i) => ({
      id: `e${String(i).padStart(2, '0')}`,
      patientId: `p${i % 3}`,
      amount: `${i}.50`,
    })),
  );
  await v0.close();

  const v1 = await createRxDatabase({ name: 'desk', storage });
  const { entries } = await v1.addCollections({
    entries: {
      schema: schemaV1,
      migrationStrategies: {
        1: (doc: EntryV0): EntryV1 => ({
          ...doc,
          currency: 'AUD',
          occurredAt: Number(doc.id.slice(1)) * 1000,
        }),
      },
    },
  });
  const p1 = await entries
    .find({ selector: { patientId: 'p1' }, sort: [{ occurredAt: 'desc' }] })
    .exec();
  assert.equal(p1.length, 10);
  assert.deepEqual(p1[0]!.toJSON(), {
    id: 'e28',
    patientId: 'p1',
    amount: '28.50',
    currency: 'AUD',
    occurredAt: 28000,
  });
  assert.ok(p1.every((doc, i) => i === 0 || doc.occurredAt < p1[i - 1]!.occurredAt));

  // Reactive queries see writes made afterwards.
  const query = entries.count({ selector: { patientId: 'p1' } });
  const eleven = firstValueFrom(query.$.pipe(filter((n) => n === 11)));
  await entries.insert({
    id: 'e99',
    patientId: 'p1',
    amount: '1.00',
    currency: 'AUD',
    occurredAt: 99000,
  });
  assert.equal(await eleven, 11);
  const path = storage.filePathFor('desk');
  await v1.close();

  // The old version's table is gone; only the migrated one remains.
  const raw = new DatabaseSync(path, { readOnly: true });
  const tables = (
    raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'entries%'")
      .all() as { name: string }[]
  ).map((t) => t.name);
  raw.close();
  assert.deepEqual(tables, ['entries__v1']);

  const again = await createRxDatabase({ name: 'desk', storage });
  const reopened = await again.addCollections({
    entries: { schema: schemaV1, migrationStrategies: { 1: (doc: EntryV0) => doc } },
  });
  assert.equal(await reopened.entries.count().exec(), 31);
  await again.remove();
});
