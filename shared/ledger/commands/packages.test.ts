import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, TestJournal } from '../../testing/ledgerHarness.ts';
import type { Appointment } from '../index.ts';
import {
  attendAppointment,
  balanceOf,
  bookAppointment,
  cancelAppointment,
  checkOutAppointment,
  creditOf,
  expirePackage,
  funderHeldFor,
  funderPosition,
  invoiceView,
  markNoShow,
  owingOf,
  packagesOfPatient,
  packageView,
  recordPayment,
  rescheduleAppointment,
  sellPackage,
  sessionOfAppointment,
} from '../index.ts';

function book(
  j: TestJournal,
  patientId = 'p1',
  extra: { packageId?: string; serviceId?: string; price?: string } = {},
): Appointment {
  return j.ok(
    bookAppointment(
      j.state,
      {
        patientId,
        serviceId: extra.serviceId ?? 'physio',
        practitionerId: 'dr1',
        start: j.desk.now,
        durationMinutes: 30,
        price: extra.price ?? '90.00',
        ...(extra.packageId ? { packageId: extra.packageId } : {}),
      },
      j.desk,
    ),
  ).appointment;
}

describe('sellPackage', () => {
  test('paid in full: the price sits unearned, the invoice is paid', () => {
    const j = new TestJournal();
    const r = j.ok(
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
    const view = packageView(j.state, r.packageId);
    assert.equal(view?.size, 5);
    assert.equal(view?.remaining, 5);
    assert.equal(view?.remainingValue, '400.00');
    assert.equal(view?.expiresAt, '2025-06-01T09:00:00.000Z');
    assert.equal(invoiceView(j.state, r.invoiceId)?.status, 'paid');
    assert.equal(r.entries[0]?.number, 'A-INV-00001');
    assert.equal(owingOf(j.state, 'p1'), '0.00');
    j.assertHealthy();
  });

  test('paid in part, then later', () => {
    const j = new TestJournal();
    const r = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan(),
          settlement: { payments: [{ method: 'cash', amount: '100.00' }] },
        },
        j.desk,
      ),
    );
    assert.equal(invoiceView(j.state, r.invoiceId)?.status, 'part-paid');
    assert.equal(owingOf(j.state, 'p1'), '300.00');
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '300.00' },
        j.desk,
      ),
    );
    assert.equal(invoiceView(j.state, r.invoiceId)?.status, 'paid');
    const later = j.ok(sellPackage(j.state, { patientId: 'p1', plan: plan() }, j.desk));
    assert.equal(invoiceView(j.state, later.invoiceId)?.status, 'open');
    j.assertHealthy();
  });

  test('paid with credit only when asked', () => {
    const j = new TestJournal();
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '100.00' },
        j.desk,
      ),
    );
    const r = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan(),
          settlement: { credit: '100.00', payments: [{ method: 'card', amount: '300.00' }] },
        },
        j.desk,
      ),
    );
    assert.equal(creditOf(j.state, 'p1'), '0.00');
    assert.equal(invoiceView(j.state, r.invoiceId)?.status, 'paid');
    j.assertHealthy();
  });

  test('a funder buys a package for a patient; sessions delivered show in its position', () => {
    const j = new TestJournal();
    const r = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan(),
          payer: { type: 'funder', funderId: 'charity' },
          settlement: { payments: [{ method: 'eft', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    const appointment = book(j, 'p1', { packageId: r.packageId });
    j.ok(checkOutAppointment(j.state, { appointment }, j.desk));
    const position = funderPosition(j.state, 'charity', 'p1');
    assert.deepEqual(
      [position.received, position.spent, position.remaining],
      ['400.00', '80.00', '320.00'],
    );
    assert.equal(owingOf(j.state, 'p1'), '0.00');
    j.assertHealthy();
  });

  test('refusals', () => {
    const j = new TestJournal();
    const ok = { patientId: 'p1', plan: plan() };
    j.refused(sellPackage(j.state, { ...ok, patientId: '' }, j.desk), 'invalid-input', 'patientId');
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ sessions: 0 }) }, j.desk),
      'invalid-input',
      'plan.sessions',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ sessions: 2.5 }) }, j.desk),
      'invalid-input',
      'plan.sessions',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ price: '-1.00' }) }, j.desk),
      'invalid-amount',
      'plan.price',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ price: '1,00' }) }, j.desk),
      'invalid-amount',
      'plan.price',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ validityDays: -1 }) }, j.desk),
      'invalid-input',
      'plan.validityDays',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ expiryRule: 'keep' as 'credit' }) }, j.desk),
      'invalid-input',
      'plan.expiryRule',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ name: ' ' }) }, j.desk),
      'invalid-input',
      'plan.name',
    );
    j.refused(
      sellPackage(j.state, { ...ok, plan: plan({ eligibleServiceIds: [''] }) }, j.desk),
      'invalid-input',
    );
    j.refused(
      sellPackage(
        j.state,
        { ...ok, plan: plan({ noShowUsesSession: 'yes' as unknown as boolean }) },
        j.desk,
      ),
      'invalid-input',
    );
    j.refused(
      sellPackage(j.state, { ...ok, settlement: { credit: '1.00' } }, j.desk),
      'insufficient-credit',
      'credit',
    );
    j.refused(
      sellPackage(
        j.state,
        { ...ok, settlement: { payments: [{ method: 'card', amount: '0.00' }] } },
        j.desk,
      ),
      'invalid-amount',
    );
    j.refused(
      sellPackage(
        j.state,
        {
          ...ok,
          payer: { type: 'funder', funderId: 'f' },
          settlement: { payments: [{ method: 'eft', amount: '400.01' }] },
        },
        j.desk,
      ),
      'over-allocated',
    );
    j.refused(
      sellPackage(
        j.state,
        { ...ok, payer: { type: 'funder', funderId: 'f' }, settlement: { credit: '5.00' } },
        j.desk,
      ),
      'invalid-input',
    );
    j.refused(
      sellPackage(j.state, { ...ok, payer: { type: 'funder', funderId: '' } }, j.desk),
      'invalid-input',
    );
    assert.equal(j.entries.length, 0);
  });
});

