// The JSON export holds every document, in RxDB's dump layout (RxDB's own
// importJSON reads it back), with the app version and time, written whole or
// not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBJsonDumpPlugin } from 'rxdb/plugins/json-dump';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { startCore } from '../app/start-core.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import { collectionSchemas } from '../../shared/db/collections.ts';
import { exportAllAsJson, jsonExportFileName } from './json-export.ts';

test('file names sort by time and say what they are', () => {
  assert.equal(
    jsonExportFileName('desk-1', new Date('2025-03-04T05:06:07.890Z')),
    'punchcard-export-desk-1-20250304T050607Z.json',
  );
});

test('every document of every collection, page by page, readable by RxDB importJSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-json-export-'));
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '9.8.7',
    deskId: 'desk-json',
    devStaff: TEST_MANAGER,
  });
  try {
    for (let i = 0; i < 7; i++) {
      const added = await core.dispatch('addPatient', { firstName: `P${i}`, lastName: 'Lee' });
      assert.ok(added.ok);
      const paid = await core.dispatch('recordPayment', {
        payer: { type: 'patient', patientId: (added.value as { id: string }).id },
        method: 'cash',
        amount: `${10 + i}.00`,
      });
      assert.ok(paid.ok, JSON.stringify(paid));
    }
    const expected: Record<string, number> = {};
    for (const name of Object.keys(collectionSchemas)) {
      expected[name] = await core.db.collections[name as 'patients'].count().exec();
    }
    const result = await exportAllAsJson({
      db: core.db,
      folder: join(dir, 'out'),
      appVersion: '9.8.7',
      deskId: 'desk-json',
      now: () => new Date('2025-03-04T05:06:07Z'),
      pageSize: 3,
    });
    assert.deepEqual(result.counts, expected);
    assert.equal(expected['patients'], 7);
    assert.ok(expected['journal']! >= 7);
    assert.deepEqual(readdirSync(join(dir, 'out')), [result.name], 'no partial file left');

    const dump = JSON.parse(readFileSync(result.file, 'utf8')) as {
      format: string;
      appVersion: string;
      exportedAt: string;
      deskId: string;
      collections: { name: string; docs: { id: string }[] }[];
    };
    assert.equal(dump.format, 'punchcard-json-export');
    assert.equal(dump.appVersion, '9.8.7');
    assert.equal(dump.exportedAt, '2025-03-04T05:06:07.000Z');
    assert.equal(dump.deskId, 'desk-json');
    for (const collection of dump.collections) {
      const ids = collection.docs.map((doc) => doc.id);
      assert.equal(new Set(ids).size, ids.length, `${collection.name}: no document twice`);
      const live = await core.db.collections[collection.name as 'patients'].find().exec();
      assert.deepEqual(
        collection.docs.sort((a, b) => a.id.localeCompare(b.id)),
        live.map((doc) => doc.toJSON()).sort((a, b) => a.id.localeCompare(b.id)),
      );
    }

    // RxDB's own importer takes it (same layout and schema hashes as its dump).
    addRxPlugin(RxDBJsonDumpPlugin);
    const other = await createRxDatabase({
      name: 'json-import-check',
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    });
    try {
      await other.addCollections(collectionSchemas);
      await other.importJSON(dump as never);
      assert.equal(await other.collections['patients']!.count().exec(), 7);
      assert.equal(await other.collections['journal']!.count().exec(), expected['journal']);
    } finally {
      await other.remove();
    }
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
