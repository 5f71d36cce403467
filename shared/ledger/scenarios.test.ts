// The scenarios at the pure level (the service layer repeats them with a real
// database). Scenarios 1, 4 and 7 are in commands/packages.test.ts; 3 and 6 in
// commands/credit.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, TestJournal } from '../testing/ledgerHarness.ts';
import { testDesk } from '../testing/ledgerContext.ts';
import type { Appointment, JournalEntry } from './index.ts';
import {
  bookAppointment,
  checkInvariants,
  checkOutAppointment,
  creditOf,
  creditProvenance,
  fromEntries,
  funderPosition,
  funderPositions,
  funderUnallocated,
  invoicesOfPatient,
  needsAttention,
  needsAttentionForPatient,
  packageView,
  patientBalances,
  paymentView,
  assignUnappliedPayment,
  recordFunderLumpSum,
  recordPayment,
  recordUnappliedPayment,
  sellPackage,
  sessionOfAppointment,
  applyEntry,
  snapshotState,
} from './index.ts';

function book(j: TestJournal, patientId: string, packageId = ''): Appointment {
  return j.ok(
    bookAppointment(
      j.state,
      {
        patientId,
        serviceId: 'physio',
        practitionerId: 'dr',
        start: j.desk.now,
        durationMinutes: 30,
        price: '90.00',
        ...(packageId ? { packageId } : {}),
      },
      j.desk,
    ),
  ).appointment;
}

