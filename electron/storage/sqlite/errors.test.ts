// Bad files and failing disks: refused with the file's path, nothing
// overwritten, nothing half-written.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { SqliteStorageError, getRxStorageSqlite } from './index.ts';
import { makeTempDir, openPeople, personDoc } from './test-fixtures.ts';

const temp = makeTempDir();
after(() => temp.cleanup());

function isStorageError(kind: string, path: string) {
  return (error: unknown) => {
    assert.ok(error instanceof SqliteStorageError, String(error));
    assert.equal(error.kind, kind);
    assert.ok(error.message.includes(path), error.message);
    return true;
  };
}

describe('files that are not ours', () => {
  it('refuses a file that is not a database, naming it and leaving it untouched', async () => {
    const path = join(temp.dir, 'notes.sqlite');
    const content = Buffer.from('Dear diary, today the clinic was busy.\n'.repeat(200));
    writeFileSync(path, content);
    const storage = getRxStorageSqlite({ filePathFor: () => path });
    await assert.rejects(openPeople(storage), isStorageError('not-a-database', path));
    assert.deepEqual(readFileSync(path), content);
  });

  it('refuses a damaged database (header intact, pages garbage), naming it and leaving it untouched', async () => {
    const path = join(temp.dir, 'damaged.sqlite');
    const storage = getRxStorageSqlite({ filePathFor: () => path });
    const people = await openPeople(storage);
    await people.bulkWrite([{ document: personDoc({ id: 'a', name: 'A', age: 1 }) }], 'w');
    await people.close();
    const bytes = readFileSync(path);
    // Keep the 100-byte header, overwrite the schema page that follows.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 4096));
    writeFileSync(path, bytes);
    await assert.rejects(openPeople(storage), (error: unknown) => {
      assert.ok(error instanceof SqliteStorageError);
      assert.ok(['corrupt', 'not-a-database'].includes(error.kind), error.kind);
      assert.ok(error.message.includes(path));
      return true;
    });
    assert.deepEqual(readFileSync(path), bytes);
  });

  it("refuses another program's SQLite database, leaving it untouched", async () => {
    const path = join(temp.dir, 'other.sqlite');
    const other = new DatabaseSync(path);
    other.exec('CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (1);');
    other.close();
    const before = readFileSync(path);
    const storage = getRxStorageSqlite({ filePathFor: () => path });
    await assert.rejects(openPeople(storage), isStorageError('foreign-database', path));
    assert.deepEqual(readFileSync(path), before);
  });
});

describe('failing writes', () => {
  it('rejects a write on a full disk with a clear error and rolls the whole bulk back', async () => {
    const path = join(temp.dir, 'full.sqlite');
    const storage = getRxStorageSqlite({ filePathFor: () => path });
    const people = await openPeople(storage);
    await people.bulkWrite([{ document: personDoc({ id: 'first', name: 'F', age: 1 }) }], 'w');
    // Simulate a full disk: SQLite may not grow the file beyond its current size.
    const { db } = people.internals.connection;
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    db.exec(`PRAGMA max_page_count = ${pages}`);
    const big = Array.from({ length: 500 }, (_, i) => ({
      document: personDoc({ id: `big${i}`, name: 'B'.repeat(40), age: 2, tag: 'x'.repeat(2000) }),
    }));
    await assert.rejects(people.bulkWrite(big, 'too-much'), (error: unknown) => {
      assert.ok(isStorageError('disk-full', path)(error));
      assert.match((error as Error).message, /full.*Nothing was written/);
      return true;
    });
    db.exec('PRAGMA max_page_count = 1073741823');
    assert.deepEqual(await people.findDocumentsById(['big0', 'big499'], true), []);
    // The storage keeps working once there is room again.
    assert.deepEqual((await people.bulkWrite([big[0]!], 'retry')).error, []);
    assert.equal((await people.findDocumentsById(['first', 'big0'], false)).length, 2);
    await people.close();
  });

  it('rejects a write to a read-only database with a clear error', async () => {
    const path = join(temp.dir, 'readonly.sqlite');
    const storage = getRxStorageSqlite({ filePathFor: () => path });
    const people = await openPeople(storage);
    const { db } = people.internals.connection;
    // Tests run as root, where file permissions do not stop writes; SQLite's
    // query_only raises the same SQLITE_READONLY a read-only file would.
    db.exec('PRAGMA query_only = 1');
    await assert.rejects(
      people.bulkWrite([{ document: personDoc({ id: 'x', name: 'X', age: 1 }) }], 'w'),
      isStorageError('read-only', path),
    );
    db.exec('PRAGMA query_only = 0');
    assert.deepEqual(await people.findDocumentsById(['x'], true), []);
    await people.close();
  });

  it('rejects a schema whose indexes changed without a version bump', async () => {
    const path = join(temp.dir, 'schema.sqlite');
    const storage = getRxStorageSqlite({ filePathFor: () => path });
    const people = await openPeople(storage);
    const { personSchema } = await import('./test-fixtures.ts');
    await assert.rejects(
      storage.createStorageInstance({
        databaseInstanceToken: 't',
        databaseName: 'clinic',
        collectionName: 'people',
        schema: {
          ...personSchema,
          indexes: [
            ['_deleted', 'age', 'id'],
            ['_meta.lwt', 'id'],
          ],
        },
        options: {},
        multiInstance: false,
        devMode: false,
      }),
      isStorageError('schema-mismatch', path),
    );
    await people.close();
  });
});
