// The check-out form's arithmetic, apart from the screen: what the draft
// charges, what each source settles, what is left, which field is wrong, and
// the one command it becomes. Amounts are strings and go through
// shared/money.ts only, so the form and the ledger agree to the cent.
import type { CheckoutQuote } from '../../../shared/contract/domains/ledger.ts';
import type { OperationArgs } from '../../../shared/contract/operations.ts';
import type { PaymentMethod } from '../../../shared/ledger/index.ts';
import {
  add,
  compare,
  isNegative,
  isPositive,
  isZero,
  minAmount,
  negate,
  parseAmount,
  subtract,
  zeroAmount,
} from '../../../shared/money.ts';

export interface LineDraft {
  description: string;
  serviceId: string;
  /** as typed */
  amount: string;
  /** the price the quote came with */
  original: string;
}

export interface FunderDraft {
  funderId: string;
  name: string;
  available: string;
  amount: string;
}

export interface PaymentDraft {
  key: number;
  method: PaymentMethod;
  amount: string;
  reference: string;
}

export interface CheckoutDraft {
  lines: LineDraft[];
  /** why a price was changed; required when one was */
  reason: string;
  usePackage: boolean;
  /** account credit to apply, '' for none */
  credit: string;
  funders: FunderDraft[];
  payments: PaymentDraft[];
}

export interface DraftSummary {
  total: string;
  /** what the package does not cover */
  charged: string;
  funder: string;
  credit: string;
  paid: string;
  /** left owing on the invoice */
  owing: string;
  /** paid beyond what is due: becomes account credit */
  toCredit: string;
}

export interface DraftCheck {
  summary: DraftSummary;
  /** messages by field key: line-<i>, reason, credit, funder-<i>, payment-<i> */
  problems: Record<string, string>;
}

export function draftFromQuote(quote: CheckoutQuote): CheckoutDraft {
  return {
    lines: quote.lines.map((line) => ({ ...line, original: line.amount })),
    reason: '',
    usePackage: quote.package !== null,
    credit: isPositive(quote.suggested.credit) ? quote.suggested.credit : '',
    funders: quote.funderAvailable.map((row) => {
      const suggested = quote.suggested.funderHeld.find((s) => s.funderId === row.funderId);
      return {
        funderId: row.funderId,
        name: row.name,
        available: row.amount,
        amount: suggested && isPositive(suggested.amount) ? suggested.amount : '',
      };
    }),
    payments: [],
  };
}

/** The typed amount, or null when it is not an amount. Empty reads as zero when allowed. */
function amountOf(text: string, currency: string, emptyIsZero: boolean): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return emptyIsZero ? zeroAmount(currency) : null;
  const parsed = parseAmount(trimmed, currency);
  return parsed.ok ? parsed.amount : null;
}

function amountProblem(text: string, currency: string, required: boolean): string {
  const trimmed = text.trim();
  if (trimmed === '') return required ? 'Enter an amount.' : '';
  const parsed = parseAmount(trimmed, currency);
  if (!parsed.ok) return `${parsed.error.message}.`;
  if (isNegative(parsed.amount)) return 'The amount cannot be negative.';
  return '';
}

/** Index of the line a package session covers: the first for the appointment's service. */
export function coveredLineIndex(draft: CheckoutDraft, quote: CheckoutQuote): number {
  if (!draft.usePackage || !quote.package) return -1;
  return draft.lines.findIndex((line) => line.serviceId === quote.appointment.serviceId);
}

export function chargedOf(draft: CheckoutDraft, quote: CheckoutQuote): string {
  const currency = quote.currency;
  const covered = coveredLineIndex(draft, quote);
  let charged = zeroAmount(currency);
  draft.lines.forEach((line, index) => {
    if (index === covered) return;
    const amount = amountOf(line.amount, currency, false);
    if (amount && !isNegative(amount)) charged = add(charged, amount);
  });
  return charged;
}

/**
 * The pre-fill for an amount due: funder money first (it was given for this
 * patient's care), then account credit, up to what is due.
 */
export function suggestSources(
  charged: string,
  funders: readonly FunderDraft[],
  creditAvailable: string,
  currency: string,
): { funders: string[]; credit: string } {
  let remaining = charged;
  const amounts = funders.map((row) => {
    const available = amountOf(row.available, currency, true) ?? zeroAmount(currency);
    if (!isPositive(remaining) || !isPositive(available)) return '';
    const part = minAmount(available, remaining);
    remaining = subtract(remaining, part);
    return part;
  });
  const credit =
    isPositive(remaining) && isPositive(creditAvailable)
      ? minAmount(creditAvailable, remaining)
      : '';
  return { funders: amounts, credit };
}