describe('scenarios', () => {
  test('2: a charity pays in advance for a patient; sessions delivered; the balance is not erased by any invoice', () => {
    const j = new TestJournal();
    j.ok(
      recordPayment(
        j.state,
        {
          payer: { type: 'funder', funderId: 'charity', patientId: 'p1' },
          method: 'eft',
          amount: '450.00',
          reference: 'grant 7',
        },
        j.desk,
      ),
    );
    for (let i = 0; i < 3; i += 1) {
      j.ok(
        checkOutAppointment(
          j.state,
          { appointment: book(j, 'p1'), funderHeld: [{ funderId: 'charity', amount: '90.00' }] },
          j.desk,
        ),
      );
      j.desk.advance(7 * 24 * 60);
    }
    const position = funderPosition(j.state, 'charity', 'p1');
    assert.deepEqual(
      [position.received, position.spent, position.remaining, position.held],
      ['450.00', '270.00', '180.00', '180.00'],
    );
    assert.deepEqual(patientBalances(j.state, 'p1'), {
      patientId: 'p1',
      credit: '0.00',
      owing: '0.00',
      funderHeld: [{ funderId: 'charity', amount: '180.00' }],
    });
    assert.ok(
      invoicesOfPatient(j.state, 'p1').every(
        (invoice) => invoice.status === 'paid' && invoice.moves.funderHeld === '90.00',
      ),
    );
    j.assertHealthy();
  });

  test("5: an employer's lump sum pays several employees' visits; unknown money waits until assigned", () => {
    const j = new TestJournal();
    j.ok(
      recordFunderLumpSum(
        j.state,
        {
          funderId: 'acme',
          method: 'eft',
          amount: '900.00',
          splits: [
            { patientId: 'e1', amount: '450.00' },
            { patientId: 'e2', amount: '450.00' },
          ],
        },
        j.desk,
      ),
    );
    for (let week = 0; week < 4; week += 1) {
      for (const patientId of ['e1', 'e2']) {
        j.ok(
          checkOutAppointment(
            j.state,
            {
              appointment: book(j, patientId),
              funderHeld: [{ funderId: 'acme', amount: '90.00' }],
            },
            j.desk,
          ),
        );
      }
      j.desk.advance(7 * 24 * 60);
    }
    assert.deepEqual(
      funderPositions(j.state, 'acme').map((p) => [p.patientId, p.received, p.spent, p.remaining]),
      [
        ['e1', '450.00', '360.00', '90.00'],
        ['e2', '450.00', '360.00', '90.00'],
      ],
    );
    assert.equal(funderUnallocated(j.state, 'acme'), '0.00');
    const parked = j.ok(
      recordUnappliedPayment(
        j.state,
        { method: 'eft', amount: '75.00', reference: 'J SMITH' },
        j.desk,
      ),
    );
    assert.equal(paymentView(j.state, parked.paymentId)?.unapplied, '75.00');
    assert.equal(creditOf(j.state, 'e1'), '0.00');
    j.ok(
      assignUnappliedPayment(
        j.state,
        { paymentId: parked.paymentId, to: { type: 'patient', patientId: 'e1' } },
        j.desk,
      ),
    );
    assert.equal(paymentView(j.state, parked.paymentId)?.unapplied, '0.00');
    assert.equal(creditOf(j.state, 'e1'), '75.00');
    j.assertHealthy();
  });

  test('8: two desks spend the last of the same credit offline; after merging both are kept, the balance is negative and needs attention', () => {
    const shared = new TestJournal('AUD', testDesk('A'));
    shared.ok(
      recordPayment(
        shared.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '40.00' },
        shared.desk,
      ),
    );
    const sold = shared.ok(
      sellPackage(
        shared.state,
        {
          patientId: 'p1',
          plan: plan({ sessions: 1, price: '90.00' }),
          settlement: { payments: [{ method: 'card', amount: '90.00' }] },
        },
        shared.desk,
      ),
    );
    const visitA = book(shared, 'p1');
    const visitB = book(shared, 'p1');
    const visitC = book(shared, 'p1');
    const visitD = book(shared, 'p1');

    // Both desks start from the same synced journal, then go offline.
    const deskA = new TestJournal('AUD', testDesk('A', '2025-03-03T10:00:00.000Z'));
    const deskB = new TestJournal('AUD', testDesk('B', '2025-03-03T10:00:00.000Z'));
    for (const entry of shared.entries) {
      deskA.add(entry);
      deskB.add(entry);
    }
    deskA.ok(
      checkOutAppointment(
        deskA.state,
        { appointment: visitA, credit: '40.00', payments: [{ method: 'cash', amount: '50.00' }] },
        deskA.desk,
      ),
    );
    deskB.ok(checkOutAppointment(deskB.state, { appointment: visitB }, deskB.desk));
    deskA.ok(
      checkOutAppointment(
        deskA.state,
        { appointment: visitC, packageId: sold.packageId, credit: '0' },
        deskA.desk,
      ),
    );
    deskB.ok(
      checkOutAppointment(
        deskB.state,
        { appointment: visitD, packageId: sold.packageId, credit: '0' },
        deskB.desk,
      ),
    );
    assert.deepEqual(needsAttention(deskA.state), []);
    assert.deepEqual(needsAttention(deskB.state), []);

    // Sync: the journal becomes the union. Desk A receives B's entries.
    const seen = new Set(deskA.entries.map((e) => e.id));
    const fromB: JournalEntry[] = deskB.entries.filter((e) => !seen.has(e.id));
    for (const entry of fromB) deskA.add(entry);
    assert.equal(deskA.entries.length, shared.entries.length + 4);
    assert.equal(creditOf(deskA.state, 'p1'), '-40.00');
    assert.equal(packageView(deskA.state, sold.packageId)?.used, 2);
    assert.equal(sessionOfAppointment(deskA.state, visitD.id)?.label, '2 of 1');
    const attention = needsAttentionForPatient(deskA.state, 'p1');
    assert.deepEqual(attention.map((item) => item.kind).sort(), [
      'negative-balance',
      'negative-balance',
      'package-overused',
    ]);
    assert.ok(attention.some((item) => item.account === 'credit:p1' && item.amount === '-40.00'));
    assert.equal(
      creditProvenance(deskA.state, 'p1').filter((item) => item.category === 'applied').length,
      2,
    );
    // Nothing is lost or silently merged: the journal is healthy and both desks agree.
    assert.deepEqual(checkInvariants(deskA.entries, deskA.state), []);
    const merged = fromEntries(
      [...deskB.entries, ...deskA.entries.filter((e) => !deskB.entries.some((b) => b.id === e.id))],
      'AUD',
    );
    assert.deepEqual(snapshotState(merged), snapshotState(deskA.state));
    // Applying an entry twice changes nothing.
    const before = JSON.stringify(snapshotState(deskA.state));
    for (const entry of fromB) assert.equal(applyEntry(deskA.state, entry), false);
    assert.equal(JSON.stringify(snapshotState(deskA.state)), before);
  });
});
