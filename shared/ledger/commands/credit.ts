// Moving account credit: transfer, refund, take off an invoice, write off, grant, and the
// fee adjustments (waive, convert to credit).
import type { Amount } from '../../money.ts';
import { compare, isPositive, minAmount, subtract, zeroAmount } from '../../money.ts';
import {
  accounts,
  EXPENSE_COURTESY,
  REVENUE_CREDIT_WRITTEN_OFF,
  REVENUE_FEES,
} from '../accounts.ts';
import type { CommandContext } from '../context.ts';
import type { InvoiceMove, PaymentMethod } from '../entry.ts';
import type { CommandResult, Refusal } from '../errors.ts';
import { refuse } from '../errors.ts';
import type { InvoiceView } from '../projections/invoices.ts';
import { invoiceView } from '../projections/invoices.ts';
import { creditOf } from '../projections/patient.ts';
import { paymentView } from '../projections/payments.ts';
import type { LedgerState } from '../state.ts';
import {
  isRefusal,
  json,
  LineSet,
  makeEntry,
  readAmount,
  readId,
  readMethod,
  readText,
} from './common.ts';

function availableCredit(state: LedgerState, patientId: string): Amount {
  const credit = creditOf(state, patientId);
  return isPositive(credit) ? credit : zeroAmount(state.currency);
}

function checkCredit(
  state: LedgerState,
  patientId: string,
  amount: Amount,
  field: string,
): Refusal | null {
  const available = availableCredit(state, patientId);
  if (compare(amount, available) > 0)
    return refuse('insufficient-credit', `Only ${available} of credit is available`, field);
  return null;
}

export interface TransferCreditInput {
  fromPatientId: string;
  toPatientId: string;
  amount: string;
  memo?: string;
}

/** Move credit from one patient to another (a spouse, a child). Both histories show it. */
export function transferCredit(
  state: LedgerState,
  input: TransferCreditInput,
  ctx: CommandContext,
): CommandResult {
  const from = readId(input.fromPatientId, 'fromPatientId', 'patient');
  if (isRefusal(from)) return from;
  const to = readId(input.toPatientId, 'toPatientId', 'patient');
  if (isRefusal(to)) return to;
  if (from === to)
    return refuse('invalid-input', 'Choose a different patient to transfer to', 'toPatientId');
  const amount = readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const short = checkCredit(state, from, amount, 'amount');
  if (short) return short;
  const lines = new LineSet()
    .debit(accounts.credit(from), amount)
    .credit(accounts.credit(to), amount);
  const entry = makeEntry(ctx, 'creditTransferred', {
    patientId: from,
    counterpartyPatientId: to,
    memo,
    lines: lines.lines,
  });
  return { ok: true, entries: [entry] };
}

export interface RefundCreditInput {
  patientId: string;
  /** the payment the money came from; the refund goes back the same way */
  paymentId: string;
  amount: string;
  /** needed only when the payment was made with more than one method */
  method?: PaymentMethod;
  memo?: string;
  reasonCode?: string;
}

/**
 * Refund credit to the payment it came from. Never more than the credit available, nor
 * more than the payment still has unrefunded (by that method).
 */
