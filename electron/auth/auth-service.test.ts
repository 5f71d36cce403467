// Sign-in through core.dispatch, as the renderer calls it: the first manager,
// staff and PINs, quick switch, lock, the idle lock on a fake clock, and the
// pause after repeated wrong PINs. Nothing here trusts the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openAuthDesk, type AuthDesk } from './testing/auth-desk.ts';
import type { AuthStatus, SessionView } from '../../shared/contract/domains/auth.ts';
import { readAccessEvents } from '../audit/access-log.ts';
import { ATTEMPT_PAUSE_MS, MAX_FAILED_ATTEMPTS } from './auth-service.ts';

async function withDesk(run: (desk: AuthDesk) => Promise<void>): Promise<void> {
  const desk = await openAuthDesk();
  try {
    await run(desk);
  } finally {
    await desk.close();
  }
}

const status = (desk: AuthDesk) => desk.call('authStatus', {}) as Promise<AuthStatus>;

/** The first manager (Mia, PIN 2468) and a receptionist (Rex, PIN 1357). */
async function staffed(desk: AuthDesk): Promise<{ mia: string; rex: string }> {
  const mia = (await desk.call('createFirstManager', {
    name: 'Mia',
    secret: '2468',
  })) as SessionView;
  const rex = (await desk.call('addStaff', { name: 'Rex', role: 'reception', secret: '1357' })) as {
    id: string;
  };
  return { mia: mia.id, rex: rex.id };
}

test('a new desk has nobody signed in, refuses work, and lets the first person create the first manager', async () => {
  await withDesk(async (desk) => {
    const before = await status(desk);
    assert.equal(before.firstRun, true);
    assert.equal(before.session, null);
    const refused = await desk.ask('addPatient', { firstName: 'Ann', lastName: 'Lee' });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error.code, 'not-signed-in');

    const weak = await desk.ask('createFirstManager', { name: 'Mia', secret: '12' });
    assert.equal(!weak.ok && weak.error.field, 'secret');
    const mia = (await desk.call('createFirstManager', {
      name: 'Mia',
      secret: '2468',
    })) as SessionView;
    assert.equal(mia.role, 'manager');
    const after = await status(desk);
    assert.equal(after.firstRun, false);
    assert.equal(after.session?.id, mia.id);
    assert.deepEqual(
      after.staff.map((s) => s.name),
      ['Mia'],
    );

    // Only once: afterwards a manager adds people.
    await desk.call('lock', {});
    const again = await desk.ask('createFirstManager', { name: 'Eve', secret: '9999' });
    assert.equal(!again.ok && again.error.code, 'invalid-state');
    assert.equal((await status(desk)).session, null);
  });
});

test('the secret is kept only as a hash, in an owner-only file outside the database', async () => {
  await withDesk(async (desk) => {
    await staffed(desk);
    const file = join(desk.dataDirectory, 'auth.json');
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('2468') && !text.includes('1357'));
    assert.match(text, /"hash": "scrypt\$/);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
    const staffDocs = await desk.core.db.catalog.find({ selector: { type: 'staff' } }).exec();
    assert.ok(staffDocs.every((doc) => !JSON.stringify(doc.toJSON()).includes('scrypt')));
  });
});

test('sign-in, quick switch and lock; a wrong PIN is refused with a sentence and opens nothing', async () => {
  await withDesk(async (desk) => {
    const { mia, rex } = await staffed(desk);
    const wrong = await desk.ask('signIn', { staffId: rex, secret: '0000' });
    assert.deepEqual(!wrong.ok && wrong.error, {
      code: 'wrong-secret',
      message: 'That PIN or password is not right.',
      field: 'secret',
    });
    assert.equal((await status(desk)).session?.id, mia, 'a wrong PIN does not end the session');

    const switched = (await desk.call('signIn', { staffId: rex, secret: '1357' })) as SessionView;
    assert.deepEqual([switched.id, switched.role], [rex, 'reception']);
    const patient = (await desk.call('addPatient', { firstName: 'Ann', lastName: 'Lee' })) as {
      id: string;
    };
    const doc = await desk.core.db.patients.findOne(patient.id).exec();
    assert.equal(doc?.updatedBy, rex, 'stamped with the person signed in');

    await desk.call('lock', {});
    const locked = await status(desk);
    assert.equal(locked.session, null);
    assert.equal(locked.lastStaffId, rex, 'the sign-in screen offers the last person first');
    const refused = await desk.ask('patientAccount', { patientId: patient.id });
    assert.equal(!refused.ok && refused.error.code, 'not-signed-in');

    const kinds = readAccessEvents(desk.dataDirectory).map((e) => e.kind);
    assert.deepEqual(kinds, [
      'first-manager',
      'staff-added',
      'sign-in-refused',
      'signed-in',
      'locked',
    ]);
  });
});

