import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment } from '../../../shared/ledger/index.ts';
import { missedVisitPolicy } from './missed-visit-policy.ts';

const visit = { id: 'a1', patientId: 'p1', serviceId: 's1', packageId: 'k1' } as Appointment;

function withPackage(lateUses: boolean, remaining = 3): PatientAccount {
  return {
    packages: [
      {
        packageId: 'k1',
        size: 5,
        used: 5 - remaining,
        remaining,
        status: remaining > 0 ? 'active' : 'used-up',
        expiresAt: '',
        sale: {
          name: 'Plan',
          lateCancelUsesSession: lateUses,
          noShowUsesSession: !lateUses,
          eligibleServiceIds: [],
        },
      },
    ],
  } as unknown as PatientAccount;
}

test('the plan decides whether a late cancellation or a no-show uses a session', () => {
  const now = '2025-03-04T00:00:00.000Z';
  const late = missedVisitPolicy(visit, withPackage(true), 'lateCancel', now);
  assert.equal(late.usesSession, true);
  assert.match(late.text, /session 3 of 5 will be used/);
  assert.equal(missedVisitPolicy(visit, withPackage(true), 'noShow', now).usesSession, false);
  assert.equal(missedVisitPolicy(visit, withPackage(false), 'noShow', now).usesSession, true);
});

test('a used-up package or a visit without one allows a fee instead', () => {
  const now = '2025-03-04T00:00:00.000Z';
  const usedUp = missedVisitPolicy(visit, withPackage(true, 0), 'lateCancel', now);
  assert.equal(usedUp.usesSession, false);
  assert.match(usedUp.text, /no sessions left/);
  const none = missedVisitPolicy({ ...visit, packageId: '' }, withPackage(true), 'noShow', now);
  assert.equal(none.usesSession, false);
  assert.match(none.text, /not booked against a package/);
});
