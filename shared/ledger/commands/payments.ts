// Money coming in: from a patient, from a funder (for one patient, or a lump sum split
// between patients), or from an unknown payer (parked until assigned).
import type { Amount } from '../../money.ts';
import { add, compare, isPositive, zeroAmount } from '../../money.ts';
import { accounts, UNAPPLIED } from '../accounts.ts';
import type { CommandContext } from '../context.ts';
import type { InvoiceMove, JournalEntry, PaymentMethod } from '../entry.ts';
import type { CommandResult } from '../errors.ts';
import { refuse } from '../errors.ts';
import { funderUnallocated } from '../projections/funders.ts';
import { paymentView } from '../projections/payments.ts';
import type { LedgerState } from '../state.ts';
import {
  isRefusal,
  json,
  LineSet,
  makeEntry,
  nextNumber,
  occurredAt,
  readAmount,
  readId,
  readMethod,
  readOptionalId,
  readText,
} from './common.ts';
import type { Allocation, AllocationInput } from './settlement.ts';
import { applyAllocations, planAllocation } from './settlement.ts';

export interface RecordPaymentInput {
  /** a patient paying for themselves, or a funder paying (for a named patient, or not) */
  payer:
    | { type: 'patient'; patientId: string }
    | { type: 'funder'; funderId: string; patientId?: string };
  method: PaymentMethod;
  amount: string;
  reference?: string;
  /** default 'oldest-first' over the payer's open invoices */
  allocate?: AllocationInput;
  memo?: string;
  occurredAt?: string;
}

export interface PaymentOutcome {
  paymentId: string;
  allocations: Allocation[];
  /** what was left after the invoices: the patient's credit, funder money held, or unallocated */
  remainder: Amount;
}

/**
 * Record a payment. It settles the payer's open invoices (oldest first unless told
 * otherwise); what is left becomes the patient's credit, or money held for the named
 * patient when a funder pays, or the funder's unallocated money when no patient is named.
 */
export function recordPayment(
  state: LedgerState,
  input: RecordPaymentInput,
  ctx: CommandContext,
): CommandResult<PaymentOutcome> {
  const method = readMethod(input.method, 'method');
  if (isRefusal(method)) return method;
  const amount = readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  const reference = readText(input.reference, 'reference');
  if (isRefusal(reference)) return reference;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const when = occurredAt(input, ctx);
  if (isRefusal(when)) return when;
  const payer = input.payer;
  if (!payer || (payer.type !== 'patient' && payer.type !== 'funder')) {
    return refuse('invalid-input', 'Say who paid: a patient or a funder', 'payer');
  }

  let patientId: string;
  let funderId = '';
  let receivable: string;
  let remainderAccount: string;
  let plan;
  if (payer.type === 'patient') {
    const id = readId(payer.patientId, 'payer.patientId', 'patient');
    if (isRefusal(id)) return id;
    patientId = id;
    receivable = accounts.patientReceivable(patientId);
    remainderAccount = accounts.credit(patientId);
    plan = planAllocation(state, { patientId }, amount, input.allocate);
  } else {
    const id = readId(payer.funderId, 'payer.funderId', 'funder');
    if (isRefusal(id)) return id;
    funderId = id;
    const forPatient = readOptionalId(payer.patientId, 'payer.patientId', 'patient');
    if (isRefusal(forPatient)) return forPatient;
    patientId = forPatient;
    receivable = accounts.funderReceivable(funderId);
    remainderAccount = patientId
      ? accounts.funderHeld(funderId, patientId)
      : accounts.funderUnallocated(funderId);
    plan = planAllocation(state, { funderId }, amount, input.allocate);
  }
  if (isRefusal(plan)) return plan;

  const paymentId = ctx.newId();
  const lines = new LineSet().debit(accounts.money(method), amount);
  const moves: InvoiceMove[] = [];
  applyAllocations(lines, moves, receivable, plan.allocations, 'payment');
  lines.credit(remainderAccount, plan.remainder);
  const kind = payer.type === 'funder' && !patientId ? 'funderLumpSumReceived' : 'paymentReceived';
  const entry = makeEntry(ctx, kind, {
    occurredAt: when,
    patientId,
    funderId,
    paymentId,
    invoiceId: plan.allocations.length === 1 ? (plan.allocations[0]?.invoiceId ?? '') : '',
    number: nextNumber(ctx, 'receipt'),
    memo,
    lines: lines.lines,
    data: { method, reference, invoiceMoves: json(moves) },
  });
  return {
    ok: true,
    entries: [entry],
    paymentId,
    allocations: plan.allocations,
    remainder: plan.remainder,
  };
}

