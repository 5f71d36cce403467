// Appointments are an ordinary editable collection (DESIGN §4), not journal entries.
// Appointment commands return the new or updated document; any money effect (a fee
// invoice, a package session used) comes back as entries beside it.
import type { Amount } from '../money.ts';

export type AppointmentStatus = 'booked' | 'attended' | 'cancelled' | 'lateCancelled' | 'noShow';

export interface Appointment {
  id: string;
  patientId: string;
  serviceId: string;
  practitionerId: string;
  /** ISO-8601 UTC start time */
  start: string;
  durationMinutes: number;
  status: AppointmentStatus;
  /** the package meant to cover this visit, or '' */
  packageId: string;
  /** the service price at booking, a decimal string */
  price: Amount;
  /** the invoice raised at check-out (or for a fee), or '' */
  invoiceId: string;
  /** the time of check-out, '' until checked out */
  checkedOutAt: string;
  createdAt: string;
  updatedAt: string;
  /** staff id of the last change */
  updatedBy: string;
}
