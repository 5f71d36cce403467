// What the check-out screen pre-fills for an appointment: the invoice line from
// the price kept on the appointment, the package session that fits, the credit
// and funder money the patient has, and a default settlement (funder money
// first — it was given for exactly this patient's care — then credit, the rest
// owing). The desk may change any of it before checking out.
import type { CheckoutQuote } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment, LedgerState, PackageView } from '../../../shared/ledger/index.ts';
import {
  packagesOfPatient,
  packageView,
  patientBalances,
  sessionShare,
} from '../../../shared/ledger/index.ts';
import { add, isPositive, minAmount, subtract, zeroAmount } from '../../../shared/money.ts';

/** Why the package cannot cover this visit now, or '' when it can. */
export function packageProblem(view: PackageView | undefined, appointment: Appointment): string {
  if (!view) return 'The package is not known';
  if (view.patientId !== appointment.patientId) return 'That package belongs to another patient';
  if (view.status === 'cancelled') return 'That package sale was reversed';
  if (view.status === 'closed' || view.status === 'expired')
    return `The package ${view.sale.name} expired on ${view.expiresAt.slice(0, 10)}`;
  if (view.remaining <= 0) return `All ${view.size} sessions of ${view.sale.name} have been used`;
  const eligible = view.sale.eligibleServiceIds;
  if (eligible.length > 0 && !eligible.includes(appointment.serviceId))
    return `The package ${view.sale.name} does not cover this service`;
  return '';
}

export function checkoutQuoteView(
  state: LedgerState,
  appointment: Appointment,
  serviceName: string,
  funderNames: Map<string, string>,
  now: string,
): CheckoutQuote {
  const currency = state.currency;
  const zero = zeroAmount(currency);
  const line = {
    description: serviceName || 'Consultation',
    serviceId: appointment.serviceId,
    amount: appointment.price,
  };
  let chosen: PackageView | undefined;
  let problem = '';
  if (appointment.packageId) {
    const view = packageView(state, appointment.packageId, now);
    problem = packageProblem(view, appointment);
    if (!problem) chosen = view;
  } else {
    chosen = packagesOfPatient(state, appointment.patientId, now).find(
      (view) => packageProblem(view, appointment) === '',
    );
  }
  const charged = chosen ? zero : line.amount;
  const balances = patientBalances(state, appointment.patientId);
  let remaining = charged;
  const funderHeld: { funderId: string; amount: string }[] = [];
  for (const row of balances.funderHeld) {
    if (!isPositive(remaining) || !isPositive(row.amount)) continue;
    const part = minAmount(row.amount, remaining);
    funderHeld.push({ funderId: row.funderId, amount: part });
    remaining = subtract(remaining, part);
  }
  const creditAvailable = isPositive(balances.credit) ? balances.credit : zero;
  const credit = minAmount(creditAvailable, remaining);
  remaining = subtract(remaining, credit);
  return {
    appointment,
    currency,
    lines: [line],
    total: add(zero, line.amount),
    package: chosen
      ? {
          packageId: chosen.packageId,
          name: chosen.sale.name,
          label: `${chosen.used + 1} of ${chosen.size}`,
          share: sessionShare(state, chosen),
        }
      : null,
    charged,
    creditAvailable,
    funderAvailable: balances.funderHeld.map((row) => ({
      ...row,
      name: funderNames.get(row.funderId) ?? row.funderId,
    })),
    suggested: { packageId: chosen?.packageId ?? '', funderHeld, credit, owing: remaining },
    packageProblem: problem,
  };
}
