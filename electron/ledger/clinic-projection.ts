// The clinic-wide projection: every entry folded into the lean AttentionState
// (shared/ledger/attention-state.ts) — needs attention and the trial balance
// total, not the full LedgerState of every patient (which at a clinic's size is
// hundreds of MB; the self-check folds that from scratch when asked, and drops
// it). Start-up does not wait for it: it is built in the background, a page at a
// time with a yield between pages so the desk stays responsive, while entries
// written meanwhile are applied as they come (the fold does not depend on
// arrival order, and applying an entry twice is a no-op). No page is kept.
//
// With a snapshot file (clinic-snapshot.ts) a start loads the state saved before and
// folds only the documents written after its checkpoint — at a clinic's size the full
// fold parses ~1.7 GB of JSON, and V8's young generation grows by a hundred MB doing it.
// The snapshot is used only when it provably fits this journal (see #restore); anything
// doubtful folds from scratch as before. It is saved after the start-up fold, every
// few minutes while entries arrive, and when the desk closes.
//
// Without a usable snapshot (the first start after an upgrade, a restore, a damaged
// file) the whole journal is folded in a worker thread with a small capped heap
// (fold-in-worker.ts), which saves a snapshot; this then loads it like any other. Folded
// here, the ~1.7 GB of JSON parsed at a clinic's size put the main process's peak at
// ~330 MB. Whatever goes wrong in the worker — out of memory, an exception, a snapshot
// that does not pass the checks — falls back to the fold here, so figures are never
// wrong, only slower to come.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import {
  applyToAttentionState,
  createAttentionState,
} from '../../shared/ledger/attention-state.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { checkpointHolds, journalChangesAfter, journalDocumentCount } from './journal-queries.ts';
import { loadSnapshotFile, snapshotBytes, writeSnapshotFile } from './clinic-snapshot.ts';
import type { FoldMark } from './clinic-snapshot.ts';
import { foldJournalInWorker, journalTableOf, type FoldWorkerOptions } from './fold-in-worker.ts';

export interface ClinicProjectionOptions {
  /** wait this long after start before folding (let the first screens load first) */
  delayMs?: number;
  /** entries folded between yields */
  pageSize?: number;
  /** where the snapshot is kept ('' or absent: none — memory storage) */
  snapshotFile?: string;
  /** while entries arrive, save the snapshot at most this often */
  saveEveryMs?: number;
  /** how the worker folds a journal without a usable snapshot; false: folded here */
  foldWorker?: FoldWorkerOptions | false;
}

/** How the last start-up fold went (tests, the benchmark). */
export interface ClinicStart {
  /**
   * 'snapshot': loaded, then the documents written since folded; 'worker': all folded in
   * the fold worker, then loaded from the snapshot it saved; 'journal': all folded here
   */
  from: 'snapshot' | 'worker' | 'journal';
  /** why no snapshot was used (and, folded here, why not in the worker); '' when one was */
  reason: string;
  /** documents folded at start: the tail after the snapshot, or the whole journal */
  documents: number;
  ms: number;
}

const ROUNDS_TO_CATCH_UP = 5;

export class ClinicProjection {
  readonly #db: PunchcardDatabase;
  #currency: string;
  #state: AttentionState;
  /** how far #state has certainly folded the journal (it may hold later entries too) */
  #mark: FoldMark = { checkpoint: null, documents: 0 };
  /** bumped by reset(): work begun for an older state stops */
  #generation = 0;
  #ready = false;
  #closed = false;
  #build: Promise<void> | null = null;
  #started: ClinicStart | null = null;
  #dirty = false;
  /** the mark of the snapshot on disk (loaded or last written); null: none known */
  #savedMark: FoldMark | null = null;
  #timer: NodeJS.Timeout | null = null;
  #saving: Promise<void> = Promise.resolve();
  /** the fold worker while it runs: close() waits for it to stop */
  #worker: Promise<unknown> = Promise.resolve();
  readonly #stop = new AbortController();
  readonly #options: Required<ClinicProjectionOptions>;

