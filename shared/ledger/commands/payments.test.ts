import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestJournal } from '../../testing/ledgerHarness.ts';
import {
  allocateFunderMoney,
  assignUnappliedPayment,
  balanceOf,
  creditOf,
  funderHeldFor,
  funderPosition,
  funderUnallocated,
  invoiceView,
  markNoShow,
  bookAppointment,
  paymentView,
  recordFunderLumpSum,
  recordPayment,
  recordUnappliedPayment,
} from '../index.ts';

function withFeeInvoices(j: TestJournal, patientId: string, fees: string[]): string[] {
  return fees.map((fee) => {
    const booked = j.ok(
      bookAppointment(
        j.state,
        {
          patientId,
          serviceId: 'physio',
          practitionerId: 'dr1',
          start: j.desk.now,
          durationMinutes: 30,
          price: '90.00',
        },
        j.desk,
      ),
    );
    const missed = j.ok(markNoShow(j.state, { appointment: booked.appointment, fee }, j.desk));
    j.desk.advance(60);
    return missed.invoiceId;
  });
}

describe('recordPayment', () => {
  test('a patient prepayment with no invoices becomes credit', () => {
    const j = new TestJournal();
    const r = j.ok(
      recordPayment(
        j.state,
        {
          payer: { type: 'patient', patientId: 'p1' },
          method: 'card',
          amount: '100',
          reference: 'visa 1234',
        },
        j.desk,
      ),
    );
    assert.equal(creditOf(j.state, 'p1'), '100.00');
    assert.equal(balanceOf(j.state, 'card'), '100.00');
    assert.equal(r.remainder, '100.00');
    assert.equal(r.entries[0]?.number, 'A-RCT-00001');
    assert.equal(paymentView(j.state, r.paymentId)?.unrefunded, '100.00');
    j.assertHealthy();
  });

  test('allocates to open invoices oldest first; the rest becomes credit', () => {
    const j = new TestJournal();
    const [first, second] = withFeeInvoices(j, 'p1', ['30.00', '50.00']);
    const r = j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'cash', amount: '60.00' },
        j.desk,
      ),
    );
    assert.deepEqual(r.allocations, [
      { invoiceId: first, amount: '30.00' },
      { invoiceId: second, amount: '30.00' },
    ]);
    assert.equal(invoiceView(j.state, first ?? '')?.status, 'paid');
    assert.equal(invoiceView(j.state, second ?? '')?.status, 'part-paid');
    assert.equal(invoiceView(j.state, second ?? '')?.due, '20.00');
    assert.equal(creditOf(j.state, 'p1'), '0.00');
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'cash', amount: '25.00' },
        j.desk,
      ),
    );
    assert.equal(creditOf(j.state, 'p1'), '5.00');
    j.assertHealthy();
  });

  test('explicit allocation and no allocation', () => {
    const j = new TestJournal();
    const [first, second] = withFeeInvoices(j, 'p1', ['30.00', '50.00']);
    j.ok(
      recordPayment(
        j.state,
        {
          payer: { type: 'patient', patientId: 'p1' },
          method: 'eft',
          amount: '50.00',
          allocate: [{ invoiceId: second ?? '', amount: '50.00' }],
        },
        j.desk,
      ),
    );
    assert.equal(invoiceView(j.state, second ?? '')?.status, 'paid');
    assert.equal(invoiceView(j.state, first ?? '')?.status, 'open');
    j.ok(
      recordPayment(
        j.state,
        {
          payer: { type: 'patient', patientId: 'p1' },
          method: 'eft',
          amount: '10.00',
          allocate: 'none',
        },
        j.desk,
      ),
    );
    assert.equal(creditOf(j.state, 'p1'), '10.00');
    assert.equal(invoiceView(j.state, first ?? '')?.status, 'open');
    j.assertHealthy();
  });

  test('a funder paying for a named patient holds the money for them', () => {
    const j = new TestJournal();
    j.ok(
      recordPayment(
        j.state,
        {
          payer: { type: 'funder', funderId: 'charity', patientId: 'p1' },
          method: 'eft',
          amount: '500.00',
        },
        j.desk,
      ),
    );
    assert.equal(funderHeldFor(j.state, 'charity', 'p1'), '500.00');
    assert.equal(creditOf(j.state, 'p1'), '0.00');
    assert.equal(funderPosition(j.state, 'charity', 'p1').received, '500.00');
    j.assertHealthy();
  });

  test('refusals', () => {
    const j = new TestJournal();
    const [invoiceId] = withFeeInvoices(j, 'p1', ['30.00']);
    const base = { payer: { type: 'patient' as const, patientId: 'p1' }, method: 'card' as const };
    j.refused(recordPayment(j.state, { ...base, amount: '0' }, j.desk), 'invalid-amount', 'amount');
    j.refused(
      recordPayment(j.state, { ...base, amount: '-5.00' }, j.desk),
      'invalid-amount',
      'amount',
    );
    j.refused(
      recordPayment(j.state, { ...base, amount: '12.345' }, j.desk),
      'invalid-amount',
      'amount',
    );
    j.refused(
      recordPayment(j.state, { ...base, amount: 12 as unknown as string }, j.desk),
      'invalid-amount',
      'amount',
    );
    j.refused(
      recordPayment(j.state, { ...base, method: 'bitcoin' as 'card', amount: '1.00' }, j.desk),
      'invalid-input',
      'method',
    );
    j.refused(
      recordPayment(
        j.state,
        { ...base, payer: { type: 'patient', patientId: '' }, amount: '1.00' },
        j.desk,
      ),
      'invalid-input',
      'payer.patientId',
    );
    j.refused(
      recordPayment(j.state, { ...base, payer: undefined as never, amount: '1.00' }, j.desk),
      'invalid-input',
      'payer',
    );
    j.refused(
      recordPayment(
        j.state,
        { ...base, payer: { type: 'funder', funderId: 'a:b' }, amount: '1.00' },
        j.desk,
      ),
      'invalid-input',
      'payer.funderId',
    );
    j.refused(
      recordPayment(j.state, { ...base, amount: '1.00', occurredAt: 'yesterday' }, j.desk),
      'invalid-input',
      'occurredAt',
    );
    j.refused(
      recordPayment(
        j.state,
        { ...base, amount: '10.00', allocate: [{ invoiceId: 'nope', amount: '10.00' }] },
        j.desk,
      ),
      'not-found',
      'allocate[0].invoiceId',
    );
    j.refused(
      recordPayment(
        j.state,
        { ...base, amount: '50.00', allocate: [{ invoiceId: invoiceId ?? '', amount: '40.00' }] },
        j.desk,
      ),
      'over-allocated',
    );
    j.refused(
      recordPayment(
        j.state,
        { ...base, amount: '10.00', allocate: [{ invoiceId: invoiceId ?? '', amount: '20.00' }] },
        j.desk,
      ),
      'over-allocated',
    );
    j.refused(
      recordPayment(
        j.state,
        {
          ...base,
          amount: '30.00',
          allocate: [
            { invoiceId: invoiceId ?? '', amount: '10.00' },
            { invoiceId: invoiceId ?? '', amount: '10.00' },
          ],
        },
        j.desk,
      ),
      'invalid-input',
    );
    j.refused(
      recordPayment(
        j.state,
        {
          ...base,
          payer: { type: 'patient', patientId: 'p2' },
          amount: '10.00',
          allocate: [{ invoiceId: invoiceId ?? '', amount: '10.00' }],
        },
        j.desk,
      ),
      'not-found',
    );
  });
});

