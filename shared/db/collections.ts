// The application's collections, their schemas, and the one name the database
// goes by in both processes (the renderer's database must use the same name to
// reach the same storage instances).
import type { RxCollection, RxDatabase } from 'rxdb';
import type { Patient } from '../patients/patient.ts';
import { patientSchema } from './patient-schema.ts';

export const DATABASE_NAME = 'punchcard';

export const collectionSchemas = {
  patients: { schema: patientSchema },
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

export interface PunchcardCollections {
  patients: RxCollection<Patient>;
}

export type PunchcardDatabase = RxDatabase<PunchcardCollections>;

/** True for the collections only the main process may write to. */
export function isApplicationCollection(name: string): boolean {
  return (collectionNames as string[]).includes(name);
}
