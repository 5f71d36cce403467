// When no package session fits a visit, the desk should see why before it
// charges the patient: the package is used up, expired, or does not cover the
// service. The quote says so for a package the visit was booked against; for
// the patient's other packages the reasons are worked out here the same way.
import type { CheckoutQuote, PatientAccount } from '../../../shared/contract/domains/ledger.ts';

export function packageExplanation(
  quote: CheckoutQuote,
  packages: PatientAccount['packages'] | undefined,
  now: string,
): string {
  if (quote.package) return '';
  if (quote.packageProblem) return sentence(quote.packageProblem);
  const reasons = (packages ?? [])
    .filter((p) => p.status !== 'cancelled')
    .map((p) => {
      if (p.status === 'closed' || p.status === 'expired' || (p.expiresAt && now >= p.expiresAt))
        return `${p.sale.name} expired on ${p.expiresAt.slice(0, 10)}`;
      if (p.remaining <= 0) return `All ${p.size} sessions of ${p.sale.name} have been used`;
      const eligible = p.sale.eligibleServiceIds;
      if (eligible.length > 0 && !eligible.includes(quote.appointment.serviceId))
        return `${p.sale.name} does not cover this service`;
      return '';
    })
    .filter(Boolean);
  return reasons.map(sentence).join(' ');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
