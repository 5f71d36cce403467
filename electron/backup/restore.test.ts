import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { verifyBackup } from './read-backup.ts';
import { restoreBackup } from './restore.ts';
import { createSampleDb, insertDocuments, openSampleDb, readAllRows } from './testing/sample-db.ts';
import { createBackup } from './write-backup.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-restore-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('restoreBackup', () => {
  for (const passphrase of [undefined, 'open sesame']) {
    test(`round trip ${passphrase ? 'encrypted' : 'plain'}: every row comes back; the replaced data is kept as a safety backup`, async () => {
      const dataFile = path.join(dir, 'data', 'punchcard.sqlite');
      fs.mkdirSync(path.dirname(dataFile));
      createSampleDb(dataFile, 2500);
      const expected = readAllRows(dataFile);
      const backup = await createBackup({
        dataFile,
        outDir: path.join(dir, 'backups'),
        deskId: 'desk-a',
        appVersion: '1',
        passphrase,
      });

      // Later the data moves on (and is left open in WAL mode with a -wal file) ...
      const live = openSampleDb(dataFile);
      insertDocuments(live, 2500, 100);
      live.exec('DELETE FROM docs WHERE seq < 10');
      const calls: string[] = [];
      const result = await restoreBackup({
        file: backup.file,
        dataFile,
        passphrase,
        appVersion: '1',
        beforeReplace: () => {
          calls.push('before');
          live.close(); // what the main process does: close the store
        },
        afterReplace: ({ replaced }) => void calls.push(`after:${replaced}`),
      });
      assert.deepEqual(calls, ['before', 'after:true']);
      assert.deepEqual(result.counts, { docs: 2500, totals: 1 });
      assert.deepEqual(readAllRows(dataFile), expected);
      assert.equal(fs.existsSync(`${dataFile}-wal`), false);
      const restored = new DatabaseSync(dataFile);
      assert.deepEqual(
        { ...restored.prepare('PRAGMA integrity_check').get() },
        { integrity_check: 'ok' },
      );
      restored.close();

      // ... and the replaced state (2590 rows) is in the safety backup.
      assert.ok(result.safetyBackup);
      assert.equal(path.dirname(result.safetyBackup), path.join(dir, 'data', 'safety-backups'));
      const safety = await verifyBackup(result.safetyBackup);
      assert.deepEqual(safety.counts, { docs: 2590, totals: 1 });
      // No temporary files are left beside the database.
      assert.deepEqual(fs.readdirSync(path.dirname(dataFile)).sort(), [
        'punchcard.sqlite',
        'safety-backups',
      ]);
    });
  }

  test('restores into an empty data folder (new PC) without a safety backup', async () => {
    const source = path.join(dir, 'source.sqlite');
    createSampleDb(source, 50);
    const backup = await createBackup({
      dataFile: source,
      outDir: dir,
      deskId: 'd',
      appVersion: '1',
    });
    const dataFile = path.join(dir, 'new-pc', 'punchcard.sqlite');
    const result = await restoreBackup({ file: backup.file, dataFile, appVersion: '1' });
    assert.equal(result.safetyBackup, null);
    assert.deepEqual(readAllRows(dataFile), readAllRows(source));
  });

  test('a failure while replacing still reopens the old store and keeps the old data', async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 30);
    const before = fs.readFileSync(dataFile);
    const source = path.join(dir, 'other.sqlite');
    createSampleDb(source, 5);
    const backup = await createBackup({
      dataFile: source,
      outDir: path.join(dir, 'b'),
      deskId: 'd',
      appVersion: '1',
    });
    const outcomes: boolean[] = [];
    await assert.rejects(
      restoreBackup({
        file: backup.file,
        dataFile,
        appVersion: '1',
        beforeReplace: () => {
          throw new Error('store refused to close');
        },
        afterReplace: ({ replaced }) => void outcomes.push(replaced),
      }),
      /store refused to close/,
    );
    assert.deepEqual(fs.readFileSync(dataFile), before);
    assert.deepEqual(outcomes, [false]);
  });
});
