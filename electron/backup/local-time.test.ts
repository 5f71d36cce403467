import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDateKey, localIsoWeekKey, localMonthKey, zonedTimeToInstant } from './local-time.ts';

describe('local time', () => {
  test('wall-clock time to instant, with and without DST', () => {
    const at = (y: number, mo: number, d: number, h: number, mi: number, tz: string) =>
      zonedTimeToInstant({ year: y, month: mo, day: d, hour: h, minute: mi }, tz).toISOString();
    assert.equal(at(2026, 11, 21, 21, 0, 'Europe/Berlin'), '2026-11-21T20:00:00.000Z');
    assert.equal(at(2026, 7, 1, 21, 0, 'Europe/Berlin'), '2026-07-01T19:00:00.000Z');
    assert.equal(at(2026, 7, 1, 21, 0, 'America/Sao_Paulo'), '2026-07-02T00:00:00.000Z');
    assert.equal(at(2026, 7, 1, 21, 0, 'UTC'), '2026-07-01T21:00:00.000Z');
    // Spring forward: 02:30 does not exist in Berlin on 2026-03-29 -> 03:30 CEST.
    assert.equal(at(2026, 3, 29, 2, 30, 'Europe/Berlin'), '2026-03-29T01:30:00.000Z');
    // Fall back: 02:30 happens twice on 2026-10-25 -> the first (CEST).
    assert.equal(at(2026, 10, 25, 2, 30, 'Europe/Berlin'), '2026-10-25T00:30:00.000Z');
  });

  test('period keys follow the local calendar', () => {
    const instant = new Date('2026-01-01T02:00:00Z'); // still 31 December in New York
    assert.equal(localDateKey(instant, 'America/New_York'), '2025-12-31');
    assert.equal(localDateKey(instant, 'Europe/Berlin'), '2026-01-01');
    assert.equal(localMonthKey(instant, 'America/New_York'), '2025-12');
    assert.equal(localIsoWeekKey(new Date('2026-01-01T12:00:00Z'), 'UTC'), '2026-W01');
    assert.equal(localIsoWeekKey(new Date('2027-01-01T12:00:00Z'), 'UTC'), '2026-W53');
    assert.equal(localIsoWeekKey(new Date('2026-11-21T12:00:00Z'), 'UTC'), '2026-W47');
  });
});
