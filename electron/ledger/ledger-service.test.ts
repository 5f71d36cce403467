// The ledger service under plain Node on SQLite: refusals change nothing,
// document numbers, projections kept current from the change stream, and the
// clinic-wide fold against a fold from scratch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import {
  createLedgerState,
  fromEntries,
  grantCourtesyCredit,
  needsAttention,
  transferCredit,
} from '../../shared/ledger/index.ts';
import { attentionStateFrom, snapshotAttentionState } from '../../shared/ledger/attention-state.ts';
import { testDesk } from '../../shared/testing/ledgerContext.ts';
import { book, openTestDesk, savePlan, type TestDesk } from './testing/test-desk.ts';
import { numberPrefix } from './document-numbers.ts';
import { CHAIN_START, linkEntries } from '../audit/entry-chain.ts';

async function withDesk(run: (desk: TestDesk) => Promise<void>, deskId?: string): Promise<void> {
  const desk = await openTestDesk(deskId);
  try {
    await run(desk);
  } finally {
    await desk.close();
  }
}

async function counters(desk: TestDesk): Promise<string> {
  const docs = await desk.core.db.catalog.find({ selector: { type: 'counter' } }).exec();
  return JSON.stringify(docs.map((doc) => doc.toJSON()));
}

test('refused commands write nothing: bad amounts, over-applied credit, unknown ids, wrong state', async () => {
  await withDesk(async (desk) => {
    const kim = await desk.patient('Kim');
    const planId = await savePlan(desk);
    await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: kim },
      method: 'cash',
      amount: '40.00',
    });
    const visit = await book(desk, kim);
    const journalBefore = await desk.journalCount();
    const countersBefore = await counters(desk);
    const appointmentBefore = (await desk.core.db.appointments.findOne(visit).exec())!.toJSON();
    const pay = { payer: { type: 'patient' as const, patientId: kim }, method: 'cash' as const };

    const refusals: [string, Promise<{ code: string; message: string; field?: string }>][] = [
      [
        'three decimals',
        desk.refuse('recordPayment', { ...pay, amount: '12.345' }, 'invalid-amount'),
      ],
      ['exponent', desk.refuse('recordPayment', { ...pay, amount: '1e3' }, 'invalid-amount')],
      ['comma', desk.refuse('recordPayment', { ...pay, amount: '12,50' }, 'invalid-amount')],
      ['zero', desk.refuse('recordPayment', { ...pay, amount: '0.00' }, 'invalid-amount')],
      ['negative', desk.refuse('recordPayment', { ...pay, amount: '-5.00' }, 'invalid-amount')],
      // A JavaScript number never passes for money.
      [
        'number',
        desk.refuse('recordPayment', { ...pay, amount: 12 as unknown as string }, 'invalid-input'),
      ],
      [
        'unknown method',
        desk.refuse(
          'recordPayment',
          { ...pay, method: 'bitcoin' as 'cash', amount: '5.00' },
          'invalid-input',
        ),
      ],
      [
        'unknown patient',
        desk.refuse(
          'recordPayment',
          { payer: { type: 'patient', patientId: 'nobody' }, method: 'cash', amount: '5.00' },
          'not-found',
        ),
      ],
      [
        'over-applied credit',
        desk.refuse(
          'checkOutAppointment',
          { appointmentId: visit, credit: '50.00' },
          'insufficient-credit',
        ),
      ],
      [
        'transfer to oneself',
        desk.refuse(
          'transferCredit',
          { fromPatientId: kim, toPatientId: kim, amount: '5.00' },
          'invalid-input',
        ),
      ],
      [
        'unknown appointment',
        desk.refuse('checkOutAppointment', { appointmentId: 'nope' }, 'not-found'),
      ],
      ['unknown plan', desk.refuse('sellPackage', { patientId: kim, planId: 'nope' }, 'not-found')],
      [
        'bad payment in sale',
        desk.refuse(
          'sellPackage',
          {
            patientId: kim,
            planId,
            settlement: { payments: [{ method: 'card', amount: '400.001' }] },
          },
          'invalid-amount',
        ),
      ],
      [
        'unknown entry',
        desk.refuse('reverseEntry', { entryId: 'nope', reasonCode: 'x' }, 'not-found'),
      ],
      [
        'reason missing',
        desk.refuse('grantCourtesyCredit', { patientId: kim, amount: '5.00' }, 'invalid-input'),
      ],
      [
        'extra field',
        desk.refuse(
          'recordPayment',
          { ...pay, amount: '5.00', sneaky: true } as never,
          'invalid-input',
        ),
      ],
      [
        'unknown funder',
        desk.refuse(
          'recordFunderLumpSum',
          { funderId: 'nope', method: 'eft', amount: '5.00' },
          'not-found',
        ),
      ],
    ];
    for (const [label, refusal] of refusals) {
      const error = await refusal;
      assert.ok(error.message.length > 5, label);
    }
    const over = await desk.refuse(
      'checkOutAppointment',
      { appointmentId: visit, credit: '50.00' },
      'insufficient-credit',
    );
    assert.deepEqual(over, {
      code: 'insufficient-credit',
      message: 'Only 40.00 of credit is available',
      field: 'credit',
    });
    assert.equal(await desk.journalCount(), journalBefore);
    assert.equal(await counters(desk), countersBefore);
    assert.deepEqual(
      (await desk.core.db.appointments.findOne(visit).exec())!.toJSON(),
      appointmentBefore,
    );
    assert.equal((await desk.call('patientAccount', { patientId: kim })).balances.credit, '40.00');
  });
});

