// The check after writing: the file must hold exactly the payload proved to
// decompress to the checked snapshot, and a snapshot that fails SQLite's
// integrity check never leaves a backup behind.
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

async function backup(
  passphrase?: string,
  rows = 300,
): Promise<{ file: string; manifest: Awaited<ReturnType<typeof createBackup>>['manifest'] }> {
  const dataFile = path.join(dir, `punchcard-${rows}.sqlite`);
  createSampleDb(dataFile, rows);
  const result = await createBackup({
    dataFile,
    outDir: path.join(dir, 'out'),
    deskId: 'd',
    appVersion: '1',
    passphrase,
  });
  return { file: result.file, manifest: result.manifest };
}

/** Flips one bit of the payload and, as a deliberate forger would, recomputes the file checksum. */
function changePayloadKeepingFileChecksum(file: string): void {
  const bytes = fs.readFileSync(file);
  const payloadAt = PREFIX_BYTES + bytes.readUInt32BE(10) + HASH_BYTES + 20;
  bytes[payloadAt] = (bytes[payloadAt] ?? 0) ^ 0x10;
  const body = bytes.subarray(0, bytes.length - HASH_BYTES);
  fs.writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
}

describe('confirmWrittenBackup', () => {
  for (const passphrase of [undefined, 'desk passphrase']) {
    const label = passphrase ? 'encrypted' : 'plain';
    test(`${label}: passes for the file as written, which restores to the snapshot`, async () => {
      const { file, manifest } = await backup(passphrase);
      const confirmed = await confirmWrittenBackup(file, { manifest }, { passphrase });
      assert.deepEqual(confirmed.counts, { docs: 300, totals: 1 });
      // What the confirmation vouches for: the full check extracts the same snapshot.
      const extracted = path.join(dir, 'extracted.sqlite');
      await verifyBackup(file, { passphrase, extractTo: extracted });
      assert.equal(
        createHash('sha256').update(fs.readFileSync(extracted)).digest('hex'),
        manifest.snapshot.sha256,
      );
    });

    test(`${label}: refuses a file whose payload is not the proved one`, async () => {
      const { file, manifest } = await backup(passphrase);
      changePayloadKeepingFileChecksum(file);
      await assert.rejects(
        confirmWrittenBackup(file, { manifest }, { passphrase }),
        (error) =>
          error instanceof BackupFileError &&
          error.problem === (passphrase ? 'tampered' : 'corrupt'),
      );
    });

    test(`${label}: refuses another backup's file (its bytes restore to another snapshot)`, async () => {
      const first = await backup(passphrase, 300);
      const second = await backup(passphrase, 301);
      await assert.rejects(
        confirmWrittenBackup(second.file, { manifest: first.manifest }, { passphrase }),
        /manifest differs/,
      );
    });
  }

  test('refuses a file whose manifest is not the one written', async () => {
    const { file, manifest } = await backup();
    const changed = { ...manifest, counts: { ...manifest.counts, docs: 301 } };
    await assert.rejects(confirmWrittenBackup(file, { manifest: changed }), /manifest differs/);
    const otherPayload = {
      ...manifest,
      payload: { ...manifest.payload, sha256: manifest.snapshot.sha256 },
    };
    await assert.rejects(
      confirmWrittenBackup(file, { manifest: otherPayload }),
      /manifest differs/,
    );
  });

  test('refuses a changed payload whose manifest was rewritten to match (header checksum too)', async () => {
    // The header is protected by its own checksum, the file by the whole-file
    // checksum: a forger recomputes both. The payload hash in the header then
    // differs from the one proved at compression time.
    const { file, manifest } = await backup();
    const bytes = fs.readFileSync(file);
    const headerBytes = bytes.readUInt32BE(10);
    const header = JSON.parse(
      bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes).toString('utf8'),
    ) as { manifest: typeof manifest; encryption: null };
    const payloadStart = PREFIX_BYTES + headerBytes + HASH_BYTES;
    const payload = Buffer.from(
      bytes.subarray(payloadStart, payloadStart + manifest.payload.bytes),
    );
    payload[20] = (payload[20] ?? 0) ^ 0x10;
    header.manifest.payload.sha256 = createHash('sha256').update(payload).digest('hex');
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.from(bytes.subarray(0, PREFIX_BYTES));
    prefix.writeUInt32BE(json.length, 10);
    const headerBody = Buffer.concat([prefix, json]);
    const body = Buffer.concat([
      headerBody,
      createHash('sha256').update(headerBody).digest(),
      payload,
    ]);
    fs.writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
    await assert.rejects(confirmWrittenBackup(file, { manifest }), /manifest differs/);
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
