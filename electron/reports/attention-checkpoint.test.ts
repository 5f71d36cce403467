// The kept needs-attention fold answers exactly what a fold from scratch up to the
// cutoff answers: moving forward, moving back, and after an entry arrives dated before
// the cutoff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { fromEntries, needsAttention } from '../../shared/ledger/index.ts';
import { byOccurrence } from '../../shared/reports/cutoff.ts';
import { attentionCheckpoint } from './attention-checkpoint.ts';
import type { JournalCache } from './journal-cache.ts';
import { testEntry } from '../../shared/testing/journal-entry.ts';

function entry(id: string, occurredAt: string, lines: [string, string][]): JournalEntry {
  return testEntry({
    id,
    kind: 'courtesyCredit',
    occurredAt,
    patientId: 'p1',
    lines: lines.map(([account, amount]) => ({ account, amount })),
  });
}

/** A journal cache over an array, with the same contract as the real one. */
function fakeCache(initial: JournalEntry[]): JournalCache & { insert(entry: JournalEntry): void } {
  const entries = [...initial].sort(byOccurrence);
  const listeners: ((entry: JournalEntry) => void)[] = [];
  return {
    between: (from, before) =>
      Promise.resolve(
        entries.filter(
          (e) => (!from || e.occurredAt >= from) && (!before || e.occurredAt < before),
        ),
      ),
    size: () => entries.length,
    absorb: () => undefined,
    absorbed: () => undefined,
    onAdd: (listener) => void listeners.push(listener),
    insert(added) {
      entries.push(added);
      entries.sort(byOccurrence);
      for (const listener of listeners) listener(added);
    },
  };
}

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T00:00:00.000Z`;

test('needs attention from the kept fold equals a fold from scratch at every cutoff', async () => {
  const journal = [
    entry('01A', day(2), [
      ['expense:courtesy', '50.00'],
      ['credit:p1', '-50.00'],
    ]),
    // Spends more credit than there is: overdrawn from day 4 …
    entry('01B', day(4), [
      ['credit:p1', '80.00'],
      ['cash', '-80.00'],
    ]),
    // … until more credit is granted on day 7.
    entry('01C', day(7), [
      ['expense:courtesy', '40.00'],
      ['credit:p1', '-40.00'],
    ]),
  ];
  const cache = fakeCache(journal);
  const checkpoint = attentionCheckpoint({} as PunchcardDatabase, cache);
  const expected = (cutoff: string, all: JournalEntry[]) =>
    needsAttention(
      fromEntries(
        all.filter((e) => e.occurredAt < cutoff),
        'AUD',
      ),
    );
  for (const n of [3, 5, 9, 5, 2, 9]) {
    const got = await checkpoint.itemsBefore(day(n), 'AUD');
    assert.deepEqual(got, expected(day(n), journal), `cutoff day ${n}`);
  }
  assert.equal((await checkpoint.itemsBefore(day(5), 'AUD')).length, 1);
  assert.equal((await checkpoint.itemsBefore(day(9), 'AUD')).length, 0);

  // Replicated in late, dated before the kept cutoff (day 9): counted without a refold.
  const late = entry('01D', day(8), [
    ['credit:p1', '30.00'],
    ['card', '-30.00'],
  ]);
  cache.insert(late);
  const withLate = [...journal, late];
  assert.deepEqual(await checkpoint.itemsBefore(day(9), 'AUD'), expected(day(9), withLate));
  assert.equal((await checkpoint.itemsBefore(day(9), 'AUD')).length, 1);
  assert.deepEqual(await checkpoint.itemsBefore(day(10), 'AUD'), expected(day(10), withLate));
});
