// The record's balance chips: account credit, what is owing, and funder money
// held for the patient (one chip per funder). Negative credit — two desks spent
// the same money offline — is shown as a warning.
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import { isNegative, isPositive } from '../../../shared/money.ts';

export function BalanceChips(props: {
  account: PatientAccount;
  money: (amount: string) => string;
}) {
  const { balances } = props.account;
  return (
    <ul class="chips" aria-label="Balances">
      <li class={isNegative(balances.credit) ? 'chip chip--warn' : 'chip'}>
        <span class="chip__label">Account credit</span>
        <strong class="chip__value">{props.money(balances.credit)}</strong>
      </li>
      <li class={isPositive(balances.owing) ? 'chip chip--warn' : 'chip'}>
        <span class="chip__label">Owing</span>
        <strong class="chip__value">{props.money(balances.owing)}</strong>
      </li>
      {balances.funderHeld.map((held) => (
        <li key={held.funderId} class={isNegative(held.amount) ? 'chip chip--warn' : 'chip'}>
          <span class="chip__label">Held by {held.name}</span>
          <strong class="chip__value">{props.money(held.amount)}</strong>
        </li>
      ))}
    </ul>
  );
}