describe('unapplied money', () => {
  test('waits in unapplied until assigned; assignment settles invoices and the rest is credit', () => {
    const j = new TestJournal();
    const parked = j.ok(
      recordUnappliedPayment(
        j.state,
        { method: 'eft', amount: '120.00', reference: 'DEP 88' },
        j.desk,
      ),
    );
    assert.equal(balanceOf(j.state, 'unapplied'), '-120.00');
    assert.equal(paymentView(j.state, parked.paymentId)?.unapplied, '120.00');
    const [invoiceId] = withFeeInvoices(j, 'p1', ['40.00']);
    const assigned = j.ok(
      assignUnappliedPayment(
        j.state,
        { paymentId: parked.paymentId, to: { type: 'patient', patientId: 'p1' }, amount: '100.00' },
        j.desk,
      ),
    );
    assert.deepEqual(assigned.allocations, [{ invoiceId, amount: '40.00' }]);
    assert.equal(creditOf(j.state, 'p1'), '60.00');
    assert.equal(paymentView(j.state, parked.paymentId)?.unapplied, '20.00');
    j.ok(
      assignUnappliedPayment(
        j.state,
        { paymentId: parked.paymentId, to: { type: 'funder', funderId: 'emp', patientId: 'p2' } },
        j.desk,
      ),
    );
    assert.equal(funderHeldFor(j.state, 'emp', 'p2'), '20.00');
    assert.equal(balanceOf(j.state, 'unapplied'), '0.00');
    j.assertHealthy();
  });

  test('refusals', () => {
    const j = new TestJournal();
    j.refused(
      recordUnappliedPayment(j.state, { method: 'eft', amount: '' }, j.desk),
      'invalid-amount',
    );
    j.refused(
      recordUnappliedPayment(j.state, { method: 'x' as 'eft', amount: '1.00' }, j.desk),
      'invalid-input',
    );
    const parked = j.ok(
      recordUnappliedPayment(j.state, { method: 'eft', amount: '10.00' }, j.desk),
    );
    const to = { type: 'patient' as const, patientId: 'p1' };
    j.refused(assignUnappliedPayment(j.state, { paymentId: 'nope', to }, j.desk), 'not-found');
    j.refused(
      assignUnappliedPayment(j.state, { paymentId: parked.paymentId, to, amount: '10.01' }, j.desk),
      'insufficient-funds',
    );
    j.refused(
      assignUnappliedPayment(
        j.state,
        { paymentId: parked.paymentId, to: { type: 'patient', patientId: '' } },
        j.desk,
      ),
      'invalid-input',
    );
    j.ok(assignUnappliedPayment(j.state, { paymentId: parked.paymentId, to }, j.desk));
    j.refused(
      assignUnappliedPayment(j.state, { paymentId: parked.paymentId, to }, j.desk),
      'insufficient-funds',
    );
  });
});

