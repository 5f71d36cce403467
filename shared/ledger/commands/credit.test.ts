import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, TestJournal } from '../../testing/ledgerHarness.ts';
import {
  balanceOf,
  bookAppointment,
  checkOutAppointment,
  convertFeeToCredit,
  creditFlows,
  creditOf,
  creditProvenance,
  grantCourtesyCredit,
  invoiceView,
  markNoShow,
  owingOf,
  packageView,
  paymentView,
  recordPayment,
  refundCredit,
  reverseEntry,
  sellPackage,
  sessionOfAppointment,
  transferCredit,
  unapplyCredit,
  waiveFee,
  writeOffCredit,
} from '../index.ts';

function pay(
  j: TestJournal,
  patientId: string,
  amount: string,
  method: 'card' | 'cash' = 'card',
): string {
  return j.ok(
    recordPayment(j.state, { payer: { type: 'patient', patientId }, method, amount }, j.desk),
  ).paymentId;
}

function fee(j: TestJournal, patientId: string, amount: string): string {
  const appointment = j.ok(
    bookAppointment(
      j.state,
      {
        patientId,
        serviceId: 'physio',
        practitionerId: 'dr',
        start: j.desk.now,
        durationMinutes: 30,
        price: '90.00',
      },
      j.desk,
    ),
  ).appointment;
  return j.ok(markNoShow(j.state, { appointment, fee: amount }, j.desk)).invoiceId;
}

describe('transferCredit', () => {
  test('scenario 3: one spouse transfers part of their credit; both histories show it', () => {
    const j = new TestJournal();
    pay(j, 'alice', '100.00');
    const r = j.ok(
      transferCredit(
        j.state,
        { fromPatientId: 'alice', toPatientId: 'bob', amount: '30.00', memo: 'for Bob' },
        j.desk,
      ),
    );
    assert.equal(creditOf(j.state, 'alice'), '70.00');
    assert.equal(creditOf(j.state, 'bob'), '30.00');
    const entryId = r.entries[0]?.id;
    const out = creditProvenance(j.state, 'alice').find((item) => item.entryId === entryId);
    const into = creditProvenance(j.state, 'bob').find((item) => item.entryId === entryId);
    assert.deepEqual(
      [out?.direction, out?.category, out?.counterparts],
      ['out', 'transferOut', ['credit:bob']],
    );
    assert.deepEqual(
      [into?.direction, into?.category, into?.counterparts],
      ['in', 'transferIn', ['credit:alice']],
    );
    assert.equal(creditProvenance(j.state, 'alice')[0]?.counterparts[0], 'card');
    j.assertHealthy();
  });

  test('refusals', () => {
    const j = new TestJournal();
    pay(j, 'alice', '40.00');
    const refusal = j.refused(
      transferCredit(
        j.state,
        { fromPatientId: 'alice', toPatientId: 'bob', amount: '50.00' },
        j.desk,
      ),
      'insufficient-credit',
      'amount',
    );
    assert.equal(refusal.message, 'Only 40.00 of credit is available');
    j.refused(
      transferCredit(
        j.state,
        { fromPatientId: 'alice', toPatientId: 'alice', amount: '5.00' },
        j.desk,
      ),
      'invalid-input',
      'toPatientId',
    );
    j.refused(
      transferCredit(j.state, { fromPatientId: '', toPatientId: 'bob', amount: '5.00' }, j.desk),
      'invalid-input',
      'fromPatientId',
    );
    j.refused(
      transferCredit(
        j.state,
        { fromPatientId: 'alice', toPatientId: 'b ob', amount: '5.00' },
        j.desk,
      ),
      'invalid-input',
      'toPatientId',
    );
    j.refused(
      transferCredit(
        j.state,
        { fromPatientId: 'alice', toPatientId: 'bob', amount: '0.00' },
        j.desk,
      ),
      'invalid-amount',
    );
  });
});