  constructor(db: PunchcardDatabase, currency: string, options: ClinicProjectionOptions = {}) {
    this.#db = db;
    this.#currency = currency;
    this.#state = createAttentionState(currency);
    this.#options = {
      delayMs: options.delayMs ?? 1000,
      pageSize: options.pageSize ?? 500,
      snapshotFile: options.snapshotFile ?? '',
      saveEveryMs: options.saveEveryMs ?? 5 * 60_000,
      foldWorker: options.foldWorker ?? {},
    };
  }

  get state(): AttentionState {
    return this.#state;
  }

  get isReady(): boolean {
    return this.#ready;
  }

  /** How the start-up fold went; null until it is done. */
  get started(): ClinicStart | null {
    return this.#started;
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
    let changed = false;
    for (const entry of entries) if (applyToAttentionState(this.#state, entry)) changed = true;
    if (changed && this.#ready) this.#saveLater();
  }

  /** Start again from nothing (the currency changed). */
  reset(currency: string): void {
    this.#generation += 1;
    this.#currency = currency;
    this.#state = createAttentionState(currency);
    this.#mark = { checkpoint: null, documents: 0 };
    this.#savedMark = null;
    this.#ready = false;
    this.#started = null;
    this.#build = null;
  }

  /**
   * Save the snapshot now (once the start-up fold is done; nothing without a file): read
   * up to the journal's end first, so the checkpoint is as late as the state.
   */
  save(): Promise<void> {
    const run = this.#saving.then(() => this.#saveNow());
    this.#saving = run.catch(() => undefined);
    return run;
  }

  /** Stop folding; save what changed since the last snapshot, and wait for it. */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#stop.abort();
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      if (this.#dirty) void this.save().catch(() => undefined);
    }
    await this.#worker;
    await this.#saving;
  }

  #saveLater(): void {
    this.#dirty = true;
    if (this.#timer || this.#closed || !this.#options.snapshotFile) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.save().catch(() => undefined); // kept for the next try; the desk works without it
    }, this.#options.saveEveryMs);
    this.#timer.unref();
  }

  async #saveNow(): Promise<void> {
    const file = this.#options.snapshotFile;
    if (!file || !this.#ready) return;
    const generation = this.#generation;
    const state = this.#state;
    const mark = { ...this.#mark };
    const changed = this.#dirty;
    this.#dirty = false;
    if (!(await this.#catchUp(state, mark, () => generation !== this.#generation))) return;
    this.#mark = mark;
    if (!changed && this.#savedMark && sameMark(this.#savedMark, mark)) {
      return; // the file on disk says the same already
    }
    try {
      // Encoded at once: the state cannot move between the checkpoint and the bytes.
      await writeSnapshotFile(file, snapshotBytes(state, mark));
    } catch (error) {
      this.#dirty = true; // the next save (at close at the latest) tries again
      throw error;
    }
    this.#savedMark = mark;
  }

  async #fold(): Promise<void> {
    if (this.#options.delayMs > 0) {
      try {
        await sleep(this.#options.delayMs, undefined, { signal: this.#stop.signal });
      } catch {
        return; // closed while waiting
      }
    }
    const began = performance.now();
    const generation = this.#generation;
    const stopped = () => this.#closed || generation !== this.#generation;
    let reason = 'no snapshot file';
    if (this.#options.snapshotFile) {
      const restored = await this.#restore(this.#options.snapshotFile, stopped);
      if (stopped()) return;
      if (restored.ok) {
        this.#finish('snapshot', '', restored.documents, began);
        if (restored.documents > 0) this.save().catch(() => undefined);
        return;
      }
      reason = restored.reason;
      const viaWorker = await this.#foldInWorker(this.#options.snapshotFile, stopped);
      if (stopped()) return;
      if (viaWorker.ok) {
        this.#finish('worker', reason, viaWorker.documents, began);
        if (viaWorker.tail > 0) this.save().catch(() => undefined);
        return;
      }
      if (viaWorker.reason) reason = `${reason}; not in a worker: ${viaWorker.reason}`;
    }
    // From the first entry. Entries applied to a state dropped here are in the journal,
    // and the fold reads them.
    const state = createAttentionState(this.#currency);
    const mark: FoldMark = { checkpoint: null, documents: 0 };
    this.#state = state;
    this.#savedMark = null;
    if (!(await this.#catchUp(state, mark, stopped))) return;
    this.#mark = mark;
    this.#finish('journal', reason, mark.documents, began);
    if (this.#options.snapshotFile) this.save().catch(() => undefined);
  }

  #finish(from: ClinicStart['from'], reason: string, documents: number, began: number): void {
    this.#ready = true;
    this.#started = { from, reason, documents, ms: Math.round(performance.now() - began) };
  }

  /**
   * The whole journal folded by the fold worker into `file`, then loaded from it through
   * #restore's checks. Not ok (reason '' when there is no worker to ask: memory storage,
   * turned off): the caller folds here.
   */
  async #foldInWorker(
    file: string,
    stopped: () => boolean,
  ): Promise<{ ok: true; documents: number; tail: number } | { ok: false; reason: string }> {
    const source = journalTableOf(this.#db);
    const options = this.#options.foldWorker;
    if (!source || options === false) return { ok: false, reason: '' };
    // One worker at a time writes the file (a reset() while one ran: it finishes first).
    await this.#worker;
    if (stopped()) return { ok: false, reason: 'closed' };
    const running = foldJournalInWorker(
      { source, currency: this.#currency, snapshotFile: file },
      options,
      this.#stop.signal,
    );
    this.#worker = running;
    const folded = await running;
    if (!folded.ok) return folded;
    if (stopped()) return { ok: false, reason: 'closed' };
    const restored = await this.#restore(file, stopped);
    if (!restored.ok) return { ok: false, reason: `its snapshot: ${restored.reason}` };
    return { ok: true, documents: folded.documents + restored.documents, tail: restored.documents };
  }

  /**
   * The snapshot, when it fits this journal, with every document written after it
   * folded. It fits when its format, currency and checksum are right, its checkpoint's
   * document is still there unchanged, and — the journal being append-only — the journal
   * holds exactly the documents it counted plus those after the checkpoint (a restored or
   * other database, a document written under an earlier clock, a deletion: all differ).
   */
  async #restore(
    file: string,
    stopped: () => boolean,
  ): Promise<{ ok: true; documents: number } | { ok: false; reason: string }> {
    const loaded = await loadSnapshotFile(file, this.#currency);
    if (!loaded.ok) return loaded;
    const { state, mark } = loaded;
    if (mark.checkpoint && !(await checkpointHolds(this.#db, mark.checkpoint))) {
      return { ok: false, reason: 'the checkpoint document is gone or changed' };
    }
    if (stopped()) return { ok: false, reason: 'closed' };
    // From here entries written by anyone are applied to it as they come.
    this.#state = state;
    this.#savedMark = { ...mark };
    const counted = mark.documents;
    // Documents written between the last page and the count make it differ: read on.
    for (let round = 0; round < ROUNDS_TO_CATCH_UP; round += 1) {
      if (!(await this.#catchUp(state, mark, stopped))) return { ok: false, reason: 'closed' };
      const total = await journalDocumentCount(this.#db);
      if (total === mark.documents) {
        this.#mark = mark;
        return { ok: true, documents: mark.documents - counted };
      }
      if (total < mark.documents) break;
    }
    return { ok: false, reason: 'the journal is not the snapshot and the documents since' };
  }

  /** Fold every document after `mark` into `state`, moving `mark` along; false when stopped. */
  async #catchUp(state: AttentionState, mark: FoldMark, stopped: () => boolean): Promise<boolean> {
    for await (const page of journalChangesAfter(
      this.#db,
      this.#options.pageSize,
      mark.checkpoint,
    )) {
      if (stopped()) return false;
      for (const entry of page.entries) applyToAttentionState(state, entry);
      mark.checkpoint = page.checkpoint;
      mark.documents += page.entries.length;
      await yieldToEventLoop();
    }
    return !stopped();
  }
}

function sameMark(a: FoldMark, b: FoldMark): boolean {
  return (
    a.documents === b.documents &&
    a.checkpoint?.id === b.checkpoint?.id &&
    a.checkpoint?.lwt === b.checkpoint?.lwt
  );
}
