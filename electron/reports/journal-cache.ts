// The journal in memory, sorted by business time, for reports: reading 300,000 entries
// from SQLite takes seconds, slicing a sorted array by date takes microseconds. Filled
// in the background after start from the pages of the ledger's clinic-wide fold (one
// read of the journal serves both), or on the first report when no fold fed it; then
// kept current from the journal's change stream, so entries written here, replicated
// in, or dated in the past all land where they belong. One cache per database; it ends
// when the database closes.
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
  /** Entries read by someone else's pass over the journal (the clinic-wide fold). */
  absorb(page: readonly JournalEntry[]): void;
  /** That pass read everything: sort what it gave and answer from it. */
  absorbed(): void;
  /** Called with each entry added after the cache was filled (written or replicated). */
  onAdd(listener: (entry: JournalEntry) => void): void;
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

/**
 * Account names and amounts recur on line after line: one string each instead of one
 * per line saves about a hundred bytes a line (a 300,000-entry journal holds over a
 * million lines), and lookups by account name hash a string they have hashed before.
 */
function internLines(entry: JournalEntry, strings: Map<string, string>): JournalEntry {
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  // New line objects: the stored ones may be frozen (RxDB's change events).
  entry.lines = entry.lines.map((line) => ({
    account: intern(line.account),
    amount: intern(line.amount),
  }));
  return entry;
}

function createJournalCache(db: PunchcardDatabase): JournalCache {
  const entries: JournalEntry[] = [];
  const known = new Set<string>();
  const strings = new Map<string, string>();
  const listeners: ((entry: JournalEntry) => void)[] = [];
  // Before anything is read nothing is kept (that read will include it); inserts that
  // arrive while the journal is being read are kept and merged after it.
  let phase: 'idle' | 'absorbing' | 'loading' | 'ready' = 'idle';
  let pending: JournalEntry[] = [];
  let loading: Promise<void> | null = null;
  let absorbedAll: (() => void) | null = null;

  const add = (entry: JournalEntry) => {
    if (known.has(entry.id)) return;
    known.add(entry.id);
    internLines(entry, strings);
    const last = entries[entries.length - 1];
    if (!last || byOccurrence(last, entry) <= 0) entries.push(entry);
    else {
      let index = lowerBound(entries, entry.occurredAt);
      while (index < entries.length && byOccurrence(entries[index] as JournalEntry, entry) < 0)
        index += 1;
      entries.splice(index, 0, entry);
    }
    for (const listener of listeners) listener(entry);
  };

  const subscription: Subscription = db.journal.$.subscribe((event) => {
    if (event.operation !== 'INSERT') return;
    if (phase === 'idle') return;
    const entry = plainEntry(event.documentData);
    if (phase === 'ready') add(entry);
    else pending.push(entry);
  });
  db.onClose.push(() => {
    subscription.unsubscribe();
    caches.delete(db);
  });

  const finish = () => {
    entries.sort(byOccurrence);
    const late = pending;
    pending = [];
    phase = 'ready';
    for (const entry of late) add(entry);
  };

  const load = async () => {
    phase = 'loading';
    const all = await entriesBetween(db, '', '');
    for (const entry of all) {
      if (known.has(entry.id)) continue;
      known.add(entry.id);
      entries.push(internLines(entry, strings));
    }
    finish();
  };

  return {
    async between(from, before) {
      loading ??=
        phase === 'absorbing' ? new Promise((resolve) => (absorbedAll = resolve)) : load();
      await loading;
      const start = from ? lowerBound(entries, from) : 0;
      const end = before ? lowerBound(entries, before) : entries.length;
      return entries.slice(start, end);
    },
    size: () => entries.length,
    absorb(page) {
      if (phase === 'idle') phase = 'absorbing';
      if (phase !== 'absorbing') return;
      for (const entry of page) {
        if (known.has(entry.id)) continue;
        known.add(entry.id);
        entries.push(internLines(entry, strings));
      }
    },
    absorbed() {
      if (phase !== 'absorbing') return;
      finish();
      loading ??= Promise.resolve();
      absorbedAll?.();
    },
    onAdd(listener) {
      listeners.push(listener);
    },
  };
}
