// The journal in memory, sorted by business time, for reports: reading 300,000 entries
// from SQLite takes seconds, slicing a sorted array by date takes microseconds. Loaded
// on the first report (one indexed read), then kept current from the journal's change
// stream, so entries written here, replicated in, or dated in the past all land where
// they belong. One cache per database; it ends when the database closes.
import type { Subscription } from 'rxjs';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { plainEntry } from '../ledger/journal-queries.ts';
import { byOccurrence } from '../../shared/reports/cutoff.ts';
import { entriesBetween } from './report-sources.ts';

export interface JournalCache {
  /** Entries with from ≤ occurredAt < before ('' for no bound), oldest first. */
  between(from: string, before: string): Promise<JournalEntry[]>;
  size(): number;
}

const caches = new WeakMap<PunchcardDatabase, JournalCache>();

export function journalCache(db: PunchcardDatabase): JournalCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createJournalCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/** First index whose entry happened at or after `instant`. */
function lowerBound(entries: readonly JournalEntry[], instant: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid]?.occurredAt ?? '') < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

function createJournalCache(db: PunchcardDatabase): JournalCache {
  let entries: JournalEntry[] = [];
  const known = new Set<string>();
  // Before the first read nothing is kept (that read will include it); inserts that
  // arrive while it runs are kept and merged after it.
  let phase: 'idle' | 'loading' | 'ready' = 'idle';
  let pending: JournalEntry[] = [];
  let loading: Promise<void> | null = null;

  const add = (entry: JournalEntry) => {
    if (known.has(entry.id)) return;
    known.add(entry.id);
    const last = entries[entries.length - 1];
    if (!last || byOccurrence(last, entry) <= 0) entries.push(entry);
    else {
      let index = lowerBound(entries, entry.occurredAt);
      while (index < entries.length && byOccurrence(entries[index] as JournalEntry, entry) < 0)
        index += 1;
      entries.splice(index, 0, entry);
    }
  };

  const subscription: Subscription = db.journal.$.subscribe((event) => {
    if (event.operation !== 'INSERT') return;
    if (phase === 'idle') return;
    const entry = plainEntry(event.documentData);
    if (phase === 'loading') pending.push(entry);
    else add(entry);
  });
  db.onClose.push(() => {
    subscription.unsubscribe();
    caches.delete(db);
  });

  const load = async () => {
    phase = 'loading';
    const all = await entriesBetween(db, '', '');
    all.sort(byOccurrence);
    for (const entry of all) known.add(entry.id);
    entries = all;
    for (const entry of pending) add(entry);
    pending = [];
    phase = 'ready';
  };

  return {
    async between(from, before) {
      loading ??= load();
      await loading;
      const start = from ? lowerBound(entries, from) : 0;
      const end = before ? lowerBound(entries, before) : entries.length;
      return entries.slice(start, end);
    },
    size: () => entries.length,
  };
}
