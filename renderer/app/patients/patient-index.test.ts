import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchingRows, visibleRows, type PatientRow } from './patient-index.ts';
import { patientSearchText, searchNeedle } from '../../../shared/patients/search-text.ts';

function row(
  id: string,
  firstName: string,
  lastName: string,
  phone = '',
  dateOfBirth = '',
): PatientRow {
  return {
    id,
    firstName,
    lastName,
    phone,
    dateOfBirth,
    searchText: patientSearchText({ firstName, lastName, preferredName: '', phone, dateOfBirth }),
  };
}

const rows = [
  row('1', 'Alice', 'Ball'),
  row('2', 'Zoë', 'Nguyen', '0412 345 678', '1990-03-12'),
  row('3', 'Alan', 'Turing'),
];

test('matches accent- and case-insensitively, by phone digits and by date of birth, in list order', () => {
  assert.deepEqual(
    matchingRows(rows, searchNeedle('ZOE ngu'), 50).map((r) => r.id),
    ['2'],
  );
  assert.deepEqual(
    matchingRows(rows, searchNeedle('0412-345'), 50).map((r) => r.id),
    ['2'],
  );
  assert.deepEqual(
    matchingRows(rows, searchNeedle('12/03/1990'), 50).map((r) => r.id),
    ['2'],
  );
  assert.deepEqual(
    matchingRows(rows, searchNeedle('al'), 50).map((r) => r.id),
    ['1', '3'],
  );
});

test('an empty search lists the first rows; the limit is respected', () => {
  assert.deepEqual(
    matchingRows(rows, '', 2).map((r) => r.id),
    ['1', '2'],
  );
  assert.deepEqual(
    matchingRows(rows, searchNeedle('a'), 1).map((r) => r.id),
    ['1'],
  );
  assert.deepEqual(matchingRows(rows, searchNeedle('nobody'), 50), []);
});

test('the first rows show while the index loads; a search waits for the whole index', () => {
  const loading = { rows: rows.slice(0, 2), complete: false };
  assert.deepEqual(
    visibleRows(loading, '', 50).rows.map((r) => r.id),
    ['1', '2'],
  );
  assert.equal(visibleRows(loading, '', 50).pending, false);
  // Alan Turing is not among the first rows: matching them alone would miss him.
  assert.deepEqual(visibleRows(loading, searchNeedle('al'), 50), { rows: [], pending: true });
  const loaded = { rows, complete: true };
  assert.deepEqual(visibleRows(loaded, searchNeedle('al'), 50), {
    rows: [rows[0], rows[2]],
    pending: false,
  });
});
