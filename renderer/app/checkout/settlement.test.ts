import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckoutQuote } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment } from '../../../shared/ledger/index.ts';
import {
  checkDraft,
  checkoutArgs,
  draftFromQuote,
  suggestSources,
  type CheckoutDraft,
} from './settlement.ts';

const appointment: Appointment = {
  id: 'a1',
  patientId: 'p1',
  serviceId: 's1',
  practitionerId: 'dr',
  start: '2025-03-04T00:00:00.000Z',
  durationMinutes: 30,
  status: 'booked',
  packageId: '',
  price: '80.00',
  invoiceId: '',
  checkedOutAt: '',
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
};

function quote(over: Partial<CheckoutQuote> = {}): CheckoutQuote {
  return {
    appointment,
    currency: 'AUD',
    lines: [{ description: 'Physio', serviceId: 's1', amount: '80.00' }],
    total: '80.00',
    package: null,
    charged: '80.00',
    creditAvailable: '50.00',
    funderAvailable: [{ funderId: 'f1', name: 'Charity', amount: '20.00' }],
    suggested: {
      packageId: '',
      funderHeld: [{ funderId: 'f1', amount: '20.00' }],
      credit: '50.00',
      owing: '10.00',
    },
    packageProblem: '',
    ...over,
  };
}

test('the pre-fill settles with funder money, then credit, and leaves the rest owing', () => {
  const q = quote();
  const draft = draftFromQuote(q);
  const { summary, problems } = checkDraft(draft, q);
  assert.deepEqual(problems, {});
  assert.equal(summary.funder, '20.00');
  assert.equal(summary.credit, '50.00');
  assert.equal(summary.owing, '10.00');
  assert.equal(summary.toCredit, '0.00');
});

test('clearing credit leaves more owing; a payment beyond what is due becomes credit', () => {
  const q = quote();
  const draft: CheckoutDraft = {
    ...draftFromQuote(q),
    credit: '',
    payments: [{ key: 1, method: 'card', amount: '70.00', reference: '' }],
  };
  const { summary, problems } = checkDraft(draft, q);
  assert.deepEqual(problems, {});
  assert.equal(summary.owing, '0.00');
  assert.equal(summary.toCredit, '10.00');
  const args = checkoutArgs(draft, q);
  assert.equal(args.credit, '0.00');
  assert.deepEqual(args.payments, [{ method: 'card', amount: '70.00' }]);
  assert.equal(args.lines, undefined);
});

test('each source refuses more than it holds or more than is due, next to its field', () => {
  const q = quote();
  const draft: CheckoutDraft = {
    ...draftFromQuote(q),
    credit: '60.00',
    funders: [{ funderId: 'f1', name: 'Charity', available: '20.00', amount: '20.01' }],
  };
  const { problems } = checkDraft(draft, q);
  assert.match(problems['funder-0'] ?? '', /Only 20.00 of Charity/);
  assert.match(problems['credit'] ?? '', /Only 50.00 of credit/);
  const over = checkDraft({ ...draftFromQuote(q), credit: '50.00', funders: [] }, q);
  assert.deepEqual(over.problems, {});
  const tooMuch = checkDraft(
    {
      ...draftFromQuote(q),
      lines: [{ ...q.lines[0]!, original: '80.00', amount: '40.00' }],
      reason: 'x',
    },
    q,
  );
  assert.match(tooMuch.problems['funder-0'] ?? tooMuch.problems['credit'] ?? '', /more than/);
});

test('a changed price needs a reason and is sent with its lines and memo', () => {
  const q = quote();
  const draft: CheckoutDraft = {
    ...draftFromQuote(q),
    lines: [{ description: 'Physio', serviceId: 's1', amount: '60', original: '80.00' }],
    credit: '40.00',
    funders: [],
  };
  assert.equal(checkDraft(draft, q).problems['reason'], 'Say why the price was changed.');
  const fixed = { ...draft, reason: 'Student rate' };
  assert.deepEqual(checkDraft(fixed, q).problems, {});
  const args = checkoutArgs(fixed, q);
  assert.deepEqual(args.lines, [{ description: 'Physio', serviceId: 's1', amount: '60.00' }]);
  assert.equal(args.memo, 'Price changed: Student rate');
});

test('a package session covers the line; turning it off charges the price', () => {
  const q = quote({
    package: { packageId: 'k1', name: '5 physio', label: '3 of 5', share: '70.00' },
    charged: '0.00',
    suggested: { packageId: 'k1', funderHeld: [], credit: '0.00', owing: '0.00' },
  });
  const draft = draftFromQuote(q);
  assert.equal(checkDraft(draft, q).summary.charged, '0.00');
  assert.equal(checkoutArgs(draft, q).packageId, 'k1');
  const off = { ...draft, usePackage: false };
  assert.equal(checkDraft(off, q).summary.owing, '80.00');
  assert.equal(checkoutArgs(off, q).packageId, '');
});

test('malformed amounts are refused in words and never become numbers', () => {
  const q = quote();
  const draft: CheckoutDraft = {
    ...draftFromQuote(q),
    credit: '1e3',
    payments: [{ key: 1, method: 'cash', amount: '12.345', reference: '' }],
  };
  const { problems } = checkDraft(draft, q);
  assert.match(problems['credit'] ?? '', /exponent/);
  assert.match(problems['payment-0'] ?? '', /decimal places/);
});

test('the suggestion takes funder money first, then credit, up to what is due', () => {
  const funders = [{ funderId: 'f1', name: 'C', available: '30.00', amount: '' }];
  assert.deepEqual(suggestSources('80.00', funders, '100.00', 'AUD'), {
    funders: ['30.00'],
    credit: '50.00',
  });
  assert.deepEqual(suggestSources('20.00', funders, '100.00', 'AUD'), {
    funders: ['20.00'],
    credit: '',
  });
});
