// checkInvariants (invariants.ts) a page at a time, for the desk's self-check over a
// whole stored journal: the same violations, without holding every entry at once. What
// it keeps while the pages go by: each entry's id (IdSlots), the fresh full LedgerState
// its checks need (dropped with the checker), a lean fold to compare with the desk's
// resident one, and the reversals. A reversal is compared with its original at the end,
// from originals the caller reads by id (`originalsNeeded`): few entries are reversed.
//
// Pages must come in one fixed order (a desk's storage order); "reversed twice" names
// the reversal met first in that order, as checkInvariants does in its array's order.
import type { AttentionState } from './attention-state.ts';
import { applyToAttentionState, createAttentionState } from './attention-state.ts';
import type { JournalEntry } from './entry.ts';
import { IdSlots } from './id-slots.ts';
import { checkEntry, checkReversal, duplicateId, foldViolations } from './invariant-checks.ts';
import type { Violation } from './invariants.ts';
import type { LedgerState } from './state.ts';
import { applyEntry, createLedgerState } from './state.ts';

export class PagedInvariantCheck {
  readonly #currency: string;
  readonly #ids = new IdSlots();
  readonly #reversedBy = new Map<string, string>();
  /** well-formed reversals, to compare with their originals at the end */
  readonly #reversals: Pick<JournalEntry, 'id' | 'reverses' | 'lines'>[] = [];
  /** violations in the order checkInvariants finds them: per entry, then the fold's */
  readonly #violations: Violation[] = [];
  #fresh: LedgerState;
  #lean: AttentionState;
  #entries = 0;

  constructor(currency: string) {
    this.#currency = currency;
    this.#fresh = createLedgerState(currency);
    this.#lean = createAttentionState(currency);
  }

  get entries(): number {
    return this.#entries;
  }

  /** The next page of the journal. */
  add(page: readonly JournalEntry[]): void {
    for (const entry of page) {
      this.#entries += 1;
      const known = this.#ids.size;
      if (this.#ids.add(entry.id) < known) this.#violations.push(duplicateId(entry.id));
      if (checkEntry(entry, this.#currency, this.#reversedBy, this.#violations))
        this.#reversals.push({ id: entry.id, reverses: entry.reverses, lines: entry.lines });
      applyEntry(this.#fresh, entry);
      applyToAttentionState(this.#lean, entry);
    }
  }

  /** Ids of the entries that were reversed: read them and pass them to finish(). */
  originalsNeeded(): string[] {
    return [...new Set(this.#reversals.map((reversal) => reversal.reverses))];
  }

  /**
   * The violations, as checkInvariants(every entry, { currency }) gives them, and the
   * lean fold of the same entries (to compare with a resident one).
   */
  finish(originals: ReadonlyMap<string, JournalEntry>): {
    violations: Violation[];
    lean: AttentionState;
  } {
    const violations = [...this.#violations];
    for (const reversal of this.#reversals) {
      const original = originals.get(reversal.reverses);
      if (original) checkReversal(reversal, original, violations);
    }
    violations.push(...foldViolations(this.#fresh));
    return { violations, lean: this.#lean };
  }
}
