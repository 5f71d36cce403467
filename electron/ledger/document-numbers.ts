// Invoice and receipt numbers that stay unique across desks working offline at
// the same time: a prefix of the desk's own plus a counter only that desk
// writes ("D1-INV-000123"). Counters live in the catalog collection as
// `counter:<deskId>:<kind>` documents.
//
// Commands ask for numbers synchronously, so the counters are read before a
// command runs and saved after it, before its entries are written: a crash in
// between leaves a gap in the numbers, never a number used twice.
import type { DeskCounter } from '../../shared/catalog/catalog.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { NumberKind } from '../../shared/ledger/index.ts';

const KINDS: readonly NumberKind[] = ['invoice', 'receipt'];
const LABEL: Record<NumberKind, string> = { invoice: 'INV', receipt: 'RCT' };

/**
 * The desk's prefix, from its id for now: 'desk-1' → 'D1', 'desk-k3m9px' → 'DK3M9PX',
 * anything else upper-cased without punctuation. Distinct desk ids of the usual form give
 * distinct prefixes.
 */
export function numberPrefix(deskId: string): string {
  const match = /^desk-?(.+)$/i.exec(deskId);
  const core = (match ? `D${match[1]}` : deskId).toUpperCase().replace(/[^A-Z0-9]/g, '');
  return core.slice(0, 12) || 'DESK';
}

export function counterId(deskId: string, kind: NumberKind): string {
  return `counter:${deskId}:${kind}`;
}

export interface NumberSource {
  /** Read this desk's counters (once; afterwards they are kept in memory). */
  prepare(): Promise<void>;
  /** The next number of a kind; call between prepare() and save()/discard(). */
  take(kind: NumberKind): string;
  /** Numbers taken since the last save or discard. */
  taken(): string[];
  /** Persist the counters of the numbers taken. */
  save(stamp: { now: string; staffId: string }): Promise<void>;
  /** Forget numbers taken by a command that was refused. */
  discard(): void;
}

/** `prefix`: the desk's chosen prefix ('' → derived from the desk id), read at each number. */
export function createNumberSource(
  db: PunchcardDatabase,
  deskId: string,
  prefix: () => string = () => '',
): NumberSource {
  const values = new Map<NumberKind, number>();
  const created = new Map<NumberKind, string>();
  let pending = new Map<NumberKind, number>();
  let given: string[] = [];

  return {
    async prepare() {
      if (values.size === KINDS.length) return;
      const docs = await db.catalog.findByIds(KINDS.map((kind) => counterId(deskId, kind))).exec();
      for (const kind of KINDS) {
        const doc = docs.get(counterId(deskId, kind));
        const counter = doc ? (doc.toJSON() as DeskCounter) : null;
        values.set(kind, counter?.value ?? 0);
        if (counter) created.set(kind, counter.createdAt);
      }
    },
    take(kind) {
      const next = (pending.get(kind) ?? values.get(kind) ?? 0) + 1;
      pending.set(kind, next);
      const number = `${prefix() || numberPrefix(deskId)}-${LABEL[kind]}-${String(next).padStart(6, '0')}`;
      given.push(number);
      return number;
    },
    taken: () => [...given],
    async save(stamp) {
      const rows: DeskCounter[] = [];
      for (const [kind, value] of pending) {
        const createdAt = created.get(kind) ?? stamp.now;
        rows.push({
          id: counterId(deskId, kind),
          type: 'counter',
          name: '',
          counterKind: kind,
          value,
          createdAt,
          updatedAt: stamp.now,
          updatedBy: stamp.staffId,
          deskId,
        });
      }
      const result = await db.catalog.bulkUpsert(rows);
      if (result.error.length > 0) throw new Error('The document counters could not be saved');
      for (const row of rows) {
        values.set(row.counterKind as NumberKind, row.value);
        created.set(row.counterKind as NumberKind, row.createdAt);
      }
      pending = new Map();
      given = [];
    },
    discard() {
      pending = new Map();
      given = [];
    },
  };
}
