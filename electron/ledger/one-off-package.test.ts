// A one-off package through core.dispatch: no plan is created in the catalog,
// the snapshot is in the sale entry, refusals name the one-off's field and
// write nothing; reception may sell one (creating plans is a manager's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDesk, savePlan, type TestDesk } from './testing/test-desk.ts';
import { openAuthDesk } from '../auth/testing/auth-desk.ts';
import type { SoldPackage } from '../../shared/ledger/index.ts';

const REHAB = {
  name: 'Rehab block',
  sessions: 3,
  price: '200.00',
  validityDays: 0,
  lateCancelUsesSession: false,
  noShowUsesSession: true,
  expiryRule: 'credit' as const,
};

async function withDesk(run: (desk: TestDesk) => Promise<void>): Promise<void> {
  const desk = await openTestDesk();
  try {
    await run(desk);
  } finally {
    await desk.close();
  }
}

const plans = (desk: TestDesk) => desk.core.db.catalog.count({ selector: { type: 'plan' } }).exec();

test('a one-off sale creates no catalog plan, and its snapshot is in the sale entry', async () => {
  await withDesk(async (desk) => {
    const grace = await desk.patient('Grace');
    await savePlan(desk);
    assert.equal(await plans(desk), 1);
    const sold = await desk.call('sellPackage', {
      patientId: grace,
      oneOff: { ...REHAB, eligibleServiceIds: [desk.catalog.physio] },
    });
    assert.equal(await plans(desk), 1, 'no plan was created, on sale or hidden');

    const entry = (await desk.core.db.journal.findOne(sold.entryIds[0]!).exec())!.toJSON();
    assert.equal(entry.kind, 'packageSold');
    const snapshot = entry.data['package'] as unknown as SoldPackage;
    assert.deepEqual(
      {
        planId: snapshot.planId,
        name: snapshot.name,
        sessions: snapshot.sessions,
        price: snapshot.price,
        validityDays: snapshot.validityDays,
        eligibleServiceIds: snapshot.eligibleServiceIds,
        lateCancelUsesSession: snapshot.lateCancelUsesSession,
        noShowUsesSession: snapshot.noShowUsesSession,
        expiryRule: snapshot.expiryRule,
      },
      { ...REHAB, planId: '', eligibleServiceIds: [desk.catalog.physio] },
    );

    const account = await desk.call('patientAccount', { patientId: grace });
    const pkg = account.packages.find((p) => p.packageId === sold.packageId);
    assert.equal(pkg?.sale.name, 'Rehab block');
    assert.equal(pkg?.remaining, 3);
    assert.equal(account.balances.owing, '200.00');
  });
});

test('a one-off is checked like a plan; refusals name its field and write nothing', async () => {
  await withDesk(async (desk) => {
    const kim = await desk.patient('Kim');
    const planId = await savePlan(desk);
    const before = [await desk.journalCount(), await plans(desk)];
    const refusals = [
      await desk.refuse('sellPackage', { patientId: kim }, 'invalid-input'),
      await desk.refuse('sellPackage', { patientId: kim, planId, oneOff: REHAB }, 'invalid-input'),
      await desk.refuse(
        'sellPackage',
        { patientId: kim, oneOff: { ...REHAB, sessions: 0 } },
        'invalid-input',
      ),
      await desk.refuse(
        'sellPackage',
        { patientId: kim, oneOff: { ...REHAB, name: ' ' } },
        'invalid-input',
      ),
      await desk.refuse(
        'sellPackage',
        { patientId: kim, oneOff: { ...REHAB, price: '12.345' } },
        'invalid-amount',
      ),
      await desk.refuse(
        'sellPackage',
        { patientId: kim, oneOff: { ...REHAB, eligibleServiceIds: ['nope'] } },
        'not-found',
      ),
    ];
    assert.deepEqual(
      refusals.map((r) => [r.field, r.message]),
      [
        ['planId', 'Choose a package plan or describe a one-off package.'],
        ['planId', 'Choose a package plan or a one-off package, not both.'],
        ['oneOff.sessions', 'Number of sessions must be at least 1.'],
        ['oneOff.name', 'Plan name is required.'],
        ['oneOff.price', refusals[4]!.message],
        ['oneOff.eligibleServiceIds.0', 'That service is not in the price list.'],
      ],
    );
    assert.match(refusals[4]!.message, /decimal/);
    assert.deepEqual([await desk.journalCount(), await plans(desk)], before);
  });
});

test('reception may sell a one-off (no manager-only plan is saved on the way)', async () => {
  const desk = await openAuthDesk();
  try {
    await desk.call('createFirstManager', { name: 'Mia', secret: '2468' });
    const rex = (await desk.call('addStaff', {
      name: 'Rex',
      role: 'reception',
      secret: '1357',
    })) as {
      id: string;
    };
    const ann = (await desk.call('addPatient', { firstName: 'Ann', lastName: 'Lee' })) as {
      id: string;
    };
    await desk.call('signIn', { staffId: rex.id, secret: '1357' });
    const sold = await desk.ask('sellPackage', { patientId: ann.id, oneOff: REHAB });
    assert.equal(sold.ok, true, JSON.stringify(sold));
    assert.equal(await desk.core.db.catalog.count({ selector: { type: 'plan' } }).exec(), 0);
  } finally {
    await desk.close();
  }
});
