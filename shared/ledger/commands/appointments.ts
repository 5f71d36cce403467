// Appointments: book, reschedule, cancel (early or late), no-show, attend. Each returns
// the new or updated appointment document and any entries its money effect needs.
import type { Amount } from '../../money.ts';
import { isPositive, zeroAmount } from '../../money.ts';
import { accounts, REVENUE_FEES } from '../accounts.ts';
import type { Appointment } from '../appointment.ts';
import type { CommandContext } from '../context.ts';
import type { InvoiceDocument, JournalEntry } from '../entry.ts';
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
  readInstant,
  readOptionalId,
  readText,
} from './common.ts';
import { packageRefusal, sessionUseParts } from './packages.ts';

export type AppointmentResult = CommandResult<{ appointment: Appointment }>;

function readDuration(input: unknown): number | Refusal {
  if (!Number.isSafeInteger(input) || (input as number) < 1 || (input as number) > 24 * 60) {
    return refuse('invalid-input', 'Duration is a whole number of minutes', 'durationMinutes');
  }
  return input as number;
}

export interface BookAppointmentInput {
  patientId: string;
  serviceId: string;
  practitionerId: string;
  start: string;
  durationMinutes: number;
  /** the service's price now, kept on the appointment */
  price: string;
  /** a package meant to cover the visit, checked now and again at check-out */
  packageId?: string;
}

