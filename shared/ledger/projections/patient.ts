// A patient's balance chips and the provenance of their credit.
import type { Amount } from '../../money.ts';
import { isZero, zeroAmount } from '../../money.ts';
import { accounts } from '../accounts.ts';
import type { CreditFlows, LedgerState, ProvenanceItem } from '../state.ts';
import { balanceOf, liabilityOf } from './balances.ts';

export interface PatientBalances {
  patientId: string;
  /** account credit available (negative only after merged offline spending) */
  credit: Amount;
  /** owed by the patient on their invoices */
  owing: Amount;
  /** funder money held for the patient, per funder (funders with a zero balance omitted) */
  funderHeld: { funderId: string; amount: Amount }[];
}

export function creditOf(state: LedgerState, patientId: string): Amount {
  return liabilityOf(state, accounts.credit(patientId));
}

export function owingOf(state: LedgerState, patientId: string): Amount {
  return balanceOf(state, accounts.patientReceivable(patientId));
}

export function funderHeldFor(state: LedgerState, funderId: string, patientId: string): Amount {
  return liabilityOf(state, accounts.funderHeld(funderId, patientId));
}

export function patientBalances(state: LedgerState, patientId: string): PatientBalances {
  const funders = [...(state.patientFunders.get(patientId) ?? [])].sort();
  return {
    patientId,
    credit: creditOf(state, patientId),
    owing: owingOf(state, patientId),
    funderHeld: funders
      .map((funderId) => ({ funderId, amount: funderHeldFor(state, funderId, patientId) }))
      .filter((row) => !isZero(row.amount)),
  };
}

/** Every movement of the patient's credit, oldest first: where it came from and where it went. */
export function creditProvenance(state: LedgerState, patientId: string): readonly ProvenanceItem[] {
  return state.provenance.get(patientId) ?? [];
}

/**
 * The patient's credit by category. Always:
 * credit = moneyIn + granted + transferIn − applied − refunded − transferOut − writtenOff.
 */
export function creditFlows(state: LedgerState, patientId: string): CreditFlows {
  const zero = zeroAmount(state.currency);
  return (
    state.creditFlows.get(patientId) ?? {
      moneyIn: zero,
      granted: zero,
      transferIn: zero,
      applied: zero,
      refunded: zero,
      transferOut: zero,
      writtenOff: zero,
    }
  );
}
