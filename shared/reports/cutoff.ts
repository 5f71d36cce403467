// "At a date" means: everything that happened up to the end of that local day, and
// nothing after — however late it was recorded. Reports filter by business time.
import type { JournalEntry } from '../ledger/entry.ts';
import { endOfLocalDay } from './local-days.ts';

/** Entries that happened before the end of `date` in the clinic's zone. */
export function entriesAsOf(
  entries: readonly JournalEntry[],
  date: string,
  timeZone: string,
): JournalEntry[] {
  const cutoff = endOfLocalDay(date, timeZone);
  return entries.filter((entry) => entry.occurredAt < cutoff);
}

/** Sort by business time, then id (ties resolve the same way everywhere). */
export function byOccurrence(
  a: Pick<JournalEntry, 'occurredAt' | 'id'>,
  b: Pick<JournalEntry, 'occurredAt' | 'id'>,
): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
