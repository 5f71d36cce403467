// Roles are enforced in the main process: a receptionist calling a manager's
// operation straight through dispatch (as a bypassed or hostile screen would)
// is refused with a sentence, and nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATION_NAMES } from '../../shared/contract/operations.ts';
import { OPERATION_ACCESS } from '../../shared/auth/operation-access.ts';
import { openAuthDesk } from './testing/auth-desk.ts';

const MANAGER_ONLY = OPERATION_NAMES.filter((name) => OPERATION_ACCESS[name].access === 'manager');

test('every manager-only operation is refused for reception, before its arguments are read, writing nothing', async () => {
  const desk = await openAuthDesk();
  try {
    await desk.call('createFirstManager', { name: 'Mia', secret: '2468' });
    const { id: rex } = (await desk.call('addStaff', {
      name: 'Rex',
      role: 'reception',
      secret: '1357',
    })) as { id: string };
    await desk.call('signIn', { staffId: rex, secret: '1357' });
    const before = await desk.counts();
    assert.ok(MANAGER_ONLY.length >= 15);
    for (const name of MANAGER_ONLY) {
      for (const args of [{}, { id: 'x', name: 'y' }, null, 'junk']) {
        const result = await desk.ask(name, args);
        assert.equal(result.ok, false, name);
        if (result.ok) continue;
        const rule = OPERATION_ACCESS[name];
        assert.equal(result.error.code, 'manager-only', name);
        assert.equal(
          result.error.message,
          `Only a manager can ${rule.access === 'manager' ? rule.action : ''}. Ask a manager to sign in.`,
        );
      }
    }
    assert.deepEqual(await desk.counts(), before);
  } finally {
    await desk.close();
  }
});

test('a valid refund is refused for reception ("Only a manager can refund credit…") and done by a manager', async () => {
  const desk = await openAuthDesk();
  try {
    const mia = (await desk.call('createFirstManager', { name: 'Mia', secret: '2468' })) as {
      id: string;
    };
    const { id: rex } = (await desk.call('addStaff', {
      name: 'Rex',
      role: 'reception',
      secret: '1357',
    })) as { id: string };
    await desk.call('signIn', { staffId: rex, secret: '1357' });
    const { id: patientId } = (await desk.call('addPatient', {
      firstName: 'Ann',
      lastName: 'Lee',
    })) as { id: string };
    const paid = (await desk.call('recordPayment', {
      payer: { type: 'patient', patientId },
      method: 'card',
      amount: '100.00',
    })) as { paymentId: string };
    const refund = { patientId, paymentId: paid.paymentId, amount: '40.00', method: 'card' };
    const journalBefore = await desk.core.db.journal.count().exec();

    const refused = await desk.ask('refundCredit', refund);
    assert.deepEqual(!refused.ok && refused.error, {
      code: 'manager-only',
      message: 'Only a manager can refund credit. Ask a manager to sign in.',
    });
    assert.equal(await desk.core.db.journal.count().exec(), journalBefore);

    await desk.call('signIn', { staffId: mia.id, secret: '2468' });
    const done = (await desk.call('refundCredit', refund)) as { entryIds: string[] };
    const entry = await desk.core.db.journal.findOne(done.entryIds[0]!).exec();
    assert.equal(entry?.staffId, mia.id);
  } finally {
    await desk.close();
  }
});

test('with nobody signed in only the public operations answer', async () => {
  const desk = await openAuthDesk();
  try {
    const before = await desk.counts();
    for (const name of OPERATION_NAMES) {
      const result = await desk.ask(name, {});
      if (OPERATION_ACCESS[name].access === 'public') {
        if (!result.ok) assert.notEqual(result.error.code, 'not-signed-in', name);
      } else {
        assert.equal(!result.ok && result.error.code, 'not-signed-in', name);
      }
    }
    assert.deepEqual(await desk.counts(), before);
  } finally {
    await desk.close();
  }
});
