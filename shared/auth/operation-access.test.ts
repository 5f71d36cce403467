import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATION_NAMES } from '../contract/operations.ts';
import { accessRuleOf, mayCall, OPERATION_ACCESS } from './operation-access.ts';

test('every operation of the contract declares who may call it', () => {
  const missing = OPERATION_NAMES.filter((name) => accessRuleOf(name) === null);
  assert.deepEqual(missing, [], `add these to OPERATION_ACCESS: ${missing.join(', ')}`);
});

test('the access table names no operation the contract lacks (no stale rows)', () => {
  const known = new Set<string>(OPERATION_NAMES);
  const stale = Object.keys(OPERATION_ACCESS).filter((name) => !known.has(name));
  assert.deepEqual(stale, []);
});

test('an unknown name, or one inherited from Object.prototype, has no rule', () => {
  for (const name of ['nope', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
    assert.equal(accessRuleOf(name), null, name);
  }
});

test('money out, concessions, corrections, prices, staff and backups are for managers', () => {
  const managerOnly = OPERATION_NAMES.filter(
    (name) => OPERATION_ACCESS[name].access === 'manager',
  ).sort();
  for (const name of [
    'refundCredit',
    'writeOffCredit',
    'grantCourtesyCredit',
    'waiveFee',
    'convertFeeToCredit',
    'reverseEntry',
    'saveService',
    'savePackagePlan',
    'saveClinicSettings',
    'saveStaff',
    'addStaff',
    'setStaffSecret',
    'setBackupSettings',
    'auditTrail',
  ]) {
    assert.ok(managerOnly.includes(name as never), `${name} is manager-only`);
  }
  for (const name of [
    'recordPayment',
    'sellPackage',
    'checkOutAppointment',
    'bookAppointment',
    'transferCredit',
  ]) {
    assert.equal(OPERATION_ACCESS[name]?.access, 'reception', name);
  }
});

test('reception rules admit both roles, manager rules only managers, public rules anyone', () => {
  assert.equal(mayCall({ access: 'public' }, null), true);
  assert.equal(mayCall({ access: 'reception' }, null), false);
  assert.equal(mayCall({ access: 'reception' }, 'reception'), true);
  assert.equal(mayCall({ access: 'reception' }, 'manager'), true);
  assert.equal(mayCall({ access: 'manager', action: 'x' }, 'reception'), false);
  assert.equal(mayCall({ access: 'manager', action: 'x' }, 'manager'), true);
});
