// The patients the type-ahead searches, held in the window as compact rows and
// kept current by the collection's change events (a patient added at another
// desk or window arrives through them). Filtering 20,000 short folded strings
// takes a few milliseconds per keystroke, where a `$regex` query scanned the
// whole table in the main process on every keystroke (≈140 ms for rare text).
// The first screen does not wait for the whole index: the first rows come from
// a page with a limit, then the rest follows a page at a time
// (load-patient-index.ts), read as plain stored data rather than RxDocuments.
import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { filter, map, shareReplay, type Observable } from 'rxjs';
import type { PunchcardDatabase } from '../../../shared/db/collections.ts';
import type { Patient } from '../../../shared/patients/patient.ts';
import { loadPatientIndex, type PatientPages } from './load-patient-index.ts';
import type { StoredPatientRow } from './patient-index-merge.ts';

export type PatientRow = Pick<
  Patient,
  'id' | 'firstName' | 'lastName' | 'phone' | 'dateOfBirth' | 'searchText'
>;

/** Rows in list order; `complete` when they are every patient (searching needs all). */
export interface PatientIndex {
  rows: readonly PatientRow[];
  complete: boolean;
}

/**
 * Patients per later page. A clinic's patient is ≈500 bytes on the wire, so a
 * page is ≈0.5 MB. Measured at 20,000 patients (longest task in the window
 * after the first rows, traced, medians of 5 runs): one reply 211–458 ms,
 * pages of 4,000 136 ms, of 2,000 35 ms, of 1,000 14–17 ms, the whole index
 * about as soon with 1,000 as with 2,000. Asking for the next page before
 * taking in the last one made no difference to either.
 */
export const PAGE_SIZE = 1000;

const indexByDatabase = new WeakMap<PunchcardDatabase, Observable<PatientIndex>>();
/** Covered by the [lastName, firstName] index (RxDB appends the primary key to both). */
const LIST_ORDER: MangoQuerySortPart<Patient>[] = [
  { lastName: 'asc' },
  { firstName: 'asc' },
  { id: 'asc' },
];

/** The patients after `row` in list order: a range of the index, then the ties skipped. */
export function afterRowSelector(row: PatientRow): MangoQuerySelector<Patient> {
  return {
    lastName: { $gte: row.lastName },
    $or: [
      { lastName: { $gt: row.lastName } },
      { firstName: { $gt: row.firstName } },
      { firstName: { $eq: row.firstName }, id: { $gt: row.id } },
    ],
  };
}

/** The collection read through its storage: plain stored data, no RxDocuments built. */
export function collectionPages(db: PunchcardDatabase): PatientPages {
  const patients = db.patients;
  return {
    async page(after, limit) {
      const query = patients.find({
        selector: after ? afterRowSelector(after) : {},
        sort: LIST_ORDER,
        limit,
      });
      const result = await patients.storageInstance.query(query.getPreparedQuery());
      return result.documents;
    },
    changes: patients.eventBulks$.pipe(
      filter((bulk) => !bulk.isLocal),
      map((bulk) => bulk.events.map((event) => event.documentData as StoredPatientRow)),
    ),
  };
}

/**
 * Every patient, sorted by surname then first name, live; the first `firstRows` of
 * them first (incomplete unless that is everyone), then the whole index.
 */
export function patientIndex(
  db: PunchcardDatabase,
  firstRows: number,
  pageSize = PAGE_SIZE,
): Observable<PatientIndex> {
  let index = indexByDatabase.get(db);
  if (!index) {
    index = loadPatientIndex(collectionPages(db), { firstRows, pageSize }).pipe(
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    indexByDatabase.set(db, index);
  }
  return index;
}

/**
 * What the list shows: the first `limit` matches, or — for a search while the index
 * is still loading — nothing yet (`pending`), rather than matches among the first rows only.
 */
export function visibleRows(
  index: PatientIndex,
  needle: string,
  limit: number,
): { rows: PatientRow[]; pending: boolean } {
  if (needle !== '' && !index.complete) return { rows: [], pending: true };
  return { rows: matchingRows(index.rows, needle, limit), pending: false };
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