describe('appointments', () => {
  test('book, reschedule, attend; refusals on status and input', () => {
    const j = new TestJournal();
    const appointment = book(j);
    assert.equal(appointment.status, 'booked');
    const moved = j.ok(
      rescheduleAppointment(
        j.state,
        { appointment, start: '2025-03-04T10:00:00Z', practitionerId: 'dr2' },
        j.desk,
      ),
    ).appointment;
    assert.equal(moved.start, '2025-03-04T10:00:00.000Z');
    assert.equal(moved.practitionerId, 'dr2');
    const attended = j.ok(attendAppointment(j.state, { appointment: moved }, j.desk)).appointment;
    assert.equal(attended.status, 'attended');
    j.refused(
      rescheduleAppointment(j.state, { appointment: attended, start: j.desk.now }, j.desk),
      'invalid-state',
    );
    j.refused(attendAppointment(j.state, { appointment: attended }, j.desk), 'invalid-state');
    j.refused(
      cancelAppointment(j.state, { appointment: attended, late: false }, j.desk),
      'invalid-state',
    );
    j.refused(markNoShow(j.state, { appointment: attended }, j.desk), 'invalid-state');
    j.refused(
      rescheduleAppointment(j.state, { appointment: moved, start: 'soon' }, j.desk),
      'invalid-input',
      'start',
    );
    j.refused(
      rescheduleAppointment(
        j.state,
        { appointment: moved, start: j.desk.now, durationMinutes: 0 },
        j.desk,
      ),
      'invalid-input',
    );
    j.refused(
      cancelAppointment(j.state, { appointment: moved, late: 'yes' as unknown as boolean }, j.desk),
      'invalid-input',
    );
    j.refused(attendAppointment(j.state, { appointment: undefined as never }, j.desk), 'not-found');
    const base = {
      patientId: 'p1',
      serviceId: 'physio',
      practitionerId: 'dr1',
      start: j.desk.now,
      durationMinutes: 30,
      price: '90.00',
    };
    j.refused(
      bookAppointment(j.state, { ...base, patientId: '' }, j.desk),
      'invalid-input',
      'patientId',
    );
    j.refused(
      bookAppointment(j.state, { ...base, serviceId: '' }, j.desk),
      'invalid-input',
      'serviceId',
    );
    j.refused(
      bookAppointment(j.state, { ...base, practitionerId: '' }, j.desk),
      'invalid-input',
      'practitionerId',
    );
    j.refused(
      bookAppointment(j.state, { ...base, start: '2025-13-45T00:00:00Z' }, j.desk),
      'invalid-input',
      'start',
    );
    j.refused(bookAppointment(j.state, { ...base, durationMinutes: 1.5 }, j.desk), 'invalid-input');
    j.refused(
      bookAppointment(j.state, { ...base, price: '90.001' }, j.desk),
      'invalid-amount',
      'price',
    );
    j.refused(
      bookAppointment(j.state, { ...base, packageId: 'nope' }, j.desk),
      'not-found',
      'packageId',
    );
    assert.equal(j.entries.length, 0);
  });

  test('early cancellation moves no money; a late one without a package charges the fee', () => {
    const j = new TestJournal();
    const early = j.ok(cancelAppointment(j.state, { appointment: book(j), late: false }, j.desk));
    assert.equal(early.appointment.status, 'cancelled');
    assert.equal(early.entries.length, 0);
    const late = j.ok(
      cancelAppointment(j.state, { appointment: book(j), late: true, fee: '45.00' }, j.desk),
    );
    assert.equal(late.charge, 'fee');
    assert.equal(late.appointment.status, 'lateCancelled');
    assert.equal(late.appointment.invoiceId, late.invoiceId);
    assert.equal(owingOf(j.state, 'p1'), '45.00');
    assert.equal(balanceOf(j.state, 'revenue:fees'), '-45.00');
    const free = j.ok(markNoShow(j.state, { appointment: book(j) }, j.desk));
    assert.equal(free.charge, 'none');
    j.refused(
      markNoShow(j.state, { appointment: book(j), fee: 'abc' }, j.desk),
      'invalid-amount',
      'fee',
    );
    j.assertHealthy();
  });

  test('scenario 7: a late cancellation uses a session under one plan and not under another', () => {
    const j = new TestJournal();
    const strict = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan({ lateCancelUsesSession: true }),
          settlement: { payments: [{ method: 'card', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    const lenient = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p2',
          plan: plan({ lateCancelUsesSession: false }),
          settlement: { payments: [{ method: 'card', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    const a1 = book(j, 'p1', { packageId: strict.packageId });
    const c1 = j.ok(
      cancelAppointment(j.state, { appointment: a1, late: true, fee: '45.00' }, j.desk),
    );
    assert.equal(c1.charge, 'session');
    assert.equal(packageView(j.state, strict.packageId)?.used, 1);
    assert.equal(sessionOfAppointment(j.state, a1.id)?.label, '1 of 5');
    const a2 = book(j, 'p2', { packageId: lenient.packageId });
    const c2 = j.ok(
      cancelAppointment(j.state, { appointment: a2, late: true, fee: '45.00' }, j.desk),
    );
    assert.equal(c2.charge, 'fee');
    assert.equal(packageView(j.state, lenient.packageId)?.used, 0);
    const a3 = book(j, 'p2', { packageId: lenient.packageId });
    assert.equal(j.ok(markNoShow(j.state, { appointment: a3 }, j.desk)).charge, 'session');
    j.assertHealthy();
  });
});

describe('checkOutAppointment', () => {
  test('scenario 1: a 5-session package — 1 of 5, 2 of 5, 3 remain; a sixth visit cannot use it', () => {
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
    const first = book(j, 'p1', { packageId: sold.packageId });
    const out1 = j.ok(checkOutAppointment(j.state, { appointment: first }, j.desk));
    assert.equal(out1.session?.share, '80.00');
    assert.equal(invoiceView(j.state, out1.invoiceId)?.status, 'paid');
    j.desk.advance(7 * 24 * 60);
    const second = book(j, 'p1', { packageId: sold.packageId });
    j.ok(checkOutAppointment(j.state, { appointment: second }, j.desk));
    assert.equal(sessionOfAppointment(j.state, first.id)?.label, '1 of 5');
    assert.equal(sessionOfAppointment(j.state, second.id)?.label, '2 of 5');
    assert.equal(packageView(j.state, sold.packageId)?.remaining, 3);
    for (let i = 0; i < 3; i += 1)
      j.ok(
        checkOutAppointment(
          j.state,
          { appointment: book(j, 'p1', { packageId: sold.packageId }) },
          j.desk,
        ),
      );
    assert.equal(packageView(j.state, sold.packageId)?.status, 'used-up');
    assert.equal(packageView(j.state, sold.packageId)?.remainingValue, '0.00');
    const sixth = book(j, 'p1');
    const refusal = j.refused(
      checkOutAppointment(j.state, { appointment: sixth, packageId: sold.packageId }, j.desk),
      'package-unusable',
      'packageId',
    );
    assert.equal(refusal.message, 'All 5 sessions of 5 physio sessions have been used');
    j.refused(
      bookAppointment(
        j.state,
        {
          patientId: 'p1',
          serviceId: 'physio',
          practitionerId: 'd',
          start: j.desk.now,
          durationMinutes: 30,
          price: '1.00',
          packageId: sold.packageId,
        },
        j.desk,
      ),
      'package-unusable',
    );
    j.assertHealthy();
  });

  test('a 7-session package of 500.00 recognises shares that sum exactly', () => {
    const j = new TestJournal();
    const sold = j.ok(
      sellPackage(
        j.state,
        { patientId: 'p1', plan: plan({ sessions: 7, price: '500.00' }) },
        j.desk,
      ),
    );
    const shares: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      shares.push(
        j.ok(
          checkOutAppointment(
            j.state,
            { appointment: book(j, 'p1', { packageId: sold.packageId }) },
            j.desk,
          ),
        ).session?.share ?? '',
      );
    }
    assert.deepEqual(shares, ['71.43', '71.43', '71.43', '71.43', '71.43', '71.43', '71.42']);
    assert.equal(balanceOf(j.state, `unearned:${sold.packageId}`), '0.00');
    j.assertHealthy();
  });

  test('scenario 4: credit applies automatically; opting out leaves the invoice owing and the credit intact', () => {
    const j = new TestJournal();
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '50.00' },
        j.desk,
      ),
    );
    const auto = j.ok(checkOutAppointment(j.state, { appointment: book(j) }, j.desk));
    assert.equal(auto.settlement.credit, '50.00');
    assert.equal(auto.settlement.owing, '40.00');
    assert.equal(invoiceView(j.state, auto.invoiceId)?.status, 'part-paid');
    assert.equal(creditOf(j.state, 'p1'), '0.00');
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p2' }, method: 'card', amount: '50.00' },
        j.desk,
      ),
    );
    const optOut = j.ok(
      checkOutAppointment(j.state, { appointment: book(j, 'p2'), credit: '0' }, j.desk),
    );
    assert.equal(invoiceView(j.state, optOut.invoiceId)?.status, 'open');
    assert.equal(creditOf(j.state, 'p2'), '50.00');
    assert.equal(owingOf(j.state, 'p2'), '90.00');
    const partial = j.ok(
      checkOutAppointment(
        j.state,
        {
          appointment: book(j, 'p2'),
          credit: '20.00',
          payments: [{ method: 'cash', amount: '70.00' }],
        },
        j.desk,
      ),
    );
    assert.equal(invoiceView(j.state, partial.invoiceId)?.status, 'paid');
    assert.equal(creditOf(j.state, 'p2'), '30.00');
    j.assertHealthy();
  });

  test('funder money held, several lines, overpayment to credit', () => {
    const j = new TestJournal();
    j.ok(
      recordPayment(
        j.state,
        {
          payer: { type: 'funder', funderId: 'ndis', patientId: 'p1' },
          method: 'eft',
          amount: '60.00',
        },
        j.desk,
      ),
    );
    const r = j.ok(
      checkOutAppointment(
        j.state,
        {
          appointment: book(j),
          lines: [
            { description: 'Consultation', serviceId: 'physio', amount: '90.00' },
            { description: 'Brace', serviceId: '', amount: '20.00' },
          ],
          funderHeld: [{ funderId: 'ndis', amount: '60.00' }],
          payments: [{ method: 'cash', amount: '60.00' }],
        },
        j.desk,
      ),
    );
    assert.equal(r.settlement.toCredit, '10.00');
    assert.equal(creditOf(j.state, 'p1'), '10.00');
    assert.equal(funderHeldFor(j.state, 'ndis', 'p1'), '0.00');
    assert.equal(invoiceView(j.state, r.invoiceId)?.total, '110.00');
    assert.equal(funderPosition(j.state, 'ndis', 'p1').spent, '60.00');
    j.assertHealthy();
  });

  test('refusals', () => {
    const j = new TestJournal();
    const sold = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan({ eligibleServiceIds: ['physio'] }),
          settlement: { payments: [{ method: 'card', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '40.00' },
        j.desk,
      ),
    );
    const appointment = book(j);
    const refusal = j.refused(
      checkOutAppointment(j.state, { appointment, credit: '50.00' }, j.desk),
      'insufficient-credit',
      'credit',
    );
    assert.equal(refusal.message, 'Only 40.00 of credit is available');
    j.refused(
      checkOutAppointment(
        j.state,
        { appointment: { ...appointment, price: '30.00' }, credit: '35.00' },
        j.desk,
      ),
      'over-allocated',
      'credit',
    );
    j.refused(
      checkOutAppointment(j.state, { appointment, credit: '-1.00' }, j.desk),
      'invalid-amount',
      'credit',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        { appointment, funderHeld: [{ funderId: 'x', amount: '1.00' }] },
        j.desk,
      ),
      'insufficient-funds',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        { appointment, payments: [{ method: 'card', amount: '0' }] },
        j.desk,
      ),
      'invalid-amount',
    );
    j.refused(
      checkOutAppointment(j.state, { appointment, lines: [] }, j.desk),
      'invalid-input',
      'lines',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        { appointment, lines: [{ description: 'x', serviceId: 'physio', amount: '1e2' }] },
        j.desk,
      ),
      'invalid-amount',
    );
    j.refused(
      checkOutAppointment(j.state, { appointment, packageId: 'nope' }, j.desk),
      'not-found',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        {
          appointment: { ...appointment, serviceId: 'massage' },
          packageId: sold.packageId,
          lines: [{ description: 'x', serviceId: 'massage', amount: '1.00' }],
        },
        j.desk,
      ),
      'package-unusable',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        {
          appointment,
          packageId: sold.packageId,
          lines: [{ description: 'Brace', serviceId: '', amount: '1.00' }],
        },
        j.desk,
      ),
      'invalid-input',
      'packageId',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        { appointment: { ...appointment, patientId: 'p2' }, packageId: sold.packageId },
        j.desk,
      ),
      'package-unusable',
    );
    j.refused(
      checkOutAppointment(
        j.state,
        { appointment: { ...appointment, status: 'cancelled' } },
        j.desk,
      ),
      'invalid-state',
    );
    j.refused(
      checkOutAppointment(j.state, { appointment: undefined as never }, j.desk),
      'not-found',
    );
    const done = j.ok(checkOutAppointment(j.state, { appointment }, j.desk)).appointment;
    j.refused(checkOutAppointment(j.state, { appointment: done }, j.desk), 'invalid-state');
    j.desk.advance(91 * 24 * 60);
    j.refused(
      checkOutAppointment(j.state, { appointment: book(j), packageId: sold.packageId }, j.desk),
      'package-unusable',
    );
    j.assertHealthy();
  });
});

