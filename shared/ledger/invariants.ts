// The ledger's self-check: a list of violations, empty when healthy. Run by tests and
// available to the app as a self-check.
import type { JournalEntry } from './entry.ts';
import { checkEntry, checkReversal, duplicateId, foldViolations } from './invariant-checks.ts';
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
  for (const entry of entries) {
    if (byId.has(entry.id)) violations.push(duplicateId(entry.id));
    byId.set(entry.id, entry);
  }
  for (const entry of entries) {
    if (!checkEntry(entry, currency, reversedBy, violations)) continue;
    const original = byId.get(entry.reverses);
    if (original) checkReversal(entry, original, violations);
  }

  const fresh = fromEntries(entries, currency);
  violations.push(...foldViolations(fresh));
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
