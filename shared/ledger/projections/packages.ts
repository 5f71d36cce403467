// Packages: size, used, remaining, expiry, status, and "3 of 5" per appointment.
import type { Amount } from '../../money.ts';
import { accounts } from '../accounts.ts';
import type { SoldPackage } from '../packagePlan.ts';
import type { LedgerState, PackageRecord } from '../state.ts';
import { liabilityOf } from './balances.ts';

export type PackageStatus = 'active' | 'used-up' | 'expired' | 'closed' | 'cancelled';

export interface PackageView {
  packageId: string;
  patientId: string;
  sale: SoldPackage;
  size: number;
  used: number;
  /** sessions left (never below 0; see overusedBy) */
  remaining: number;
  overusedBy: number;
  expiresAt: string;
  /**
   * cancelled: the sale was reversed; closed: expiry was recorded; expired: past its
   * expiry date (as of `now`) but not yet closed; used-up: no sessions left.
   */
  status: PackageStatus;
  /** unused value still held (the package's unearned account) */
  remainingValue: Amount;
}

function view(state: LedgerState, record: PackageRecord, now: string): PackageView | undefined {
  const sale = record.sale;
  if (!sale) return undefined;
  const size = sale.sessions;
  let status: PackageStatus = 'active';
  if (record.sold <= 0) status = 'cancelled';
  else if (record.expired > 0) status = 'closed';
  else if (sale.expiresAt && now && now >= sale.expiresAt) status = 'expired';
  else if (record.used >= size) status = 'used-up';
  return {
    packageId: record.packageId,
    patientId: sale.patientId,
    sale,
    size,
    used: record.used,
    remaining: Math.max(0, size - record.used),
    overusedBy: Math.max(0, record.used - size),
    expiresAt: sale.expiresAt,
    status,
    remainingValue: liabilityOf(state, accounts.unearned(record.packageId)),
  };
}

/** A package as of `now` (ISO; '' to ignore the calendar), or undefined if its sale is unknown. */
export function packageView(
  state: LedgerState,
  packageId: string,
  now = '',
): PackageView | undefined {
  const record = state.packages.get(packageId);
  return record ? view(state, record, now) : undefined;
}

/** A patient's packages, oldest sale first. */
export function packagesOfPatient(state: LedgerState, patientId: string, now = ''): PackageView[] {
  const views: PackageView[] = [];
  for (const packageId of state.patientPackages.get(patientId) ?? []) {
    const found = packageView(state, packageId, now);
    if (found) views.push(found);
  }
  return views.sort((a, b) =>
    a.sale.soldAt < b.sale.soldAt ? -1 : a.sale.soldAt > b.sale.soldAt ? 1 : 0,
  );
}

export interface SessionNumber {
  packageId: string;
  /** 1-based position among the package's used sessions, in the order they were recorded */
  number: number;
  size: number;
  /** "3 of 5" */
  label: string;
}

/** Which session of which package an appointment used, or undefined when none. */
export function sessionOfAppointment(
  state: LedgerState,
  appointmentId: string,
): SessionNumber | undefined {
  for (const packageId of state.appointmentPackages.get(appointmentId) ?? []) {
    const record = state.packages.get(packageId);
    const use = record?.uses.get(appointmentId);
    if (!record || !use || use.count <= 0) continue;
    let number = 0;
    for (const other of record.uses.values()) {
      if (other.count > 0 && other.firstEntryId <= use.firstEntryId) number += other.count;
    }
    const size = record.sale?.sessions ?? 0;
    return { packageId, number, size, label: `${number} of ${size}` };
  }
  return undefined;
}
