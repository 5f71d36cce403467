// Backups written before zstd (format 1, brotli payload) stay readable and
// restorable (the refusal tests also run on them: refusals.test.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { inspectBackup, verifyBackup } from './read-backup.ts';
import { restoreBackup } from './restore.ts';
import {
  FORMAT_1_ENCRYPTED,
  FORMAT_1_PASSPHRASE,
  FORMAT_1_PLAIN,
  FORMAT_1_ROWS as ROWS,
} from './testing/format-1-fixtures.ts';
import { createSampleDb, readAllRows } from './testing/sample-db.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-format-1-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The rows the fixtures were made from (the sample data is deterministic). */
function expectedRows(): unknown[] {
  const source = path.join(dir, 'expected.sqlite');
  createSampleDb(source, ROWS);
  return readAllRows(source);
}

describe('format 1 (brotli) backups', () => {
  for (const [label, file, passphrase] of [
    ['plain', FORMAT_1_PLAIN, undefined],
    ['encrypted', FORMAT_1_ENCRYPTED, FORMAT_1_PASSPHRASE],
  ] as const) {
    test(`${label}: verify extracts every row`, async () => {
      const info = await inspectBackup(file);
      assert.equal(info.manifest.formatVersion, 1);
      assert.equal(info.manifest.payload.compression, 'brotli');
      const extracted = path.join(dir, 'extracted.sqlite');
      const verified = await verifyBackup(file, { passphrase, extractTo: extracted });
      assert.deepEqual(verified.counts, { docs: ROWS, totals: 1 });
      assert.deepEqual(readAllRows(extracted), expectedRows());
    });

    test(`${label}: restore replaces the data; the safety backup is written in the current format`, async () => {
      const dataFile = path.join(dir, 'live', 'punchcard.sqlite');
      fs.mkdirSync(path.dirname(dataFile));
      createSampleDb(dataFile, 7);
      const result = await restoreBackup({ file, dataFile, passphrase, appVersion: 'test' });
      assert.deepEqual(result.counts, { docs: ROWS, totals: 1 });
      assert.deepEqual(readAllRows(dataFile), expectedRows());
      assert.ok(result.safetyBackup);
      const safety = await verifyBackup(result.safetyBackup);
      assert.equal(safety.manifest.payload.compression, 'zstd');
      assert.deepEqual(safety.counts, { docs: 7, totals: 1 });
    });
  }

  test('encrypted: a wrong passphrase is refused as such', async () => {
    await assert.rejects(verifyBackup(FORMAT_1_ENCRYPTED, { passphrase: 'not it' }), {
      problem: 'wrong-passphrase',
    });
  });
});