export function bookAppointment(
  state: LedgerState,
  input: BookAppointmentInput,
  ctx: CommandContext,
): AppointmentResult {
  const patientId = readId(input.patientId, 'patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  const serviceId = readId(input.serviceId, 'serviceId', 'service');
  if (isRefusal(serviceId)) return serviceId;
  const practitionerId = readId(input.practitionerId, 'practitionerId', 'practitioner');
  if (isRefusal(practitionerId)) return practitionerId;
  const start = readInstant(input.start, 'start');
  if (isRefusal(start)) return start;
  const duration = readDuration(input.durationMinutes);
  if (isRefusal(duration)) return duration;
  const price = readAmount(state.currency, input.price, 'price', 'non-negative');
  if (isRefusal(price)) return price;
  const packageId = readOptionalId(input.packageId, 'packageId', 'package');
  if (isRefusal(packageId)) return packageId;
  if (packageId) {
    const problem = packageRefusal(
      packageView(state, packageId, ctx.now),
      packageId,
      patientId,
      serviceId,
    );
    if (problem) return problem;
  }
  const appointment: Appointment = {
    id: ctx.newId(),
    patientId,
    serviceId,
    practitionerId,
    start,
    durationMinutes: duration,
    status: 'booked',
    packageId,
    price,
    invoiceId: '',
    checkedOutAt: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.staffId,
  };
  return { ok: true, entries: [], appointment };
}

function requireBooked(appointment: Appointment | undefined, action: string): Refusal | null {
  if (!appointment || typeof appointment !== 'object' || !appointment.id) {
    return refuse('not-found', 'The appointment is not known', 'appointment');
  }
  if (appointment.status !== 'booked') {
    return refuse(
      'invalid-state',
      `Only a booked appointment can be ${action}; this one is ${appointment.status}`,
      'appointment',
    );
  }
  return null;
}

function touched(
  appointment: Appointment,
  ctx: CommandContext,
  changes: Partial<Appointment>,
): Appointment {
  return { ...appointment, ...changes, updatedAt: ctx.now, updatedBy: ctx.staffId };
}

export interface RescheduleAppointmentInput {
  appointment: Appointment;
  start: string;
  practitionerId?: string;
  durationMinutes?: number;
}

export function rescheduleAppointment(
  _state: LedgerState,
  input: RescheduleAppointmentInput,
  ctx: CommandContext,
): AppointmentResult {
  const problem = requireBooked(input.appointment, 'rescheduled');
  if (problem) return problem;
  const start = readInstant(input.start, 'start');
  if (isRefusal(start)) return start;
  const changes: Partial<Appointment> = { start };
  if (input.practitionerId !== undefined) {
    const practitionerId = readId(input.practitionerId, 'practitionerId', 'practitioner');
    if (isRefusal(practitionerId)) return practitionerId;
    changes.practitionerId = practitionerId;
  }
  if (input.durationMinutes !== undefined) {
    const duration = readDuration(input.durationMinutes);
    if (isRefusal(duration)) return duration;
    changes.durationMinutes = duration;
  }
  return { ok: true, entries: [], appointment: touched(input.appointment, ctx, changes) };
}

export interface CancelAppointmentInput {
  appointment: Appointment;
  /** a late cancellation (inside the clinic's notice period) */
  late: boolean;
  /** a fee to invoice for a late cancellation when no package session is used */
  fee?: string;
  reasonCode?: string;
  memo?: string;
}

export interface MissedVisitOutcome {
  appointment: Appointment;
  /** 'session': a package session was used; 'fee': a fee invoice was raised; 'none' */
  charge: 'session' | 'fee' | 'none';
  invoiceId: string;
}

/**
 * Cancel. Early: no money moves. Late: by the package's policy a session is used; else a
 * fee, when one is given, is invoiced.
 */
export function cancelAppointment(
  state: LedgerState,
  input: CancelAppointmentInput,
  ctx: CommandContext,
): CommandResult<MissedVisitOutcome> {
  const problem = requireBooked(input.appointment, 'cancelled');
  if (problem) return problem;
  if (typeof input.late !== 'boolean')
    return refuse('invalid-input', 'Say whether the cancellation is late', 'late');
  if (!input.late) {
    const appointment = touched(input.appointment, ctx, { status: 'cancelled' });
    return { ok: true, entries: [], appointment, charge: 'none', invoiceId: '' };
  }
  return missedVisit(state, input, 'lateCancelled', ctx);
}

export interface MarkNoShowInput {
  appointment: Appointment;
  fee?: string;
  reasonCode?: string;
  memo?: string;
}

export function markNoShow(
  state: LedgerState,
  input: MarkNoShowInput,
  ctx: CommandContext,
): CommandResult<MissedVisitOutcome> {
  const problem = requireBooked(input.appointment, 'marked as a no-show');
  if (problem) return problem;
  return missedVisit(state, input, 'noShow', ctx);
}

function missedVisit(
  state: LedgerState,
  input: { appointment: Appointment; fee?: string; reasonCode?: string; memo?: string },
  status: 'lateCancelled' | 'noShow',
  ctx: CommandContext,
): CommandResult<MissedVisitOutcome> {
  const appointment = input.appointment;
  const fee: Amount | Refusal =
    input.fee === undefined
      ? zeroAmount(state.currency)
      : readAmount(state.currency, input.fee, 'fee', 'non-negative');
  if (isRefusal(fee)) return fee;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const reasonCode = readText(input.reasonCode, 'reasonCode');
  if (isRefusal(reasonCode)) return reasonCode;
  const entries: JournalEntry[] = [];
  let charge: MissedVisitOutcome['charge'] = 'none';
  let invoiceId = '';

  const view = appointment.packageId
    ? packageView(state, appointment.packageId, ctx.now)
    : undefined;
  const policyUses =
    view &&
    (status === 'lateCancelled' ? view.sale.lateCancelUsesSession : view.sale.noShowUsesSession);
  const usable =
    view && !packageRefusal(view, view.packageId, appointment.patientId, appointment.serviceId);
  if (view && policyUses && usable) {
    const lines = new LineSet();
    const parts = sessionUseParts(state, view, lines);
    entries.push(
      makeEntry(ctx, 'sessionForfeited', {
        occurredAt: appointment.start < ctx.now ? appointment.start : ctx.now,
        patientId: appointment.patientId,
        appointmentId: appointment.id,
        packageId: view.packageId,
        reasonCode: reasonCode || status,
        memo,
        lines: lines.lines,
        data: { ...parts.data, status },
      }),
    );
    charge = 'session';
  } else if (isPositive(fee)) {
    const entryId = ctx.newId();
    invoiceId = ctx.newId();
    const description = status === 'noShow' ? 'No-show fee' : 'Late cancellation fee';
    const invoice: InvoiceDocument = {
      invoiceId,
      source: 'fee',
      number: nextNumber(ctx, 'invoice'),
      payer: 'patient',
      patientId: appointment.patientId,
      funderId: '',
      appointmentId: appointment.id,
      packageId: '',
      lines: [{ description, serviceId: appointment.serviceId, amount: fee, packageId: '' }],
      total: fee,
      charged: fee,
    };
    const lines = new LineSet()
      .debit(accounts.patientReceivable(appointment.patientId), fee)
      .credit(REVENUE_FEES, fee);
    entries.push(
      makeEntry(
        ctx,
        'feeCharged',
        {
          patientId: appointment.patientId,
          appointmentId: appointment.id,
          invoiceId,
          number: invoice.number,
          reasonCode: reasonCode || status,
          memo,
          lines: lines.lines,
          data: {
            invoice: json(invoice),
            invoiceMoves: json([{ invoiceId, how: 'charge', amount: fee }]),
            status,
          },
        },
        entryId,
      ),
    );
    charge = 'fee';
  }
  const updated = touched(appointment, ctx, {
    status,
    invoiceId: invoiceId || appointment.invoiceId,
  });
  return { ok: true, entries, appointment: updated, charge, invoiceId };
}

export interface AttendAppointmentInput {
  appointment: Appointment;
}

/** Mark arrived/seen. Money moves at check-out. */
export function attendAppointment(
  _state: LedgerState,
  input: AttendAppointmentInput,
  ctx: CommandContext,
): AppointmentResult {
  const problem = requireBooked(input.appointment, 'attended');
  if (problem) return problem;
  return {
    ok: true,
    entries: [],
    appointment: touched(input.appointment, ctx, { status: 'attended' }),
  };
}
