// The clinic's editable reference documents: services and prices, package
// plans, funders, staff, settings. Each keeps when and by whom it was last
// changed; conflicting edits from two desks resolve by the latest updatedAt.
import type { Amount } from '../money.ts';
import type { ExpiryRule } from '../ledger/packagePlan.ts';

interface Edited {
  id: string;
  /** Which kind of reference document this is (they share one collection). */
  type: CatalogType;
  /** A display name ('' for documents that have none, e.g. counters). */
  name: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  deskId: string;
}

export type CatalogType = 'service' | 'plan' | 'funder' | 'staff' | 'settings' | 'counter';

export interface Service extends Edited {
  type: 'service';
  price: Amount;
  durationMinutes: number;
  active: boolean;
}

export interface PackagePlan extends Edited {
  type: 'plan';
  sessions: number;
  price: Amount;
  validityDays: number;
  eligibleServiceIds: string[];
  lateCancelUsesSession: boolean;
  noShowUsesSession: boolean;
  expiryRule: ExpiryRule;
  active: boolean;
}

export type FunderKind = 'charity' | 'employer' | 'insurer' | 'government' | 'other';

export interface Funder extends Edited {
  type: 'funder';
  kind: FunderKind;
  contactName: string;
  email: string;
  phone: string;
  reference: string;
}

export type StaffRole = 'reception' | 'manager';

export interface Staff extends Edited {
  type: 'staff';
  role: StaffRole;
  active: boolean;
}

/** One document per clinic (id 'settings:clinic'). */
export interface ClinicSettings extends Edited {
  type: 'settings';
  clinicName: string;
  /** ISO 4217 code */
  currency: string;
  timeZone: string;
  locale: string;
}

/** Per-desk counters for document numbers; only the desk itself writes its own. */
export interface DeskCounter extends Edited {
  type: 'counter';
  /** id is `counter:${deskId}:${counterKind}` */
  counterKind: string;
  value: number;
}

export type CatalogDocument = Service | PackagePlan | Funder | Staff | ClinicSettings | DeskCounter;

type WithoutType<T> = Omit<T, 'type'>;
/** The flat shape the catalog collection's schema describes: every type's fields, optional. */
export type StoredCatalogFields = Partial<
  WithoutType<Service> &
    WithoutType<PackagePlan> &
    WithoutType<Funder> &
    WithoutType<Staff> &
    WithoutType<ClinicSettings> &
    WithoutType<DeskCounter>
> & { id: string; type: CatalogType; name: string };
