// The page's database per sign-in: the first session keeps the start-up
// database; a lock closes it; the next sign-in (or another person's) gets a
// fresh one; steps run in order even when asked for quickly one after another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readerDatabases } from './reader-databases.ts';

function fakes() {
  const log: string[] = [];
  let made = 0;
  const make = (name: string) => ({
    name,
    close: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`closed ${name}`);
    },
  });
  const open = async () => {
    const db = make(`db${++made}`);
    log.push(`opened ${db.name}`);
    return db;
  };
  return { log, first: make('boot'), open };
}

test('the first session keeps the start-up database; a lock closes it; sign-in opens a fresh one', async () => {
  const { log, first, open } = fakes();
  const dbs = readerDatabases(first, open);
  assert.equal(await dbs.forSession('mia@1'), first);
  assert.equal(await dbs.forSession('mia@1'), first, 'the same session, the same database');
  assert.equal(await dbs.forSession(null), null);
  assert.equal((await dbs.forSession('mia@2'))?.name, 'db1');
  assert.equal((await dbs.forSession('rex@3'))?.name, 'db2', 'another person: fresh again');
  assert.deepEqual(log, ['closed boot', 'opened db1', 'closed db1', 'opened db2']);
});

test('nobody signed in at start: the start-up database closes, the first sign-in opens one', async () => {
  const { log, first, open } = fakes();
  const dbs = readerDatabases(first, open);
  assert.equal(await dbs.forSession(null), null);
  assert.equal((await dbs.forSession('mia@1'))?.name, 'db1');
  assert.deepEqual(log, ['closed boot', 'opened db1']);
});

test('quick changes run in order: a database is never opened before the last one closed', async () => {
  const { log, first, open } = fakes();
  const dbs = readerDatabases(first, open);
  void dbs.forSession('mia@1');
  void dbs.forSession(null);
  void dbs.forSession('mia@2');
  const last = dbs.forSession(null);
  assert.equal(await last, null);
  assert.deepEqual(log, ['closed boot', 'opened db1', 'closed db1']);
});

test('a database that cannot be opened answers null (the gate says so) and the next try opens', async () => {
  const { first } = fakes();
  let fail = true;
  const dbs = readerDatabases(first, async () => {
    if (fail) throw new Error('no connection');
    return { name: 'late', close: async () => undefined };
  });
  await dbs.forSession(null);
  assert.equal(await dbs.forSession('mia@1'), null);
  fail = false;
  await dbs.forSession(null);
  assert.equal((await dbs.forSession('mia@2'))?.name, 'late');
});
