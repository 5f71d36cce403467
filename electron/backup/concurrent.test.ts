// A backup taken while another process keeps committing rows restores to a
// consistent state: integrity ok, and exactly the first N rows ever written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { restoreBackup } from './restore.ts';
import { createSampleDb, readSequences } from './testing/sample-db.ts';
import { createBackup } from './write-backup.ts';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-concurrent-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function startWriter(dataFile: string, firstSeq: number) {
  const script = fileURLToPath(new URL('./testing/writer-process.ts', import.meta.url));
  const child = spawn(process.execPath, [script, dataFile, String(firstSeq)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  child.stdout.on('data', (data) => {
    output += String(data);
    for (const waiter of [...waiters]) {
      const match = output.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve) => {
      const match = output.match(pattern);
      if (match) resolve(match);
      else waiters.push({ pattern, resolve });
    });
  return { child, waitFor };
}

test(
  'backups taken during concurrent writes restore to an exact prefix of the writes',
  { timeout: 60_000 },
  async () => {
    const dataFile = path.join(dir, 'punchcard.sqlite');
    createSampleDb(dataFile, 20_000);
    const writer = startWriter(dataFile, 20_000);
    await writer.waitFor(/at 21000/);

    const backups = [];
    for (let i = 0; i < 3; i++) {
      backups.push(
        await createBackup({
          dataFile,
          outDir: path.join(dir, 'out'),
          deskId: 'busy',
          appVersion: '1',
        }),
      );
    }
    writer.child.stdin.write('stop\n');
    const committed = Number((await writer.waitFor(/committed (\d+)/))[1]);

    let previous = 0;
    for (const [i, backup] of backups.entries()) {
      const target = path.join(dir, `restored-${i}`, 'punchcard.sqlite');
      const result = await restoreBackup({ file: backup.file, dataFile: target, appVersion: '1' });
      const sequences = readSequences(target);
      const count = sequences.length;
      // Exact prefix 0..count-1 of the rows written, in whole transactions of 5.
      assert.ok(
        sequences.every((seq, index) => seq === index),
        `backup ${i} is not a prefix`,
      );
      assert.equal(count % 5, 0);
      assert.ok(count > 20_000 && count <= committed, `backup ${i} holds ${count} of ${committed}`);
      assert.ok(count >= previous, 'later backups hold at least as much');
      previous = count;
      assert.deepEqual(result.counts, { docs: count, totals: 1 });
      const db = new DatabaseSync(target, { readOnly: true });
      assert.deepEqual(
        { ...db.prepare('PRAGMA integrity_check').get() },
        { integrity_check: 'ok' },
      );
      // The running total committed with each batch agrees with the rows present.
      assert.deepEqual(
        { ...db.prepare("SELECT value FROM totals WHERE name = 'rows'").get() },
        { value: count },
      );
      db.close();
    }
    assert.ok(previous < committed, 'the writer kept writing after the last snapshot');
  },
);
