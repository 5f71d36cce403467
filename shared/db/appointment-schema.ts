import type { RxJsonSchema } from 'rxdb';
import type { Appointment } from '../ledger/appointment.ts';
import { countField, idField, moneyField, timeField } from './schema-parts.ts';

const base = { version: 0, primaryKey: 'id', type: 'object', additionalProperties: false } as const;

export const appointmentSchema: RxJsonSchema<Appointment> = {
  ...base,
  title: 'appointment',
  properties: {
    id: idField,
    patientId: idField,
    serviceId: idField,
    practitionerId: idField,
    start: timeField,
    durationMinutes: countField,
    status: { type: 'string', maxLength: 20 },
    packageId: idField,
    price: moneyField,
    invoiceId: idField,
    checkedOutAt: timeField,
    createdAt: timeField,
    updatedAt: timeField,
    updatedBy: idField,
  },
  required: [
    'id',
    'patientId',
    'serviceId',
    'practitionerId',
    'start',
    'durationMinutes',
    'status',
    'packageId',
    'price',
    'invoiceId',
    'checkedOutAt',
    'createdAt',
    'updatedAt',
    'updatedBy',
  ],
  // Today's list (by start) and a patient's appointments (by patient, start).
  indexes: ['start', ['patientId', 'start']],
};
