// A plain, deterministic picture of everything the state derives: two states that agree
// on it agree on every projection. Used to compare incremental and from-scratch folds.
import type { LedgerState } from '../state.ts';

export type StateSnapshot = { [key: string]: unknown };

function sortedEntries<V, R>(map: Map<string, V>, view: (value: V) => R): [string, R][] {
  return [...map.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => [k, view(v)]);
}

export function snapshotState(state: LedgerState): StateSnapshot {
  const sortedSet = (set: Set<string>): string[] => [...set].sort();
  return {
    currency: state.currency,
    entryCount: state.entryCount,
    lineTotal: state.lineTotal,
    balances: sortedEntries(state.balances, (v) => v),
    reversedBy: sortedEntries(state.reversedBy, (v) => v),
    invoices: sortedEntries(state.invoices, (v) => v),
    packages: sortedEntries(state.packages, (v) => ({
      ...v,
      uses: sortedEntries(v.uses, (u) => u),
    })),
    payments: sortedEntries(state.payments, (v) => ({
      ...v,
      byMethod: sortedEntries(v.byMethod, (m) => m),
    })),
    funderPatients: sortedEntries(state.funderPatients, (v) => v),
    creditFlows: sortedEntries(state.creditFlows, (v) => v),
    provenance: sortedEntries(state.provenance, (v) => v),
    appointmentPackages: sortedEntries(state.appointmentPackages, sortedSet),
    patientInvoices: sortedEntries(state.patientInvoices, sortedSet),
    funderInvoices: sortedEntries(state.funderInvoices, sortedSet),
    patientPackages: sortedEntries(state.patientPackages, sortedSet),
    patientFunders: sortedEntries(state.patientFunders, sortedSet),
    attention: sortedEntries(state.attention, (v) => v),
  };
}
