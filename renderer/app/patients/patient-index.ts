// The patients the type-ahead searches, held in the window as compact rows and
// kept current by one live RxDB query (a patient added at another desk or
// window arrives through it). Filtering 20,000 short folded strings takes a
// few milliseconds per keystroke, where a `$regex` query scanned the whole
// table in the main process on every keystroke (≈140 ms for rare text).
import { map, shareReplay, type Observable } from 'rxjs';
import type { PunchcardDatabase } from '../../../shared/db/collections.ts';
import type { Patient } from '../../../shared/patients/patient.ts';

export type PatientRow = Pick<
  Patient,
  'id' | 'firstName' | 'lastName' | 'phone' | 'dateOfBirth' | 'searchText'
>;

const rowsByDatabase = new WeakMap<PunchcardDatabase, Observable<PatientRow[]>>();

/** Every patient, sorted by surname then first name, live. */
export function patientRows(db: PunchcardDatabase): Observable<PatientRow[]> {
  let rows = rowsByDatabase.get(db);
  if (!rows) {
    rows = db.patients.find({ sort: [{ lastName: 'asc' }, { firstName: 'asc' }] }).$.pipe(
      map((docs) =>
        docs.map((doc) => ({
          id: doc.id,
          firstName: doc.firstName,
          lastName: doc.lastName,
          phone: doc.phone,
          dateOfBirth: doc.dateOfBirth,
          searchText: doc.searchText,
        })),
      ),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    rowsByDatabase.set(db, rows);
  }
  return rows;
}

/** The first `limit` rows whose folded search text contains the needle (all when it is empty). */
export function matchingRows(
  rows: readonly PatientRow[],
  needle: string,
  limit: number,
): PatientRow[] {
  if (needle === '') return rows.slice(0, limit);
  const found: PatientRow[] = [];
  for (const row of rows) {
    if (row.searchText.includes(needle) && found.push(row) >= limit) break;
  }
  return found;
}
