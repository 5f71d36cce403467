// Entries read from the storage a page at a time: every entry once, in business-time
// order, within the bounds — also when more entries share one instant than fit a page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDesk, type TestDesk } from '../ledger/testing/test-desk.ts';
import { byOccurrence } from '../../shared/reports/cutoff.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { entriesBetween, entriesById, entryPages } from './stored-journal.ts';

let desk: TestDesk;
let all: JournalEntry[];
const instant = (day: number) => `2026-03-0${day}T01:00:00.000Z`;

before(async () => {
  desk = await openTestDesk('desk-1', '2026-03-09T01:00:00.000Z');
  const ann = await desk.patient('Ann');
  // Seven payments at one instant on day 3, one on each of days 2, 4 and 5.
  for (const day of [4, 3, 3, 2, 3, 3, 5, 3, 3, 3]) {
    await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: ann },
      method: 'cash',
      amount: '10.00',
      occurredAt: instant(day),
    });
  }
  all = await entriesBetween(desk.core.db, '', '');
});
after(() => desk.close());

async function paged(from: string, beforeInstant: string, size: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of entryPages(desk.core.db, from, beforeInstant, size)) {
    assert.ok(page.length > 0 && page.length <= size + 7);
    for (const entry of page) ids.push(entry.id);
  }
  return ids;
}

test('pages give every entry once, oldest first, whatever the page size', async () => {
  assert.equal(all.length, 10);
  assert.deepEqual(all, [...all].sort(byOccurrence));
  for (const size of [1, 2, 3, 5, 10, 50]) {
    assert.deepEqual(
      await paged('', '', size),
      all.map((entry) => entry.id),
      `page size ${size}`,
    );
  }
});

test('bounds: from is included, before is not', async () => {
  const expected = all.filter((e) => e.occurredAt >= instant(3) && e.occurredAt < instant(5));
  assert.equal(expected.length, 8);
  for (const size of [2, 3, 100]) {
    assert.deepEqual(
      await paged(instant(3), instant(5), size),
      expected.map((entry) => entry.id),
    );
  }
});

test('entries by id', async () => {
  const wanted = [all[1]?.id ?? '', all[8]?.id ?? '', 'no-such-entry'];
  const found = await entriesById(desk.core.db, wanted);
  assert.deepEqual(found.map((entry) => entry.id).sort(), wanted.slice(0, 2).sort());
  assert.deepEqual(
    found.find((entry) => entry.id === all[1]?.id),
    all[1],
  );
});
