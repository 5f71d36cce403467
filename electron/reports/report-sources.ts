// What reports and exports read from the desk's database besides the entries (those:
// stored-journal.ts): the clinic's currency, zone and locale, and the names of patients
// and funders.
import { normalizeMangoQuery, prepareQuery, type MangoQuery, type RxDocumentData } from 'rxdb';
import type { Patient } from '../../shared/patients/patient.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { Funder } from '../../shared/catalog/catalog.ts';
import type { ClinicFrame, Directory } from '../../shared/reports/index.ts';
import { directoryOf } from '../../shared/reports/index.ts';
import { DEFAULT_CLINIC_SETTINGS, readClinicSettings } from '../ledger/clinic-settings.ts';

export async function clinicFrame(db: PunchcardDatabase): Promise<ClinicFrame> {
  const settings = await readClinicSettings(db);
  return {
    currency: settings?.currency ?? DEFAULT_CLINIC_SETTINGS.currency,
    timeZone: settings?.timeZone ?? DEFAULT_CLINIC_SETTINGS.timeZone,
    locale: settings?.locale ?? DEFAULT_CLINIC_SETTINGS.locale,
  };
}

// Names are read once per database and read again after any patient or catalog change.
const directories = new WeakMap<PunchcardDatabase, Promise<Directory>>();
const watched = new WeakSet<PunchcardDatabase>();

/** Names of every patient and funder, remembered until a patient or funder changes. */
export function loadDirectory(db: PunchcardDatabase): Promise<Directory> {
  if (!watched.has(db)) {
    watched.add(db);
    const forget = () => directories.delete(db);
    const patients = db.patients.$.subscribe(forget);
    const catalog = db.catalog.$.subscribe(forget);
    db.onClose.push(() => {
      patients.unsubscribe();
      catalog.unsubscribe();
    });
  }
  let directory = directories.get(db);
  if (!directory) {
    directory = readDirectory(db);
    directories.set(db, directory);
  }
  return directory;
}

/** Names of every patient and funder (read from storage directly: plain documents). */
async function readDirectory(db: PunchcardDatabase): Promise<Directory> {
  // Straight from the storage: tens of thousands of patients as RxDocuments cost seconds.
  const patientSchema = db.patients.schema.jsonSchema;
  const [patientResult, funders] = await Promise.all([
    db.patients.storageInstance.query(
      prepareQuery(
        patientSchema,
        normalizeMangoQuery(patientSchema, { selector: { _deleted: { $eq: false } } } as MangoQuery<
          RxDocumentData<Patient>
        >),
      ),
    ),
    db.catalog.find({ selector: { type: 'funder' } }).exec(),
  ]);
  const patients = patientResult.documents;
  const patientNames = new Map<string, { name: string; email: string }>();
  for (const doc of patients) {
    const name = [doc.firstName, doc.lastName].filter(Boolean).join(' ');
    patientNames.set(doc.id, { name, email: doc.email });
  }
  const funderNames = new Map<string, { name: string; email: string }>();
  for (const doc of funders) {
    const funder = doc.toJSON() as Funder;
    funderNames.set(funder.id, { name: funder.name, email: funder.email });
  }
  return directoryOf(patientNames, funderNames);
}
