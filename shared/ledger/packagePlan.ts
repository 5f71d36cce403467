// A package plan as it was when sold. The snapshot is copied into the sale entry, so
// later edits to the plan never change a package already sold.
import type { Amount } from '../money.ts';

export type ExpiryRule = 'breakage' | 'credit';

export interface PackagePlanSnapshot {
  /** the catalog plan it was sold from; '' for a one-off package */
  planId: string;
  name: string;
  /** number of sessions, a whole number ≥ 1 */
  sessions: number;
  price: Amount;
  /** days from sale until expiry; 0 = never expires */
  validityDays: number;
  /** services a session may be used for; empty = any service */
  eligibleServiceIds: string[];
  lateCancelUsesSession: boolean;
  noShowUsesSession: boolean;
  /** what happens to unused value at expiry: revenue (breakage) or the payer's credit */
  expiryRule: ExpiryRule;
}

/** A package described at the sale rather than taken from a catalog plan. */
export type OneOffPackage = Omit<PackagePlanSnapshot, 'planId'>;

/** The package as recorded in `data.package` of its sale entry. */
export interface SoldPackage extends PackagePlanSnapshot {
  packageId: string;
  patientId: string;
  payer: 'patient' | 'funder';
  funderId: string;
  soldAt: string;
  /** ISO time after which the package is expired, '' when it never expires */
  expiresAt: string;
  invoiceId: string;
}
