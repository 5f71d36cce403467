// Catalog saves through core.dispatch: defaults on first start, create and
// update with stamps, prices checked in the clinic's currency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDesk, type TestDesk } from '../../ledger/testing/test-desk.ts';
import { CLINIC_SETTINGS_ID } from '../../ledger/clinic-settings.ts';
import type { Service } from '../../../shared/catalog/catalog.ts';

async function service(desk: TestDesk, id: string): Promise<Service> {
  return (await desk.core.db.catalog.findOne(id).exec())!.toJSON() as Service;
}

async function withDesk(run: (desk: TestDesk) => Promise<void>): Promise<void> {
  const desk = await openTestDesk('desk-1', '2026-05-01T08:00:00.000Z');
  try {
    await run(desk);
  } finally {
    await desk.close();
  }
}

test('the first start creates the clinic settings: AUD, Australia/Sydney, en-AU', async () => {
  await withDesk(async (desk) => {
    const settings = (await desk.core.db.catalog.findOne(CLINIC_SETTINGS_ID).exec())!.toJSON();
    assert.equal(settings.type, 'settings');
    assert.deepEqual(
      [settings.currency, settings.timeZone, settings.locale],
      ['AUD', 'Australia/Sydney', 'en-AU'],
    );
    assert.equal(settings.createdAt, '2026-05-01T08:00:00.000Z');
    assert.equal(settings.deskId, 'desk-1');
  });
});

test('saving a service creates it, and an edit keeps createdAt and stamps who changed it when', async () => {
  await withDesk(async (desk) => {
    const { id } = await desk.call('saveService', {
      name: 'Hydrotherapy',
      price: '65',
      durationMinutes: 45,
    });
    let doc = await service(desk, id);
    assert.deepEqual(
      [doc.type, doc.name, doc.price, doc.active, doc.createdAt],
      ['service', 'Hydrotherapy', '65.00', true, '2026-05-01T08:00:00.000Z'],
    );
    desk.advanceDays(1);
    await desk.call('saveService', { id, name: 'Hydro', price: '70.50', durationMinutes: 45 });
    doc = await service(desk, id);
    assert.deepEqual(
      [doc.name, doc.price, doc.createdAt, doc.updatedAt, doc.updatedBy, doc.deskId],
      [
        'Hydro',
        '70.50',
        '2026-05-01T08:00:00.000Z',
        '2026-05-02T08:00:00.000Z',
        'reception',
        'desk-1',
      ],
    );
  });
});

test('bad catalog input is refused with a message next to the field and nothing changes', async () => {
  await withDesk(async (desk) => {
    const before = await desk.core.db.catalog.count().exec();
    const cases: [string, Parameters<TestDesk['refuse']>, string][] = [
      [
        'price decimals',
        ['saveService', { name: 'X', price: '12.345', durationMinutes: 30 }],
        'price',
      ],
      [
        'price negative',
        ['saveService', { name: 'X', price: '-1.00', durationMinutes: 30 }],
        'price',
      ],
      [
        'price number',
        ['saveService', { name: 'X', price: 12 as never, durationMinutes: 30 }],
        'price',
      ],
      ['no name', ['saveService', { name: ' ', price: '1.00', durationMinutes: 30 }], 'name'],
      [
        'unknown id',
        ['saveService', { id: 'nope', name: 'X', price: '1.00', durationMinutes: 30 }],
        'id',
      ],
      [
        'unknown eligible service',
        [
          'savePackagePlan',
          {
            name: 'P',
            sessions: 5,
            price: '100.00',
            validityDays: 0,
            eligibleServiceIds: ['nope'],
            lateCancelUsesSession: true,
            noShowUsesSession: true,
            expiryRule: 'breakage',
          },
        ],
        'eligibleServiceIds.0',
      ],
      [
        'zero sessions',
        [
          'savePackagePlan',
          {
            name: 'P',
            sessions: 0,
            price: '1.00',
            validityDays: 0,
            lateCancelUsesSession: true,
            noShowUsesSession: true,
            expiryRule: 'credit',
          },
        ],
        'sessions',
      ],
      ['funder kind', ['saveFunder', { name: 'F', kind: 'bank' as never }], 'kind'],
      ['staff role', ['saveStaff', { name: 'S', role: 'owner' as never }], 'role'],
      [
        'currency',
        [
          'saveClinicSettings',
          { clinicName: 'C', currency: 'XXQ', timeZone: 'Australia/Sydney', locale: 'en-AU' },
        ],
        'currency',
      ],
      [
        'time zone',
        [
          'saveClinicSettings',
          { clinicName: 'C', currency: 'AUD', timeZone: 'Mars/Olympus', locale: 'en-AU' },
        ],
        'timeZone',
      ],
    ];
    for (const [label, [name, args], field] of cases) {
      const error = await desk.refuse(name, args as never);
      assert.equal(error.field, field, label);
    }
    assert.equal(await desk.core.db.catalog.count().exec(), before);
  });
});

test('the currency may change while the journal is empty, and then prices follow its minor units; once money is recorded it may not', async () => {
  await withDesk(async (desk) => {
    // Prices that cannot be said in yen must change first; whole amounts are re-expressed.
    const odd = await desk.call('saveService', {
      name: 'Taping',
      price: '12.50',
      durationMinutes: 5,
    });
    const blocked = await desk.refuse('saveClinicSettings', {
      clinicName: 'Tokyo Physio',
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
      locale: 'ja-JP',
    });
    assert.equal(blocked.field, 'currency');
    assert.match(blocked.message, /12\.50 of Taping/);
    await desk.call('saveService', {
      id: odd.id,
      name: 'Taping',
      price: '12.00',
      durationMinutes: 5,
    });
    await desk.call('saveClinicSettings', {
      clinicName: 'Tokyo Physio',
      currency: 'jpy',
      timeZone: 'Asia/Tokyo',
      locale: 'ja-JP',
    });
    assert.equal(desk.core.ledger.currency, 'JPY');
    const physio = await service(desk, desk.catalog.physio);
    assert.equal(physio.price, '90');
    const cents = await desk.refuse(
      'saveService',
      { name: 'Massage', price: '70.50', durationMinutes: 60 },
      'invalid-amount',
    );
    assert.match(cents.message, /JPY allows 0/);
    const kai = await desk.patient('Kai');
    await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: kai },
      method: 'cash',
      amount: '5000',
    });
    assert.equal((await desk.call('patientAccount', { patientId: kai })).balances.credit, '5000');
    const locked = await desk.refuse(
      'saveClinicSettings',
      { clinicName: 'Tokyo Physio', currency: 'AUD', timeZone: 'Asia/Tokyo', locale: 'ja-JP' },
      'invalid-state',
    );
    assert.equal(locked.message, 'The currency cannot change once money has been recorded.');
  });
});