test('document numbers are unique and increasing per desk, survive a restart, and differ between desks', async () => {
  assert.equal(numberPrefix('desk-1'), 'D1');
  assert.equal(numberPrefix('desk-k3m9px'), 'DK3M9PX');
  const numbersOf = async (desk: TestDesk, patientId: string, visits: number) => {
    const numbers: string[] = [];
    for (let i = 0; i < visits; i += 1) {
      const paid = await desk.call('checkOutAppointment', {
        appointmentId: await book(desk, patientId),
        payments: [{ method: 'card', amount: '90.00' }],
      });
      numbers.push(...paid.numbers);
    }
    return numbers;
  };
  const one = await openTestDesk('desk-1');
  let fromOne: string[];
  try {
    const lee = await one.patient('Lee');
    fromOne = await numbersOf(one, lee, 3);
    await one.reopen();
    fromOne.push(...(await numbersOf(one, lee, 2)));
  } finally {
    await one.close();
  }
  const invoices = fromOne.filter((n) => n.includes('-INV-'));
  const receipts = fromOne.filter((n) => n.includes('-RCT-'));
  assert.deepEqual(
    invoices,
    [1, 2, 3, 4, 5].map((n) => `D1-INV-00000${n}`),
  );
  assert.deepEqual(
    receipts,
    [1, 2, 3, 4, 5].map((n) => `D1-RCT-00000${n}`),
  );

  const two = await openTestDesk('desk-2');
  try {
    const max = await two.patient('Max');
    const fromTwo = await numbersOf(two, max, 2);
    assert.deepEqual(fromTwo, ['D2-INV-000001', 'D2-RCT-000001', 'D2-INV-000002', 'D2-RCT-000002']);
    assert.equal(new Set([...fromOne, ...fromTwo]).size, fromOne.length + fromTwo.length);
    const counter = await two.core.db.catalog.findOne('counter:desk-2:invoice').exec();
    assert.equal((counter?.toJSON() as { value?: number } | undefined)?.value, 2);
  } finally {
    await two.close();
  }
});

/** Entries made by another desk (as replication would bring them), from its own view of the patient. */
function otherDeskEntries(patientId: string, toPatientId: string): JournalEntry[] {
  const state = createLedgerState('AUD');
  const ctx = testDesk('desk-9', '2026-03-02T10:00:00.000Z');
  const granted = grantCourtesyCredit(
    state,
    { patientId, amount: '80.00', reasonCode: 'sorry' },
    ctx,
  );
  assert.ok(granted.ok);
  const moved = transferCredit(
    fromEntries(granted.entries, 'AUD'),
    { fromPatientId: patientId, toPatientId, amount: '80.00' },
    ctx,
  );
  assert.ok(moved.ok);
  // As desk-9 wrote them: linked in its hash chain.
  return linkEntries([...granted.entries, ...moved.entries], CHAIN_START).entries;
}

