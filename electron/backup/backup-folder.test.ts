import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { backUpAndRotate } from './backup-service.ts';
import { lastGoodBackupAt, listBackups } from './backup-folder.ts';
import { createSampleDb } from './testing/sample-db.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-folder-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('nightly runs rotate the folder and never touch foreign or damaged files', async () => {
  const dataFile = path.join(dir, 'punchcard.sqlite');
  createSampleDb(dataFile, 20);
  const out = path.join(dir, 'backups');
  fs.mkdirSync(out);
  const foreign = [
    'holiday.jpg',
    'punchcard-d1-notes.pcbak',
    'punchcard-d2-20260101T000000Z.pcbak',
  ];
  for (const name of foreign) fs.writeFileSync(path.join(out, name), 'not ours');
  fs.writeFileSync(
    path.join(out, 'punchcard-d1-20250101T000000Z.pcbak'),
    'damaged: looks like ours but is not readable',
  );

  let last;
  for (let day = 1; day <= 5; day++) {
    last = await backUpAndRotate({
      dataFile,
      outDir: out,
      deskId: 'd1',
      appVersion: '1',
      timeZone: 'UTC',
      retention: { daily: 2, weekly: 0, monthly: 0 },
      now: () => new Date(`2026-03-0${day}T21:00:00Z`),
    });
    assert.equal(last.rotationError, null);
  }
  assert.deepEqual(last?.rotatedAway, ['punchcard-d1-20260303T210000Z.pcbak']);
  assert.deepEqual(
    fs.readdirSync(out).sort(),
    [
      ...foreign,
      'punchcard-d1-20250101T000000Z.pcbak',
      'punchcard-d1-20260304T210000Z.pcbak',
      'punchcard-d1-20260305T210000Z.pcbak',
    ].sort(),
  );

  const listed = await listBackups(out, 'd1');
  assert.deepEqual(
    listed.map((l) => [l.name, l.info !== null]),
    [
      ['punchcard-d1-20260305T210000Z.pcbak', true],
      ['punchcard-d1-20260304T210000Z.pcbak', true],
      ['punchcard-d1-20250101T000000Z.pcbak', false],
    ],
  );
  assert.deepEqual(await lastGoodBackupAt(out, 'd1'), new Date('2026-03-05T21:00:00Z'));
  assert.equal(await lastGoodBackupAt(out, 'd2'), null);
  assert.deepEqual(await listBackups(path.join(dir, 'missing')), []);
});