test('the desk locks itself after its idle time; activity reported by the screen keeps it open', async () => {
  await withDesk(async (desk) => {
    await staffed(desk);
    assert.equal((await status(desk)).idleLockMinutes, 10);
    desk.advanceMinutes(9);
    assert.deepEqual(await desk.call('reportActivity', {}), { signedIn: true });
    desk.advanceMinutes(9);
    assert.ok((await status(desk)).session, '9 minutes after the last activity: still open');
    // Polling and reading do not count as activity: only what the person does.
    await desk.call('backupStatus', {});
    desk.advanceMinutes(1);
    const locked = await desk.ask('addPatient', { firstName: 'Ann', lastName: 'Lee' });
    assert.equal(!locked.ok && locked.error.code, 'not-signed-in');
    assert.equal(await desk.core.db.patients.count().exec(), 0);
    assert.deepEqual(await desk.call('reportActivity', {}), { signedIn: false });
    assert.equal(readAccessEvents(desk.dataDirectory).at(-1)?.kind, 'locked-idle');
  });
});

test('a manager sets the idle time; it applies to the open session at once', async () => {
  await withDesk(async (desk) => {
    await staffed(desk);
    const tooLong = await desk.ask('setIdleLock', { minutes: 600 });
    assert.equal(!tooLong.ok && tooLong.error.field, 'minutes');
    assert.deepEqual(await desk.call('setIdleLock', { minutes: 2 }), { idleLockMinutes: 2 });
    desk.advanceMinutes(2);
    assert.equal((await status(desk)).session, null);
    const file = JSON.parse(readFileSync(join(desk.dataDirectory, 'auth.json'), 'utf8')) as {
      idleLockMinutes: number;
    };
    assert.equal(file.idleLockMinutes, 2);
  });
});

test(`after ${MAX_FAILED_ATTEMPTS} wrong PINs a person waits a minute, even with the right PIN`, async () => {
  await withDesk(async (desk) => {
    const { rex } = await staffed(desk);
    await desk.call('lock', {});
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      const wrong = await desk.ask('signIn', { staffId: rex, secret: `000${i}` });
      assert.equal(!wrong.ok && wrong.error.code, 'wrong-secret');
    }
    const paused = await desk.ask('signIn', { staffId: rex, secret: '1357' });
    assert.equal(!paused.ok && paused.error.code, 'too-many-attempts');
    assert.match(!paused.ok ? paused.error.message : '', /Wait 60 seconds/);
    desk.advanceMinutes(ATTEMPT_PAUSE_MS / 60_000);
    const opened = (await desk.call('signIn', { staffId: rex, secret: '1357' })) as SessionView;
    assert.equal(opened.id, rex);
  });
});

test('an inactive staff member, or one without a PIN on this desk, cannot sign in', async () => {
  await withDesk(async (desk) => {
    const { rex } = await staffed(desk);
    const practitioner = (await desk.call('saveStaff', {
      name: 'Dr Lee',
      role: 'reception',
    })) as { id: string };
    await desk.call('saveStaff', { id: rex, name: 'Rex', role: 'reception', active: false });
    const list = await status(desk);
    assert.deepEqual(
      list.staff.map((s) => s.name),
      ['Mia'],
    );
    for (const [staffId, secret] of [
      [rex, '1357'],
      [practitioner.id, '1357'],
      ['nobody', '1357'],
    ] as const) {
      const refused = await desk.ask('signIn', { staffId, secret });
      assert.equal(!refused.ok && refused.error.code, 'wrong-secret', staffId);
    }
    const staff = (await desk.call('listStaff', {})) as { name: string; secretKind: string }[];
    assert.deepEqual(
      staff.map((s) => [s.name, s.secretKind]),
      [
        ['Dr Lee', ''],
        ['Mia', 'pin'],
        ['Rex', 'pin'],
      ],
    );
  });
});

test('a manager resets a PIN; the old one stops working and the new one works', async () => {
  await withDesk(async (desk) => {
    const { rex } = await staffed(desk);
    await desk.call('setStaffSecret', { staffId: rex, secret: 'a long pass phrase' });
    const old = await desk.ask('signIn', { staffId: rex, secret: '1357' });
    assert.equal(old.ok, false);
    assert.equal(
      ((await desk.call('signIn', { staffId: rex, secret: 'a long pass phrase' })) as SessionView)
        .id,
      rex,
    );
  });
});
