// Tampering with a copy of a real desk's database (SQLite, as on the PC):
// an entry altered, removed, or two entries' places swapped are found and
// located by the command line's verify-chain and by the self-check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startCore } from '../app/start-core.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import { quoteIdentifier } from '../storage/sqlite/table-layout.ts';
import { JOURNAL_TABLE, verifyChainsInFile } from './journal-file.ts';
import { verifyChainCommand } from './cli/verify-chain-command.ts';
import { verifyJournalChains } from './journal-chain.ts';
import type { SelfCheckReport } from '../../shared/contract/domains/ledger.ts';

let root = '';
let original = '';
/** The desk's entries in chain order: [id, seq]. */
let written: { id: string; seq: number }[] = [];

const options = (dataDirectory: string) => ({
  dataDirectory,
  storageKind: 'sqlite' as const,
  devMode: false,
  appVersion: '0.0.0-test',
  deskId: 'desk-1',
  now: () => new Date('2026-07-01T10:00:00.000Z'),
  ledger: { clinic: { delayMs: 0 } },
  devStaff: TEST_MANAGER,
});

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'punchcard-chain-'));
  original = join(root, 'original');
  const core = await startCore(options(original));
  const call = async (name: string, args: unknown) => {
    const result = await core.dispatch(name, args);
    assert.ok(result.ok, JSON.stringify(result));
    return result.value as Record<string, unknown>;
  };
  const { id: patientId } = await call('addPatient', { firstName: 'Ann', lastName: 'Lee' });
  for (const amount of ['50.00', '20.00', '35.00', '10.00']) {
    await call('recordPayment', { payer: { type: 'patient', patientId }, method: 'cash', amount });
  }
  await call('grantCourtesyCredit', { patientId, amount: '5.00', reasonCode: 'goodwill' });
  const docs = await core.db.journal.find({ sort: [{ id: 'asc' }] }).exec();
  written = docs
    .map((doc) => ({ id: doc.id, seq: doc.toJSON().chain!.seq }))
    .sort((a, b) => a.seq - b.seq);
  await core.close();
});

after(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the desk's folder, changed by `tamper` through SQLite itself. */
function tamperedCopy(name: string, tamper: (db: DatabaseSync, table: string) => void): string {
  const copy = join(root, name);
  cpSync(original, copy, { recursive: true });
  const db = new DatabaseSync(join(copy, 'punchcard.sqlite'));
  tamper(db, quoteIdentifier(JOURNAL_TABLE));
  db.close();
  return copy;
}

function rewrite(
  db: DatabaseSync,
  table: string,
  id: string,
  change: (doc: Record<string, unknown>) => void,
) {
  const row = db.prepare(`SELECT data FROM ${table} WHERE id = ?`).get(id) as { data: string };
  const doc = JSON.parse(row.data) as Record<string, unknown>;
  change(doc);
  db.prepare(`UPDATE ${table} SET data = ? WHERE id = ?`).run(JSON.stringify(doc), id);
}

async function cli(dir: string): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await verifyChainCommand.run(['--data', dir], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    appVersion: 'test',
  });
  return { code, out };
}

async function selfCheck(dir: string): Promise<SelfCheckReport> {
  const core = await startCore(options(dir));
  try {
    const result = await core.dispatch('selfCheck', {});
    assert.ok(result.ok);
    return result.value as SelfCheckReport;
  } finally {
    await core.close();
  }
}

test('the untouched database: every entry linked, verify-chain and the self-check agree', async () => {
  assert.deepEqual(
    written.map((w) => w.seq),
    [1, 2, 3, 4, 5],
  );
  const report = verifyChainsInFile(join(original, 'punchcard.sqlite'));
  assert.equal(report.ok, true);
  assert.deepEqual(await cli(original), { code: 0, out: ['desk desk-1: 5 entries, chain intact'] });
  const check = await selfCheck(original);
  assert.deepEqual(check.violations, []);
});

