// Needs attention at a past date without folding the whole journal per request: one
// fold is kept, of every entry that happened before a cutoff. A request at the same or
// a later date folds only what happened in between and moves the cutoff forward; an
// entry that arrives dated before the cutoff (replicated, backdated) is applied as it
// comes — the fold does not depend on arrival order. Only a request for an earlier date
// folds from the start again. The fold yields between pages, so a long one never holds
// the main process up.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { AttentionItem, JournalEntry, LedgerState } from '../../shared/ledger/index.ts';
import { applyEntry, createLedgerState, needsAttention } from '../../shared/ledger/index.ts';
import type { JournalCache } from './journal-cache.ts';

const PAGE = 5000;

export interface AttentionCheckpoint {
  /** Needs attention from a fold of every entry that happened before `cutoff` (an instant). */
  itemsBefore(cutoff: string, currency: string): Promise<AttentionItem[]>;
}

const checkpoints = new WeakMap<PunchcardDatabase, AttentionCheckpoint>();

export function attentionCheckpoint(
  db: PunchcardDatabase,
  journal: JournalCache,
): AttentionCheckpoint {
  let checkpoint = checkpoints.get(db);
  if (!checkpoint) {
    checkpoint = createAttentionCheckpoint(journal);
    checkpoints.set(db, checkpoint);
  }
  return checkpoint;
}

async function foldInto(state: LedgerState, entries: readonly JournalEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += PAGE) {
    const end = Math.min(entries.length, i + PAGE);
    for (let j = i; j < end; j += 1) applyEntry(state, entries[j] as JournalEntry);
    if (end < entries.length) await yieldToEventLoop();
  }
}

function createAttentionCheckpoint(journal: JournalCache): AttentionCheckpoint {
  let kept: { cutoff: string; state: LedgerState } | null = null;
  // One request at a time moves the fold (a second waits for the first).
  let queue: Promise<unknown> = Promise.resolve();
  journal.onAdd((entry) => {
    if (kept && entry.occurredAt < kept.cutoff) applyEntry(kept.state, entry);
  });

  const move = async (cutoff: string, currency: string): Promise<AttentionItem[]> => {
    // The cutoff moves before the entries are read: one that arrives meanwhile is applied
    // by the listener, by the fold, or by both (applying twice changes nothing).
    let current = kept;
    try {
      if (!current || current.state.currency !== currency || cutoff < current.cutoff) {
        // The old fold is dropped before the new one is built (never two in memory).
        current = { cutoff, state: createLedgerState(currency) };
        kept = current;
        await foldInto(current.state, await journal.between('', cutoff));
      } else if (cutoff > current.cutoff) {
        const from = current.cutoff;
        current.cutoff = cutoff;
        await foldInto(current.state, await journal.between(from, cutoff));
      }
    } catch (error) {
      kept = null; // a half-built fold is never answered from
      throw error;
    }
    return needsAttention(current.state);
  };

  return {
    itemsBefore(cutoff, currency) {
      const result = queue.then(() => move(cutoff, currency));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
