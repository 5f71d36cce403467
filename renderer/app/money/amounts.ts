// Checks and sums on typed amounts, through shared/money.ts only.
import { isPositive, parseAmount, add, zeroAmount } from '../../../shared/money.ts';
import { moneyProblem } from '../ui/MoneyField.tsx';

/** The rule most amount fields add: more than zero. */
export function aboveZero(amount: string): string {
  return isPositive(amount) ? '' : 'Enter an amount above zero.';
}

/** The canonical amount typed, or null while the field has a problem. */
export function typedAmount(
  value: string,
  currency: string,
  check: (amount: string) => string = aboveZero,
): string | null {
  if (moneyProblem(value, currency, false, check) !== '') return null;
  const parsed = parseAmount(value.trim(), currency);
  return parsed.ok ? parsed.amount : null;
}

/** Sum of typed amounts, ignoring fields that are empty or have a problem. */
export function sumTyped(values: string[], currency: string): string {
  let total = zeroAmount(currency);
  for (const value of values) {
    const amount = typedAmount(value, currency, () => '');
    if (amount !== null) total = add(total, amount);
  }
  return total;
}
