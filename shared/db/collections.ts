// The application's collections, their schemas, and the one name the database
// goes by in both processes (the renderer's database must use the same name to
// reach the same storage instances).
import type { RxCollection, RxDatabase } from 'rxdb';
import type { Patient } from '../patients/patient.ts';
import type { JournalEntry } from '../ledger/entry.ts';
import type { Appointment } from '../ledger/appointment.ts';
import type { CatalogDocument } from '../catalog/catalog.ts';
import { patientSchema } from './patient-schema.ts';
import { journalEntrySchema } from './journal-entry-schema.ts';
import { appointmentSchema } from './appointment-schema.ts';
import { catalogSchema } from './catalog-schema.ts';

export const DATABASE_NAME = 'punchcard';

// At most 13 collections may be open per process in RxDB's open-source
// edition, and tests run several desks in one process: keep this list short.
export const collectionSchemas = {
  patients: { schema: patientSchema },
  journal: { schema: journalEntrySchema },
  appointments: { schema: appointmentSchema },
  catalog: { schema: catalogSchema },
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

export interface PunchcardCollections {
  patients: RxCollection<Patient>;
  journal: RxCollection<JournalEntry>;
  appointments: RxCollection<Appointment>;
  catalog: RxCollection<CatalogDocument>;
}

export type PunchcardDatabase = RxDatabase<PunchcardCollections>;

/** True for the collections only the main process may write to. */
export function isApplicationCollection(name: string): boolean {
  return (collectionNames as string[]).includes(name);
}
