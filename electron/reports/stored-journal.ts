// Entries straight from the desk's storage by business time (the journal's occurredAt
// index), a page at a time: nothing is kept once a page has been used, so a pass over
// the whole journal holds one page, not the journal.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { plainEntry, queryJournal } from '../ledger/journal-queries.ts';

// Small pages: each dies young (a 2,000-entry page left the heap ~120 MB larger after a
// pass over 244k entries than a 500-entry one, for the same time).
const PAGE = 500;

function occurredBetween(from: string, before: string, strictlyAfter = false) {
  const occurredAt: Record<string, string> = {};
  if (from) occurredAt[strictlyAfter ? '$gt' : '$gte'] = from;
  if (before) occurredAt['$lt'] = before;
  return Object.keys(occurredAt).length > 0 ? { occurredAt } : {};
}

/**
 * Entries with from ≤ occurredAt < before ('' for no bound), oldest first (by business
 * time, then id), in pages. Each page starts where the last one ended (the index, not
 * an offset), and the event loop runs between pages.
 */
export async function* entryPages(
  db: PunchcardDatabase,
  from: string,
  before: string,
  pageSize = PAGE,
): AsyncGenerator<JournalEntry[]> {
  let lower = from;
  let lastId = ''; // entries at `lower` up to this id were given already
  for (;;) {
    const page = await queryJournal(db, {
      selector: occurredBetween(lower, before),
      sort: [{ occurredAt: 'asc' }, { id: 'asc' }],
      limit: pageSize,
    });
    const fresh = lastId
      ? page.filter((entry) => entry.occurredAt !== lower || entry.id > lastId)
      : page;
    if (fresh.length > 0) yield fresh;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    if (fresh.length === 0) {
      // A whole page at one instant, all given: read the rest of that instant, move past it.
      const rest = await queryJournal(db, {
        selector: { occurredAt: { $eq: lower } },
        sort: [{ occurredAt: 'asc' }, { id: 'asc' }],
      });
      const after = rest.filter((entry) => entry.id > lastId);
      if (after.length > 0) yield after;
      const next = await queryJournal(db, {
        selector: occurredBetween(lower, before, true),
        sort: [{ occurredAt: 'asc' }, { id: 'asc' }],
        limit: 1,
      });
      if (!next[0]) return;
      lower = next[0].occurredAt;
      lastId = '';
      continue;
    }
    lower = last.occurredAt;
    lastId = last.id;
    await yieldToEventLoop();
  }
}

/** Entries with from ≤ occurredAt < before (ISO instants; either bound may be ''), oldest first. */
export async function entriesBetween(
  db: PunchcardDatabase,
  from: string,
  before: string,
): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for await (const page of entryPages(db, from, before)) {
    for (const entry of page) entries.push(entry);
  }
  return entries;
}

/** The entries with these ids (those stored), a page at a time, each page in id order. */
export async function* pagesById(
  db: PunchcardDatabase,
  ids: readonly string[],
): AsyncGenerator<JournalEntry[]> {
  for (let i = 0; i < ids.length; i += PAGE) {
    const docs = await db.journal.storageInstance.findDocumentsById(ids.slice(i, i + PAGE), false);
    yield docs.map(plainEntry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (i + PAGE < ids.length) await yieldToEventLoop();
  }
}

/** The entries with these ids (those stored), in no particular order. */
export async function entriesById(
  db: PunchcardDatabase,
  ids: readonly string[],
): Promise<JournalEntry[]> {
  const found: JournalEntry[] = [];
  for await (const page of pagesById(db, ids)) for (const entry of page) found.push(entry);
  return found;
}

/** Calls `listener` with each entry inserted from now on (written here, replicated, restored). */
export function onJournalInsert(
  db: PunchcardDatabase,
  listener: (entry: JournalEntry) => void,
): void {
  const subscription = db.journal.$.subscribe((event) => {
    if (event.operation === 'INSERT') listener(plainEntry(event.documentData));
  });
  db.onClose.push(() => subscription.unsubscribe());
}

/** The stored journal as a source of full entries (the needs-attention fold reads it). */
export function storedJournal(db: PunchcardDatabase): {
  between(from: string, before: string): Promise<JournalEntry[]>;
  pages(from: string, before: string): AsyncIterable<JournalEntry[]>;
  onAdd(listener: (entry: JournalEntry) => void): void;
} {
  return {
    between: (from, before) => entriesBetween(db, from, before),
    pages: (from, before) => entryPages(db, from, before),
    onAdd: (listener) => onJournalInsert(db, listener),
  };
}
