// The clinic's settings document (one per clinic, id 'settings:clinic'): the
// currency every amount is in, the time zone days are counted in, the locale
// money is shown in. Created with Australian defaults on a desk's first start.
import type { ClinicSettings } from '../../shared/catalog/catalog.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';

export const CLINIC_SETTINGS_ID = 'settings:clinic';

export const DEFAULT_CLINIC_SETTINGS = {
  clinicName: 'My clinic',
  currency: 'AUD',
  timeZone: 'Australia/Sydney',
  locale: 'en-AU',
} as const;

/** The settings document, created with the defaults when it does not exist yet. */
export async function ensureClinicSettings(
  db: PunchcardDatabase,
  stamp: { now: string; staffId: string; deskId: string },
): Promise<ClinicSettings> {
  const found = await readClinicSettings(db);
  if (found) return found;
  const settings: ClinicSettings = {
    id: CLINIC_SETTINGS_ID,
    type: 'settings',
    name: 'Clinic settings',
    ...DEFAULT_CLINIC_SETTINGS,
    createdAt: stamp.now,
    updatedAt: stamp.now,
    updatedBy: stamp.staffId,
    deskId: stamp.deskId,
  };
  // Another desk's settings may arrive by replication at the same moment: keep theirs.
  const inserted = await db.catalog.insertIfNotExists(settings);
  return inserted.toJSON() as ClinicSettings;
}

export async function readClinicSettings(db: PunchcardDatabase): Promise<ClinicSettings | null> {
  const doc = await db.catalog.findOne(CLINIC_SETTINGS_ID).exec();
  return doc ? (doc.toJSON() as ClinicSettings) : null;
}
