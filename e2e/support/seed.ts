// Setting the scene for the Today and check-out specs: services, package
// plans, patients, sold packages and past visits are created through the
// contract (the ops client), so each scenario spends its clicks on the steps
// it is about. The scenario steps themselves are clicked through the screens.
import type { Page } from '@playwright/test';
import { expect } from './harness.ts';
import type { OpsClient } from './ops-client.ts';

export interface Clinic {
  serviceId: string;
  /** 5 sessions for 350.00; late cancels and no-shows use a session */
  strictPlanId: string;
  /** 5 sessions for 350.00; late cancels and no-shows do not use a session */
  lenientPlanId: string;
}

/** A physio service at 80.00 and two five-session plans with opposite policies. */
export async function seedClinic(ops: OpsClient): Promise<Clinic> {
  const service = await ops.call('saveService', {
    name: 'Physio consult',
    price: '80.00',
    durationMinutes: 30,
  });
  const plan = (name: string, uses: boolean) =>
    ops.call('savePackagePlan', {
      name,
      sessions: 5,
      price: '350.00',
      validityDays: 365,
      eligibleServiceIds: [service.id],
      lateCancelUsesSession: uses,
      noShowUsesSession: uses,
      expiryRule: 'breakage',
    });
  const strict = await plan('5 physio (strict)', true);
  const lenient = await plan('5 physio (flexible)', false);
  return { serviceId: service.id, strictPlanId: strict.id, lenientPlanId: lenient.id };
}

export async function addPatient(ops: OpsClient, firstName: string, lastName: string) {
  const { id } = await ops.call('addPatient', { firstName, lastName });
  return id;
}

/** Sells a plan to a patient, paid in full by card. */
export async function sellPaidPackage(ops: OpsClient, patientId: string, planId: string) {
  const sold = await ops.call('sellPackage', {
    patientId,
    planId,
    settlement: { payments: [{ method: 'card', amount: '350.00' }] },
  });
  return sold.packageId;
}

/** A local date ('YYYY-MM-DD') `days` from today in this machine's time zone (the browser's too). */
export function localDate(days = 0): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The ISO instant of a local time on a day `days` from today. */
export function localAt(days: number, hours: number, minutes = 0): string {
  const now = new Date();
  return new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() + days,
    hours,
    minutes,
  ).toISOString();
}

export async function book(
  ops: OpsClient,
  args: { patientId: string; serviceId: string; start: string; packageId?: string },
) {
  const booked = await ops.call('bookAppointment', { practitionerId: 'dr-lee', ...args });
  return booked.appointment.id;
}

/** A visit booked and checked out with the ledger's defaults (a package session when booked with one). */
export async function pastVisit(
  ops: OpsClient,
  args: { patientId: string; serviceId: string; start: string; packageId?: string },
) {
  const appointmentId = await book(ops, args);
  await ops.call('checkOutAppointment', { appointmentId });
  return appointmentId;
}

/** Opens Today on a given local day. */
export async function openDay(page: Page, date: string) {
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await page.getByLabel('Day shown').fill(date);
  await expect(page.getByLabel('Day shown')).toHaveValue(date);
}

/** The row of Today for a patient (at a time, when they have several). */
export function rowOf(page: Page, name: string, time?: string) {
  const rows = page.getByRole('row').filter({ hasText: name });
  return time ? rows.filter({ hasText: time }) : rows;
}
