import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkField,
  checkStep,
  fieldOfServerError,
  initialValues,
  setupArguments,
  stepOfField,
} from './wizard-fields.ts';
import { setupOperationArgs } from '../../../shared/contract/domains/setup.ts';

const defaults = {
  clinicName: 'My clinic',
  currency: 'AUD',
  timeZone: 'Australia/Sydney',
  locale: 'en-AU',
  deskName: 'Front desk',
  numberPrefix: 'DK3M9PX',
};

test('the defaults are valid except the manager, who must be named and given a PIN', () => {
  const values = initialValues(defaults);
  assert.deepEqual(checkStep('clinic', values), {});
  assert.deepEqual(checkStep('desk', values), {});
  assert.deepEqual(checkStep('backups', values), {});
  assert.deepEqual(Object.keys(checkStep('manager', values)), ['managerName', 'secret']);
});

test('each field says what is wrong as it is typed', () => {
  const values = {
    ...initialValues(defaults),
    managerName: 'Kim',
    secret: '1234',
    secretAgain: '1235',
  };
  assert.equal(checkField('secretAgain', values), 'The two entries are not the same.');
  assert.match(checkField('currency', { ...values, currency: 'XYZ' }), /ISO 4217/);
  assert.match(checkField('timeZone', { ...values, timeZone: 'Mars/Olympus' }), /Time zone/);
  assert.match(
    checkField('numberPrefix', { ...values, numberPrefix: 'front desk' }),
    /letters or digits/,
  );
  assert.equal(checkField('numberPrefix', { ...values, numberPrefix: 'fd' }), '', 'upper-cased');
  assert.match(checkField('backupFolder', { ...values, backupFolder: 'backups' }), /full path/);
  assert.equal(checkField('backupFolder', { ...values, backupFolder: 'D:\\Backups' }), '');
  assert.match(checkField('secret', { ...values, secret: '12' }), /PIN of 4 to 8 digits/);
});

test('what the form sends is what the operation accepts; refusals find their field and step', () => {
  const values = {
    ...initialValues(defaults),
    managerName: 'Kim Lee',
    secret: '2468',
    secretAgain: '2468',
    numberPrefix: 'fd',
  };
  const parsed = setupOperationArgs.completeSetup.safeParse(setupArguments(values));
  assert.ok(parsed.success);
  assert.equal(parsed.data.desk.numberPrefix, 'FD');
  assert.equal(fieldOfServerError('backupFolder'), 'backupFolder');
  assert.equal(stepOfField(fieldOfServerError('clinic.currency')!), 'clinic');
  assert.equal(fieldOfServerError('something-else'), null);
});