describe('scenario 6: fee to credit, partial refund, credit taken off an invoice, write-off', () => {
  test('the whole story', () => {
    const j = new TestJournal();
    // A late-cancel fee, paid, then converted to credit.
    const feeInvoice = fee(j, 'p1', '45.00');
    pay(j, 'p1', '45.00', 'cash');
    assert.equal(invoiceView(j.state, feeInvoice)?.status, 'paid');
    const converted = j.ok(
      convertFeeToCredit(j.state, { invoiceId: feeInvoice, reasonCode: 'goodwill' }, j.desk),
    );
    assert.equal(converted.toCredit, '45.00');
    assert.equal(creditOf(j.state, 'p1'), '45.00');
    assert.equal(invoiceView(j.state, feeInvoice)?.status, 'credited');
    assert.equal(balanceOf(j.state, 'revenue:fees'), '0.00');
    j.refused(convertFeeToCredit(j.state, { invoiceId: feeInvoice }, j.desk), 'invalid-state');

    // Part of a card payment refunded.
    const card = pay(j, 'p1', '100.00');
    j.ok(refundCredit(j.state, { patientId: 'p1', paymentId: card, amount: '30.00' }, j.desk));
    assert.equal(paymentView(j.state, card)?.unrefunded, '70.00');
    assert.equal(creditOf(j.state, 'p1'), '115.00');
    assert.equal(balanceOf(j.state, 'card'), '70.00');

    // Credit applied at check-out, then taken off the invoice again.
    const visit = j.ok(
      bookAppointment(
        j.state,
        {
          patientId: 'p1',
          serviceId: 'physio',
          practitionerId: 'dr',
          start: j.desk.now,
          durationMinutes: 30,
          price: '90.00',
        },
        j.desk,
      ),
    ).appointment;
    const out = j.ok(checkOutAppointment(j.state, { appointment: visit }, j.desk));
    assert.equal(creditOf(j.state, 'p1'), '25.00');
    j.ok(unapplyCredit(j.state, { invoiceId: out.invoiceId, amount: '40.00' }, j.desk));
    assert.equal(creditOf(j.state, 'p1'), '65.00');
    assert.equal(invoiceView(j.state, out.invoiceId)?.status, 'part-paid');
    assert.equal(owingOf(j.state, 'p1'), '40.00');

    // Written off with a reason: neither usable nor refundable.
    j.ok(writeOffCredit(j.state, { patientId: 'p1', reasonCode: 'dormant' }, j.desk));
    assert.equal(creditOf(j.state, 'p1'), '0.00');
    j.refused(
      refundCredit(j.state, { patientId: 'p1', paymentId: card, amount: '10.00' }, j.desk),
      'insufficient-credit',
    );
    const flows = creditFlows(j.state, 'p1');
    assert.deepEqual(flows, {
      moneyIn: '100.00',
      granted: '45.00',
      transferIn: '0.00',
      applied: '50.00',
      refunded: '30.00',
      transferOut: '0.00',
      writtenOff: '65.00',
    });
    j.assertHealthy();
  });

  test('refund refusals', () => {
    const j = new TestJournal();
    const card = pay(j, 'p1', '50.00');
    pay(j, 'p1', '100.00', 'cash');
    const other = pay(j, 'p2', '10.00');
    j.refused(
      refundCredit(j.state, { patientId: 'p1', paymentId: card, amount: '50.01' }, j.desk),
      'insufficient-funds',
      'amount',
    );
    j.refused(
      refundCredit(j.state, { patientId: 'p1', paymentId: 'nope', amount: '1.00' }, j.desk),
      'not-found',
    );
    j.refused(
      refundCredit(j.state, { patientId: 'p1', paymentId: other, amount: '1.00' }, j.desk),
      'invalid-input',
    );
    j.refused(
      refundCredit(j.state, { patientId: 'p1', paymentId: card, amount: '-1.00' }, j.desk),
      'invalid-amount',
    );
    j.refused(
      refundCredit(
        j.state,
        { patientId: 'p1', paymentId: card, amount: '1.00', method: 'eft' },
        j.desk,
      ),
      'insufficient-funds',
    );
    j.ok(refundCredit(j.state, { patientId: 'p1', paymentId: card, amount: '50.00' }, j.desk));
    j.refused(
      refundCredit(j.state, { patientId: 'p1', paymentId: card, amount: '0.01' }, j.desk),
      'insufficient-funds',
    );
    // Credit smaller than the payment's unrefunded amount.
    const j2 = new TestJournal();
    const big = pay(j2, 'p1', '100.00');
    j2.ok(writeOffCredit(j2.state, { patientId: 'p1', amount: '70.00', reasonCode: 'x' }, j2.desk));
    const r = j2.refused(
      refundCredit(j2.state, { patientId: 'p1', paymentId: big, amount: '40.00' }, j2.desk),
      'insufficient-credit',
    );
    assert.equal(r.message, 'Only 30.00 of credit is available');
  });

  test('other refusals', () => {
    const j = new TestJournal();
    const invoiceId = fee(j, 'p1', '45.00');
    j.refused(unapplyCredit(j.state, { invoiceId }, j.desk), 'invalid-state');
    j.refused(unapplyCredit(j.state, { invoiceId: 'nope' }, j.desk), 'not-found');
    j.refused(
      writeOffCredit(j.state, { patientId: 'p1', reasonCode: '' }, j.desk),
      'invalid-input',
      'reasonCode',
    );
    j.refused(
      writeOffCredit(j.state, { patientId: 'p1', reasonCode: 'x' }, j.desk),
      'insufficient-credit',
    );
    j.refused(
      writeOffCredit(j.state, { patientId: 'p1', amount: '5.00', reasonCode: 'x' }, j.desk),
      'insufficient-credit',
    );
    j.refused(
      grantCourtesyCredit(j.state, { patientId: 'p1', amount: '5.00', reasonCode: '' }, j.desk),
      'invalid-input',
      'reasonCode',
    );
    j.refused(
      grantCourtesyCredit(j.state, { patientId: 'p1', amount: 'five', reasonCode: 'x' }, j.desk),
      'invalid-amount',
    );
    j.refused(
      waiveFee(j.state, { invoiceId, reasonCode: '' }, j.desk),
      'invalid-input',
      'reasonCode',
    );
    j.refused(
      waiveFee(j.state, { invoiceId, amount: '45.01', reasonCode: 'x' }, j.desk),
      'over-allocated',
    );
    const sold = j.ok(sellPackage(j.state, { patientId: 'p1', plan: plan() }, j.desk));
    j.refused(convertFeeToCredit(j.state, { invoiceId: sold.invoiceId }, j.desk), 'invalid-input');
    const funder = j.ok(
      sellPackage(
        j.state,
        { patientId: 'p1', plan: plan(), payer: { type: 'funder', funderId: 'f' } },
        j.desk,
      ),
    );
    j.refused(
      waiveFee(j.state, { invoiceId: funder.invoiceId, reasonCode: 'x' }, j.desk),
      'invalid-input',
    );
  });
});

