import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dateReadingFor, parseImportDate } from './dates.ts';
import { parseImportAmount } from './amounts.ts';
import { detectLayout } from './layouts.ts';

const dayFirst = dateReadingFor('en-AU', '2026-11-21');
const monthFirst = dateReadingFor('en-US', '2026-11-21');
const date = (text: string, reading = dayFirst) => {
  const result = parseImportDate(text, reading);
  return result.ok ? result.date : `! ${result.message}`;
};

test('dates: ISO, day or month first by locale, two-digit years, Excel serials, and clear refusals', () => {
  assert.equal(date('2024-03-07'), '2024-03-07');
  assert.equal(date('2024-03-07T00:00:00Z'), '2024-03-07');
  assert.equal(date('7/3/2024'), '2024-03-07');
  assert.equal(date('07-03-2024'), '2024-03-07');
  assert.equal(date('7.3.24'), '2024-03-07');
  assert.equal(date('7/3/85'), '1985-03-07', 'two-digit years after this year are last century');
  assert.equal(date('3/7/2024', monthFirst), '2024-03-07');
  assert.equal(date('45358'), '2024-03-07', 'Excel serial');
  assert.equal(date('45358.5'), '2024-03-07', 'Excel serial with a time');
  assert.match(date('31/02/2024'), /^! "31\/02\/2024" is not a date \(no such day\)/);
  assert.match(date('13/13/2024'), /no such day/);
  assert.match(date('next Tuesday'), /Use day\/month\/year or YYYY-MM-DD/);
  assert.match(date('3/7/2024x', monthFirst), /Use month\/day\/year/);
  assert.match(date('12'), /not a date/);
});

test('Excel serials and ISO dates agree for every day from 1900-03-01 to 2200', () => {
  const epoch = Date.UTC(1899, 11, 30);
  fc.assert(
    fc.property(fc.integer({ min: 61, max: 109_572 }), (serial) => {
      const iso = new Date(epoch + serial * 86_400_000).toISOString().slice(0, 10);
      assert.equal(date(String(serial)), iso);
      assert.equal(date(iso), iso);
      const [y, m, d] = iso.split('-');
      assert.equal(date(`${Number(d)}/${Number(m)}/${y}`), iso);
    }),
  );
});

test('amounts: symbols, codes and thousands separators read; the rest refused with the reason', () => {
  const amount = (text: string, currency = 'AUD') => {
    const result = parseImportAmount(text, currency);
    return result.ok ? result.amount : `! ${result.message}`;
  };
  assert.equal(amount('80'), '80.00');
  assert.equal(amount('$1,250.5'), '1250.50');
  assert.equal(amount('AUD 12.00'), '12.00');
  assert.equal(amount('1500', 'JPY'), '1500');
  assert.match(amount('12.345'), /not an amount/);
  assert.match(amount('1,25'), /not an amount/);
  assert.match(amount('-5.00'), /negative/);
  assert.match(amount('0'), /zero/);
  assert.match(amount(''), /empty/);
});

test('columns: Cliniko and template headers, and the missing column named', () => {
  const cliniko = detectLayout('patients', [
    'Patient ID',
    'First Name',
    'Last Name',
    'Date of Birth',
    'Mobile',
    'Home Phone',
    'Medicare',
  ]);
  assert.ok(cliniko.ok);
  assert.equal(cliniko.layout.source, 'cliniko');
  assert.deepEqual(cliniko.layout.columns.phone, [4, 5]);
  const generic = detectLayout('credit', ['external_id', 'amount']);
  assert.ok(generic.ok && generic.layout.source === 'generic');
  const missing = detectLayout('packages', ['external_id', 'plan']);
  assert.equal(
    missing.ok ? '' : missing.message,
    'This file has no "sessions_remaining" column. The first line must name the columns (see the import template).',
  );
});
