// Runs the ledger's pure commands the way the desk's service does
// (electron/ledger/ledger-service.ts), but against one clinic-wide state held
// in memory and with a simulated clock: the context carries the event's time,
// the desk and staff member, seeded ids, and per-desk document numbers in the
// desk's own scheme (electron/ledger/document-numbers.ts). Accepted entries are
// applied to the state and handed to a sink; refusals write nothing and are
// counted, as the desk would have shown them to the receptionist.
import type { DeskCounter } from '../../shared/catalog/catalog.ts';
import type {
  Appointment,
  CommandContext,
  CommandResult,
  JournalEntry,
  LedgerState,
  NumberKind,
} from '../../shared/ledger/index.ts';
import { applyEntry, createLedgerState } from '../../shared/ledger/index.ts';
import { counterId, numberPrefix } from '../../electron/ledger/document-numbers.ts';
import { CHAIN_START, linkEntries, type ChainHead } from '../../electron/audit/entry-chain.ts';
import type { SeededIds } from './ulid.ts';

const LABEL: Record<NumberKind, string> = { invoice: 'INV', receipt: 'RCT' };

export type Accepted<R> = Extract<CommandResult<R>, { ok: true }>;

export interface Actor {
  deskId: string;
  staffId: string;
}

export interface DeskRunner {
  readonly state: LedgerState;
  /**
   * Run a command at `time` (ms); the accepted result, or null when it was refused.
   * Money commands never go back in time: a time before the last entry's is moved up
   * to it, so ids, the journal's order and each desk's hash chain agree, as they do
   * on a desk. `bookingOnly` commands (no entries: bookings, early cancellations) keep
   * their own time (a booking made days before).
   */
  run<R extends object>(
    time: number,
    actor: Actor,
    command: (state: LedgerState, ctx: CommandContext) => CommandResult<R>,
    bookingOnly?: boolean,
  ): Accepted<R> | null;
  /** refusals by "code: message" (messages with ids folded away) */
  readonly refusals: Map<string, number>;
  /** entries accepted so far */
  readonly entryCount: number;
  /** the counters' documents as the desks would have saved them */
  counterDocuments(): DeskCounter[];
}

interface CounterState {
  value: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export function createDeskRunner(options: {
  currency: string;
  /** ids of money commands (their clock never goes back) */
  ids: SeededIds;
  /** ids of bookings, which are made at earlier times */
  bookingIds: SeededIds;
  onEntries(entries: JournalEntry[]): void;
  onAppointment(appointment: Appointment): void;
}): DeskRunner {
  const state = createLedgerState(options.currency);
  const counters = new Map<string, { deskId: string; kind: NumberKind; state: CounterState }>();
  const refusals = new Map<string, number>();
  const chains = new Map<string, ChainHead>();
  let entryCount = 0;
  let clock = 0;

  return {
    state,
    refusals,
    get entryCount() {
      return entryCount;
    },
    run<R extends object>(
      time: number,
      actor: Actor,
      command: (state: LedgerState, ctx: CommandContext) => CommandResult<R>,
      bookingOnly = false,
    ): Accepted<R> | null {
      if (!bookingOnly) time = Math.max(time, clock);
      const ids = bookingOnly ? options.bookingIds : options.ids;
      const now = new Date(time).toISOString();
      const pending = new Map<NumberKind, number>();
      const ctx: CommandContext = {
        now,
        newId: () => ids.at(time),
        deskId: actor.deskId,
        staffId: actor.staffId,
        nextNumber: (kind) => {
          const current = counters.get(counterId(actor.deskId, kind))?.state.value ?? 0;
          const next = (pending.get(kind) ?? current) + 1;
          pending.set(kind, next);
          return `${numberPrefix(actor.deskId)}-${LABEL[kind]}-${String(next).padStart(6, '0')}`;
        },
      };
      const result = command(state, ctx);
      if (!result.ok) {
        const key = `${result.error.code}: ${result.error.message.replace(/[0-9A-Z]{26}/g, '…')}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
        return null;
      }
      for (const [kind, value] of pending) {
        const id = counterId(actor.deskId, kind);
        const known = counters.get(id);
        if (known) {
          known.state.value = value;
          known.state.updatedAt = now;
          known.state.updatedBy = actor.staffId;
        } else {
          counters.set(id, {
            deskId: actor.deskId,
            kind,
            state: { value, createdAt: now, updatedAt: now, updatedBy: actor.staffId },
          });
        }
      }
      let accepted = result;
      if (result.entries.length > 0) {
        if (bookingOnly) throw new Error('a booking-only command wrote entries');
        clock = time;
        // Linked to the desk's chain as the ledger service does before writing.
        const linked = linkEntries(result.entries, chains.get(actor.deskId) ?? CHAIN_START);
        chains.set(actor.deskId, linked.head);
        for (const entry of linked.entries) applyEntry(state, entry);
        entryCount += linked.entries.length;
        options.onEntries(linked.entries);
        accepted = { ...result, entries: linked.entries };
      }
      const appointment = (result as { appointment?: Appointment }).appointment;
      if (appointment) options.onAppointment(appointment);
      return accepted;
    },
    counterDocuments() {
      return [...counters.entries()].map(([id, { deskId, kind, state: c }]) => ({
        id,
        type: 'counter',
        name: '',
        counterKind: kind,
        value: c.value,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        updatedBy: c.updatedBy,
        deskId,
      }));
    },
  };
}