describe('manager adjustments', () => {
  test('courtesy credit and fee waiver carry reason codes', () => {
    const j = new TestJournal();
    const r = j.ok(
      grantCourtesyCredit(
        j.state,
        { patientId: 'p1', amount: '20.00', reasonCode: 'complaint' },
        j.desk,
      ),
    );
    assert.equal(r.entries[0]?.reasonCode, 'complaint');
    assert.equal(creditOf(j.state, 'p1'), '20.00');
    assert.equal(creditFlows(j.state, 'p1').granted, '20.00');
    const invoiceId = fee(j, 'p1', '45.00');
    j.ok(waiveFee(j.state, { invoiceId, reasonCode: 'first-time' }, j.desk));
    assert.equal(invoiceView(j.state, invoiceId)?.status, 'credited');
    assert.equal(owingOf(j.state, 'p1'), '0.00');
    assert.equal(balanceOf(j.state, 'expense:courtesy'), '65.00');
    j.refused(waiveFee(j.state, { invoiceId, reasonCode: 'again' }, j.desk), 'invalid-state');
    j.assertHealthy();
  });

  test('an unpaid fee converted to credit just withdraws it', () => {
    const j = new TestJournal();
    const invoiceId = fee(j, 'p1', '45.00');
    const r = j.ok(convertFeeToCredit(j.state, { invoiceId }, j.desk));
    assert.equal(r.toCredit, '0.00');
    assert.equal(creditOf(j.state, 'p1'), '0.00');
    assert.equal(invoiceView(j.state, invoiceId)?.status, 'credited');
    j.assertHealthy();
  });
});

