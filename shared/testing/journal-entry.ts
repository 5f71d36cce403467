// A journal entry for tests that build the journal by hand: every optional
// reference blank, so a test names only what it is about.
import type { JournalEntry } from '../ledger/entry.ts';

export type EntryFields = Pick<JournalEntry, 'id' | 'kind' | 'occurredAt' | 'lines'> &
  Partial<JournalEntry>;

export function testEntry(fields: EntryFields): JournalEntry {
  return {
    recordedAt: fields.occurredAt,
    deskId: 'desk-1',
    staffId: 'staff',
    patientId: '',
    counterpartyPatientId: '',
    funderId: '',
    appointmentId: '',
    invoiceId: '',
    packageId: '',
    paymentId: '',
    reverses: '',
    reasonCode: '',
    memo: '',
    number: '',
    data: {},
    ...fields,
  };
}
