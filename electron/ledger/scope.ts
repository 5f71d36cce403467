// What part of the journal a command or a query needs: the entries of some
// patients, some funders, and (for money of unknown payer) some payments.
// A scope's entries come from indexed queries, never a scan of the journal.
import type { JournalEntry } from '../../shared/ledger/index.ts';

export interface Scope {
  patients?: readonly string[];
  funders?: readonly string[];
  /** payments whose parked (unapplied) money is involved */
  payments?: readonly string[];
}

export interface NormalScope {
  key: string;
  patients: ReadonlySet<string>;
  funders: ReadonlySet<string>;
  payments: ReadonlySet<string>;
}

function sortedUnique(ids: readonly string[] | undefined): string[] {
  return [...new Set((ids ?? []).filter((id) => id !== ''))].sort();
}

export function normalScope(scope: Scope): NormalScope {
  const patients = sortedUnique(scope.patients);
  const funders = sortedUnique(scope.funders);
  const payments = sortedUnique(scope.payments);
  return {
    key: `p:${patients.join(',')}|f:${funders.join(',')}|u:${payments.join(',')}`,
    patients: new Set(patients),
    funders: new Set(funders),
    payments: new Set(payments),
  };
}

export function isEmptyScope(scope: NormalScope): boolean {
  return scope.patients.size === 0 && scope.funders.size === 0 && scope.payments.size === 0;
}

/** Whether the entry belongs to the scope (the same rule the scope's queries follow). */
export function inScope(scope: NormalScope, entry: JournalEntry): boolean {
  return (
    (entry.patientId !== '' && scope.patients.has(entry.patientId)) ||
    (entry.counterpartyPatientId !== '' && scope.patients.has(entry.counterpartyPatientId)) ||
    (entry.funderId !== '' && scope.funders.has(entry.funderId)) ||
    (entry.paymentId !== '' &&
      scope.payments.has(entry.paymentId) &&
      (entry.kind === 'unappliedReceived' ||
        entry.kind === 'unappliedAssigned' ||
        entry.kind === 'reversal'))
  );
}
