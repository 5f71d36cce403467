// The command line end to end, as an administrator would run it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DATA_FILE_NAME } from '../data-path.ts';
import {
  createSampleDb,
  insertDocuments,
  openSampleDb,
  readAllRows,
} from '../testing/sample-db.ts';

const cliScript = fileURLToPath(new URL('../../../scripts/cli.ts', import.meta.url));
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cliScript, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-cli-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('backup, verify and restore from the command line, with a passphrase file', async () => {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const dataFile = path.join(dataDir, DATA_FILE_NAME);
  createSampleDb(dataFile, 400);
  const expected = readAllRows(dataFile);
  const passFile = path.join(dir, 'pass.txt');
  fs.writeFileSync(passFile, 'front desk secret\n');
  const out = path.join(dir, 'backups');

  const backup = await cli(
    'backup',
    '--data',
    dataDir,
    '--out',
    out,
    '--passphrase-file',
    passFile,
    '--desk',
    'front',
    '--rotate',
  );
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /Backup written and verified: .*punchcard-front-\d{8}T\d{6}Z\.pcbak/);
  assert.match(backup.stdout, /encrypted, 401 rows in 2 tables \(docs: 400, totals: 1\)/);
  const [name] = fs.readdirSync(out);
  assert.ok(name);
  const file = path.join(out, name);

  const verify = await cli('verify', file, '--passphrase-file', passFile);
  assert.equal(verify.code, 0, verify.stderr);
  assert.match(verify.stdout, /Backup is good/);
  assert.match(verify.stdout, /desk: +front/);

  const wrongPass = path.join(dir, 'wrong.txt');
  fs.writeFileSync(wrongPass, 'not it');
  const refused = await cli('verify', file, '--passphrase-file', wrongPass);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /passphrase does not open this backup.*\[wrong-passphrase\]/);

  const missing = await cli('verify', file);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /\[passphrase-required\]/);

  // The data moves on; restore brings back the backed-up state.
  const db = openSampleDb(dataFile);
  insertDocuments(db, 400, 25);
  db.close();
  const before = fs.readFileSync(dataFile);
  const refusedRestore = await cli(
    'restore',
    file,
    '--data',
    dataDir,
    '--passphrase-file',
    wrongPass,
  );
  assert.equal(refusedRestore.code, 1);
  assert.match(refusedRestore.stderr, /Restore refused, nothing was changed/);
  assert.deepEqual(fs.readFileSync(dataFile), before);

  const restore = await cli('restore', file, '--data', dataDir, '--passphrase-file', passFile);
  assert.equal(restore.code, 0, restore.stderr);
  assert.match(restore.stdout, /docs: 400/);
  assert.match(restore.stdout, /previous data is saved in .*safety-backups/);
  assert.deepEqual(readAllRows(dataFile), expected);
});

test('usage errors exit with 2, failures with 1', async () => {
  assert.equal((await cli()).code, 2);
  const unknown = await cli('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command: frobnicate/);
  const noOut = await cli('backup', '--data', dir);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--data and --out are required/);
  assert.equal((await cli('backup', '--data', dir, '--out', dir, '--bogus')).code, 2);
  const noDb = await cli(
    'backup',
    '--data',
    path.join(dir, 'nowhere'),
    '--out',
    path.join(dir, 'o'),
  );
  assert.equal(noDb.code, 1);
  assert.match(noDb.stderr, /Backup failed: No database/);
  const notBackup = path.join(dir, 'notes.txt');
  fs.writeFileSync(notBackup, 'hello');
  const verify = await cli('verify', notBackup);
  assert.equal(verify.code, 1);
  assert.match(verify.stderr, /not a Punchcard backup file/);
  const help = await cli('restore', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /restore <file> --data/);
});