export interface RecordUnappliedPaymentInput {
  method: PaymentMethod;
  amount: string;
  /** what the bank statement says, to help identify the payer later */
  reference?: string;
  memo?: string;
  occurredAt?: string;
}

/** Money whose payer is unknown: it waits in the unapplied account until assigned. */
export function recordUnappliedPayment(
  state: LedgerState,
  input: RecordUnappliedPaymentInput,
  ctx: CommandContext,
): CommandResult<{ paymentId: string }> {
  const method = readMethod(input.method, 'method');
  if (isRefusal(method)) return method;
  const amount = readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  const reference = readText(input.reference, 'reference');
  if (isRefusal(reference)) return reference;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const when = occurredAt(input, ctx);
  if (isRefusal(when)) return when;
  const paymentId = ctx.newId();
  const lines = new LineSet().debit(accounts.money(method), amount).credit(UNAPPLIED, amount);
  const entry = makeEntry(ctx, 'unappliedReceived', {
    occurredAt: when,
    paymentId,
    number: nextNumber(ctx, 'receipt'),
    memo,
    lines: lines.lines,
    data: { method, reference },
  });
  return { ok: true, entries: [entry], paymentId };
}

export interface AssignUnappliedPaymentInput {
  paymentId: string;
  /** the payer, once known: a patient (settles their invoices, rest to credit) or a funder for a patient */
  to:
    | { type: 'patient'; patientId: string }
    | { type: 'funder'; funderId: string; patientId: string };
  /** default: all that is still unapplied of the payment */
  amount?: string;
  allocate?: AllocationInput;
  memo?: string;
}