describe('reverseEntry', () => {
  test('negates lines, names the original, restores projections; refuses twice and reversal of a reversal', () => {
    const j = new TestJournal();
    const sold = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan(),
          settlement: { payments: [{ method: 'card', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    const appointment = j.ok(
      bookAppointment(
        j.state,
        {
          patientId: 'p1',
          serviceId: 'physio',
          practitionerId: 'dr',
          start: j.desk.now,
          durationMinutes: 30,
          price: '90.00',
          packageId: sold.packageId,
        },
        j.desk,
      ),
    ).appointment;
    const out = j.ok(checkOutAppointment(j.state, { appointment }, j.desk));
    const checkout = out.entries[0];
    assert.ok(checkout);
    const refused = j.refused(
      reverseEntry(j.state, { entry: sold.entries[0] ?? checkout, reasonCode: 'mistake' }, j.desk),
      'not-reversible',
    );
    assert.match(refused.message, /session\(s\) of this package have been used/);
    const reversal = j.ok(
      reverseEntry(j.state, { entry: checkout, reasonCode: 'wrong patient' }, j.desk),
    ).entries[0];
    assert.equal(reversal?.reverses, checkout.id);
    assert.deepEqual(
      reversal?.lines,
      checkout.lines.map((l) => ({
        account: l.account,
        amount: l.amount.startsWith('-') ? l.amount.slice(1) : `-${l.amount}`,
      })),
    );
    assert.equal(packageView(j.state, sold.packageId)?.used, 0);
    assert.equal(sessionOfAppointment(j.state, appointment.id), undefined);
    assert.equal(invoiceView(j.state, out.invoiceId)?.status, 'paid');
    j.refused(
      reverseEntry(j.state, { entry: checkout, reasonCode: 'again' }, j.desk),
      'not-reversible',
    );
    j.refused(
      reverseEntry(j.state, { entry: reversal ?? checkout, reasonCode: 'undo' }, j.desk),
      'not-reversible',
    );
    j.refused(
      reverseEntry(j.state, { entry: { ...checkout, id: 'unknown' }, reasonCode: 'x' }, j.desk),
      'not-found',
    );
    j.refused(
      reverseEntry(j.state, { entry: sold.entries[0] ?? checkout, reasonCode: '' }, j.desk),
      'invalid-input',
    );
    // Now no session is used: the sale itself can be reversed, cancelling the package.
    j.ok(
      reverseEntry(
        j.state,
        { entry: sold.entries[0] ?? checkout, reasonCode: 'sold in error' },
        j.desk,
      ),
    );
    assert.equal(packageView(j.state, sold.packageId)?.status, 'cancelled');
    assert.equal(balanceOf(j.state, 'card'), '0.00');
    j.assertHealthy();
  });

  test('refuses to overdraw: spent credit, refunded payment, settled invoice', () => {
    const j = new TestJournal();
    const paymentId = pay(j, 'p1', '50.00');
    const payment = j.entries.at(-1);
    assert.ok(payment);
    j.ok(
      transferCredit(j.state, { fromPatientId: 'p1', toPatientId: 'p2', amount: '30.00' }, j.desk),
    );
    j.refused(
      reverseEntry(j.state, { entry: payment, reasonCode: 'bounced' }, j.desk),
      'not-reversible',
    );
    const j2 = new TestJournal();
    const paid = pay(j2, 'p1', '50.00');
    j2.ok(refundCredit(j2.state, { patientId: 'p1', paymentId: paid, amount: '10.00' }, j2.desk));
    j2.ok(
      grantCourtesyCredit(
        j2.state,
        { patientId: 'p1', amount: '100.00', reasonCode: 'x' },
        j2.desk,
      ),
    );
    const first = j2.entries[0];
    assert.ok(first);
    j2.refused(
      reverseEntry(j2.state, { entry: first, reasonCode: 'bounced' }, j2.desk),
      'not-reversible',
    );
    const j3 = new TestJournal();
    const invoiceId = fee(j3, 'p1', '45.00');
    const feeEntry = j3.entries.at(-1);
    assert.ok(feeEntry);
    pay(j3, 'p1', '45.00');
    j3.refused(
      reverseEntry(j3.state, { entry: feeEntry, reasonCode: 'x' }, j3.desk),
      'not-reversible',
    );
    assert.equal(invoiceView(j3.state, invoiceId)?.status, 'paid');
    void paymentId;
  });
});
