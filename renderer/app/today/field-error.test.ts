import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formErrorOf, normaliseField } from './field-error.ts';

test('list indexes are read either way', () => {
  assert.equal(normaliseField('payments[1].amount'), 'payments.1.amount');
  assert.equal(normaliseField('funderHeld.0.amount'), 'funderHeld.0.amount');
  assert.equal(normaliseField(undefined), '');
});

test('an error goes next to the most specific field the form has', () => {
  const fields = { credit: 'credit', payments: 'payments', 'payments.1.amount': 'payment-1' };
  assert.deepEqual(
    formErrorOf(
      { code: 'x', message: 'Only 40.00 of credit is available', field: 'credit' },
      fields,
    ),
    { field: 'credit', message: 'Only 40.00 of credit is available.' },
  );
  assert.equal(
    formErrorOf({ code: 'x', message: 'Bad.', field: 'payments[1].amount' }, fields).field,
    'payment-1',
  );
  assert.equal(
    formErrorOf({ code: 'x', message: 'Bad.', field: 'payments[0].method' }, fields).field,
    'payments',
  );
  assert.equal(
    formErrorOf({ code: 'x', message: 'Gone.', field: 'appointment' }, fields).field,
    '',
  );
});
