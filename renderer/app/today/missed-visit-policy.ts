// What a late cancellation or a no-show will do to the patient's money, said
// before the desk confirms it. The ledger decides the same way (see
// shared/ledger/commands/appointments.ts): a session is used only when the
// visit is booked against a package whose plan says so and that package can
// still be used; otherwise a fee the desk enters is invoiced, or nothing.
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import type { Appointment } from '../../../shared/ledger/index.ts';

export type MissedKind = 'lateCancel' | 'noShow';

export interface MissedVisitPolicy {
  /** a package session will be used (no fee can be charged) */
  usesSession: boolean;
  /** a sentence for the desk */
  text: string;
}

export function missedVisitPolicy(
  appointment: Appointment,
  account: PatientAccount | undefined,
  kind: MissedKind,
  now: string,
): MissedVisitPolicy {
  const what = kind === 'lateCancel' ? 'late cancellations' : 'no-shows';
  const pack = appointment.packageId
    ? account?.packages.find((p) => p.packageId === appointment.packageId)
    : undefined;
  if (!pack) {
    return {
      usesSession: false,
      text: `This visit is not booked against a package. You may charge a fee for ${kind === 'lateCancel' ? 'the late cancellation' : 'the no-show'}; leave it empty to charge nothing.`,
    };
  }
  const rule =
    kind === 'lateCancel' ? pack.sale.lateCancelUsesSession : pack.sale.noShowUsesSession;
  const usable =
    pack.status === 'active' &&
    pack.remaining > 0 &&
    !(pack.expiresAt && now >= pack.expiresAt) &&
    (pack.sale.eligibleServiceIds.length === 0 ||
      pack.sale.eligibleServiceIds.includes(appointment.serviceId));
  if (rule && usable) {
    return {
      usesSession: true,
      text: `The plan ${pack.sale.name} says ${what} use a session: session ${pack.used + 1} of ${pack.size} will be used. No fee is charged.`,
    };
  }
  if (rule) {
    return {
      usesSession: false,
      text: `The plan ${pack.sale.name} says ${what} use a session, but the package cannot be used now (${pack.remaining <= 0 ? 'no sessions left' : pack.status}). You may charge a fee instead.`,
    };
  }
  return {
    usesSession: false,
    text: `The plan ${pack.sale.name} does not use a session for ${what}. You may charge a fee; leave it empty to charge nothing.`,
  };
}
