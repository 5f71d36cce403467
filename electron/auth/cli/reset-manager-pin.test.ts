// The forgotten-PIN procedure: the command line, run against the desk's data
// folder, gives a manager a new PIN that signs in, and the audit trail shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core } from '../../app/start-core.ts';
import { FAST_SCRYPT } from '../testing/test-staff.ts';
import { main } from '../../../scripts/cli.ts';
import type { AuditRow, AuthStatus } from '../../../shared/contract/domains/auth.ts';

function start(dataDirectory: string): Promise<Core> {
  return startCore({
    dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: '0.0.0-test',
    deskId: 'desk-1',
    scrypt: FAST_SCRYPT,
  });
}

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

test('reset-manager-pin gives the manager a new PIN, the old one stops working, and it is audited', async () => {
  const root = mkdtempSync(join(tmpdir(), 'punchcard-reset-'));
  const data = join(root, 'data');
  try {
    let core = await start(data);
    const mia = await core.dispatch('createFirstManager', { name: 'Mia', secret: '2468' });
    assert.ok(mia.ok);
    const miaId = (mia.value as { id: string }).id;
    assert.ok(
      (await core.dispatch('addStaff', { name: 'Max', role: 'manager', secret: '8642' })).ok,
    );
    await core.close();

    const ambiguous = await cli('reset-manager-pin', '--data', data);
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.err[0]!, /Name one manager with --staff: "Max" .*"Mia"/);

    const reset = await cli('reset-manager-pin', '--data', data, '--staff', 'mia');
    assert.equal(reset.code, 0, reset.err.join('\n'));
    const pin = /PIN (\d{6})\./.exec(reset.out[0]!)?.[1];
    assert.ok(pin, reset.out[0]);
    assert.ok(!readFileSync(join(data, 'auth.json'), 'utf8').includes(pin));

    core = await start(data);
    const old = await core.dispatch('signIn', { staffId: miaId, secret: '2468' });
    assert.equal(old.ok, false);
    const fresh = await core.dispatch('signIn', { staffId: miaId, secret: pin });
    assert.ok(fresh.ok);
    const trail = await core.dispatch('auditTrail', { kind: 'pin-reset' });
    assert.ok(trail.ok);
    const rows = (trail.value as { rows: AuditRow[] }).rows;
    assert.deepEqual(
      rows.map((r) => [r.staffName, r.subject, r.deskId]),
      [['Command line', 'Mia', 'desk-1']],
    );
    await core.close();

    const forget = await cli('reset-manager-pin', '--data', data, '--forget-all-pins');
    assert.equal(forget.code, 0);
    core = await start(data);
    const status = await core.dispatch('authStatus', {});
    assert.equal((status.ok && (status.value as AuthStatus).firstRun) || false, true);
    await core.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('reset-manager-pin refuses a PIN that is not 4 to 8 digits, and needs --data', async () => {
  assert.equal((await cli('reset-manager-pin')).code, 2);
  const root = mkdtempSync(join(tmpdir(), 'punchcard-reset-'));
  try {
    const core = await start(join(root, 'data'));
    assert.ok((await core.dispatch('createFirstManager', { name: 'Mia', secret: '2468' })).ok);
    await core.close();
    const bad = await cli('reset-manager-pin', '--data', join(root, 'data'), '--pin', '12');
    assert.equal(bad.code, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
