import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  localDateText,
  localDayRange,
  localMoment,
  localTimeText,
  nextQuarterHour,
  shiftDate,
} from './day.ts';

test('a local day is the range between two local midnights', () => {
  const range = localDayRange('2025-03-04');
  assert.ok(range);
  assert.equal(new Date(range.start).getTime(), new Date(2025, 2, 4).getTime());
  assert.equal(new Date(range.end).getTime(), new Date(2025, 2, 5).getTime());
});

test('dates the calendar does not have are refused', () => {
  assert.equal(localMoment('2025-02-30'), null);
  assert.equal(localMoment('2025-02-28', '24:00'), null);
  assert.equal(localDayRange('yesterday'), null);
});

test('moving between days crosses months and years', () => {
  assert.equal(shiftDate('2024-12-31', 1), '2025-01-01');
  assert.equal(shiftDate('2025-03-01', -1), '2025-02-28');
});

test('times read in local time and round trip', () => {
  const moment = localMoment('2025-03-04', '09:30');
  assert.ok(moment);
  assert.equal(localTimeText(moment.toISOString()), '09:30');
  assert.equal(localDateText(moment), '2025-03-04');
});

test('the next quarter hour', () => {
  assert.equal(nextQuarterHour(new Date(2025, 0, 1, 9, 0)), '09:15');
  assert.equal(nextQuarterHour(new Date(2025, 0, 1, 9, 7)), '09:15');
  assert.equal(nextQuarterHour(new Date(2025, 0, 1, 9, 59)), '10:00');
  assert.equal(nextQuarterHour(new Date(2025, 0, 1, 23, 58)), '23:45');
});
