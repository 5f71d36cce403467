import type { RxJsonSchema } from 'rxdb';
import type { StoredCatalogFields } from '../catalog/catalog.ts';
import {
  countField,
  editedFields,
  editedRequired,
  flagField,
  idList,
  moneyField,
  shortText,
} from './schema-parts.ts';

/**
 * Every editable reference document (services, package plans, funders, staff,
 * clinic settings, desk counters) in one collection, told apart by `type`.
 * One collection rather than six because RxDB's open-source edition allows
 * only 13 open collections per process, and tests and tools run several desks
 * in one process. Each type's own fields are checked by its zod schema in the
 * main process before a write.
 */
export const catalogSchema: RxJsonSchema<StoredCatalogFields> = {
  title: 'catalog document',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...editedFields,
    id: { type: 'string', maxLength: 90 },
    type: {
      type: 'string',
      enum: ['service', 'plan', 'funder', 'staff', 'settings', 'counter'],
      maxLength: 10,
    },
    name: { type: 'string', maxLength: 200 },
    active: flagField,
    // service
    price: moneyField,
    durationMinutes: countField,
    // plan
    sessions: countField,
    validityDays: countField,
    eligibleServiceIds: idList,
    lateCancelUsesSession: flagField,
    noShowUsesSession: flagField,
    expiryRule: { type: 'string', enum: ['breakage', 'credit'] },
    // funder
    kind: { type: 'string', maxLength: 20 },
    contactName: shortText,
    email: shortText,
    phone: shortText,
    reference: shortText,
    // staff
    role: { type: 'string', enum: ['reception', 'manager'] },
    // settings
    clinicName: shortText,
    currency: { type: 'string', maxLength: 3 },
    timeZone: shortText,
    locale: shortText,
    // counter
    counterKind: { type: 'string', maxLength: 40 },
    value: countField,
  },
  required: [...editedRequired, 'type', 'name'],
  indexes: [['type', 'name']],
};
