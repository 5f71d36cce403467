import type { RxJsonSchema } from 'rxdb';
import type { Patient } from '../patients/patient.ts';

export const patientSchema: RxJsonSchema<Patient> = {
  title: 'patient',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    firstName: { type: 'string', maxLength: 100 },
    lastName: { type: 'string', maxLength: 100 },
    preferredName: { type: 'string', maxLength: 100 },
    dateOfBirth: { type: 'string', maxLength: 10 },
    phone: { type: 'string', maxLength: 40 },
    email: { type: 'string', maxLength: 200 },
    notes: { type: 'string', maxLength: 2000 },
    searchText: { type: 'string', maxLength: 600 },
    createdAt: { type: 'string', maxLength: 30 },
    updatedAt: { type: 'string', maxLength: 30 },
    updatedBy: { type: 'string', maxLength: 40 },
    deskId: { type: 'string', maxLength: 40 },
  },
  required: [
    'id',
    'firstName',
    'lastName',
    'preferredName',
    'dateOfBirth',
    'phone',
    'email',
    'notes',
    'searchText',
    'createdAt',
    'updatedAt',
    'updatedBy',
    'deskId',
  ],
  // Listing is alphabetical by surname; the list and search sort by it.
  indexes: [['lastName', 'firstName'], 'updatedAt'],
  additionalProperties: false,
};
