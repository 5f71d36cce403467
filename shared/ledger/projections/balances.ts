// Account balances and the trial balance.
import type { Amount } from '../../money.ts';
import { isZero, negate, zeroAmount } from '../../money.ts';
import type { LedgerState } from '../state.ts';

/** Raw balance of an account: debits positive, credits negative. */
export function balanceOf(state: LedgerState, account: string): Amount {
  return state.balances.get(account) ?? zeroAmount(state.currency);
}

/** Balance of a liability account read the way a person reads it (credit held is positive). */
export function liabilityOf(state: LedgerState, account: string): Amount {
  return negate(balanceOf(state, account));
}

export interface TrialBalanceRow {
  account: string;
  balance: Amount;
}

/** Every account with its balance, sorted by account name. */
export function trialBalance(state: LedgerState): TrialBalanceRow[] {
  return [...state.balances.entries()]
    .map(([account, balance]) => ({ account, balance }))
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/** The sum over all accounts (kept incrementally): zero in a healthy journal. */
export function trialBalanceTotal(state: LedgerState): Amount {
  return state.lineTotal;
}

export function isTrialBalanceZero(state: LedgerState): boolean {
  return isZero(state.lineTotal);
}
