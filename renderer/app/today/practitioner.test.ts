import { test } from 'node:test';
import assert from 'node:assert/strict';
import { practitionerIdFrom, practitionerName } from './practitioner.ts';

const staff = [{ id: 'staff-7', name: 'Jo Park' }];

test('a staff member typed by name is recorded by their id', () => {
  assert.equal(practitionerIdFrom(' jo park ', staff), 'staff-7');
  assert.equal(practitionerName('staff-7', staff), 'Jo Park');
});

test('a free-text practitioner becomes a plain id without spaces or colons', () => {
  assert.equal(practitionerIdFrom('Dr Lee', staff), 'dr-lee');
  assert.equal(practitionerIdFrom('Zoë: room 2', staff), 'zoe-room-2');
  assert.equal(practitionerIdFrom('   ', staff), '');
  assert.equal(practitionerIdFrom('!!!', staff), '');
  assert.equal(practitionerName('dr-lee', staff), 'dr-lee');
});
