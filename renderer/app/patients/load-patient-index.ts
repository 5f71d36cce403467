// Loads the index of patients a page at a time and keeps it live. One reply
// with all 20,000 patients of a clinic (≈10 MB) held the page for 400–775 ms
// in one stretch (decoding it, wrapping every patient as an RxDocument and the
// garbage collection after), so typing lagged just after the first rows
// showed. Pages of a thousand plain rows, read after the last row of the
// page before (an index-covered range in list order) with a turn for the
// browser between them, keep each stretch short. Change events are listened
// to before the first page is asked for, so no write falls between the pages
// and the events (PatientIndexMerge keeps every patient once, newest write).
import { Observable } from 'rxjs';
import type { PatientIndex, PatientRow } from './patient-index.ts';
import { PatientIndexMerge, type StoredPatientRow } from './patient-index-merge.ts';

export interface PatientPages {
  /** Up to `limit` stored patients after `after` in list order (from the start when null). */
  page(after: PatientRow | null, limit: number): Promise<readonly StoredPatientRow[]>;
  /** Every write to the patients, a batch at a time, from subscription on. */
  changes: Observable<readonly StoredPatientRow[]>;
}

export interface PageSizes {
  /** the first page: what the list shows while the rest loads */
  firstRows: number;
  /** every later page */
  pageSize: number;
}

/** Lets the browser handle input and paint before the next page. */
function browserTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The index: first once the first page has arrived (incomplete unless that is
 * everyone), then once complete, and again on every change to the patients.
 */
export function loadPatientIndex(source: PatientPages, sizes: PageSizes): Observable<PatientIndex> {
  return new Observable<PatientIndex>((subscriber) => {
    const merge = new PatientIndexMerge();
    let shown = false;
    let complete = false;
    let stopped = false;
    const emit = () => subscriber.next({ rows: merge.rows(), complete });

    const changes = source.changes.subscribe({
      next(docs) {
        // Before the first page nothing is shown; the first page's emission includes them.
        if (merge.offerAll(docs) && shown) emit();
      },
      error: (error: unknown) => subscriber.error(error),
    });

    const load = async () => {
      let after: PatientRow | null = null;
      let limit = sizes.firstRows;
      for (;;) {
        const docs = await source.page(after, limit);
        if (stopped) return;
        merge.offerAll(docs);
        complete = docs.length < limit;
        // Pages between the first and the last change nothing the list shows
        // (they add rows after the first ones, and a search waits for all).
        if (!shown || complete) emit();
        shown = true;
        if (complete) return;
        after = docs[docs.length - 1]!;
        limit = sizes.pageSize;
        await browserTurn();
        if (stopped) return;
      }
    };
    load().catch((error: unknown) => subscriber.error(error));

    return () => {
      stopped = true;
      changes.unsubscribe();
    };
  });
}
