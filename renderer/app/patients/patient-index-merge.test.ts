import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PatientIndexMerge, compareRows, type StoredPatientRow } from './patient-index-merge.ts';

function stored(id: string, lastName: string, lwt: number, deleted = false): StoredPatientRow {
  return {
    id,
    firstName: 'Pat',
    lastName,
    phone: '',
    dateOfBirth: '',
    searchText: lastName.toLowerCase(),
    _deleted: deleted,
    _meta: { lwt },
  };
}

const ids = (merge: PatientIndexMerge) => merge.rows().map((row) => row.id);

test('rows stay in list order whatever order they are offered in', () => {
  const merge = new PatientIndexMerge();
  merge.offerAll([stored('c', 'Young', 1), stored('a', 'Adams', 1), stored('b', 'Moss', 1)]);
  merge.offer(stored('d', 'Moss', 1));
  assert.deepEqual(ids(merge), ['a', 'b', 'd', 'c']);
  assert.equal(
    compareRows(stored('b', 'Moss', 1), stored('d', 'Moss', 1)),
    -1,
    'ties fall back to the id',
  );
});

test('an update moves the row; the same version offered again changes nothing', () => {
  const merge = new PatientIndexMerge();
  merge.offerAll([stored('a', 'Adams', 1), stored('b', 'Moss', 1)]);
  assert.equal(merge.offer(stored('a', 'Zed', 2)), true);
  assert.deepEqual(ids(merge), ['b', 'a']);
  assert.equal(merge.offer(stored('a', 'Zed', 2)), false);
  assert.equal(merge.size, 2);
});

test('a page read before an update or a deletion does not bring the old version back', () => {
  const merge = new PatientIndexMerge();
  merge.offer(stored('a', 'Zed', 5));
  merge.offer(stored('b', 'Moss', 7, true));
  // The page was read before both writes and arrives after their events.
  assert.equal(merge.offerAll([stored('a', 'Adams', 3), stored('b', 'Moss', 4)]), false);
  assert.deepEqual(
    merge.rows().map((row) => [row.id, row.lastName]),
    [['a', 'Zed']],
  );
});

test('rows() is a snapshot', () => {
  const merge = new PatientIndexMerge();
  merge.offer(stored('a', 'Adams', 1));
  const before = merge.rows();
  merge.offer(stored('b', 'Baker', 1));
  assert.equal(before.length, 1);
  assert.deepEqual(Object.keys(before[0]!).sort(), [
    'dateOfBirth',
    'firstName',
    'id',
    'lastName',
    'phone',
    'searchText',
  ]);
});
