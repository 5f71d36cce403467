import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DATA_FILE_NAME, resolveDataFile } from './data-path.ts';
import { backupFileName, parseBackupFileName } from './file-name.ts';

test('backup names round-trip, sort by time and reject what is not ours', () => {
  const at = new Date('2026-11-21T21:00:00.000Z');
  assert.equal(backupFileName('front-desk_2', at), 'punchcard-front-desk_2-20261121T210000Z.pcbak');
  assert.deepEqual(parseBackupFileName('punchcard-front-desk_2-20261121T210000Z-3.pcbak'), {
    name: 'punchcard-front-desk_2-20261121T210000Z-3.pcbak',
    deskId: 'front-desk_2',
    createdAt: at,
    sequence: 3,
  });
  const names = ['2026-11-21T21:00:00Z', '2026-02-01T08:00:00Z', '2025-12-31T23:59:59Z'].map(
    (iso) => backupFileName('d', new Date(iso)),
  );
  assert.deepEqual([...names].sort(), [names[2], names[1], names[0]]);
  for (const foreign of [
    'punchcard-d-20261121T210000Z.pcbak.partial',
    'punchcard--20261121T210000Z.pcbak',
    'punchcard-d-20261121T250000Z.pcbak',
    'x.pcbak',
  ]) {
    assert.equal(parseBackupFileName(foreign), null, foreign);
  }
  assert.throws(() => backupFileName('desk/../x', at), /cannot be used in a file name/);
});

test('the data path accepts a folder or the database file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-datapath-'));
  try {
    assert.equal(resolveDataFile(dir), path.join(dir, DATA_FILE_NAME));
    assert.equal(
      resolveDataFile(path.join(dir, 'not-yet')),
      path.join(dir, 'not-yet', DATA_FILE_NAME),
    );
    assert.equal(resolveDataFile(path.join(dir, 'copy.sqlite')), path.join(dir, 'copy.sqlite'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
