// What one row of Today shows: the visit's state, its package badge and whether
// it is paid — worked out from the appointment and the patient's account (the
// fold the main process answers with), so the screen itself only draws.
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment } from '../../../shared/ledger/index.ts';
import { isPositive } from '../../../shared/money.ts';

export type RowAction = 'attend' | 'checkout' | 'noShow' | 'cancel' | 'reschedule';

export interface PackageBadge {
  /** "3/5" */
  text: string;
  /** what a screen reader says, e.g. "Session 3 of 5 of 5 physio sessions" */
  label: string;
  /** true while the visit is only booked against the package (no session used yet) */
  planned: boolean;
  /** a planned session beyond the package's size */
  over: boolean;
}

export type MoneyTone = 'paid' | 'owing' | 'pending' | 'none';

export interface RowState {
  status: string;
  badge: PackageBadge | null;
  money: { tone: MoneyTone; text: string };
  actions: RowAction[];
}

const STATUS_TEXT: Record<Appointment['status'], string> = {
  booked: 'Booked',
  attended: 'Checked in',
  cancelled: 'Cancelled',
  lateCancelled: 'Late cancellation',
  noShow: 'No-show',
};

/**
 * For visits booked against a package and not yet checked out: the session
 * number each would use, in time order after the sessions already used.
 */
export function plannedSessionNumbers(
  appointments: readonly Appointment[],
  accounts: ReadonlyMap<string, PatientAccount>,
): Map<string, number> {
  const next = new Map<string, number>();
  const numbers = new Map<string, number>();
  const waiting = appointments
    .filter(
      (a) =>
        a.packageId &&
        !a.checkedOutAt &&
        (a.status === 'booked' || a.status === 'attended') &&
        !accounts.get(a.patientId)?.sessions[a.id],
    )
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const appointment of waiting) {
    const pack = accounts
      .get(appointment.patientId)
      ?.packages.find((p) => p.packageId === appointment.packageId);
    if (!pack) continue;
    const number = (next.get(pack.packageId) ?? pack.used) + 1;
    next.set(pack.packageId, number);
    numbers.set(appointment.id, number);
  }
  return numbers;
}

function badgeOf(
  appointment: Appointment,
  account: PatientAccount | undefined,
  planned: number | undefined,
): PackageBadge | null {
  const used = account?.sessions[appointment.id];
  if (used) {
    const pack = account?.packages.find((p) => p.packageId === used.packageId);
    return {
      text: `${used.number}/${used.size}`,
      label: `Session ${used.number} of ${used.size}${pack ? ` of ${pack.sale.name}` : ''}`,
      planned: false,
      over: used.number > used.size,
    };
  }
  if (!appointment.packageId || planned === undefined) return null;
  const pack = account?.packages.find((p) => p.packageId === appointment.packageId);
  if (!pack) return null;
  const over = planned > pack.size;
  return {
    text: `${planned}/${pack.size}`,
    label: over
      ? `Booked against ${pack.sale.name}, which has no session left for this visit`
      : `Will use session ${planned} of ${pack.size} of ${pack.sale.name}`,
    planned: true,
    over,
  };
}

function moneyOf(
  appointment: Appointment,
  account: PatientAccount | undefined,
  sessionUsed: boolean,
  format: (amount: string) => string,
): RowState['money'] {
  const missed = appointment.status === 'lateCancelled' || appointment.status === 'noShow';
  if (!appointment.checkedOutAt && !missed) {
    if (appointment.status === 'cancelled') return { tone: 'none', text: 'No charge' };
    return { tone: 'pending', text: 'Not checked out' };
  }
  if (!appointment.invoiceId) {
    return sessionUsed
      ? { tone: 'paid', text: 'Session used' }
      : { tone: 'none', text: 'No charge' };
  }
  if (!account) return { tone: 'pending', text: '…' };
  const invoice = account.invoices.find((i) => i.invoiceId === appointment.invoiceId);
  if (!invoice) return { tone: 'pending', text: '…' };
  if (invoice.status === 'credited') return { tone: 'none', text: 'Credited' };
  if (isPositive(invoice.due)) return { tone: 'owing', text: `Owing ${format(invoice.due)}` };
  return { tone: 'paid', text: sessionUsed && !isPositive(invoice.charged) ? 'Package' : 'Paid' };
}

function actionsOf(appointment: Appointment): RowAction[] {
  if (appointment.checkedOutAt) return [];
  if (appointment.status === 'booked')
    return ['attend', 'checkout', 'noShow', 'cancel', 'reschedule'];
  if (appointment.status === 'attended') return ['checkout'];
  return [];
}

export function rowState(
  appointment: Appointment,
  account: PatientAccount | undefined,
  planned: number | undefined,
  format: (amount: string) => string,
): RowState {
  const badge = badgeOf(appointment, account, planned);
  const sessionUsed = !!account?.sessions[appointment.id];
  return {
    status: appointment.checkedOutAt ? 'Checked out' : STATUS_TEXT[appointment.status],
    badge,
    money: moneyOf(appointment, account, sessionUsed, format),
    actions: actionsOf(appointment),
  };
}
