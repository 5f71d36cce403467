// The clinic-wide projection: every entry folded into the lean AttentionState
// (shared/ledger/attention-state.ts) — needs attention and the trial balance
// total, not the full LedgerState of every patient (which at a clinic's size is
// hundreds of MB; the self-check folds that from scratch when asked, and drops
// it). Start-up does not wait for it: it is built in the background, a page at a
// time with a yield between pages so the desk stays responsive, while entries
// written meanwhile are applied as they come (the fold does not depend on
// arrival order, and applying an entry twice is a no-op). No page is kept.
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import {
  applyToAttentionState,
  createAttentionState,
} from '../../shared/ledger/attention-state.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { journalPages } from './journal-queries.ts';

export interface ClinicProjectionOptions {
  /** wait this long after start before folding (let the first screens load first) */
  delayMs?: number;
  /** entries folded between yields */
  pageSize?: number;
}

export class ClinicProjection {
  readonly #db: PunchcardDatabase;
  #state: AttentionState;
  #ready = false;
  #closed = false;
  #build: Promise<void> | null = null;
  readonly #stop = new AbortController();
  readonly #options: Required<ClinicProjectionOptions>;

  constructor(db: PunchcardDatabase, currency: string, options: ClinicProjectionOptions = {}) {
    this.#db = db;
    this.#state = createAttentionState(currency);
    this.#options = { delayMs: options.delayMs ?? 1000, pageSize: options.pageSize ?? 500 };
  }

  get state(): AttentionState {
    return this.#state;
  }

  get isReady(): boolean {
    return this.#ready;
  }

  /** Begin the background fold (once). */
  start(): void {
    if (this.#build) return;
    this.#build = this.#fold().catch((error: unknown) => {
      // Not fatal: the desk works from scoped projections; a later call retries.
      this.#build = null;
      throw error;
    });
    this.#build.catch(() => undefined);
  }

  /** Resolves when every entry stored at start has been folded. */
  async ready(): Promise<AttentionState> {
    this.start();
    await this.#build;
    return this.#state;
  }

  apply(entries: readonly JournalEntry[]): void {
    for (const entry of entries) applyToAttentionState(this.#state, entry);
  }

  /** Start again from nothing (the currency changed). */
  reset(currency: string): void {
    this.#state = createAttentionState(currency);
    this.#ready = false;
    this.#build = null;
  }

  close(): void {
    this.#closed = true;
    this.#stop.abort();
  }

  async #fold(): Promise<void> {
    if (this.#options.delayMs > 0) {
      try {
        await sleep(this.#options.delayMs, undefined, { signal: this.#stop.signal });
      } catch {
        return; // closed while waiting
      }
    }
    const state = this.#state;
    for await (const page of journalPages(this.#db, this.#options.pageSize)) {
      if (this.#closed || state !== this.#state) return;
      for (const entry of page) applyToAttentionState(state, entry);
      await yieldToEventLoop();
    }
    if (state === this.#state) this.#ready = true;
  }
}
