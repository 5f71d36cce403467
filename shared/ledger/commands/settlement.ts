// Settling money against invoices, shared by payments, check-out and package sales.
import type { Amount } from '../../money.ts';
import { add, compare, isPositive, minAmount, subtract, zeroAmount } from '../../money.ts';
import { accounts } from '../accounts.ts';
import type { InvoiceMove, InvoiceMoveHow, PaymentMethod } from '../entry.ts';
import type { Refusal } from '../errors.ts';
import { refuse } from '../errors.ts';
import type { LedgerState } from '../state.ts';
import { creditOf, funderHeldFor } from '../projections/patient.ts';
import { invoiceView, openInvoices } from '../projections/invoices.ts';
import type { LineSet } from './common.ts';
import { isRefusal, readAmount, readId, readMethod, readText } from './common.ts';

/** Where money goes among a payer's open invoices. */
export type AllocationInput = 'oldest-first' | 'none' | { invoiceId: string; amount: string }[];

export interface Allocation {
  invoiceId: string;
  amount: Amount;
}

/**
 * Decide how `amount` is applied to the payer's open invoices: oldest first, an explicit
 * list, or not at all. Returns the allocations and what is left over.
 */
export function planAllocation(
  state: LedgerState,
  payer: { patientId: string } | { funderId: string },
  amount: Amount,
  input: AllocationInput | undefined,
): { allocations: Allocation[]; remainder: Amount } | Refusal {
  const allocations: Allocation[] = [];
  let remainder = amount;
  if (input === 'none') return { allocations, remainder };
  if (input === undefined || input === 'oldest-first') {
    for (const invoice of openInvoices(state, payer)) {
      if (!isPositive(remainder)) break;
      const part = minAmount(remainder, invoice.due);
      allocations.push({ invoiceId: invoice.invoiceId, amount: part });
      remainder = subtract(remainder, part);
    }
    return { allocations, remainder };
  }
  if (!Array.isArray(input))
    return refuse(
      'invalid-input',
      'Allocation must be "oldest-first", "none" or a list',
      'allocate',
    );
  const seen = new Set<string>();
  for (const [index, row] of input.entries()) {
    const field = `allocate[${index}]`;
    const invoiceId = readId(row.invoiceId, `${field}.invoiceId`, 'invoice');
    if (isRefusal(invoiceId)) return invoiceId;
    const part = readAmount(state.currency, row.amount, `${field}.amount`);
    if (isRefusal(part)) return part;
    const invoice = invoiceView(state, invoiceId);
    const belongs =
      invoice &&
      ('patientId' in payer
        ? invoice.payer === 'patient' && invoice.patientId === payer.patientId
        : invoice.payer === 'funder' && invoice.funderId === payer.funderId);
    if (!invoice || !belongs)
      return refuse(
        'not-found',
        `Invoice ${invoiceId} is not one of this payer's invoices`,
        `${field}.invoiceId`,
      );
    if (seen.has(invoiceId))
      return refuse(
        'invalid-input',
        `Invoice ${invoice.number || invoiceId} is listed twice`,
        field,
      );
    seen.add(invoiceId);
    if (compare(part, invoice.due) > 0) {
      return refuse(
        'over-allocated',
        `Only ${invoice.due} is due on invoice ${invoice.number || invoiceId}`,
        `${field}.amount`,
      );
    }
    if (compare(part, remainder) > 0) {
      return refuse(
        'over-allocated',
        `The allocations come to more than the ${amount} received`,
        `${field}.amount`,
      );
    }
    allocations.push({ invoiceId, amount: part });
    remainder = subtract(remainder, part);
  }
  return { allocations, remainder };
}

/** Write allocations as lines (crediting the receivable) and invoice moves. */
export function applyAllocations(
  lines: LineSet,
  moves: InvoiceMove[],
  receivable: string,
  allocations: readonly Allocation[],
  how: InvoiceMoveHow,
): void {
  for (const allocation of allocations) {
    lines.credit(receivable, allocation.amount);
    moves.push({ invoiceId: allocation.invoiceId, how, amount: allocation.amount });
  }
}

export interface PaymentInput {
  method: PaymentMethod;
  amount: string;
  reference?: string;
}

/** How a patient's invoice is settled at check-out or package sale. */
export interface SettlementInput {
  /**
   * Account credit to apply: 'auto' (the default at check-out) applies as much as is
   * available up to what is due; an amount applies exactly that; '0' applies none.
   */
  credit?: 'auto' | string;
  /** funder money held for the patient to apply, per funder */
  funderHeld?: { funderId: string; amount: string }[];
  /** money received now, by method; more than is due becomes the patient's credit */
  payments?: PaymentInput[];
}

