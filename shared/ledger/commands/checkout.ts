// Check-out of an appointment: one entry raises its invoice and settles it with any mix of
// a package session, account credit, funder money held, new payments, or leaves it owing.
import type { Amount } from '../../money.ts';
import { add, zeroAmount } from '../../money.ts';
import { accounts, REVENUE_SERVICE } from '../accounts.ts';
import type { Appointment } from '../appointment.ts';
import type { CommandContext } from '../context.ts';
import type { InvoiceDocument, InvoiceLine, InvoiceMove, JsonValue } from '../entry.ts';
import type { CommandResult, Refusal } from '../errors.ts';
import { refuse } from '../errors.ts';
import { packageView } from '../projections/packages.ts';
import type { LedgerState } from '../state.ts';
import {
  isRefusal,
  json,
  LineSet,
  makeEntry,
  nextNumber,
  readAmount,
  readId,
  readOptionalId,
  readText,
} from './common.ts';
import { packageRefusal, sessionUseParts } from './packages.ts';
import type { SettlementInput, SettlementSummary } from './settlement.ts';
import { settlePatientInvoice } from './settlement.ts';

export interface CheckoutLineInput {
  description: string;
  serviceId: string;
  amount: string;
}

export interface CheckOutInput extends SettlementInput {
  appointment: Appointment;
  /** invoice lines; default one line for the appointment's service at its price */
  lines?: CheckoutLineInput[];
  /**
   * the package to use a session of (covers the line for the appointment's service);
   * default the appointment's package; '' to use none
   */
  packageId?: string;
  memo?: string;
}

export interface CheckOutOutcome {
  appointment: Appointment;
  invoiceId: string;
  paymentId: string;
  /** the session used, e.g. { packageId, share: "71.43" }, or null */
  session: { packageId: string; share: Amount } | null;
  settlement: SettlementSummary;
}

function readLines(
  state: LedgerState,
  appointment: Appointment,
  input: CheckOutInput,
): InvoiceLine[] | Refusal {
  const rows = input.lines ?? [
    { description: 'Consultation', serviceId: appointment.serviceId, amount: appointment.price },
  ];
  if (!Array.isArray(rows) || rows.length === 0)
    return refuse('invalid-input', 'An invoice needs at least one line', 'lines');
  const lines: InvoiceLine[] = [];
  for (const [index, row] of rows.entries()) {
    const description = readText(
      row.description,
      `lines[${index}].description`,
      'Each line needs a description',
    );
    if (isRefusal(description)) return description;
    const serviceId = readOptionalId(row.serviceId, `lines[${index}].serviceId`, 'service');
    if (isRefusal(serviceId)) return serviceId;
    const amount = readAmount(state.currency, row.amount, `lines[${index}].amount`, 'non-negative');
    if (isRefusal(amount)) return amount;
    lines.push({ description, serviceId, amount, packageId: '' });
  }
  return lines;
}

export function checkOutAppointment(
  state: LedgerState,
  input: CheckOutInput,
  ctx: CommandContext,
): CommandResult<CheckOutOutcome> {
  const appointment = input.appointment;
  if (!appointment || typeof appointment !== 'object' || !appointment.id) {
    return refuse('not-found', 'The appointment is not known', 'appointment');
  }
  if (appointment.invoiceId || appointment.checkedOutAt) {
    return refuse('invalid-state', 'This appointment has already been checked out', 'appointment');
  }
  if (appointment.status !== 'booked' && appointment.status !== 'attended') {
    return refuse(
      'invalid-state',
      `A ${appointment.status} appointment cannot be checked out`,
      'appointment',
    );
  }
  const patientId = readId(appointment.patientId, 'appointment.patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  const invoiceLines = readLines(state, appointment, input);
  if (isRefusal(invoiceLines)) return invoiceLines;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const packageId = readOptionalId(
    input.packageId ?? appointment.packageId,
    'packageId',
    'package',
  );
  if (isRefusal(packageId)) return packageId;

  const lines = new LineSet();
  const moves: InvoiceMove[] = [];
  const data: { [key: string]: JsonValue } = {};
  let session: CheckOutOutcome['session'] = null;
  let packageFunderId = '';
  if (packageId) {
    const view = packageView(state, packageId, ctx.now);
    const problem = packageRefusal(view, packageId, patientId, appointment.serviceId);
    if (problem || !view)
      return problem ?? refuse('not-found', `Package ${packageId} is not known`, 'packageId');
    const covered = invoiceLines.find((line) => line.serviceId === appointment.serviceId);
    if (!covered)
      return refuse(
        'invalid-input',
        "No invoice line is for the appointment's service, so the package cannot cover it",
        'packageId',
      );
    covered.packageId = packageId;
    const parts = sessionUseParts(state, view, lines);
    Object.assign(data, parts.data);
    packageFunderId = parts.data.packageFunderId;
    session = { packageId, share: parts.share };
  }

  const entryId = ctx.newId();
  const invoiceId = ctx.newId();
  const zero = zeroAmount(state.currency);
  let total = zero;
  let charged = zero;
  for (const line of invoiceLines) {
    total = add(total, line.amount);
    if (!line.packageId) charged = add(charged, line.amount);
  }
  lines.debit(accounts.patientReceivable(patientId), charged).credit(REVENUE_SERVICE, charged);
  moves.push({ invoiceId, how: 'charge', amount: charged });
  const settlement = settlePatientInvoice(
    state,
    patientId,
    invoiceId,
    charged,
    input,
    'auto',
    lines,
    moves,
  );
  if (isRefusal(settlement)) return settlement;
  const paymentId = settlement.payments.length > 0 ? ctx.newId() : '';
  const invoice: InvoiceDocument = {
    invoiceId,
    source: 'checkout',
    number: nextNumber(ctx, 'invoice'),
    payer: 'patient',
    patientId,
    funderId: '',
    appointmentId: appointment.id,
    packageId,
    lines: invoiceLines,
    total,
    charged,
  };
  const funderIds = (input.funderHeld ?? []).map((row) => row.funderId);
  const entry = makeEntry(
    ctx,
    'checkout',
    {
      patientId,
      funderId: funderIds.length === 1 ? (funderIds[0] ?? '') : '',
      appointmentId: appointment.id,
      invoiceId,
      packageId,
      paymentId,
      number: invoice.number,
      memo,
      lines: lines.lines,
      data: {
        ...data,
        packageFunderId,
        invoice: json(invoice),
        invoiceMoves: json(moves),
        payments: json(settlement.payments),
        receiptNumber: paymentId ? nextNumber(ctx, 'receipt') : '',
      },
    },
    entryId,
  );
  const updated: Appointment = {
    ...appointment,
    status: 'attended',
    invoiceId,
    checkedOutAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.staffId,
  };
  return {
    ok: true,
    entries: [entry],
    appointment: updated,
    invoiceId,
    paymentId,
    session,
    settlement,
  };
}
