// A funder's position per patient: received, spent on sessions delivered, remaining.
import type { Amount } from '../../money.ts';
import { subtract, zeroAmount } from '../../money.ts';
import { accounts } from '../accounts.ts';
import type { LedgerState } from '../state.ts';
import { balanceOf, liabilityOf } from './balances.ts';

export interface FunderPosition {
  funderId: string;
  patientId: string;
  /** funder money set aside for the patient plus packages the funder bought for them */
  received: Amount;
  /** spent on the patient's invoices and on sessions delivered from funder packages */
  spent: Amount;
  /** package value the funder lost at expiry */
  expired: Amount;
  /** received − spent − expired */
  remaining: Amount;
  /** of which is held as money (the rest is unused package value) */
  held: Amount;
}

export function funderPosition(
  state: LedgerState,
  funderId: string,
  patientId: string,
): FunderPosition {
  const zero = zeroAmount(state.currency);
  const record = state.funderPatients.get(`${funderId}|${patientId}`);
  const received = record?.received ?? zero;
  const spent = record?.spent ?? zero;
  const expired = record?.expired ?? zero;
  return {
    funderId,
    patientId,
    received,
    spent,
    expired,
    remaining: subtract(subtract(received, spent), expired),
    held: liabilityOf(state, accounts.funderHeld(funderId, patientId)),
  };
}

/** Every patient position of a funder, by patient id. O(funder-patient pairs). */
export function funderPositions(state: LedgerState, funderId: string): FunderPosition[] {
  const rows: FunderPosition[] = [];
  for (const record of state.funderPatients.values()) {
    if (record.funderId === funderId) rows.push(funderPosition(state, funderId, record.patientId));
  }
  return rows.sort((a, b) => (a.patientId < b.patientId ? -1 : 1));
}

/** A funder's lump-sum money not yet set aside for any patient. */
export function funderUnallocated(state: LedgerState, funderId: string): Amount {
  return liabilityOf(state, accounts.funderUnallocated(funderId));
}

/** What the funder owes on its invoices. */
export function funderOwing(state: LedgerState, funderId: string): Amount {
  return balanceOf(state, accounts.funderReceivable(funderId));
}
