// Selling a one-off package: described at the sale instead of taken from a
// plan, checked as a plan is, recorded with planId '' in the sale's snapshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, TestJournal } from '../../testing/ledgerHarness.ts';
import type { OneOffPackage, SoldPackage } from '../index.ts';
import { owingOf, packageView, sellPackage } from '../index.ts';

function oneOff(overrides: Partial<OneOffPackage> = {}): OneOffPackage {
  const { planId: _planId, ...described } = plan({
    name: 'Rehab block',
    sessions: 3,
    price: '200.00',
    validityDays: 0,
    eligibleServiceIds: [],
    expiryRule: 'credit',
    ...overrides,
  });
  return described;
}

test('a one-off is sold like a plan: its snapshot (planId "") is in the sale entry', () => {
  const j = new TestJournal();
  const r = j.ok(sellPackage(j.state, { patientId: 'p1', oneOff: oneOff() }, j.desk));
  const sold = r.entries[0]?.data['package'] as unknown as SoldPackage;
  assert.deepEqual(
    {
      planId: sold.planId,
      name: sold.name,
      sessions: sold.sessions,
      price: sold.price,
      validityDays: sold.validityDays,
      eligibleServiceIds: sold.eligibleServiceIds,
      lateCancelUsesSession: sold.lateCancelUsesSession,
      noShowUsesSession: sold.noShowUsesSession,
      expiryRule: sold.expiryRule,
      expiresAt: sold.expiresAt,
    },
    { ...oneOff(), planId: '', expiresAt: '' },
  );
  const view = packageView(j.state, r.packageId);
  assert.equal(view?.size, 3);
  assert.equal(view?.remainingValue, '200.00');
  assert.equal(owingOf(j.state, 'p1'), '200.00');
  j.assertHealthy();
});

test('a one-off is checked as a plan is, with the refusal next to its own field', () => {
  const j = new TestJournal();
  const sell = (described: OneOffPackage) =>
    sellPackage(j.state, { patientId: 'p1', oneOff: described }, j.desk);
  j.refused(sell(oneOff({ name: '  ' })), 'invalid-input', 'oneOff.name');
  j.refused(sell(oneOff({ sessions: 0 })), 'invalid-input', 'oneOff.sessions');
  j.refused(sell(oneOff({ sessions: 2.5 })), 'invalid-input', 'oneOff.sessions');
  j.refused(sell(oneOff({ price: '12.345' })), 'invalid-amount', 'oneOff.price');
  j.refused(sell(oneOff({ price: '-1.00' })), 'invalid-amount', 'oneOff.price');
  j.refused(sell(oneOff({ validityDays: -1 })), 'invalid-input', 'oneOff.validityDays');
  j.refused(
    sell(oneOff({ eligibleServiceIds: [''] })),
    'invalid-input',
    'oneOff.eligibleServiceIds',
  );
  j.refused(
    sell(oneOff({ expiryRule: 'refund' as 'credit' })),
    'invalid-input',
    'oneOff.expiryRule',
  );
  j.refused(
    sellPackage(j.state, { patientId: 'p1', plan: plan(), oneOff: oneOff() }, j.desk),
    'invalid-input',
    'plan',
  );
  j.refused(sellPackage(j.state, { patientId: 'p1' }, j.desk), 'invalid-input', 'plan');
  assert.equal(j.entries.length, 0);
});