export interface SettlementSummary {
  credit: Amount;
  funderHeld: Amount;
  paid: Amount;
  /** paid beyond what was due, kept as the patient's credit */
  toCredit: Amount;
  /** left owing on the invoice */
  owing: Amount;
  payments: { method: PaymentMethod; amount: Amount; reference: string }[];
}

/**
 * Settle `due` on a patient's invoice. Validates everything before writing a line, so a
 * refusal leaves `lines` and `moves` untouched.
 */
export function settlePatientInvoice(
  state: LedgerState,
  patientId: string,
  invoiceId: string,
  due: Amount,
  input: SettlementInput,
  defaultCredit: 'auto' | 'none',
  lines: LineSet,
  moves: InvoiceMove[],
): SettlementSummary | Refusal {
  const zero = zeroAmount(state.currency);
  const receivable = accounts.patientReceivable(patientId);
  let remaining = due;

  // Funder money first: it was given for exactly this patient's care.
  const funderParts: { funderId: string; amount: Amount }[] = [];
  for (const [index, row] of (input.funderHeld ?? []).entries()) {
    const field = `funderHeld[${index}]`;
    const funderId = readId(row.funderId, `${field}.funderId`, 'funder');
    if (isRefusal(funderId)) return funderId;
    const amount = readAmount(state.currency, row.amount, `${field}.amount`);
    if (isRefusal(amount)) return amount;
    const held = funderHeldFor(state, funderId, patientId);
    const already = funderParts
      .filter((p) => p.funderId === funderId)
      .reduce((s, p) => add(s, p.amount), zero);
    if (compare(add(already, amount), held) > 0) {
      return refuse(
        'insufficient-funds',
        `Only ${held} of funder ${funderId}'s money is held for this patient`,
        `${field}.amount`,
      );
    }
    if (compare(amount, remaining) > 0) {
      return refuse(
        'over-allocated',
        `Funder money of ${amount} is more than the ${remaining} due`,
        `${field}.amount`,
      );
    }
    funderParts.push({ funderId, amount });
    remaining = subtract(remaining, amount);
  }

  const available = creditOf(state, patientId);
  let credit: Amount;
  const creditInput = input.credit ?? (defaultCredit === 'auto' ? 'auto' : '0');
  if (creditInput === 'auto') {
    credit = isPositive(available) ? minAmount(available, remaining) : zero;
  } else {
    const asked = readAmount(state.currency, creditInput, 'credit', 'non-negative');
    if (isRefusal(asked)) return asked;
    if (compare(asked, available) > 0) {
      return refuse(
        'insufficient-credit',
        `Only ${isPositive(available) ? available : zero} of credit is available`,
        'credit',
      );
    }
    if (compare(asked, remaining) > 0) {
      return refuse(
        'over-allocated',
        `Credit of ${asked} is more than the ${remaining} due`,
        'credit',
      );
    }
    credit = asked;
  }
  remaining = subtract(remaining, credit);

  const payments: SettlementSummary['payments'] = [];
  let paid = zero;
  for (const [index, row] of (input.payments ?? []).entries()) {
    const field = `payments[${index}]`;
    const method = readMethod(row.method, `${field}.method`);
    if (isRefusal(method)) return method;
    const amount = readAmount(state.currency, row.amount, `${field}.amount`);
    if (isRefusal(amount)) return amount;
    const reference = readText(row.reference, `${field}.reference`);
    if (isRefusal(reference)) return reference;
    payments.push({ method, amount, reference });
    paid = add(paid, amount);
  }

  // All checks passed: write.
  for (const part of funderParts) {
    lines.debit(accounts.funderHeld(part.funderId, patientId), part.amount);
    lines.credit(receivable, part.amount);
    moves.push({ invoiceId, how: 'funderHeld', amount: part.amount });
  }
  if (isPositive(credit)) {
    lines.debit(accounts.credit(patientId), credit);
    lines.credit(receivable, credit);
    moves.push({ invoiceId, how: 'credit', amount: credit });
  }
  for (const payment of payments) lines.debit(accounts.money(payment.method), payment.amount);
  const appliedPaid = minAmount(paid, remaining);
  const toCredit = subtract(paid, appliedPaid);
  if (isPositive(appliedPaid)) {
    lines.credit(receivable, appliedPaid);
    moves.push({ invoiceId, how: 'payment', amount: appliedPaid });
  }
  lines.credit(accounts.credit(patientId), toCredit);
  remaining = subtract(remaining, appliedPaid);

  return {
    credit,
    funderHeld: funderParts.reduce((s, p) => add(s, p.amount), zero),
    paid,
    toCredit,
    owing: remaining,
    payments,
  };
}
