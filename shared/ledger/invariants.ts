// The ledger's self-check: a list of violations, empty when healthy. Run by tests and
// available to the app as a self-check.
import { add, compare, isCanonicalAmount, isZero, negate, subtract, zeroAmount } from '../money.ts';
import { isValidId, parseAccount, patientOfAccount } from './accounts.ts';
import type { JournalEntry } from './entry.ts';
import { ENTRY_KINDS } from './entry.ts';
import { balanceOf } from './projections/balances.ts';
import { creditFlows, creditProvenance } from './projections/patient.ts';
import { snapshotState } from './projections/snapshot.ts';
import type { LedgerState } from './state.ts';
import { fromEntries } from './state.ts';

export type ViolationKind =
  | 'unbalanced-entry'
  | 'malformed-entry'
  | 'duplicate-id'
  | 'trial-balance'
  | 'patient-not-named'
  | 'reversal-mismatch'
  | 'reversed-twice'
  | 'package-overused-unflagged'
  | 'credit-unexplained'
  | 'projection-mismatch'
  | 'broken-chain'; // a desk's hash chain (electron/audit) is broken: altered, removed or reordered

export interface Violation {
  kind: ViolationKind;
  entryId: string;
  message: string;
}

/**
 * Check the journal. `state` is either the incrementally maintained projection (then it
 * is also compared with a from-scratch fold of `entries`) or just `{ currency }`.
 */
export function checkInvariants(
  entries: readonly JournalEntry[],
  state: LedgerState | { currency: string },
): Violation[] {
  const currency = state.currency;
  const violations: Violation[] = [];
  const byId = new Map<string, JournalEntry>();
  const reversedBy = new Map<string, string>();
  const kinds = new Set<string>(ENTRY_KINDS);
  for (const entry of entries) {
    if (byId.has(entry.id))
      violations.push({
        kind: 'duplicate-id',
        entryId: entry.id,
        message: `Entry id ${entry.id} appears twice`,
      });
    byId.set(entry.id, entry);
  }
  for (const entry of entries) {
    if (!isValidId(entry.id) || !kinds.has(entry.kind) || !Array.isArray(entry.lines)) {
      violations.push({
        kind: 'malformed-entry',
        entryId: String(entry.id),
        message: `Entry ${String(entry.id)} is malformed`,
      });
      continue;
    }
    let total = zeroAmount(currency);
    let amountsOk = true;
    for (const line of entry.lines) {
      if (
        !isCanonicalAmount(line.amount, currency) ||
        isZero(line.amount) ||
        parseAccount(line.account).type === 'unknown'
      ) {
        amountsOk = false;
        break;
      }
      total = add(total, line.amount);
    }
    if (!amountsOk) {
      violations.push({
        kind: 'malformed-entry',
        entryId: entry.id,
        message: `Entry ${entry.id} has a malformed line`,
      });
      continue;
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
      const first = reversedBy.get(entry.reverses);
      if (first)
        violations.push({
          kind: 'reversed-twice',
          entryId: entry.id,
          message: `Entry ${entry.reverses} is reversed by both ${first} and ${entry.id}`,
        });
      else reversedBy.set(entry.reverses, entry.id);
      const original = byId.get(entry.reverses);
      if (original && !sameLinesNegated(original, entry)) {
        violations.push({
          kind: 'reversal-mismatch',
          entryId: entry.id,
          message: `Reversal ${entry.id} does not negate ${original.id}`,
        });
      }
    }
  }

  const fresh = fromEntries(entries, currency);
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
  if ('balances' in state) {
    const a = JSON.stringify(snapshotState(state));
    const b = JSON.stringify(snapshotState(fresh));
    if (a !== b)
      violations.push({
        kind: 'projection-mismatch',
        entryId: '',
        message: 'The projections differ from a recomputation over the journal',
      });
  }
  return violations;
}

function sameLinesNegated(original: JournalEntry, reversal: JournalEntry): boolean {
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