describe('funder lump sums', () => {
  test('a lump sum is received once and split between patients, each with its own entry', () => {
    const j = new TestJournal();
    const r = j.ok(
      recordFunderLumpSum(
        j.state,
        {
          funderId: 'employer',
          method: 'eft',
          amount: '1000.00',
          splits: [
            { patientId: 'e1', amount: '400.00' },
            { patientId: 'e2', amount: '350.00' },
          ],
        },
        j.desk,
      ),
    );
    assert.deepEqual(
      r.entries.map((e) => [e.kind, e.patientId]),
      [
        ['funderLumpSumReceived', ''],
        ['funderMoneyAllocated', 'e1'],
        ['funderMoneyAllocated', 'e2'],
      ],
    );
    assert.equal(funderHeldFor(j.state, 'employer', 'e1'), '400.00');
    assert.equal(funderHeldFor(j.state, 'employer', 'e2'), '350.00');
    assert.equal(funderUnallocated(j.state, 'employer'), '250.00');
    j.ok(
      allocateFunderMoney(
        j.state,
        { funderId: 'employer', splits: [{ patientId: 'e3', amount: '250.00' }] },
        j.desk,
      ),
    );
    assert.equal(funderUnallocated(j.state, 'employer'), '0.00');
    j.assertHealthy();
  });

  test('refusals', () => {
    const j = new TestJournal();
    j.refused(
      recordFunderLumpSum(
        j.state,
        {
          funderId: 'f',
          method: 'eft',
          amount: '100.00',
          splits: [{ patientId: 'a', amount: '100.01' }],
        },
        j.desk,
      ),
      'insufficient-funds',
    );
    j.refused(
      recordFunderLumpSum(j.state, { funderId: 'f', method: 'eft', amount: '0.00' }, j.desk),
      'invalid-amount',
    );
    j.refused(
      recordFunderLumpSum(
        j.state,
        {
          funderId: 'f',
          method: 'eft',
          amount: '10.00',
          splits: [{ patientId: 'a', amount: '1e1' }],
        },
        j.desk,
      ),
      'invalid-amount',
    );
    j.refused(
      allocateFunderMoney(
        j.state,
        { funderId: 'f', splits: [{ patientId: 'a', amount: '1.00' }] },
        j.desk,
      ),
      'insufficient-funds',
    );
    j.refused(allocateFunderMoney(j.state, { funderId: 'f', splits: [] }, j.desk), 'invalid-input');
    j.refused(
      allocateFunderMoney(
        j.state,
        {
          funderId: 'f',
          splits: [
            { patientId: 'a', amount: '1.00' },
            { patientId: 'a', amount: '1.00' },
          ],
        },
        j.desk,
      ),
      'invalid-input',
    );
    j.refused(
      allocateFunderMoney(
        j.state,
        { funderId: '', splits: [{ patientId: 'a', amount: '1.00' }] },
        j.desk,
      ),
      'invalid-input',
    );
    assert.equal(j.entries.length, 0);
  });
});