test('an amount altered in the third entry is located at no. 3', async () => {
  const target = written[2]!.id;
  const copy = tamperedCopy('altered', (db, table) =>
    rewrite(db, table, target, (doc) => {
      const lines = doc['lines'] as { account: string; amount: string }[];
      lines[0]!.amount = '3500.00';
      lines[1]!.amount = '-3500.00';
    }),
  );
  const found = verifyChainsInFile(join(copy, 'punchcard.sqlite')).desks[0]!.firstBreak;
  assert.deepEqual([found?.problem, found?.seq, found?.entryId], ['altered', 3, target]);
  const { code, out } = await cli(copy);
  assert.equal(code, 1);
  assert.match(out[0]!, /BROKEN at no\. 3 \(altered\)/);
  const check = await selfCheck(copy);
  assert.deepEqual(
    check.violations.filter((v) => v.kind === 'broken-chain').map((v) => v.entryId),
    [target],
  );
});

test('the second entry deleted is located: no. 2 is missing', async () => {
  const copy = tamperedCopy('removed', (db, table) =>
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(written[1]!.id),
  );
  const found = verifyChainsInFile(join(copy, 'punchcard.sqlite')).desks[0]!.firstBreak;
  assert.deepEqual([found?.problem, found?.seq, found?.entryId], ['missing', 2, written[2]!.id]);
  const check = await selfCheck(copy);
  assert.match(check.violations.find((v) => v.kind === 'broken-chain')!.message, /no\. 2/);
});

test('the fourth and fifth entries swapped in the chain are located at no. 4', async () => {
  const [fourth, fifth] = [written[3]!.id, written[4]!.id];
  const copy = tamperedCopy('reordered', (db, table) => {
    const chainOf = (id: string) =>
      (
        JSON.parse(
          (db.prepare(`SELECT data FROM ${table} WHERE id = ?`).get(id) as { data: string }).data,
        ) as {
          chain: unknown;
        }
      ).chain;
    const [a, b] = [chainOf(fourth), chainOf(fifth)];
    rewrite(db, table, fourth, (doc) => (doc['chain'] = b));
    rewrite(db, table, fifth, (doc) => (doc['chain'] = a));
  });
  const found = verifyChainsInFile(join(copy, 'punchcard.sqlite')).desks[0]!.firstBreak;
  assert.deepEqual([found?.seq, found?.entryId], [4, fifth]);
});

test('a new start continues the chain from the newest entry', async () => {
  const copy = tamperedCopy('continued', () => undefined);
  const core = await startCore(options(copy));
  const patient = await core.dispatch('addPatient', { firstName: 'Bo', lastName: 'Ng' });
  assert.ok(patient.ok);
  const paid = await core.dispatch('recordPayment', {
    payer: { type: 'patient', patientId: (patient.value as { id: string }).id },
    method: 'card',
    amount: '12.00',
  });
  assert.ok(paid.ok);
  await core.close();
  const report = verifyChainsInFile(join(copy, 'punchcard.sqlite'));
  assert.equal(report.ok, true);
  assert.equal(report.desks[0]!.verifiedThrough, 6);
});

test('read through the store in pages of any size, the chains report as read from the file', async () => {
  const target = written[3]!.id;
  const copy = tamperedCopy('paged', (db, table) =>
    rewrite(db, table, target, (doc) => (doc['memo'] = 'changed afterwards')),
  );
  const fromFile = verifyChainsInFile(join(copy, 'punchcard.sqlite'));
  assert.deepEqual(
    [fromFile.desks[0]?.firstBreak?.problem, fromFile.desks[0]?.firstBreak?.seq],
    ['altered', 4],
  );
  const core = await startCore(options(copy));
  try {
    for (const pageSize of [1, 2, 5, 2000]) {
      assert.deepEqual(
        await verifyJournalChains(core.db, pageSize),
        fromFile,
        `pages of ${pageSize}`,
      );
    }
  } finally {
    await core.close();
  }
});
