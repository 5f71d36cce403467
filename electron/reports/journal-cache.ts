// A slim copy of the journal, sorted by business time, for the reports at a date that
// need the whole history before it (credit, deferred revenue, packages, funders, the
// trend): reading 250,000 entries from SQLite takes seconds, slicing a sorted array
// takes microseconds. Only what those reports read is kept (shared/reports/slim-entry.ts:
// ~70 MB of heap at 244k entries, where whole entries took ~320 MB), and only while
// reports are being run: the copy is made on the first such report (or begun by a
// takings report), kept current from the journal's change stream (entries written here,
// replicated in, or dated in the past all land where they belong), and dropped after an
// idle period. Nothing of it exists at start. One copy per database; it ends when the
// database closes.
import type { Subscription } from 'rxjs';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { plainEntry } from '../ledger/journal-queries.ts';
import { byOccurrence } from '../../shared/reports/cutoff.ts';
import { slimEntry, type SlimEntry } from '../../shared/reports/slim-entry.ts';
import { idleRelease, type IdleOptions } from './idle-release.ts';
import { entryPages } from './stored-journal.ts';

/** Entries by business time, kept in memory: slim ones (this copy) or whole ones. */
export interface JournalCache<Entry extends SlimEntry = JournalEntry> {
  /** Entries with from ≤ occurredAt < before ('' for no bound), oldest first. */
  between(from: string, before: string): Promise<Entry[]>;
  /** entries held now (0 when released) */
  size(): number;
  /** Full entries read by a pass over the journal (the copy's own fill). */
  absorb(page: readonly JournalEntry[]): void;
  /** That pass read everything: sort what it gave and answer from it. */
  absorbed(): void;
  /** Called with each entry added after the copy was filled (written or replicated). */
  onAdd(listener: (entry: Entry) => void): void;
}

export interface SlimJournal extends JournalCache<SlimEntry> {
  /** Begin making the copy now, without waiting for it (a report screen was opened). */
  prepare(): void;
}

const caches = new WeakMap<PunchcardDatabase, SlimJournal>();

/** The database's slim copy of the journal (see above). */
export function journalCache(db: PunchcardDatabase): SlimJournal {
  let cache = caches.get(db);
  if (!cache) {
    cache = createJournalCache(db);
    caches.set(db, cache);
    db.onClose.push(() => caches.delete(db));
  }
  return cache;
}

/** First index whose entry happened at or after `instant`. */
function lowerBound(entries: readonly SlimEntry[], instant: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid]?.occurredAt ?? '') < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A fresh copy (journalCache shares one per database); `idle` decides when it is dropped. */
export function createJournalCache(db: PunchcardDatabase, idle: IdleOptions = {}): SlimJournal {
  let entries: SlimEntry[] = [];
  // Account names, amounts and ids recur line after line: one string each.
  let strings = new Map<string, string>();
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  const listeners: ((entry: SlimEntry) => void)[] = [];
  // Empty: nothing kept, nothing watched. Filling: pages are being read; inserts that
  // arrive meanwhile wait in `pending` and are merged after. Ready: inserts go in place.
  let phase: 'empty' | 'filling' | 'ready' = 'empty';
  let pending: JournalEntry[] = [];
  let subscription: Subscription | null = null;
  let filled: Promise<void> | null = null;
  let settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;

  /** Put an entry in its place, unless it is there already (read by the fill and inserted). */
  const add = (full: JournalEntry): void => {
    const entry = slimEntry(full, intern);
    if (!entry) return;
    let index = lowerBound(entries, entry.occurredAt);
    for (; index < entries.length; index += 1) {
      const there = entries[index] as SlimEntry;
      if (there.occurredAt !== entry.occurredAt) break;
      if (there.id === entry.id) return;
      if (byOccurrence(there, entry) > 0) break;
    }
    entries.splice(index, 0, entry);
    for (const listener of listeners) listener(entry);
  };

  const release = (): void => {
    if (phase === 'filling') return; // a fill in progress finishes first
    subscription?.unsubscribe();
    subscription = null;
    entries = [];
    strings = new Map();
    pending = [];
    phase = 'empty';
    filled = null;
  };
  const idleness = idleRelease(release, idle);

  const beginFilling = (): Promise<void> => {
    phase = 'filling';
    subscription = db.journal.$.subscribe((event) => {
      if (event.operation !== 'INSERT') return;
      const entry = plainEntry(event.documentData);
      if (phase === 'ready') add(entry);
      else if (phase === 'filling') pending.push(entry);
    });
    return new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  };

  /** The copy, made once (again after a release): a read of the whole journal, page by page. */
  const fill = (): Promise<void> => {
    if (filled) return filled;
    filled = beginFilling();
    void (async () => {
      for await (const page of entryPages(db, '', '')) cache.absorb(page);
      cache.absorbed();
    })().catch((error: unknown) => {
      const failed = settle;
      phase = 'ready'; // so that release drops the half-read copy
      release();
      failed?.reject(error);
    });
    return filled;
  };

  const cache: SlimJournal = {
    async between(from, before) {
      idleness.begin();
      try {
        await fill();
        const start = from ? lowerBound(entries, from) : 0;
        const end = before ? lowerBound(entries, before) : entries.length;
        return entries.slice(start, end);
      } finally {
        idleness.end();
      }
    },
    prepare() {
      idleness.begin();
      fill().then(idleness.end, idleness.end);
    },
    size: () => entries.length,
    absorb(page) {
      if (phase === 'empty') filled = beginFilling();
      if (phase !== 'filling') return;
      for (const full of page) {
        const entry = slimEntry(full, intern);
        if (entry) entries.push(entry);
      }
    },
    absorbed() {
      if (phase !== 'filling') return;
      entries.sort(byOccurrence);
      const late = pending;
      pending = [];
      phase = 'ready';
      for (const entry of late) add(entry);
      settle?.resolve();
      settle = null;
    },
    onAdd(listener) {
      listeners.push(listener);
    },
  };
  db.onClose.push(() => {
    idleness.stop();
    subscription?.unsubscribe();
  });
  return cache;
}
