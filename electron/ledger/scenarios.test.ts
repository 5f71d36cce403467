// The eight scenarios through the service layer: every step goes through
// core.dispatch on a real SQLite database, and each test asserts what the desk
// would see (the patient's account, the funder's account, needs-attention).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { book, openTestDesk, savePlan, type TestDesk } from './testing/test-desk.ts';

async function withDesk(run: (desk: TestDesk) => Promise<void>): Promise<void> {
  const desk = await openTestDesk();
  try {
    await run(desk);
    assert.deepEqual((await desk.call('selfCheck', {})).violations, []);
  } finally {
    await desk.close();
  }
}

describe('ledger scenarios through the service', () => {
  test('1: a 5-session package paid up front, attended the same day and a week later, reads 1 of 5 and 2 of 5 with 3 remaining; a sixth visit cannot use it', async () => {
    await withDesk(async (desk) => {
      const ann = await desk.patient('Ann');
      const planId = await savePlan(desk);
      const sold = await desk.call('sellPackage', {
        patientId: ann,
        planId,
        settlement: { payments: [{ method: 'card', amount: '400.00' }] },
      });
      assert.equal(sold.settlement.owing, '0.00');
      const first = await book(desk, ann, sold.packageId);
      const firstOut = await desk.call('checkOutAppointment', { appointmentId: first });
      assert.equal(firstOut.session?.label, '1 of 5');
      desk.advanceDays(7);
      const second = await book(desk, ann, sold.packageId);
      const quote = await desk.call('checkoutQuote', { appointmentId: second });
      assert.equal(quote.package?.label, '2 of 5');
      assert.equal(quote.charged, '0.00');
      await desk.call('checkOutAppointment', { appointmentId: second });

      const account = await desk.call('patientAccount', { patientId: ann });
      assert.equal(account.sessions[first]?.label, '1 of 5');
      assert.equal(account.sessions[second]?.label, '2 of 5');
      const pack = account.packages[0]!;
      assert.deepEqual([pack.used, pack.remaining, pack.status], [2, 3, 'active']);
      assert.equal(pack.remainingValue, '240.00');
      assert.deepEqual(account.balances, { credit: '0.00', owing: '0.00', funderHeld: [] });

      for (let visit = 3; visit <= 5; visit += 1) {
        desk.advanceDays(7);
        await desk.call('checkOutAppointment', {
          appointmentId: await book(desk, ann, sold.packageId),
        });
      }
      desk.advanceDays(7);
      const sixth = await desk.refuse(
        'bookAppointment',
        {
          patientId: ann,
          serviceId: desk.catalog.physio,
          practitionerId: 'dr-lee',
          start: desk.now.toISOString(),
          packageId: sold.packageId,
        },
        'package-unusable',
      );
      assert.equal(sixth.message, 'All 5 sessions of 5 physio sessions have been used');
      // Booked without the package, the check-out cannot use it either, and charges the visit.
      const plain = await book(desk, ann);
      const refused = await desk.refuse(
        'checkOutAppointment',
        { appointmentId: plain, packageId: sold.packageId },
        'package-unusable',
      );
      assert.match(refused.message, /All 5 sessions/);
      const quoteSix = await desk.call('checkoutQuote', { appointmentId: plain });
      assert.equal(quoteSix.package, null);
      assert.equal(quoteSix.charged, '90.00');
      const after = await desk.call('patientAccount', { patientId: ann });
      assert.deepEqual(
        [after.packages[0]!.used, after.packages[0]!.remaining, after.packages[0]!.status],
        [5, 0, 'used-up'],
      );
    });
  });

  test('2: a charity pays in advance for one patient; sessions are delivered; its position shows paid, delivered and remaining, and the patient shows the money held', async () => {
    await withDesk(async (desk) => {
      const bo = await desk.patient('Bo');
      const charity = (await desk.call('saveFunder', { name: 'Hope Trust', kind: 'charity' })).id;
      await desk.call('recordPayment', {
        payer: { type: 'funder', funderId: charity, patientId: bo },
        method: 'eft',
        amount: '450.00',
        reference: 'grant 7',
      });
      for (let week = 0; week < 3; week += 1) {
        const visit = await book(desk, bo);
        const quote = await desk.call('checkoutQuote', { appointmentId: visit });
        assert.deepEqual(quote.suggested.funderHeld, [{ funderId: charity, amount: '90.00' }]);
        await desk.call('checkOutAppointment', {
          appointmentId: visit,
          funderHeld: quote.suggested.funderHeld,
        });
        desk.advanceDays(7);
      }
      const funder = await desk.call('funderAccount', { funderId: charity });
      assert.equal(funder.name, 'Hope Trust');
      assert.deepEqual(
        funder.positions.map((p) => [p.patientName, p.received, p.spent, p.remaining, p.held]),
        [['Bo Test', '450.00', '270.00', '180.00', '180.00']],
      );
      const account = await desk.call('patientAccount', { patientId: bo });
      assert.deepEqual(account.balances.funderHeld, [
        { funderId: charity, amount: '180.00', name: 'Hope Trust' },
      ]);
      assert.equal(account.balances.owing, '0.00');
      assert.equal(account.invoices.length, 3);
      assert.ok(
        account.invoices.every((i) => i.status === 'paid' && i.moves.funderHeld === '90.00'),
      );
    });
  });

  test('3: one spouse transfers part of their credit to the other, and both histories show the transfer', async () => {
    await withDesk(async (desk) => {
      const cat = await desk.patient('Cat', 'Rivera');
      const dan = await desk.patient('Dan', 'Rivera');
      await desk.call('recordPayment', {
        payer: { type: 'patient', patientId: cat },
        method: 'cash',
        amount: '200.00',
      });
      const transfer = await desk.call('transferCredit', {
        fromPatientId: cat,
        toPatientId: dan,
        amount: '75.00',
        memo: 'for Dan’s visits',
      });
      const from = await desk.call('patientAccount', { patientId: cat });
      const to = await desk.call('patientAccount', { patientId: dan });
      assert.equal(from.balances.credit, '125.00');
      assert.equal(to.balances.credit, '75.00');
      const [entryId] = transfer.entryIds;
      const outgoing = from.history.find((item) => item.entryId === entryId);
      const incoming = to.history.find((item) => item.entryId === entryId);
      assert.equal(outgoing?.counterpartyPatientId, dan);
      assert.equal(incoming?.counterpartyPatientId, cat);
      assert.equal(outgoing?.creditMovements[0]?.category, 'transferOut');
      assert.equal(outgoing?.creditMovements[0]?.amount, '75.00');
      assert.equal(incoming?.creditMovements[0]?.category, 'transferIn');
      assert.equal(incoming?.recordedBy.staffId, 'reception');
      assert.equal(from.creditFlows['transferOut'], '75.00');
      // Newest first: the transfer, then the payment it came from.
      assert.deepEqual(
        from.history.map((item) => item.kind),
        ['creditTransferred', 'paymentReceived'],
      );
      await desk.refuse(
        'transferCredit',
        { fromPatientId: dan, toPatientId: cat, amount: '80.00' },
        'insufficient-credit',
      );
    });
  });

  test('4: a patient with credit checks out: credit is applied automatically; opting out leaves the invoice owing and the credit intact', async () => {
    await withDesk(async (desk) => {
      const eve = await desk.patient('Eve');
      await desk.call('recordPayment', {
        payer: { type: 'patient', patientId: eve },
        method: 'card',
        amount: '150.00',
      });
      const first = await book(desk, eve);
      const quote = await desk.call('checkoutQuote', { appointmentId: first });
      assert.deepEqual([quote.creditAvailable, quote.suggested.credit], ['150.00', '90.00']);
      const auto = await desk.call('checkOutAppointment', { appointmentId: first });
      assert.equal(auto.settlement.credit, '90.00');
      let account = await desk.call('patientAccount', { patientId: eve });
      assert.deepEqual([account.balances.credit, account.balances.owing], ['60.00', '0.00']);

      desk.advanceDays(7);
      const second = await book(desk, eve);
      const optOut = await desk.call('checkOutAppointment', { appointmentId: second, credit: '0' });
      assert.equal(optOut.settlement.owing, '90.00');
      account = await desk.call('patientAccount', { patientId: eve });
      assert.deepEqual([account.balances.credit, account.balances.owing], ['60.00', '90.00']);
      assert.deepEqual(
        account.openInvoices.map((i) => [i.invoiceId, i.status, i.due]),
        [[optOut.invoiceId, 'open', '90.00']],
      );
      await desk.refuse('checkOutAppointment', { appointmentId: second }, 'invalid-state');
    });
  });

  test("5: an employer's lump sum pays several employees' visits over a month; a payment of unknown payer waits in the unapplied account until assigned", async () => {
    await withDesk(async (desk) => {
      const e1 = await desk.patient('Fay', 'Acme');
      const e2 = await desk.patient('Gus', 'Acme');
      const acme = (await desk.call('saveFunder', { name: 'Acme Pty Ltd', kind: 'employer' })).id;
      await desk.call('recordFunderLumpSum', {
        funderId: acme,
        method: 'eft',
        amount: '900.00',
        reference: 'ACME MARCH',
        splits: [{ patientId: e1, amount: '400.00' }],
      });
      let funder = await desk.call('funderAccount', { funderId: acme });
      assert.equal(funder.unallocated, '500.00');
      assert.deepEqual(
        funder.lumpSums.map((l) => [l.amount, l.method, l.reference]),
        [['900.00', 'eft', 'ACME MARCH']],
      );
      await desk.refuse(
        'allocateFunderMoney',
        { funderId: acme, splits: [{ patientId: e2, amount: '600.00' }] },
        'insufficient-funds',
      );
      await desk.call('allocateFunderMoney', {
        funderId: acme,
        splits: [
          { patientId: e1, amount: '50.00' },
          { patientId: e2, amount: '450.00' },
        ],
      });
      for (let week = 0; week < 4; week += 1) {
        for (const employee of [e1, e2]) {
          await desk.call('checkOutAppointment', {
            appointmentId: await book(desk, employee),
            funderHeld: [{ funderId: acme, amount: '90.00' }],
          });
        }
        desk.advanceDays(7);
      }
      funder = await desk.call('funderAccount', { funderId: acme });
      assert.equal(funder.unallocated, '0.00');
      assert.deepEqual(
        funder.positions.map((p) => [p.patientName, p.received, p.spent, p.remaining]),
        [
          ['Fay Acme', '450.00', '360.00', '90.00'],
          ['Gus Acme', '450.00', '360.00', '90.00'],
        ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );

      const parked = await desk.call('recordUnappliedPayment', {
        method: 'eft',
        amount: '75.00',
        reference: 'F ACME?',
      });
      assert.equal((await desk.call('patientAccount', { patientId: e1 })).balances.credit, '0.00');
      const assigned = await desk.call('assignUnappliedPayment', {
        paymentId: parked.paymentId,
        to: { type: 'patient', patientId: e1 },
      });
      assert.equal(assigned.remainder, '75.00');
      assert.equal((await desk.call('patientAccount', { patientId: e1 })).balances.credit, '75.00');
      const again = await desk.refuse(
        'assignUnappliedPayment',
        { paymentId: parked.paymentId, to: { type: 'patient', patientId: e2 } },
        'insufficient-funds',
      );
      assert.equal(again.message, 'Nothing of this payment is waiting to be assigned');
    });
  });

  test('6: a late-cancel fee becomes credit; part of a card payment is refunded; credit is taken off an invoice; credit written off with a reason can no longer be refunded', async () => {
    await withDesk(async (desk) => {
      const hal = await desk.patient('Hal');
      const missed = await book(desk, hal);
      const cancelled = await desk.call('cancelAppointment', {
        appointmentId: missed,
        late: true,
        fee: '40.00',
      });
      assert.equal(cancelled.charge, 'fee');
      assert.equal(cancelled.appointment.status, 'lateCancelled');
      await desk.call('recordPayment', {
        payer: { type: 'patient', patientId: hal },
        method: 'cash',
        amount: '40.00',
      });
      const converted = await desk.call('convertFeeToCredit', {
        patientId: hal,
        invoiceId: cancelled.invoiceId,
        reasonCode: 'goodwill',
      });
      assert.equal(converted.toCredit, '40.00');
      let account = await desk.call('patientAccount', { patientId: hal });
      assert.equal(account.balances.credit, '40.00');
      assert.equal(
        account.invoices.find((i) => i.invoiceId === cancelled.invoiceId)?.status,
        'credited',
      );

      const card = await desk.call('recordPayment', {
        payer: { type: 'patient', patientId: hal },
        method: 'card',
        amount: '100.00',
      });
      await desk.call('refundCredit', {
        patientId: hal,
        paymentId: card.paymentId,
        amount: '30.00',
      });
      account = await desk.call('patientAccount', { patientId: hal });
      assert.equal(account.balances.credit, '110.00');
      const refundable = account.payments.find((p) => p.paymentId === card.paymentId);
      assert.deepEqual([refundable?.unrefunded, refundable?.methods], ['70.00', ['card']]);
      const tooMuch = await desk.refuse(
        'refundCredit',
        { patientId: hal, paymentId: card.paymentId, amount: '80.00' },
        'insufficient-funds',
      );
      assert.equal(tooMuch.message, 'Only 70.00 of that payment (card) is left to refund');

      const visit = await book(desk, hal);
      const out = await desk.call('checkOutAppointment', { appointmentId: visit });
      assert.equal(out.settlement.credit, '90.00');
      await desk.call('unapplyCredit', { patientId: hal, invoiceId: out.invoiceId });
      account = await desk.call('patientAccount', { patientId: hal });
      assert.deepEqual([account.balances.credit, account.balances.owing], ['110.00', '90.00']);

      await desk.refuse('writeOffCredit', { patientId: hal }, 'invalid-input');
      await desk.call('writeOffCredit', { patientId: hal, reasonCode: 'dormant-account' });
      account = await desk.call('patientAccount', { patientId: hal });
      assert.equal(account.balances.credit, '0.00');
      assert.equal(account.history[0]?.kind, 'creditWrittenOff');
      assert.equal(account.history[0]?.reasonCode, 'dormant-account');
      const refused = await desk.refuse(
        'refundCredit',
        { patientId: hal, paymentId: card.paymentId, amount: '10.00' },
        'insufficient-credit',
      );
      assert.equal(refused.message, 'Only 0.00 of credit is available');
    });
  });

  test('7: package policies: a late cancellation uses a session under one plan and not under another; expiry moves what is left to breakage or to credit', async () => {
    await withDesk(async (desk) => {
      const ivy = await desk.patient('Ivy');
      const strict = await savePlan(desk, {
        name: 'Strict 4',
        sessions: 4,
        price: '300.00',
        validityDays: 30,
        expiryRule: 'breakage',
      });
      const lenient = await savePlan(desk, {
        name: 'Lenient 4',
        sessions: 4,
        price: '300.00',
        validityDays: 30,
        lateCancelUsesSession: false,
        expiryRule: 'credit',
      });
      const paid = { payments: [{ method: 'card' as const, amount: '300.00' }] };
      const a = await desk.call('sellPackage', {
        patientId: ivy,
        planId: strict,
        settlement: paid,
      });
      const b = await desk.call('sellPackage', {
        patientId: ivy,
        planId: lenient,
        settlement: paid,
      });

      const underA = await desk.call('cancelAppointment', {
        appointmentId: await book(desk, ivy, a.packageId),
        late: true,
      });
      assert.equal(underA.charge, 'session');
      const underB = await desk.call('cancelAppointment', {
        appointmentId: await book(desk, ivy, b.packageId),
        late: true,
      });
      assert.equal(underB.charge, 'none');
      let account = await desk.call('patientAccount', { patientId: ivy });
      const byName = (name: string) => account.packages.find((p) => p.sale.name === name)!;
      assert.deepEqual([byName('Strict 4').used, byName('Strict 4').remaining], [1, 3]);
      assert.deepEqual([byName('Lenient 4').used, byName('Lenient 4').remaining], [0, 4]);
      assert.equal(account.sessions[underA.appointment.id]?.label, '1 of 4');

      await desk.refuse('expirePackage', { packageId: a.packageId }, 'invalid-state');
      desk.advanceDays(31);
      const expiredA = await desk.call('expirePackage', { packageId: a.packageId });
      assert.deepEqual([expiredA.toBreakage, expiredA.toCredit], ['225.00', '0.00']);
      const expiredB = await desk.call('expirePackage', { packageId: b.packageId });
      assert.deepEqual([expiredB.toBreakage, expiredB.toCredit], ['0.00', '300.00']);
      account = await desk.call('patientAccount', { patientId: ivy });
      assert.equal(account.balances.credit, '300.00');
      assert.deepEqual(
        account.packages.map((p) => [p.sale.name, p.status, p.remainingValue]),
        [
          ['Strict 4', 'closed', '0.00'],
          ['Lenient 4', 'closed', '0.00'],
        ],
      );
      assert.equal(account.history[0]?.creditMovements[0]?.category, 'granted');
    });
  });

  test('8: two desks each spend the last of the same credit offline; after their journals merge both entries are kept, the balance is below zero, and both list it under needs attention', async () => {
    // Two desks with their own data folders and desk ids. RxDB allows one open database
    // of a name per storage in a process, so they take turns; offline they never talk.
    const one = await openTestDesk('desk-1');
    await one.suspend();
    const two = await openTestDesk('desk-2');
    await two.suspend();
    try {
      await one.reopen();
      const jo = await one.patient('Jo', 'Offline');
      await one.call('recordPayment', {
        payer: { type: 'patient', patientId: jo },
        method: 'cash',
        amount: '90.00',
      });
      let fromOne = await exportDesk(one);
      await one.suspend();

      // Synced once while online: desk 2 has the patient and the payment too.
      await two.reopen();
      await importDesk(two, fromOne);
      assert.equal((await two.call('patientAccount', { patientId: jo })).balances.credit, '90.00');
      // Offline: desk 2 checks out a visit with the credit...
      two.advanceMinutes(5);
      const onTwo = await two.call('checkOutAppointment', { appointmentId: await book(two, jo) });
      const fromTwo = await exportDesk(two);
      await two.suspend();

      // ...and so does desk 1, which has not heard of it.
      await one.reopen();
      assert.equal((await one.call('patientAccount', { patientId: jo })).balances.credit, '90.00');
      const onOne = await one.call('checkOutAppointment', { appointmentId: await book(one, jo) });
      assert.deepEqual([onOne.settlement.credit, onTwo.settlement.credit], ['90.00', '90.00']);

      // Back online: each journal becomes the union.
      await importDesk(one, fromTwo);
      await expectMergedView(one, jo, [...onOne.entryIds, ...onTwo.entryIds]);
      fromOne = await exportDesk(one);
      await one.suspend();
      await two.reopen();
      await importDesk(two, fromOne);
      await expectMergedView(two, jo, [...onOne.entryIds, ...onTwo.entryIds]);
      // Document numbers never collide across the desks.
      assert.match(onOne.numbers[0]!, /^D1-INV-/);
      assert.match(onTwo.numbers[0]!, /^D2-INV-/);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

async function expectMergedView(desk: TestDesk, patientId: string, spends: string[]) {
  assert.equal(await desk.journalCount(), 3);
  const account = await desk.call('patientAccount', { patientId });
  assert.equal(account.balances.credit, '-90.00');
  assert.equal(account.invoices.length, 2);
  const kept = account.history.filter((item) => item.kind === 'checkout').map((i) => i.entryId);
  assert.deepEqual(kept.sort(), [...spends].sort());
  const attention = await desk.call('needsAttention', {});
  assert.deepEqual(
    attention.items.map((item) => [item.kind, item.patientId, item.amount]),
    [['negative-balance', patientId, '-90.00']],
  );
  assert.deepEqual(
    account.needsAttention.map((item) => item.kind),
    ['negative-balance'],
  );
  assert.deepEqual((await desk.call('selfCheck', {})).violations, []);
}

interface DeskExport {
  patients: Record<string, unknown>[];
  entries: Record<string, unknown>[];
}

async function exportDesk(desk: TestDesk): Promise<DeskExport> {
  return {
    patients: (await desk.core.db.patients.find().exec()).map((doc) => doc.toJSON()),
    entries: (await desk.core.db.journal.find().exec()).map((doc) => doc.toJSON()),
  };
}

/** What replication would do: insert the documents the desk does not have yet. */
async function importDesk(desk: TestDesk, from: DeskExport): Promise<void> {
  const db = desk.core.db;
  const havePatients = new Set((await db.patients.find().exec()).map((doc) => doc.id));
  const patients = from.patients.filter((doc) => !havePatients.has(doc['id'] as string));
  if (patients.length > 0) await db.patients.bulkInsert(patients as never[]);
  const haveEntries = new Set((await db.journal.find().exec()).map((doc) => doc.id));
  const entries = from.entries.filter((doc) => !haveEntries.has(doc['id'] as string));
  if (entries.length > 0) await db.journal.bulkInsert(entries as never[]);
}
