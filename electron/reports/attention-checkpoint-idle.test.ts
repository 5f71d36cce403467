// The kept needs-attention fold reads its entries a page at a time when its source
// pages, is dropped after the idle period (run out by hand here), and then folds from
// the start again — answering exactly what a fold from scratch answers throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { fromEntries, needsAttention } from '../../shared/ledger/index.ts';
import { attentionCheckpoint, type EntrySource } from './attention-checkpoint.ts';
import { manualTimer } from './testing/manual-timer.ts';
import { testEntry } from '../../shared/testing/journal-entry.ts';

function entry(id: string, day: number, account: string, amount: string): JournalEntry {
  return testEntry({
    id,
    kind: 'courtesyCredit',
    occurredAt: `2026-03-${String(day).padStart(2, '0')}T00:00:00.000Z`,
    patientId: 'p1',
    lines: [
      { account, amount },
      {
        account: 'expense:courtesy',
        amount: amount.startsWith('-') ? amount.slice(1) : `-${amount}`,
      },
    ],
  });
}

const journal = [
  entry('01A', 2, 'credit:p1', '-50.00'),
  entry('01B', 4, 'credit:p1', '80.00'), // overdrawn from day 4 …
  entry('01C', 6, 'credit:p1', '-20.00'),
  entry('01D', 7, 'credit:p1', '-40.00'), // … until day 7
];
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T00:00:00.000Z`;
const inRange = (from: string, before: string) =>
  journal.filter((e) => (!from || e.occurredAt >= from) && (!before || e.occurredAt < before));

test('folded page by page, dropped when idle, folded from the start after', async () => {
  const reads: string[] = [];
  const source: EntrySource = {
    between: () => Promise.reject(new Error('a paging source is read by pages')),
    onAdd: () => undefined,
    async *pages(from, before) {
      reads.push(`${from.slice(8, 10) || '..'}-${before.slice(8, 10)}`);
      const entries = inRange(from, before);
      for (let i = 0; i < entries.length; i += 2) yield entries.slice(i, i + 2);
    },
  };
  const timer = manualTimer();
  const checkpoint = attentionCheckpoint({} as PunchcardDatabase, source, { timer, idleMs: 1000 });
  const expected = (cutoff: string) => needsAttention(fromEntries(inRange('', cutoff), 'AUD'));

  assert.deepEqual(await checkpoint.itemsBefore(day(5), 'AUD'), expected(day(5)));
  assert.equal((await checkpoint.itemsBefore(day(5), 'AUD')).length, 1);
  assert.deepEqual(await checkpoint.itemsBefore(day(9), 'AUD'), expected(day(9)));
  assert.deepEqual(reads, ['..-05', '05-09'], 'the second date folds only what came between');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(timer.pending.length, 1);

  timer.fire(); // idle: the fold is dropped
  assert.deepEqual(await checkpoint.itemsBefore(day(9), 'AUD'), expected(day(9)));
  assert.deepEqual(reads, ['..-05', '05-09', '..-09'], 'folded from the start again');
});