export function assignUnappliedPayment(
  state: LedgerState,
  input: AssignUnappliedPaymentInput,
  ctx: CommandContext,
): CommandResult<PaymentOutcome> {
  const paymentId = readId(input.paymentId, 'paymentId', 'payment');
  if (isRefusal(paymentId)) return paymentId;
  const payment = paymentView(state, paymentId);
  if (!payment) return refuse('not-found', `Payment ${paymentId} is not known`, 'paymentId');
  if (!isPositive(payment.unapplied))
    return refuse(
      'insufficient-funds',
      'Nothing of this payment is waiting to be assigned',
      'paymentId',
    );
  const amount =
    input.amount === undefined
      ? payment.unapplied
      : readAmount(state.currency, input.amount, 'amount');
  if (isRefusal(amount)) return amount;
  if (compare(amount, payment.unapplied) > 0) {
    return refuse(
      'insufficient-funds',
      `Only ${payment.unapplied} of this payment is unapplied`,
      'amount',
    );
  }
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const to = input.to;
  if (!to || (to.type !== 'patient' && to.type !== 'funder'))
    return refuse('invalid-input', 'Say whose money it is', 'to');
  const patientId = readId(to.patientId, 'to.patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  let funderId = '';
  let plan: { allocations: Allocation[]; remainder: Amount } = {
    allocations: [],
    remainder: amount,
  };
  if (to.type === 'funder') {
    const id = readId(to.funderId, 'to.funderId', 'funder');
    if (isRefusal(id)) return id;
    funderId = id;
  } else {
    const planned = planAllocation(state, { patientId }, amount, input.allocate);
    if (isRefusal(planned)) return planned;
    plan = planned;
  }
  const lines = new LineSet().debit(UNAPPLIED, amount);
  const moves: InvoiceMove[] = [];
  applyAllocations(
    lines,
    moves,
    accounts.patientReceivable(patientId),
    plan.allocations,
    'unapplied',
  );
  lines.credit(
    funderId ? accounts.funderHeld(funderId, patientId) : accounts.credit(patientId),
    plan.remainder,
  );
  const entry = makeEntry(ctx, 'unappliedAssigned', {
    patientId,
    funderId,
    paymentId,
    memo,
    lines: lines.lines,
    data: { invoiceMoves: json(moves) },
  });
  return {
    ok: true,
    entries: [entry],
    paymentId,
    allocations: plan.allocations,
    remainder: plan.remainder,
  };
}

export interface AllocateFunderMoneyInput {
  funderId: string;
  /** how much of the funder's unallocated money each patient gets */
  splits: { patientId: string; amount: string }[];
  memo?: string;
}

/**
 * Split a funder's unallocated (lump-sum) money between patients: one entry per patient,
 * so each patient's history holds its own share.
 */
export function allocateFunderMoney(
  state: LedgerState,
  input: AllocateFunderMoneyInput,
  ctx: CommandContext,
): CommandResult {
  return splitFunderMoney(state, input, funderUnallocated(state, String(input.funderId)), ctx);
}

function splitFunderMoney(
  state: LedgerState,
  input: AllocateFunderMoneyInput,
  available: Amount,
  ctx: CommandContext,
): CommandResult {
  const funderId = readId(input.funderId, 'funderId', 'funder');
  if (isRefusal(funderId)) return funderId;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  if (!Array.isArray(input.splits) || input.splits.length === 0) {
    return refuse('invalid-input', 'Name at least one patient to give money to', 'splits');
  }
  const shares: { patientId: string; amount: Amount }[] = [];
  let total = zeroAmount(state.currency);
  const seen = new Set<string>();
  for (const [index, split] of input.splits.entries()) {
    const patientId = readId(split.patientId, `splits[${index}].patientId`, 'patient');
    if (isRefusal(patientId)) return patientId;
    if (seen.has(patientId)) {
      return refuse(
        'invalid-input',
        `Patient ${patientId} is listed twice`,
        `splits[${index}].patientId`,
      );
    }
    seen.add(patientId);
    const amount = readAmount(state.currency, split.amount, `splits[${index}].amount`);
    if (isRefusal(amount)) return amount;
    shares.push({ patientId, amount });
    total = add(total, amount);
  }
  if (compare(total, available) > 0) {
    const shown = isPositive(available) ? available : zeroAmount(state.currency);
    return refuse(
      'insufficient-funds',
      `Only ${shown} of this funder's money is unallocated; the split comes to ${total}`,
      'splits',
    );
  }
  const entries: JournalEntry[] = shares.map((share, index) =>
    makeEntry(ctx, 'funderMoneyAllocated', {
      patientId: share.patientId,
      funderId,
      memo,
      lines: new LineSet()
        .debit(accounts.funderUnallocated(funderId), share.amount)
        .credit(accounts.funderHeld(funderId, share.patientId), share.amount).lines,
      data: { share: index + 1, of: shares.length },
    }),
  );
  return { ok: true, entries };
}

export interface RecordFunderLumpSumInput {
  funderId: string;
  method: PaymentMethod;
  amount: string;
  reference?: string;
  /** patients to give shares to at once (the rest stays unallocated) */
  splits?: { patientId: string; amount: string }[];
  /** default 'none': a lump sum is for patients, not the funder's invoices */
  allocate?: AllocationInput;
  memo?: string;
  occurredAt?: string;
}

/**
 * A funder's lump sum split across several patients: the money is received into the
 * funder's unallocated account in one entry (so a received payment is never half
 * written), then each patient's share is set aside in its own entry.
 */
export function recordFunderLumpSum(
  state: LedgerState,
  input: RecordFunderLumpSumInput,
  ctx: CommandContext,
): CommandResult<PaymentOutcome> {
  const received = recordPayment(
    state,
    {
      payer: { type: 'funder', funderId: input.funderId },
      method: input.method,
      amount: input.amount,
      allocate: input.allocate ?? 'none',
      ...(input.reference === undefined ? {} : { reference: input.reference }),
      ...(input.memo === undefined ? {} : { memo: input.memo }),
      ...(input.occurredAt === undefined ? {} : { occurredAt: input.occurredAt }),
    },
    ctx,
  );
  if (!received.ok) return received;
  if (!input.splits || input.splits.length === 0) return received;
  // The shares may use what this payment leaves unallocated plus what was there before.
  const available = add(funderUnallocated(state, input.funderId), received.remainder);
  const split = { funderId: input.funderId, splits: input.splits };
  const shares = splitFunderMoney(
    state,
    input.memo === undefined ? split : { ...split, memo: input.memo },
    available,
    ctx,
  );
  if (!shares.ok) return shares;
  return { ...received, entries: [...received.entries, ...shares.entries] };
}
