// Projections of parts of the journal, built when first needed and then kept
// current. A scoped projection (a patient, a funder, or what a command needs)
// is folded from that scope's entries, found by index; the cache keeps the
// most recently used ones, bounded by the entries they hold. Every entry
// written here or arriving by replication is applied to the projections it
// belongs to: applyEntry is idempotent and its result does not depend on the
// order entries arrive in, so an entry seen twice, or while a projection is
// still being built, lands where it belongs.
import type { JournalEntry, LedgerState } from '../../shared/ledger/index.ts';
import { applyEntry, createLedgerState } from '../../shared/ledger/index.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { entriesOfFunder, entriesOfPatient, entriesOfUnappliedPayment } from './journal-queries.ts';
import { inScope, normalScope, type NormalScope, type Scope } from './scope.ts';

export interface ScopedProjection {
  scope: NormalScope;
  state: LedgerState;
  /** the scope's entries by id (for histories and statements) */
  entries: Map<string, JournalEntry>;
}

export interface ProjectionCacheOptions {
  /** most entries held by all cached projections together */
  maxEntries?: number;
  /** most projections kept */
  maxProjections?: number;
}

export class ProjectionCache {
  readonly #db: PunchcardDatabase;
  #currency: string;
  readonly #maxEntries: number;
  readonly #maxProjections: number;
  /** most recently used last */
  readonly #cached = new Map<string, ScopedProjection>();
  readonly #building = new Map<string, { projection: ScopedProjection; done: Promise<void> }>();
  #generation = 0;

  constructor(db: PunchcardDatabase, currency: string, options: ProjectionCacheOptions = {}) {
    this.#db = db;
    this.#currency = currency;
    this.#maxEntries = options.maxEntries ?? 200_000;
    this.#maxProjections = options.maxProjections ?? 500;
  }

  get currency(): string {
    return this.#currency;
  }

  /** Forget everything (the currency changed: every amount must be read again). */
  reset(currency: string): void {
    this.#currency = currency;
    this.#cached.clear();
    this.#building.clear();
    this.#generation += 1;
  }

  /** The scope's projection, folded from its entries the first time. */
  async projection(scopeInput: Scope): Promise<ScopedProjection> {
    const scope = normalScope(scopeInput);
    const cached = this.#cached.get(scope.key);
    if (cached) {
      this.#cached.delete(scope.key);
      this.#cached.set(scope.key, cached);
      return cached;
    }
    const building = this.#building.get(scope.key);
    if (building) {
      await building.done;
      return building.projection;
    }
    const generation = this.#generation;
    const projection: ScopedProjection = {
      scope,
      state: createLedgerState(this.#currency),
      entries: new Map(),
    };
    const done = this.#load(projection);
    this.#building.set(scope.key, { projection, done });
    try {
      await done;
    } finally {
      this.#building.delete(scope.key);
    }
    if (generation === this.#generation) {
      this.#cached.set(scope.key, projection);
      this.#evict(scope.key);
    }
    return projection;
  }

  /** Apply entries (just written, or arrived by replication) to every projection they belong to. */
  apply(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      for (const projection of this.#cached.values()) addTo(projection, entry);
      for (const { projection } of this.#building.values()) addTo(projection, entry);
    }
  }

  /** Projections held and the entries they hold (for tests and the benchmark). */
  stats(): { projections: number; entries: number } {
    let entries = 0;
    for (const projection of this.#cached.values()) entries += projection.entries.size;
    return { projections: this.#cached.size, entries };
  }

  async #load(projection: ScopedProjection): Promise<void> {
    const { scope } = projection;
    const lists = await Promise.all([
      ...[...scope.patients].map((id) => entriesOfPatient(this.#db, id)),
      ...[...scope.funders].map((id) => entriesOfFunder(this.#db, id)),
      ...[...scope.payments].map((id) => entriesOfUnappliedPayment(this.#db, id)),
    ]);
    for (const list of lists) for (const entry of list) addTo(projection, entry);
  }

  #evict(keep: string): void {
    let total = 0;
    for (const projection of this.#cached.values()) total += projection.entries.size;
    for (const [key, projection] of this.#cached) {
      if (total <= this.#maxEntries && this.#cached.size <= this.#maxProjections) break;
      if (key === keep) continue;
      this.#cached.delete(key);
      total -= projection.entries.size;
    }
  }
}

function addTo(projection: ScopedProjection, entry: JournalEntry): void {
  if (!inScope(projection.scope, entry)) return;
  if (applyEntry(projection.state, entry)) projection.entries.set(entry.id, entry);
}
