// A funder's totals across its patients, from the per-patient positions.
import type { FunderAccount } from '../../../shared/contract/domains/ledger.ts';
import { add, zeroAmount } from '../../../shared/money.ts';

export interface FunderTotals {
  /** set aside for patients (money and packages bought) plus what is not yet split */
  received: string;
  held: string;
  spent: string;
  /** still to be used: remaining per patient plus what is not yet split */
  remaining: string;
}

export function funderTotals(account: FunderAccount): FunderTotals {
  let received = account.unallocated;
  let held = zeroAmount(account.currency);
  let spent = zeroAmount(account.currency);
  let remaining = account.unallocated;
  for (const position of account.positions) {
    received = add(received, position.received);
    held = add(held, position.held);
    spent = add(spent, position.spent);
    remaining = add(remaining, position.remaining);
  }
  return { received, held, spent, remaining };
}