describe('expirePackage', () => {
  test('scenario 7: expiry moves what is left to breakage, or to credit', () => {
    const j = new TestJournal();
    const toBreakage = j.ok(
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
    const toCredit = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p2',
          plan: plan({ expiryRule: 'credit' }),
          settlement: { payments: [{ method: 'card', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    j.ok(
      checkOutAppointment(
        j.state,
        { appointment: book(j, 'p2', { packageId: toCredit.packageId }) },
        j.desk,
      ),
    );
    j.refused(expirePackage(j.state, { packageId: toBreakage.packageId }, j.desk), 'invalid-state');
    j.desk.advance(91 * 24 * 60);
    assert.equal(packageView(j.state, toBreakage.packageId, j.desk.now)?.status, 'expired');
    const b = j.ok(expirePackage(j.state, { packageId: toBreakage.packageId }, j.desk));
    assert.equal(b.toBreakage, '400.00');
    assert.equal(balanceOf(j.state, 'revenue:breakage'), '-400.00');
    assert.equal(packageView(j.state, toBreakage.packageId, j.desk.now)?.status, 'closed');
    const c = j.ok(expirePackage(j.state, { packageId: toCredit.packageId }, j.desk));
    assert.equal(c.toCredit, '320.00');
    assert.equal(creditOf(j.state, 'p2'), '320.00');
    j.refused(expirePackage(j.state, { packageId: toCredit.packageId }, j.desk), 'invalid-state');
    j.refused(expirePackage(j.state, { packageId: 'nope' }, j.desk), 'not-found');
    j.refused(expirePackage(j.state, { packageId: '' }, j.desk), 'invalid-input');
    assert.equal(packagesOfPatient(j.state, 'p2', j.desk.now)[0]?.status, 'closed');
    j.assertHealthy();
  });

  test('to credit: value never paid for is cancelled, not credited; a funder package returns to funder money held', () => {
    const j = new TestJournal();
    const unpaid = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan({ expiryRule: 'credit' }),
          settlement: { payments: [{ method: 'card', amount: '100.00' }] },
        },
        j.desk,
      ),
    );
    const funded = j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan({ expiryRule: 'credit' }),
          payer: { type: 'funder', funderId: 'charity' },
          settlement: { payments: [{ method: 'eft', amount: '400.00' }] },
        },
        j.desk,
      ),
    );
    j.desk.advance(91 * 24 * 60);
    const r = j.ok(expirePackage(j.state, { packageId: unpaid.packageId }, j.desk));
    assert.deepEqual([r.cancelled, r.toCredit], ['300.00', '100.00']);
    assert.equal(invoiceView(j.state, unpaid.invoiceId)?.due, '0.00');
    assert.equal(owingOf(j.state, 'p1'), '0.00');
    j.ok(expirePackage(j.state, { packageId: funded.packageId }, j.desk));
    assert.equal(funderHeldFor(j.state, 'charity', 'p1'), '400.00');
    assert.equal(funderPosition(j.state, 'charity', 'p1').remaining, '400.00');
    j.assertHealthy();
  });

  test('a package without expiry cannot be expired', () => {
    const j = new TestJournal();
    const sold = j.ok(
      sellPackage(j.state, { patientId: 'p1', plan: plan({ validityDays: 0 }) }, j.desk),
    );
    assert.equal(packageView(j.state, sold.packageId)?.expiresAt, '');
    j.refused(expirePackage(j.state, { packageId: sold.packageId }, j.desk), 'invalid-state');
  });
});
