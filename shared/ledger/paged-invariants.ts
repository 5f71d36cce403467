// checkInvariants (invariants.ts) a page at a time, for the desk's self-check over a
// whole stored journal: the same violations, without holding every entry at once. What
// it keeps while the pages go by: each entry's id (IdSlots), the fresh full LedgerState
// its checks need (dropped with the checker), a lean fold to compare with the desk's
// resident one, and the reversals. A reversal is compared with its original at the end,
// from originals the caller reads by id (`originalsNeeded`): few entries are reversed.
//
// Pages must come in one fixed order (a desk's storage order); "reversed twice" names
// the reversal met first in that order, as checkInvariants does in its array's order.
import { add, compare, isCanonicalAmount, isZero, negate, subtract, zeroAmount } from '../money.ts';
import { isValidId, parseAccount, patientOfAccount } from './accounts.ts';
import type { AttentionState } from './attention-state.ts';
import { applyToAttentionState, createAttentionState } from './attention-state.ts';
import type { JournalEntry } from './entry.ts';
import { ENTRY_KINDS } from './entry.ts';
import { IdSlots } from './id-slots.ts';
import type { Violation } from './invariants.ts';
import { balanceOf } from './projections/balances.ts';
import { creditFlows, creditProvenance } from './projections/patient.ts';
import type { LedgerState } from './state.ts';
import { applyEntry, createLedgerState } from './state.ts';

const KINDS: ReadonlySet<string> = new Set(ENTRY_KINDS);

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
      if (this.#ids.add(entry.id) < known)
        this.#violations.push({
          kind: 'duplicate-id',
          entryId: entry.id,
          message: `Entry id ${entry.id} appears twice`,
        });
      this.#checkEntry(entry);
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
      if (original && !sameLinesNegated(original, reversal)) {
        violations.push({
          kind: 'reversal-mismatch',
          entryId: reversal.id,
          message: `Reversal ${reversal.id} does not negate ${original.id}`,
        });
      }
    }
    violations.push(...foldViolations(this.#fresh));
    return { violations, lean: this.#lean };
  }

  #checkEntry(entry: JournalEntry): void {
    const currency = this.#currency;
    const violations = this.#violations;
    if (!isValidId(entry.id) || !KINDS.has(entry.kind) || !Array.isArray(entry.lines)) {
      violations.push({
        kind: 'malformed-entry',
        entryId: String(entry.id),
        message: `Entry ${String(entry.id)} is malformed`,
      });
      return;
    }
    let total = zeroAmount(currency);
    for (const line of entry.lines) {
      if (
        !isCanonicalAmount(line.amount, currency) ||
        isZero(line.amount) ||
        parseAccount(line.account).type === 'unknown'
      ) {
        violations.push({
          kind: 'malformed-entry',
          entryId: entry.id,
          message: `Entry ${entry.id} has a malformed line`,
        });
        return;
      }
      total = add(total, line.amount);
    }
    if (!isZero(total))
      violations.push({
        kind: 'unbalanced-entry',
        entryId: entry.id,
        message: `Entry ${entry.id} is out of balance by ${total}`,
      });
    // A patient-scoped fold must see every entry touching that patient's accounts.
    for (const line of entry.lines) {
      const patientId = patientOfAccount(line.account);
      if (patientId && patientId !== entry.patientId && patientId !== entry.counterpartyPatientId) {
        violations.push({
          kind: 'patient-not-named',
          entryId: entry.id,
          message: `Entry ${entry.id} moves ${line.account} but does not name patient ${patientId}`,
        });
      }
    }
    if (entry.reverses) {
      const first = this.#reversedBy.get(entry.reverses);
      if (first)
        violations.push({
          kind: 'reversed-twice',
          entryId: entry.id,
          message: `Entry ${entry.reverses} is reversed by both ${first} and ${entry.id}`,
        });
      else this.#reversedBy.set(entry.reverses, entry.id);
      this.#reversals.push({ id: entry.id, reverses: entry.reverses, lines: entry.lines });
    }
  }
}

/** What only the fresh fold of everything shows: trial balance, packages, credit. */
function foldViolations(fresh: LedgerState): Violation[] {
  const violations: Violation[] = [];
  const currency = fresh.currency;
  if (!isZero(fresh.lineTotal)) {
    violations.push({
      kind: 'trial-balance',
      entryId: '',
      message: `The trial balance is out by ${fresh.lineTotal}`,
    });
  }
  for (const record of fresh.packages.values()) {
    if (
      record.sale &&
      record.used > record.sale.sessions &&
      !fresh.attention.has(`package:${record.packageId}`)
    ) {
      violations.push({
        kind: 'package-overused-unflagged',
        entryId: record.saleEntryId,
        message: `Package ${record.packageId} is used beyond its size without a flag`,
      });
    }
  }
  for (const [patientId, items] of fresh.provenance) {
    const balance = negate(balanceOf(fresh, `credit:${patientId}`));
    let explained = zeroAmount(currency);
    for (const item of items)
      explained =
        item.direction === 'in' ? add(explained, item.amount) : subtract(explained, item.amount);
    const f = creditFlows(fresh, patientId);
    let byFlows = add(add(f.moneyIn, f.granted), f.transferIn);
    for (const out of [f.applied, f.refunded, f.transferOut, f.writtenOff])
      byFlows = subtract(byFlows, out);
    if (
      compare(explained, balance) !== 0 ||
      compare(byFlows, balance) !== 0 ||
      creditProvenance(fresh, patientId).length !== items.length
    ) {
      violations.push({
        kind: 'credit-unexplained',
        entryId: '',
        message: `Credit of patient ${patientId} (${balance}) is not explained by its movements`,
      });
    }
  }
  return violations;
}

function sameLinesNegated(
  original: Pick<JournalEntry, 'lines'>,
  reversal: Pick<JournalEntry, 'lines'>,
): boolean {
  if (original.lines.length !== reversal.lines.length) return false;
  return original.lines.every((line, index) => {
    const other = reversal.lines[index];
    return (
      other !== undefined &&
      other.account === line.account &&
      compare(other.amount, negate(line.amount)) === 0
    );
  });
}
