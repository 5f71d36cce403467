import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { parseBackupFileName } from './file-name.ts';
import type { BackupProgress } from './progress.ts';
import { inspectBackup, verifyBackup } from './read-backup.ts';
import { createSampleDb, readAllRows } from './testing/sample-db.ts';
import { createBackup } from './write-backup.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-backup-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('createBackup', () => {
  test('writes one verified, well-named file whose snapshot holds every row', async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 1000);
    const phases = new Set<string>();
    const fractions: BackupProgress[] = [];
    const result = await createBackup({
      dataFile,
      outDir: path.join(dir, 'out'),
      deskId: 'front-desk',
      appVersion: '0.1.0',
      now: () => new Date('2026-11-21T21:00:00.000Z'),
      describe: (db) => db.prepare("SELECT value FROM totals WHERE name = 'rows'").get(),
      onProgress: (p) => {
        phases.add(p.phase);
        fractions.push(p);
      },
    });
    assert.equal(result.name, 'punchcard-front-desk-20261121T210000Z.pcbak');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), [result.name]);
    assert.deepEqual(parseBackupFileName(result.name)?.deskId, 'front-desk');
    assert.deepEqual(result.manifest.counts, { docs: 1000, totals: 1 });
    assert.deepEqual(result.manifest.summary, { value: 1000 });
    assert.equal(result.manifest.appVersion, '0.1.0');
    assert.equal(result.encrypted, false);
    assert.deepEqual([...phases], ['snapshot', 'compress', 'write', 'verify']);
    assert.ok(fractions.every((p) => p.fraction >= 0 && p.fraction <= 1));

    const info = await inspectBackup(result.file);
    assert.equal(info.manifest.createdAt, '2026-11-21T21:00:00.000Z');
    const extracted = path.join(dir, 'extracted.sqlite');
    const verified = await verifyBackup(result.file, { extractTo: extracted });
    assert.deepEqual(verified.counts, { docs: 1000, totals: 1 });
    assert.deepEqual(readAllRows(extracted), readAllRows(dataFile));
  });

  test('leaves nothing behind in the work folder (the snapshot is deleted early)', async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 100);
    const workDir = path.join(dir, 'work');
    fs.mkdirSync(workDir);
    const result = await createBackup({
      dataFile,
      outDir: path.join(dir, 'out'),
      deskId: 'd',
      appVersion: '1',
      workDir,
    });
    assert.deepEqual(fs.readdirSync(workDir), []);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), [result.name]);
  });

  test('a second backup in the same second gets its own name; nothing is overwritten', async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 10);
    const options = {
      dataFile,
      outDir: dir,
      deskId: 'd1',
      appVersion: '1',
      now: () => new Date('2026-01-01T00:00:00Z'),
    };
    const first = await createBackup(options);
    const second = await createBackup(options);
    assert.equal(first.name, 'punchcard-d1-20260101T000000Z.pcbak');
    assert.equal(second.name, 'punchcard-d1-20260101T000000Z-1.pcbak');
  });

  test('encrypted backups need the passphrase and contain no plaintext', async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 200);
    const result = await createBackup({
      dataFile,
      outDir: dir,
      deskId: 'd1',
      appVersion: '1',
      passphrase: 'correct horse',
    });
    assert.equal(result.encrypted, true);
    const verified = await verifyBackup(result.file, { passphrase: 'correct horse' });
    assert.deepEqual(verified.counts, { docs: 200, totals: 1 });
    await assert.rejects(verifyBackup(result.file), { problem: 'passphrase-required' });
    await assert.rejects(verifyBackup(result.file, { passphrase: 'wrong horse' }), {
      problem: 'wrong-passphrase',
    });
  });

  test('refuses to start without a database, and leaves no file behind', async () => {
    await assert.rejects(
      createBackup({
        dataFile: path.join(dir, 'missing.sqlite'),
        outDir: path.join(dir, 'out'),
        deskId: 'd',
        appVersion: '1',
      }),
      /No database/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
  });

  test('the snapshot is a standalone file (not WAL) even though the source is in WAL mode', async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 5);
    const result = await createBackup({ dataFile, outDir: dir, deskId: 'd', appVersion: '1' });
    const extracted = path.join(dir, 'x.sqlite');
    await verifyBackup(result.file, { extractTo: extracted });
    const db = new DatabaseSync(extracted, { readOnly: true });
    assert.deepEqual({ ...db.prepare('PRAGMA journal_mode').get() }, { journal_mode: 'delete' });
    db.close();
  });
});
