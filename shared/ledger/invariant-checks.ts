// The checks behind the self-check, shared by its two drivers: checkInvariants over an
// array of entries (invariants.ts) and PagedInvariantCheck a page at a time
// (paged-invariants.ts). Each pushes violations in the order it finds them; the drivers
// decide when each check runs.
import { add, compare, isCanonicalAmount, isZero, negate, subtract, zeroAmount } from '../money.ts';
import { isValidId, parseAccount, patientOfAccount } from './accounts.ts';
import type { JournalEntry } from './entry.ts';
import { ENTRY_KINDS } from './entry.ts';
import type { Violation } from './invariants.ts';
import { balanceOf } from './projections/balances.ts';
import { creditFlows, creditProvenance } from './projections/patient.ts';
import type { LedgerState } from './state.ts';

const KINDS: ReadonlySet<string> = new Set(ENTRY_KINDS);

/** An id met a second time. */
export function duplicateId(id: string): Violation {
  return { kind: 'duplicate-id', entryId: id, message: `Entry id ${id} appears twice` };
}

/**
 * What one entry shows on its own: malformed, out of balance, a patient's account moved
 * without naming the patient, a second reversal of the same entry (`reversedBy` maps
 * each reversed id to its first reversal, in the order the entries are met). True when
 * the entry is a well-formed reversal, for the caller to compare with its original.
 */
export function checkEntry(
  entry: JournalEntry,
  currency: string,
  reversedBy: Map<string, string>,
  violations: Violation[],
): boolean {
  if (!isValidId(entry.id) || !KINDS.has(entry.kind) || !Array.isArray(entry.lines)) {
    violations.push({
      kind: 'malformed-entry',
      entryId: String(entry.id),
      message: `Entry ${String(entry.id)} is malformed`,
    });
    return false;
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
      return false;
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
  if (!entry.reverses) return false;
  const first = reversedBy.get(entry.reverses);
  if (first)
    violations.push({
      kind: 'reversed-twice',
      entryId: entry.id,
      message: `Entry ${entry.reverses} is reversed by both ${first} and ${entry.id}`,
    });
  else reversedBy.set(entry.reverses, entry.id);
  return true;
}

/** A reversal compared with its original: it must carry the same lines negated. */
export function checkReversal(
  reversal: Pick<JournalEntry, 'id' | 'lines'>,
  original: Pick<JournalEntry, 'id' | 'lines'>,
  violations: Violation[],
): void {
  if (!sameLinesNegated(original, reversal)) {
    violations.push({
      kind: 'reversal-mismatch',
      entryId: reversal.id,
      message: `Reversal ${reversal.id} does not negate ${original.id}`,
    });
  }
}

/** What only the fresh fold of everything shows: trial balance, packages, credit. */
export function foldViolations(fresh: LedgerState): Violation[] {
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