export function checkDraft(draft: CheckoutDraft, quote: CheckoutQuote): DraftCheck {
  const currency = quote.currency;
  const zero = zeroAmount(currency);
  const problems: Record<string, string> = {};
  let total = zero;
  draft.lines.forEach((line, index) => {
    const problem = amountProblem(line.amount, currency, true);
    if (problem) problems[`line-${index}`] = problem;
    const amount = amountOf(line.amount, currency, false);
    if (amount) total = add(total, amount);
  });
  const priceChanged = draft.lines.some((line) => {
    const amount = amountOf(line.amount, currency, false);
    return amount !== null && compare(amount, line.original) !== 0;
  });
  if (priceChanged && draft.reason.trim() === '')
    problems['reason'] = 'Say why the price was changed.';

  const charged = chargedOf(draft, quote);
  let remaining = charged;
  let funder = zero;
  draft.funders.forEach((row, index) => {
    const key = `funder-${index}`;
    const problem = amountProblem(row.amount, currency, false);
    if (problem) {
      problems[key] = problem;
      return;
    }
    const amount = amountOf(row.amount, currency, true) ?? zero;
    if (compare(amount, row.available) > 0)
      problems[key] = `Only ${row.available} of ${row.name}'s money is held for this patient.`;
    else if (compare(amount, remaining) > 0 && isPositive(amount))
      problems[key] = `That is more than the ${isPositive(remaining) ? remaining : zero} due.`;
    else {
      funder = add(funder, amount);
      remaining = subtract(remaining, amount);
    }
  });

  let credit = zero;
  const creditProblem = amountProblem(draft.credit, currency, false);
  if (creditProblem) problems['credit'] = creditProblem;
  else {
    const asked = amountOf(draft.credit, currency, true) ?? zero;
    const available = isPositive(quote.creditAvailable) ? quote.creditAvailable : zero;
    if (compare(asked, available) > 0)
      problems['credit'] = `Only ${available} of credit is available.`;
    else if (compare(asked, remaining) > 0 && isPositive(asked))
      problems['credit'] = `That is more than the ${isPositive(remaining) ? remaining : zero} due.`;
    else {
      credit = asked;
      remaining = subtract(remaining, asked);
    }
  }

  let paid = zero;
  draft.payments.forEach((row, index) => {
    const problem = amountProblem(row.amount, currency, true);
    if (problem) problems[`payment-${index}`] = problem;
    else {
      const amount = amountOf(row.amount, currency, false) ?? zero;
      if (isZero(amount)) problems[`payment-${index}`] = 'Enter an amount above zero.';
      else paid = add(paid, amount);
    }
  });
  remaining = subtract(remaining, paid);
  return {
    problems,
    summary: {
      total,
      charged,
      funder,
      credit,
      paid,
      owing: isPositive(remaining) ? remaining : zero,
      toCredit: isNegative(remaining) ? negate(remaining) : zero,
    },
  };
}

/** The one command the draft becomes (call only when checkDraft found no problem). */
export function checkoutArgs(
  draft: CheckoutDraft,
  quote: CheckoutQuote,
): OperationArgs<'checkOutAppointment'> {
  const currency = quote.currency;
  const zero = zeroAmount(currency);
  const edited = draft.lines.some(
    (line) => (amountOf(line.amount, currency, false) ?? line.original) !== line.original,
  );
  const credit = amountOf(draft.credit, currency, true) ?? zero;
  const funderHeld = draft.funders
    .map((row) => ({
      funderId: row.funderId,
      amount: amountOf(row.amount, currency, true) ?? zero,
    }))
    .filter((row) => isPositive(row.amount));
  const payments = draft.payments.map((row) => ({
    method: row.method,
    amount: amountOf(row.amount, currency, false) ?? zero,
    ...(row.reference.trim() ? { reference: row.reference.trim() } : {}),
  }));
  return {
    appointmentId: quote.appointment.id,
    ...(edited
      ? {
          lines: draft.lines.map((line) => ({
            description: line.description,
            serviceId: line.serviceId,
            amount: amountOf(line.amount, currency, false) ?? line.original,
          })),
          memo: `Price changed: ${draft.reason.trim()}`,
        }
      : {}),
    packageId: draft.usePackage && quote.package ? quote.package.packageId : '',
    // An exact amount (not 'auto'), so what the desk saw is what is recorded.
    credit,
    ...(funderHeld.length > 0 ? { funderHeld } : {}),
    ...(payments.length > 0 ? { payments } : {}),
  };
}
