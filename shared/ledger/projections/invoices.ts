// Invoice status and amounts.
import type { Amount } from '../../money.ts';
import { add, isNegative, isPositive, isZero, negate, subtract, zeroAmount } from '../../money.ts';
import type { InvoiceLine, InvoiceMoveHow } from '../entry.ts';
import type { InvoiceRecord, LedgerState } from '../state.ts';
import { invoiceDue } from '../state.ts';

/** open: nothing settled; part-paid; paid (incl. over-paid); credited: the charge was withdrawn. */
export type InvoiceStatus = 'open' | 'part-paid' | 'paid' | 'credited';

export interface InvoiceView {
  invoiceId: string;
  number: string;
  issuedAt: string;
  payer: 'patient' | 'funder' | '';
  patientId: string;
  funderId: string;
  appointmentId: string;
  packageId: string;
  lines: InvoiceLine[];
  /** sum of the lines, including any covered by a package session */
  total: Amount;
  /** what the payer was charged, after cancellations (waivers, conversions, reversals) */
  charged: Amount;
  /** settled by credit, funder money, payments and parked money, less what moved to credit */
  settled: Amount;
  due: Amount;
  /** how much more than due was paid (two desks paying the same invoice offline) */
  overpaidBy: Amount;
  status: InvoiceStatus;
  moves: Record<InvoiceMoveHow, Amount>;
}

export function invoiceViewOf(record: InvoiceRecord, currency: string): InvoiceView {
  const m = record.moves;
  const zero = zeroAmount(currency);
  const charged = subtract(m.charge, m.cancel);
  let settled = zero;
  for (const part of [m.credit, m.funderHeld, m.payment, m.unapplied]) settled = add(settled, part);
  settled = subtract(settled, m.toCredit);
  const due = invoiceDue(record);
  const withdrawn = isPositive(m.cancel) || (isZero(m.charge) && isPositive(record.originalCharge));
  let status: InvoiceStatus;
  if (isZero(charged) && withdrawn && !isPositive(due)) status = 'credited';
  else if (!isPositive(due)) status = 'paid';
  else if (isZero(settled) && !isPositive(m.cancel)) status = 'open';
  else status = 'part-paid';
  return {
    invoiceId: record.invoiceId,
    number: record.number,
    issuedAt: record.issuedAt,
    payer: record.payer,
    patientId: record.patientId,
    funderId: record.funderId,
    appointmentId: record.appointmentId,
    packageId: record.packageId,
    lines: record.lines,
    total: record.total,
    charged,
    settled,
    due,
    overpaidBy: isNegative(due) ? negate(due) : zero,
    status,
    moves: { ...m },
  };
}

export function invoiceView(state: LedgerState, invoiceId: string): InvoiceView | undefined {
  const record = state.invoices.get(invoiceId);
  return record ? invoiceViewOf(record, state.currency) : undefined;
}

function byIssue(a: InvoiceView, b: InvoiceView): number {
  const ka = a.issuedAt + a.invoiceId;
  const kb = b.issuedAt + b.invoiceId;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A patient's invoices (the ones they pay), oldest first. */
export function invoicesOfPatient(state: LedgerState, patientId: string): InvoiceView[] {
  return [...(state.patientInvoices.get(patientId) ?? [])]
    .map((id) => invoiceView(state, id))
    .filter((view): view is InvoiceView => view !== undefined)
    .sort(byIssue);
}

/** A funder's invoices, oldest first. */
export function invoicesOfFunder(state: LedgerState, funderId: string): InvoiceView[] {
  return [...(state.funderInvoices.get(funderId) ?? [])]
    .map((id) => invoiceView(state, id))
    .filter((view): view is InvoiceView => view !== undefined)
    .sort(byIssue);
}

/** Invoices with something still due, oldest first: the order payments are allocated in. */
export function openInvoices(
  state: LedgerState,
  payer: { patientId: string } | { funderId: string },
): InvoiceView[] {
  const all =
    'patientId' in payer
      ? invoicesOfPatient(state, payer.patientId)
      : invoicesOfFunder(state, payer.funderId);
  return all.filter((view) => isPositive(view.due));
}
