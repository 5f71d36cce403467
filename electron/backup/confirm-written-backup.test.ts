// The check after writing: the file must decompress to exactly the checked
// snapshot, and a snapshot that fails SQLite's integrity check never leaves a
// backup behind.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { confirmWrittenBackup } from './confirm-written-backup.ts';
import { BackupFileError } from './errors.ts';
import { HASH_BYTES, PREFIX_BYTES } from './format.ts';
import { verifyBackup } from './read-backup.ts';
import { createSampleDb } from './testing/sample-db.ts';
import { DamagedSnapshotError, createBackup } from './write-backup.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-confirm-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database whose index on `docs.id` no longer matches the table (one key changed in place). */
function createDbWithDamagedIndex(file: string): void {
  createSampleDb(file, 50);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = DELETE'); // one self-contained file to edit
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'docs'")
    .get() as { rootpage: number };
  const { page_size } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.close();
  const bytes = fs.readFileSync(file);
  const page = bytes.subarray((rootpage - 1) * page_size, rootpage * page_size);
  const at = page.indexOf('entry-7');
  assert.ok(at >= 0, 'the index page holds the key');
  page[at] = 'E'.charCodeAt(0);
  fs.writeFileSync(file, bytes);
}

async function backupWithSnapshot(passphrase?: string): Promise<{
  file: string;
  manifest: Awaited<ReturnType<typeof createBackup>>['manifest'];
  snapshot: string;
}> {
  const dataFile = path.join(dir, 'punchcard.sqlite');
  createSampleDb(dataFile, 300);
  const result = await createBackup({
    dataFile,
    outDir: path.join(dir, 'out'),
    deskId: 'd',
    appVersion: '1',
    passphrase,
  });
  const snapshot = path.join(dir, 'snapshot.sqlite');
  await verifyBackup(result.file, { passphrase, extractTo: snapshot });
  return { file: result.file, manifest: result.manifest, snapshot };
}

describe('confirmWrittenBackup', () => {
  for (const passphrase of [undefined, 'desk passphrase']) {
    const label = passphrase ? 'encrypted' : 'plain';
    test(`${label}: passes for the snapshot the file was made from`, async () => {
      const { file, manifest, snapshot } = await backupWithSnapshot(passphrase);
      const confirmed = await confirmWrittenBackup(
        file,
        { manifest, snapshotFile: snapshot },
        { passphrase },
      );
      assert.deepEqual(confirmed.counts, { docs: 300, totals: 1 });
    });

    test(`${label}: refuses when the file does not decompress to that snapshot`, async () => {
      const { file, manifest, snapshot } = await backupWithSnapshot(passphrase);
      const other = path.join(dir, 'other.sqlite');
      const bytes = fs.readFileSync(snapshot);
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 1;
      fs.writeFileSync(other, bytes);
      await assert.rejects(
        confirmWrittenBackup(file, { manifest, snapshotFile: other }, { passphrase }),
        (error) => error instanceof BackupFileError && /differs from/.test(error.message),
      );
    });
  }

  test('refuses a file whose manifest is not the one written', async () => {
    const { file, manifest, snapshot } = await backupWithSnapshot();
    const changed = { ...manifest, counts: { ...manifest.counts, docs: 301 } };
    await assert.rejects(
      confirmWrittenBackup(file, { manifest: changed, snapshotFile: snapshot }),
      /manifest differs/,
    );
  });

  test('refuses a changed payload even with a recomputed file checksum', async () => {
    const { file, manifest, snapshot } = await backupWithSnapshot();
    const bytes = fs.readFileSync(file);
    const payloadAt = PREFIX_BYTES + bytes.readUInt32BE(10) + HASH_BYTES + 20;
    bytes[payloadAt] = (bytes[payloadAt] ?? 0) ^ 0x10;
    const body = bytes.subarray(0, bytes.length - HASH_BYTES);
    fs.writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
    await assert.rejects(confirmWrittenBackup(file, { manifest, snapshotFile: snapshot }), {
      problem: 'corrupt',
    });
  });
});

describe('createBackup of a damaged database', () => {
  test('the integrity check fails, and no backup file is left behind', async () => {
    const dataFile = path.join(dir, 'damaged.sqlite');
    createDbWithDamagedIndex(dataFile);
    const outDir = path.join(dir, 'out');
    await assert.rejects(
      createBackup({ dataFile, outDir, deskId: 'd', appVersion: '1', workDir: dir }),
      (error) => error instanceof DamagedSnapshotError && /integrity check/.test(error.message),
    );
    assert.deepEqual(fs.readdirSync(outDir), []);
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.startsWith('punchcard-backup-')),
      [],
      'the work folder is removed',
    );
  });
});
