// Needs attention at a past date without folding the whole journal per request: one
// fold is kept, of every entry that happened before a cutoff. A request at the same or
// a later date folds only what happened in between and moves the cutoff forward; an
// entry that arrives dated before the cutoff (replicated, backdated) is applied as it
// comes — the fold does not depend on arrival order. Only a request for an earlier date
// folds from the start again. The fold yields between pages, so a long one never holds
// the main process up; it reads full entries a page at a time from the storage (never
// the whole journal at once) into the lean AttentionState (only what needs attention
// reads, ~30 MB at 245k entries; a full LedgerState was ~250 MB), and is dropped after
// an idle period.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { AttentionItem, JournalEntry } from '../../shared/ledger/index.ts';
import { needsAttention } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import {
  applyToAttentionState,
  createAttentionState,
} from '../../shared/ledger/attention-state.ts';
import type { JournalCache } from './journal-cache.ts';
import { idleRelease, type IdleOptions } from './idle-release.ts';

const PAGE = 5000;

/** Full entries by business time: the stored journal, or anything with the same contract. */
export interface EntrySource extends Pick<JournalCache<JournalEntry>, 'between' | 'onAdd'> {
  /** the same entries as `between`, a page at a time (then the fold never holds them all) */
  pages?(from: string, before: string): AsyncIterable<readonly JournalEntry[]>;
}

export interface AttentionCheckpoint {
  /** Needs attention from a fold of every entry that happened before `cutoff` (an instant). */
  itemsBefore(cutoff: string, currency: string): Promise<AttentionItem[]>;
}

const checkpoints = new WeakMap<PunchcardDatabase, AttentionCheckpoint>();

/** The database's kept fold (made on first call, with that call's source and idle options). */
export function attentionCheckpoint(
  db: PunchcardDatabase,
  journal: EntrySource,
  idle: IdleOptions = {},
): AttentionCheckpoint {
  let checkpoint = checkpoints.get(db);
  if (!checkpoint) {
    checkpoint = createAttentionCheckpoint(journal, idle);
    checkpoints.set(db, checkpoint);
  }
  return checkpoint;
}

async function foldInto(
  state: AttentionState,
  journal: EntrySource,
  from: string,
  before: string,
): Promise<void> {
  if (journal.pages) {
    for await (const page of journal.pages(from, before)) {
      for (const entry of page) applyToAttentionState(state, entry);
    }
    return;
  }
  const entries = await journal.between(from, before);
  for (let i = 0; i < entries.length; i += PAGE) {
    const end = Math.min(entries.length, i + PAGE);
    for (let j = i; j < end; j += 1) applyToAttentionState(state, entries[j] as JournalEntry);
    if (end < entries.length) await yieldToEventLoop();
  }
}

function createAttentionCheckpoint(journal: EntrySource, idle: IdleOptions): AttentionCheckpoint {
  let kept: { cutoff: string; state: AttentionState } | null = null;
  // One request at a time moves the fold (a second waits for the first).
  let queue: Promise<unknown> = Promise.resolve();
  // Idle for a while: drop the fold (the next request folds from the start again).
  const idleness = idleRelease(() => (kept = null), idle);
  journal.onAdd((entry) => {
    if (kept && entry.occurredAt < kept.cutoff) applyToAttentionState(kept.state, entry);
  });

  const move = async (cutoff: string, currency: string): Promise<AttentionItem[]> => {
    // The cutoff moves before the entries are read: one that arrives meanwhile is applied
    // by the listener, by the fold, or by both (applying twice changes nothing).
    let current = kept;
    try {
      if (!current || current.state.currency !== currency || cutoff < current.cutoff) {
        // The old fold is dropped before the new one is built (never two in memory).
        current = { cutoff, state: createAttentionState(currency) };
        kept = current;
        await foldInto(current.state, journal, '', cutoff);
      } else if (cutoff > current.cutoff) {
        const from = current.cutoff;
        current.cutoff = cutoff;
        await foldInto(current.state, journal, from, cutoff);
      }
    } catch (error) {
      kept = null; // a half-built fold is never answered from
      throw error;
    }
    return needsAttention(current.state);
  };

  return {
    itemsBefore(cutoff, currency) {
      idleness.begin();
      const result = queue.then(() => move(cutoff, currency));
      queue = result.catch(() => undefined);
      void queue.then(() => idleness.end());
      return result;
    },
  };
}
