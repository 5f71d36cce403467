// The patients the type-ahead searches, held in the window as compact rows and
// kept current by one live RxDB query (a patient added at another desk or
// window arrives through it). Filtering 20,000 short folded strings takes a
// few milliseconds per keystroke, where a `$regex` query scanned the whole
// table in the main process on every keystroke (≈140 ms for rare text).
// Loading the whole index takes a clinic's desk about a second (20,000 patients
// are ≈10 MB to send, parse and wrap), so the first screen does not wait for
// it: the first rows come from a query with a limit, then the index follows.
import type { MangoQuerySortPart } from 'rxdb';
import { concat, from, map, shareReplay, type Observable } from 'rxjs';
import type { PunchcardDatabase } from '../../../shared/db/collections.ts';
import type { Patient } from '../../../shared/patients/patient.ts';

export type PatientRow = Pick<
  Patient,
  'id' | 'firstName' | 'lastName' | 'phone' | 'dateOfBirth' | 'searchText'
>;

/** Rows in list order; `complete` when they are every patient (searching needs all). */
export interface PatientIndex {
  rows: readonly PatientRow[];
  complete: boolean;
}

const indexByDatabase = new WeakMap<PunchcardDatabase, Observable<PatientIndex>>();
const LIST_ORDER: MangoQuerySortPart<Patient>[] = [{ lastName: 'asc' }, { firstName: 'asc' }];

function toRow(doc: PatientRow): PatientRow {
  return {
    id: doc.id,
    firstName: doc.firstName,
    lastName: doc.lastName,
    phone: doc.phone,
    dateOfBirth: doc.dateOfBirth,
    searchText: doc.searchText,
  };
}

/**
 * Every patient, sorted by surname then first name, live; the first `firstRows` of
 * them first (incomplete unless that is everyone), then the whole index.
 */
export function patientIndex(db: PunchcardDatabase, firstRows: number): Observable<PatientIndex> {
  let index = indexByDatabase.get(db);
  if (!index) {
    const firstPage = from(db.patients.find({ sort: LIST_ORDER, limit: firstRows }).exec()).pipe(
      map((docs) => ({ rows: docs.map(toRow), complete: docs.length < firstRows })),
    );
    const everyone = db.patients
      .find({ sort: LIST_ORDER })
      .$.pipe(map((docs) => ({ rows: docs.map(toRow), complete: true })));
    index = concat(firstPage, everyone).pipe(shareReplay({ bufferSize: 1, refCount: false }));
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
