// Audit completeness: every command's entries and every edit carry the person
// who was signed in, and the audit trail lists each of them with that person,
// the desk and the time, filterable by person, kind and time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAuthDesk } from '../auth/testing/auth-desk.ts';
import type { AuditRow } from '../../shared/contract/domains/auth.ts';

test('each entry and edit names who recorded it; the trail lists them all, filtered by person, kind and time', async () => {
  const desk = await openAuthDesk();
  try {
    const id = (value: unknown) => (value as { id: string }).id;
    const mia = id(await desk.call('createFirstManager', { name: 'Mia', secret: '2468' }));
    const rex = id(await desk.call('addStaff', { name: 'Rex', role: 'reception', secret: '1357' }));
    const expected = new Map<string, string>(); // entry id → who
    const entries = (value: unknown) => (value as { entryIds: string[] }).entryIds;
    const by = (staffId: string, ids: string[]) => ids.forEach((e) => expected.set(e, staffId));

    const service = id(
      await desk.call('saveService', { name: 'Physio', price: '80.00', durationMinutes: 30 }),
    );
    const plan = id(
      await desk.call('savePackagePlan', {
        name: '5 physio',
        sessions: 5,
        price: '350.00',
        validityDays: 90,
        eligibleServiceIds: [service],
        lateCancelUsesSession: true,
        noShowUsesSession: false,
        expiryRule: 'breakage',
      }),
    );

    desk.advanceMinutes(5);
    await desk.call('signIn', { staffId: rex, secret: '1357' });
    const patientId = id(await desk.call('addPatient', { firstName: 'Ann', lastName: 'Lee' }));
    const paid = await desk.call('recordPayment', {
      payer: { type: 'patient', patientId },
      method: 'cash',
      amount: '100.00',
    });
    by(rex, entries(paid));
    by(
      rex,
      entries(
        await desk.call('sellPackage', {
          patientId,
          planId: plan,
          settlement: { payments: [{ method: 'card', amount: '350.00' }] },
        }),
      ),
    );
    const booked = (await desk.call('bookAppointment', {
      patientId,
      serviceId: service,
      practitionerId: rex,
      start: desk.clock.now.toISOString(),
    })) as { appointment: { id: string }; entryIds: string[] };
    by(rex, booked.entryIds);
    by(
      rex,
      entries(await desk.call('checkOutAppointment', { appointmentId: booked.appointment.id })),
    );

    desk.advanceMinutes(5);
    const afterRex = desk.clock.now.toISOString();
    await desk.call('signIn', { staffId: mia, secret: '2468' });
    const paymentId = (paid as { paymentId: string }).paymentId;
    by(mia, entries(await desk.call('refundCredit', { patientId, paymentId, amount: '15.00' })));
    by(
      mia,
      entries(
        await desk.call('grantCourtesyCredit', {
          patientId,
          amount: '5.00',
          reasonCode: 'goodwill',
        }),
      ),
    );

    // Every entry in the journal is one we made, stamped with its person and this desk.
    const journal = await desk.core.db.journal.find().exec();
    assert.equal(journal.length, expected.size);
    for (const entry of journal) {
      assert.equal(entry.staffId, expected.get(entry.id), entry.kind);
      assert.equal(entry.deskId, 'desk-1');
    }

    const trail = async (filter: object) =>
      ((await desk.call('auditTrail', filter)) as { rows: AuditRow[] }).rows;
    const all = await trail({});
    const entryRows = all.filter((row) => row.category === 'entry');
    assert.deepEqual(
      new Map(entryRows.map((row) => [row.id, row.staffId])),
      expected,
      'one row per entry, with the person who recorded it',
    );
    assert.ok(entryRows.every((row) => row.staffName === (row.staffId === mia ? 'Mia' : 'Rex')));
    const edits = all.filter((row) => row.category === 'edit');
    assert.deepEqual(edits.map((row) => [row.kind, row.subject, row.staffName]).sort(), [
      ['patient', 'Ann Lee', 'Rex'],
      ['plan', '5 physio', 'Mia'],
      ['service', 'Physio', 'Mia'],
      ['settings', 'Clinic settings', 'Punchcard (first start)'],
      ['staff', 'Mia', 'Mia'],
      ['staff', 'Rex', 'Mia'],
    ]);
    assert.deepEqual(
      all.filter((row) => row.category === 'access').map((row) => [row.kind, row.staffName]),
      [
        ['signed-in', 'Mia'],
        ['signed-in', 'Rex'],
        ['staff-added', 'Mia'],
        ['first-manager', 'Mia'],
      ],
    );
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.at >= all[i]!.at, 'newest first');

    // Filters
    assert.ok((await trail({ staffId: rex })).every((row) => row.staffId === rex));
    assert.deepEqual(
      (await trail({ kind: 'creditRefunded' })).map((row) => row.staffName),
      ['Mia'],
    );
    assert.ok((await trail({ kind: 'edit' })).every((row) => row.category === 'edit'));
    const late = await trail({ from: afterRex, kind: 'entry' });
    assert.deepEqual(late.map((row) => row.kind).sort(), ['courtesyCredit', 'creditRefunded']);
    assert.deepEqual(await trail({ to: '2020-01-01T00:00:00.000Z' }), []);
    const limited = (await desk.call('auditTrail', { limit: 3 })) as {
      rows: AuditRow[];
      truncated: boolean;
    };
    assert.deepEqual([limited.rows.length, limited.truncated], [3, true]);
  } finally {
    await desk.close();
  }
});