export function refundCredit(
  state: LedgerState,
  input: RefundCreditInput,
  ctx: CommandContext,
): CommandResult {
  const patientId = readId(input.patientId, 'patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  const paymentId = readId(input.paymentId, 'paymentId', 'payment');
  if (isRefusal(paymentId)) return paymentId;
  const amount = readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const reasonCode = readText(input.reasonCode, 'reasonCode');
  if (isRefusal(reasonCode)) return reasonCode;
  const payment = paymentView(state, paymentId);
  if (!payment || payment.unrefundedByMethod.length === 0)
    return refuse('not-found', `Payment ${paymentId} is not known`, 'paymentId');
  if (payment.patientId && payment.patientId !== patientId) {
    return refuse('invalid-input', 'That payment was made by another patient', 'paymentId');
  }
  let method: PaymentMethod;
  if (input.method !== undefined) {
    const chosen = readMethod(input.method, 'method');
    if (isRefusal(chosen)) return chosen;
    method = chosen;
  } else {
    const withMoney = payment.unrefundedByMethod.filter((row) => isPositive(row.amount));
    if (withMoney.length > 1)
      return refuse(
        'invalid-input',
        'The payment used more than one method: choose which to refund',
        'method',
      );
    method = (withMoney[0] ?? payment.unrefundedByMethod[0])?.method ?? 'cash';
  }
  const row = payment.unrefundedByMethod.find((r) => r.method === method);
  const unrefunded = row && isPositive(row.amount) ? row.amount : zeroAmount(state.currency);
  if (compare(amount, unrefunded) > 0) {
    return refuse(
      'insufficient-funds',
      `Only ${unrefunded} of that payment (${method}) is left to refund`,
      'amount',
    );
  }
  const short = checkCredit(state, patientId, amount, 'amount');
  if (short) return short;
  const lines = new LineSet()
    .debit(accounts.credit(patientId), amount)
    .credit(accounts.money(method), amount);
  const entry = makeEntry(ctx, 'creditRefunded', {
    patientId,
    paymentId,
    memo,
    reasonCode,
    lines: lines.lines,
    data: { method },
  });
  return { ok: true, entries: [entry] };
}

function patientInvoice(state: LedgerState, invoiceIdInput: unknown): InvoiceView | Refusal {
  const invoiceId = readId(invoiceIdInput, 'invoiceId', 'invoice');
  if (isRefusal(invoiceId)) return invoiceId;
  const invoice = invoiceView(state, invoiceId);
  if (!invoice || !invoice.issuedAt)
    return refuse('not-found', `Invoice ${invoiceId} is not known`, 'invoiceId');
  if (invoice.payer !== 'patient')
    return refuse('invalid-input', "That is a funder's invoice", 'invoiceId');
  return invoice;
}

export interface UnapplyCreditInput {
  invoiceId: string;
  /** default all the credit applied to the invoice */
  amount?: string;
  memo?: string;
}

/** Take a credit application off an invoice: the invoice owes it again, the patient has the credit back. */
export function unapplyCredit(
  state: LedgerState,
  input: UnapplyCreditInput,
  ctx: CommandContext,
): CommandResult {
  const invoice = patientInvoice(state, input.invoiceId);
  if (isRefusal(invoice)) return invoice;
  const applied = invoice.moves.credit;
  if (!isPositive(applied))
    return refuse('invalid-state', 'No credit is applied to this invoice', 'invoiceId');
  const amount =
    input.amount === undefined ? applied : readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  if (compare(amount, applied) > 0)
    return refuse(
      'over-allocated',
      `Only ${applied} of credit is applied to this invoice`,
      'amount',
    );
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const lines = new LineSet()
    .debit(accounts.patientReceivable(invoice.patientId), amount)
    .credit(accounts.credit(invoice.patientId), amount);
  const moves: InvoiceMove[] = [
    {
      invoiceId: invoice.invoiceId,
      how: 'credit',
      amount: subtract(zeroAmount(state.currency), amount),
    },
  ];
  const entry = makeEntry(ctx, 'creditUnapplied', {
    patientId: invoice.patientId,
    invoiceId: invoice.invoiceId,
    memo,
    lines: lines.lines,
    data: { invoiceMoves: json(moves) },
  });
  return { ok: true, entries: [entry] };
}

export interface WriteOffCreditInput {
  patientId: string;
  /** default all available credit */
  amount?: string;
  reasonCode: string;
  memo?: string;
}

/** Remove credit with a reason. It is not a refund: the credit is then neither usable nor refundable. */
export function writeOffCredit(
  state: LedgerState,
  input: WriteOffCreditInput,
  ctx: CommandContext,
): CommandResult {
  const patientId = readId(input.patientId, 'patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  const reasonCode = readText(
    input.reasonCode,
    'reasonCode',
    'A reason is required to write credit off',
  );
  if (isRefusal(reasonCode)) return reasonCode;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const amount =
    input.amount === undefined
      ? availableCredit(state, patientId)
      : readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  if (!isPositive(amount))
    return refuse('insufficient-credit', 'There is no credit to write off', 'amount');
  const short = checkCredit(state, patientId, amount, 'amount');
  if (short) return short;
  const lines = new LineSet()
    .debit(accounts.credit(patientId), amount)
    .credit(REVENUE_CREDIT_WRITTEN_OFF, amount);
  return {
    ok: true,
    entries: [
      makeEntry(ctx, 'creditWrittenOff', { patientId, reasonCode, memo, lines: lines.lines }),
    ],
  };
}

export interface CourtesyCreditInput {
  patientId: string;
  amount: string;
  reasonCode: string;
  memo?: string;
}

/** A manager's courtesy credit (an expense of the clinic), with a reason code. */
export function grantCourtesyCredit(
  state: LedgerState,
  input: CourtesyCreditInput,
  ctx: CommandContext,
): CommandResult {
  const patientId = readId(input.patientId, 'patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  const amount = readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  const reasonCode = readText(
    input.reasonCode,
    'reasonCode',
    'A reason code is required for a courtesy credit',
  );
  if (isRefusal(reasonCode)) return reasonCode;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const lines = new LineSet()
    .debit(EXPENSE_COURTESY, amount)
    .credit(accounts.credit(patientId), amount);
  return {
    ok: true,
    entries: [
      makeEntry(ctx, 'courtesyCredit', { patientId, reasonCode, memo, lines: lines.lines }),
    ],
  };
}

export interface WaiveFeeInput {
  invoiceId: string;
  /** default all that is still due */
  amount?: string;
  reasonCode: string;
  memo?: string;
}

/** A manager waives (part of) what is due on an invoice, with a reason code. */
export function waiveFee(
  state: LedgerState,
  input: WaiveFeeInput,
  ctx: CommandContext,
): CommandResult {
  const invoice = patientInvoice(state, input.invoiceId);
  if (isRefusal(invoice)) return invoice;
  const reasonCode = readText(
    input.reasonCode,
    'reasonCode',
    'A reason code is required to waive a fee',
  );
  if (isRefusal(reasonCode)) return reasonCode;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  if (!isPositive(invoice.due))
    return refuse('invalid-state', 'Nothing is due on this invoice', 'invoiceId');
  const amount =
    input.amount === undefined ? invoice.due : readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  if (compare(amount, invoice.due) > 0)
    return refuse('over-allocated', `Only ${invoice.due} is due on this invoice`, 'amount');
  const lines = new LineSet()
    .debit(EXPENSE_COURTESY, amount)
    .credit(accounts.patientReceivable(invoice.patientId), amount);
  const entry = makeEntry(ctx, 'feeWaived', {
    patientId: invoice.patientId,
    invoiceId: invoice.invoiceId,
    appointmentId: invoice.appointmentId,
    reasonCode,
    memo,
    lines: lines.lines,
    data: { invoiceMoves: json([{ invoiceId: invoice.invoiceId, how: 'cancel', amount }]) },
  });
  return { ok: true, entries: [entry] };
}

export interface ConvertFeeInput {
  invoiceId: string;
  reasonCode?: string;
  memo?: string;
}

/**
 * Convert a late-cancel or no-show fee into credit: the fee is withdrawn, and whatever
 * was paid towards it becomes the patient's credit (the unpaid part is simply cancelled).
 */
export function convertFeeToCredit(
  state: LedgerState,
  input: ConvertFeeInput,
  ctx: CommandContext,
): CommandResult<{ toCredit: Amount }> {
  const invoice = patientInvoice(state, input.invoiceId);
  if (isRefusal(invoice)) return invoice;
  const record = state.invoices.get(invoice.invoiceId);
  if (record?.source !== 'fee')
    return refuse(
      'invalid-input',
      'Only a late-cancel or no-show fee can be converted to credit',
      'invoiceId',
    );
  if (!isPositive(invoice.charged))
    return refuse('invalid-state', 'This fee has already been withdrawn', 'invoiceId');
  const reasonCode = readText(input.reasonCode, 'reasonCode');
  if (isRefusal(reasonCode)) return reasonCode;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const zero = zeroAmount(state.currency);
  const paid = isPositive(invoice.settled) ? minAmount(invoice.settled, invoice.charged) : zero;
  const receivable = accounts.patientReceivable(invoice.patientId);
  const lines = new LineSet()
    .debit(REVENUE_FEES, invoice.charged)
    .credit(receivable, invoice.charged)
    .debit(receivable, paid)
    .credit(accounts.credit(invoice.patientId), paid);
  const moves: InvoiceMove[] = [
    { invoiceId: invoice.invoiceId, how: 'cancel', amount: invoice.charged },
  ];
  if (isPositive(paid)) moves.push({ invoiceId: invoice.invoiceId, how: 'toCredit', amount: paid });
  const entry = makeEntry(ctx, 'feeConvertedToCredit', {
    patientId: invoice.patientId,
    invoiceId: invoice.invoiceId,
    appointmentId: invoice.appointmentId,
    reasonCode,
    memo,
    lines: lines.lines,
    data: { invoiceMoves: json(moves) },
  });
  return { ok: true, entries: [entry], toCredit: paid };
}
