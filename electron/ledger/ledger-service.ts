// The ledger's service in the main process: runs the pure commands against the
// projections they need, writes what they return, and keeps every projection
// current from the journal's change stream (so entries that arrive by
// replication count too). Commands reach it through the dispatcher, which
// runs one operation at a time per desk: a command reads its state and writes
// its entries with nothing in between.
import type { Subscription } from 'rxjs';
import type { Appointment } from '../../shared/ledger/index.ts';
import type {
  CommandContext,
  CommandResult,
  JournalEntry,
  LedgerError,
  LedgerState,
} from '../../shared/ledger/index.ts';
import { createLedgerState } from '../../shared/ledger/index.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { ensureClinicSettings } from './clinic-settings.ts';
import { ClinicProjection, type ClinicProjectionOptions } from './clinic-projection.ts';
import { createNumberSource, type NumberSource } from './document-numbers.ts';
import { plainEntry } from './journal-queries.ts';
import {
  ProjectionCache,
  type ProjectionCacheOptions,
  type ScopedProjection,
} from './projection-cache.ts';
import { isEmptyScope, normalScope, type Scope } from './scope.ts';
import { linkEntries } from '../audit/entry-chain.ts';
import { loadChainHead } from '../audit/journal-chain.ts';

export interface LedgerServiceOptions {
  db: PunchcardDatabase;
  deskId: string;
  /** the staff member stamped on documents the service creates itself */
  staffId: string;
  now: () => Date;
  newId: () => string;
  clinic?: ClinicProjectionOptions;
  cache?: ProjectionCacheOptions;
  /** The desk's chosen number prefix ('' → derived from the desk id), read at each number. */
  numberPrefix?: () => string;
}

export type Accepted<R> = Extract<CommandResult<R>, { ok: true }>;

export type RunOutcome<R> =
  { ok: true; result: Accepted<R>; numbers: string[] } | { ok: false; error: LedgerError };

export type LedgerCommand<R> = (state: LedgerState, ctx: CommandContext) => CommandResult<R>;

export interface LedgerService {
  readonly deskId: string;
  /** the clinic's currency (ISO 4217), from the settings */
  readonly currency: string;
  /** The projection of a scope (a patient, a funder, …), built on first need. */
  projection(scope: Scope): Promise<ScopedProjection>;
  /** The clinic-wide projection (built in the background). */
  readonly clinic: ClinicProjection;
  /**
   * Run a command on the state of `scope` (an empty scope: an empty state), write its
   * entries, then its appointment document when it returns one.
   */
  run<R extends object>(
    scope: Scope,
    command: LedgerCommand<R>,
    actor: { staffId: string },
  ): Promise<RunOutcome<R>>;
  /** The settings' currency changed (only allowed while the journal is empty). */
  setCurrency(currency: string): void;
  /** Stop the projections; the clinic-wide one saves its snapshot first when it changed. */
  close(): Promise<void>;
}

export async function createLedgerService(options: LedgerServiceOptions): Promise<LedgerService> {
  const { db, deskId } = options;
  const settings = await ensureClinicSettings(db, {
    now: options.now().toISOString(),
    staffId: options.staffId,
    deskId,
  });
  let currency = settings.currency;
  const cache = new ProjectionCache(db, currency, options.cache);
  // Nothing of the reports is made here: their copy of the journal (~275 MB at 300k
  // entries when it held whole entries from start) and their needs-attention fold are
  // made on the first report that needs them and dropped when idle (electron/reports/).
  const clinic = new ClinicProjection(db, currency, options.clinic);
  const numbers: NumberSource = createNumberSource(db, deskId, options.numberPrefix);
  // The end of this desk's hash chain: each entry written links to the one before.
  let chainHead = await loadChainHead(db, deskId);

  const applyEverywhere = (entries: readonly JournalEntry[]): void => {
    cache.apply(entries);
    clinic.apply(entries);
  };
  // Entries inserted by anyone (this desk, replication, a restore) reach every projection.
  const subscription: Subscription = db.journal.$.subscribe((event) => {
    if (event.operation === 'INSERT') applyEverywhere([plainEntry(event.documentData)]);
  });
  clinic.start();

  async function run<R extends object>(
    scope: Scope,
    command: LedgerCommand<R>,
    actor: { staffId: string },
  ): Promise<RunOutcome<R>> {
    const normal = normalScope(scope);
    const state = isEmptyScope(normal)
      ? createLedgerState(currency)
      : (await cache.projection(scope)).state;
    await numbers.prepare();
    const now = options.now().toISOString();
    const ctx: CommandContext = {
      now,
      newId: options.newId,
      deskId,
      staffId: actor.staffId,
      nextNumber: (kind) => numbers.take(kind),
    };
    let result: CommandResult<R>;
    try {
      result = command(state, ctx);
    } catch (error) {
      numbers.discard();
      throw error;
    }
    if (!result.ok) {
      numbers.discard();
      return { ok: false, error: result.error };
    }
    const given = numbers.taken();
    // Counters first: a crash before the entries are written leaves a gap, never a repeat.
    if (given.length > 0) await numbers.save({ now, staffId: actor.staffId });
    if (result.entries.length > 0) {
      const linked = linkEntries(result.entries, chainHead);
      const written = await db.journal.bulkInsert(linked.entries);
      if (written.error.length > 0) {
        throw new Error(`The journal refused ${written.error.length} entries`);
      }
      chainHead = linked.head;
      applyEverywhere(linked.entries);
    }
    const appointment = (result as { appointment?: Appointment }).appointment;
    if (appointment) await db.appointments.upsert(appointment);
    return { ok: true, result: result as Accepted<R>, numbers: given };
  }

  return {
    deskId,
    get currency() {
      return currency;
    },
    projection: (scope) => cache.projection(scope),
    clinic,
    run,
    setCurrency(next) {
      if (next === currency) return;
      currency = next;
      cache.reset(next);
      clinic.reset(next);
      clinic.start();
    },
    async close() {
      subscription.unsubscribe();
      await clinic.close();
    },
  };
}
