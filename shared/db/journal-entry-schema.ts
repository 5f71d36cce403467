import type { RxJsonSchema } from 'rxdb';
import type { JournalEntry } from '../ledger/entry.ts';
import { idField, shortText, timeField } from './schema-parts.ts';

/**
 * Journal entries: insert-only, one document per business event. The indexes
 * serve the reads the desk needs without scanning the journal: a patient's
 * history (as the patient or as the other side of a transfer), a funder's,
 * a package's, entries of a kind in a period, everything in a period, and a
 * desk's own entries in id order.
 */
export const journalEntrySchema: RxJsonSchema<JournalEntry> = {
  title: 'journal entry',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 60 },
    kind: { type: 'string', maxLength: 40 },
    occurredAt: timeField,
    recordedAt: timeField,
    deskId: idField,
    staffId: idField,
    patientId: idField,
    counterpartyPatientId: idField,
    funderId: idField,
    appointmentId: idField,
    invoiceId: idField,
    packageId: idField,
    paymentId: idField,
    reverses: { type: 'string', maxLength: 60 },
    reasonCode: shortText,
    memo: { type: 'string', maxLength: 2000 },
    number: { type: 'string', maxLength: 40 },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          account: { type: 'string', maxLength: 200 },
          amount: { type: 'string', maxLength: 24 },
        },
        required: ['account', 'amount'],
        additionalProperties: false,
      },
    },
    data: { type: 'object' },
    // Optional in the schema (the main process stamps it; see electron/audit/entry-chain.ts):
    // an entry without it is reported by the chain verifier, not refused by the store.
    chain: {
      type: 'object',
      properties: {
        seq: { type: 'integer', minimum: 1 },
        prev: { type: 'string', maxLength: 64 },
        hash: { type: 'string', maxLength: 64 },
      },
      required: ['seq', 'prev', 'hash'],
      additionalProperties: false,
    },
  },
  required: [
    'id',
    'kind',
    'occurredAt',
    'recordedAt',
    'deskId',
    'staffId',
    'patientId',
    'counterpartyPatientId',
    'funderId',
    'appointmentId',
    'invoiceId',
    'packageId',
    'paymentId',
    'reverses',
    'reasonCode',
    'memo',
    'number',
    'lines',
    'data',
  ],
  indexes: [
    ['patientId', 'occurredAt'],
    ['counterpartyPatientId', 'occurredAt'],
    ['funderId', 'occurredAt'],
    ['packageId', 'occurredAt'],
    ['kind', 'occurredAt'],
    'occurredAt',
    // A desk's own entries newest first: where its hash chain ends, read at start.
    ['deskId', 'id'],
  ],
};
