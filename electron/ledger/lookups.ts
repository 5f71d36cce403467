// Looking up the documents a ledger operation names, with a sentence for each
// id that is not on file: bad input gets a clear message and changes nothing.
import type { PackagePlan, Service, Funder, Staff } from '../../shared/catalog/catalog.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { Appointment, JournalEntry } from '../../shared/ledger/index.ts';
import type { LedgerError } from '../../shared/ledger/index.ts';
import { entriesOfPackage } from './journal-queries.ts';

export type Lookup<T> = { ok: true; value: T } | { ok: false; error: LedgerError };

const missing = (message: string, field: string): { ok: false; error: LedgerError } => ({
  ok: false,
  error: { code: 'not-found', message, field },
});

/** Every named patient must be on file. `fields` names the input field of each id. */
export async function requirePatients(
  db: PunchcardDatabase,
  ids: { id: string; field: string }[],
): Promise<Lookup<null>> {
  const found = await db.patients.findByIds(ids.map((row) => row.id)).exec();
  for (const row of ids) {
    if (!found.has(row.id)) return missing('That patient is not on file.', row.field);
  }
  return { ok: true, value: null };
}

async function catalogItem<T>(
  db: PunchcardDatabase,
  id: string,
  type: string,
): Promise<T | undefined> {
  const doc = await db.catalog.findOne(id).exec();
  const value = doc?.toJSON() as (T & { type: string }) | undefined;
  return value && value.type === type ? value : undefined;
}

export async function requireFunder(
  db: PunchcardDatabase,
  id: string,
  field: string,
): Promise<Lookup<Funder>> {
  const funder = await catalogItem<Funder>(db, id, 'funder');
  return funder ? { ok: true, value: funder } : missing('That funder is not on file.', field);
}

export async function requireService(
  db: PunchcardDatabase,
  id: string,
  field: string,
): Promise<Lookup<Service>> {
  const service = await catalogItem<Service>(db, id, 'service');
  return service
    ? { ok: true, value: service }
    : missing('That service is not in the price list.', field);
}

export async function requirePlan(
  db: PunchcardDatabase,
  id: string,
  field: string,
): Promise<Lookup<PackagePlan>> {
  const plan = await catalogItem<PackagePlan>(db, id, 'plan');
  if (!plan) return missing('That package plan is not on file.', field);
  if (!plan.active) {
    return {
      ok: false,
      error: { code: 'invalid-state', message: `The plan ${plan.name} is no longer sold.`, field },
    };
  }
  return { ok: true, value: plan };
}

export async function requireAppointment(
  db: PunchcardDatabase,
  id: string,
): Promise<Lookup<Appointment>> {
  const doc = await db.appointments.findOne(id).exec();
  return doc
    ? { ok: true, value: doc.toMutableJSON() as Appointment }
    : missing('That appointment is not on file.', 'appointmentId');
}

/** The patient a package was sold to, from its sale entry (found by the package index). */
export async function patientOfPackage(
  db: PunchcardDatabase,
  packageId: string,
): Promise<Lookup<string>> {
  const entries = await entriesOfPackage(db, packageId);
  const sale = entries.find((entry: JournalEntry) => entry.kind === 'packageSold');
  return sale
    ? { ok: true, value: sale.patientId }
    : missing('That package is not on file.', 'packageId');
}

/** Display names of staff and funders, for histories and statements. */
export async function catalogNames(
  db: PunchcardDatabase,
  type: 'staff' | 'funder',
): Promise<Map<string, string>> {
  const docs = await db.catalog.find({ selector: { type } }).exec();
  return new Map(docs.map((doc) => [doc.id, (doc.toJSON() as Staff | Funder).name]));
}