test('projections follow entries inserted straight into the journal, as replication would', async () => {
  await withDesk(async (desk) => {
    const nia = await desk.patient('Nia');
    const oli = await desk.patient('Oli');
    await desk.call('grantCourtesyCredit', { patientId: nia, amount: '20.00', reasonCode: 'late' });
    // Both projections are cached now.
    assert.equal((await desk.call('patientAccount', { patientId: nia })).balances.credit, '20.00');
    assert.equal((await desk.call('patientAccount', { patientId: oli })).balances.credit, '0.00');
    assert.deepEqual((await desk.call('needsAttention', {})).items, []);
    const [granted, moved] = otherDeskEntries(nia, oli);
    // Only the transfer arrives first (replication does not promise order).
    await desk.core.db.journal.insert(moved!);
    let nias = await desk.call('patientAccount', { patientId: nia });
    assert.equal(nias.balances.credit, '-60.00');
    assert.deepEqual(
      (await desk.call('needsAttention', {})).items.map((i) => [i.kind, i.patientId]),
      [['negative-balance', nia]],
    );
    await desk.core.db.journal.insert(granted!);
    nias = await desk.call('patientAccount', { patientId: nia });
    assert.equal(nias.balances.credit, '20.00');
    assert.equal(nias.history[0]?.recordedBy.deskId, 'desk-9');
    assert.equal((await desk.call('patientAccount', { patientId: oli })).balances.credit, '80.00');
    assert.deepEqual((await desk.call('needsAttention', {})).items, []);
    assert.deepEqual((await desk.call('selfCheck', {})).violations, []);
  });
});

test('the clinic-wide projection equals a fold from scratch, and the self-check is empty on a healthy journal', async () => {
  await withDesk(async (desk) => {
    const pat = await desk.patient('Pat');
    const quinn = await desk.patient('Quinn');
    const funderId = (await desk.call('saveFunder', { name: 'NDIS', kind: 'government' })).id;
    const planId = await savePlan(desk, { expiryRule: 'credit', validityDays: 10 });
    const sold = await desk.call('sellPackage', {
      patientId: pat,
      planId,
      payer: { type: 'funder', funderId },
      settlement: { payments: [{ method: 'eft', amount: '100.00' }] },
    });
    await desk.call('checkOutAppointment', {
      appointmentId: await book(desk, pat, sold.packageId),
    });
    const paid = await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: quinn },
      method: 'card',
      amount: '250.00',
    });
    await desk.call('transferCredit', { fromPatientId: quinn, toPatientId: pat, amount: '30.00' });
    const missed = await desk.call('markNoShow', {
      appointmentId: await book(desk, quinn),
      fee: '50.00',
    });
    await desk.call('waiveFee', {
      patientId: quinn,
      invoiceId: missed.invoiceId,
      reasonCode: 'first',
    });
    await desk.call('refundCredit', {
      patientId: quinn,
      paymentId: paid.paymentId,
      amount: '20.00',
    });
    const refund = (await desk.call('patientAccount', { patientId: quinn })).history[0]!;
    await desk.call('reverseEntry', { entryId: refund.entryId, reasonCode: 'keyed twice' });
    desk.advanceDays(11);
    await desk.call('expirePackage', { packageId: sold.packageId });

    const clinic = await desk.core.ledger.clinic.ready();
    const all = (await desk.core.db.journal.find().exec()).map(
      (doc) => doc.toJSON() as JournalEntry,
    );
    assert.equal(clinic.entryCount, all.length);
    assert.deepEqual(
      snapshotAttentionState(clinic),
      snapshotAttentionState(attentionStateFrom(all, 'AUD')),
    );
    assert.deepEqual(needsAttention(clinic), needsAttention(fromEntries(all, 'AUD')));
    const report = await desk.call('selfCheck', {});
    assert.deepEqual(report, { entries: all.length, violations: [], trialBalanceTotal: '0.00' });

    // A restarted desk folds the same journal to the same picture.
    await desk.reopen();
    const again = await desk.core.ledger.clinic.ready();
    assert.deepEqual(snapshotAttentionState(again), snapshotAttentionState(clinic));
  });
});

test('reversing a check-out makes the visit ready to check out again', async () => {
  await withDesk(async (desk) => {
    const rae = await desk.patient('Rae');
    const visit = await book(desk, rae);
    const out = await desk.call('checkOutAppointment', { appointmentId: visit, credit: '0' });
    await desk.call('reverseEntry', { entryId: out.entryIds[0]!, reasonCode: 'wrong patient' });
    const appointment = (await desk.core.db.appointments.findOne(visit).exec())!.toJSON();
    assert.deepEqual([appointment.invoiceId, appointment.checkedOutAt], ['', '']);
    const account = await desk.call('patientAccount', { patientId: rae });
    assert.equal(account.balances.owing, '0.00');
    assert.equal(
      account.history.find((i) => i.entryId === out.entryIds[0])?.reversedBy !== '',
      true,
    );
    await desk.call('checkOutAppointment', {
      appointmentId: visit,
      payments: [{ method: 'cash', amount: '90.00' }],
    });
  });
});
