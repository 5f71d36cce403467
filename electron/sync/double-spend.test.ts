// Two real desks (one here, one in its own process, each a whole core on its
// own SQLite data) both spend the same credit while the server is away. Each
// accepts the spend, seeing the credit there. Once the server is back, sync
// brings each desk the other's entries: both are kept (nothing merged away),
// the projections agree on both desks, the balance shows negative, and the
// patient is listed under needs attention on both (DESIGN.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startCore, type Core } from '../app/start-core.ts';
import { TEST_MANAGER } from '../auth/testing/test-staff.ts';
import type { OpResult } from '../../shared/contract/result.ts';
import type { OperationResults } from '../../shared/contract/operations.ts';
import type { SyncStatus } from './status.ts';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import { fastTiming } from './testing/desk.ts';

const credentials = { username: 'desk', password: 'correct horse' };
type Account = OperationResults['patientAccount'];
type Attention = OperationResults['needsAttention'];

/** The other desk, in its own process. */
function otherDesk(dataDirectory: string, deskId: string) {
  const child = fork(
    fileURLToPath(new URL('./testing/core-process.ts', import.meta.url)),
    [dataDirectory, deskId],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  let nextId = 1;
  const pending = new Map<number, (m: { ok: boolean; value?: unknown; error?: string }) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the other desk exited (${code})`)));
    child.on('message', (raw) => {
      const message = raw as { requestId?: number; ready?: boolean; ok: boolean };
      if (message.ready) resolve();
      if (message.requestId !== undefined) pending.get(message.requestId)?.(message);
    });
  });
  const ask = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const requestId = nextId++;
      pending.set(requestId, (m) => (m.ok ? resolve(m.value as T) : reject(new Error(m.error))));
      child.send({ ...command, requestId });
    });
  return {
    ready,
    dispatch: (name: string, args: unknown) =>
      ask<OpResult<unknown>>({ type: 'dispatch', name, args }),
    status: () => ask<SyncStatus>({ type: 'status' }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await ask({ type: 'close' }).catch(() => child.kill());
      await exited;
    },
  };
}

async function eventually<T>(
  what: string,
  get: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function valueOf<T>(result: OpResult<unknown>, what: string): T {
  if (!result.ok) assert.fail(`${what} refused: ${result.error.message}`);
  return result.value as T;
}

test('both desks spend the same credit offline: both entries kept, needs attention on both', async () => {
  const server = await startCouchTestServer({ credentials });
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-double-spend-'));
  const here: Core = await startCore({
    dataDirectory: join(dir, 'desk-a'),
    deskId: 'desk-a',
    storageKind: 'sqlite',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
    ledger: { clinic: { delayMs: 0 } },
    syncTuning: { timing: fastTiming },
  });
  const there = otherDesk(join(dir, 'desk-b'), 'desk-b');
  const onA = async <T>(name: string, args: unknown) =>
    valueOf<T>(await here.dispatch(name, args), `${name} on desk A`);
  const onB = async <T>(name: string, args: unknown) =>
    valueOf<T>(await there.dispatch(name, args), `${name} on desk B`);
  try {
    await there.ready;
    const settings = {
      enabled: true,
      serverUrl: server.url,
      databasePrefix: `clinic-${randomUUID().slice(0, 8)}`,
      ...credentials,
    };
    await onA('setSyncSettings', settings);
    await onB('setSyncSettings', settings);

    const nia = (await onA<{ id: string }>('addPatient', { firstName: 'Nia', lastName: 'Kaur' }))
      .id;
    const oli = (await onA<{ id: string }>('addPatient', { firstName: 'Oli', lastName: 'Tan' })).id;
    await onA('grantCourtesyCredit', { patientId: nia, amount: '50.00', reasonCode: 'late' });
    // The patient's credit on a desk (null while the patient has not arrived there).
    const creditOn = (ask: typeof here.dispatch) => async () => {
      const account = await ask('patientAccount', { patientId: nia });
      return account.ok ? (account.value as Account).balances.credit : null;
    };
    await eventually(
      'the credit on desk B',
      creditOn(there.dispatch),
      (credit) => credit === '50.00',
    );

    // The server goes away; each desk still sees the credit and spends it.
    await server.stop();
    await eventually(
      'desk A offline',
      async () => here.sync.status().state,
      (s) => s === 'offline',
    );
    await eventually(
      'desk B offline',
      () => there.status(),
      (s) => s.state === 'offline',
    );
    await onA('transferCredit', { fromPatientId: nia, toPatientId: oli, amount: '50.00' });
    await onB('transferCredit', { fromPatientId: nia, toPatientId: oli, amount: '50.00' });
    assert.equal(await creditOn(here.dispatch)(), '0.00');
    assert.equal(await creditOn(there.dispatch)(), '0.00');

    // The server returns: each desk receives the other's spend.
    await server.start();
    for (const [name, dispatch, ask] of [
      ['A', onA, here.dispatch],
      ['B', onB, there.dispatch],
    ] as const) {
      await eventually(`the double spend on desk ${name}`, creditOn(ask), (c) => c === '-50.00');
      const attention = await eventually(
        `needs attention on desk ${name}`,
        () => dispatch<Attention>('needsAttention', {}),
        (a) => a.ready && a.items.some((item) => item.patientId === nia),
      );
      assert.deepEqual(
        attention.items.map((item) => [item.kind, item.patientId]),
        [['negative-balance', nia]],
      );
      const olis = await dispatch<Account>('patientAccount', { patientId: oli });
      assert.equal(olis.balances.credit, '100.00', 'both transfers arrived: nothing merged away');
    }
    const [niaOnA, niaOnB] = await Promise.all(
      [onA, onB].map((dispatch) => dispatch<Account>('patientAccount', { patientId: nia })),
    );
    assert.deepEqual(niaOnA?.balances, niaOnB?.balances, 'identical projections');
    assert.deepEqual(
      niaOnA?.history.map((line) => line.recordedBy.deskId).sort(),
      niaOnB?.history.map((line) => line.recordedBy.deskId).sort(),
    );
    const spentBy = new Set(niaOnA?.history.map((line) => line.recordedBy.deskId));
    assert.ok(spentBy.has('desk-a') && spentBy.has('desk-b'), 'each desk’s spend is kept');
  } finally {
    await there.close();
    await here.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
