import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment, InvoiceView } from '../../../shared/ledger/index.ts';
import { plannedSessionNumbers, rowState } from './row-state.ts';

const money = (amount: string) => `$${amount}`;

function appointment(id: string, start: string, over: Partial<Appointment> = {}): Appointment {
  return {
    id,
    patientId: 'p1',
    serviceId: 's1',
    practitionerId: 'dr',
    start,
    durationMinutes: 30,
    status: 'booked',
    packageId: 'k1',
    price: '80.00',
    invoiceId: '',
    checkedOutAt: '',
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    ...over,
  };
}

function account(over: Partial<PatientAccount> = {}): PatientAccount {
  const pack = {
    packageId: 'k1',
    patientId: 'p1',
    size: 5,
    used: 2,
    remaining: 3,
    overusedBy: 0,
    expiresAt: '',
    status: 'active',
    remainingValue: '210.00',
    label: '2 of 5',
    sale: { name: '5 physio', lateCancelUsesSession: true, noShowUsesSession: false },
  } as unknown as PatientAccount['packages'][number];
  return {
    patientId: 'p1',
    currency: 'AUD',
    balances: { credit: '0.00', owing: '0.00', funderHeld: [] },
    packages: [pack],
    sessions: {},
    openInvoices: [],
    invoices: [],
    payments: [],
    creditFlows: {},
    history: [],
    historyTotal: 0,
    needsAttention: [],
    ...over,
  };
}

test('planned visits are numbered after the sessions used, in time order', () => {
  const later = appointment('a2', '2025-03-04T03:00:00.000Z');
  const earlier = appointment('a1', '2025-03-04T01:00:00.000Z');
  const accounts = new Map([['p1', account()]]);
  const numbers = plannedSessionNumbers([later, earlier], accounts);
  assert.equal(numbers.get('a1'), 3);
  assert.equal(numbers.get('a2'), 4);
  const state = rowState(earlier, accounts.get('p1'), numbers.get('a1'), money);
  assert.deepEqual(state.badge, {
    text: '3/5',
    label: 'Will use session 3 of 5 of 5 physio',
    planned: true,
    over: false,
  });
  assert.equal(state.money.text, 'Not checked out');
  assert.deepEqual(state.actions, ['attend', 'checkout', 'noShow', 'cancel', 'reschedule']);
});

test('a checked-out visit shows its session and whether its invoice is paid or owing', () => {
  const invoice = {
    invoiceId: 'i1',
    status: 'open',
    due: '80.00',
    charged: '80.00',
  } as InvoiceView;
  const owing = account({ invoices: [invoice] });
  const visit = appointment('a1', '2025-03-04T01:00:00.000Z', {
    packageId: '',
    status: 'attended',
    invoiceId: 'i1',
    checkedOutAt: '2025-03-04T01:30:00.000Z',
  });
  const state = rowState(visit, owing, undefined, money);
  assert.equal(state.status, 'Checked out');
  assert.deepEqual(state.money, { tone: 'owing', text: 'Owing $80.00' });
  assert.deepEqual(state.actions, []);

  const covered = account({
    invoices: [{ ...invoice, status: 'paid', due: '0.00', charged: '0.00' }],
    sessions: { a1: { packageId: 'k1', number: 3, size: 5, label: '3 of 5' } },
  });
  const paid = rowState(visit, covered, undefined, money);
  assert.equal(paid.badge?.text, '3/5');
  assert.equal(paid.badge?.planned, false);
  assert.deepEqual(paid.money, { tone: 'paid', text: 'Package' });
});

test('missed visits: a session used, or no charge; only a booked visit can be acted on', () => {
  const late = appointment('a1', '2025-03-04T01:00:00.000Z', { status: 'lateCancelled' });
  const used = account({
    sessions: { a1: { packageId: 'k1', number: 3, size: 5, label: '3 of 5' } },
  });
  assert.deepEqual(rowState(late, used, undefined, money).money, {
    tone: 'paid',
    text: 'Session used',
  });
  assert.deepEqual(rowState(late, account(), undefined, money).money, {
    tone: 'none',
    text: 'No charge',
  });
  assert.deepEqual(rowState(late, account(), undefined, money).actions, []);
  const attended = appointment('a2', '2025-03-04T01:00:00.000Z', { status: 'attended' });
  assert.deepEqual(rowState(attended, account(), undefined, money).actions, ['checkout']);
});

test('a planned visit beyond the package size is flagged', () => {
  const full = account();
  full.packages[0]!.used = 5;
  full.packages[0]!.remaining = 0;
  const visit = appointment('a1', '2025-03-04T01:00:00.000Z');
  const numbers = plannedSessionNumbers([visit], new Map([['p1', full]]));
  const badge = rowState(visit, full, numbers.get('a1'), money).badge;
  assert.equal(badge?.text, '6/5');
  assert.equal(badge?.over, true);
});
