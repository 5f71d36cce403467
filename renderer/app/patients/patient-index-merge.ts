// The window's index of patients as it is assembled from two sources that may
// interleave in any order: pages of the stored patients (read in list order)
// and the collection's change events. A page may have been read before a write
// whose event has already arrived, and an event may repeat what a page already
// holds; each patient's last write time (RxDB's `_meta.lwt`, which only grows)
// decides, so every patient lands once, at its newest version, and a deleted
// patient stays deleted when an older page still holds them.
import type { PatientRow } from './patient-index.ts';

/** A patient as the storage holds it: the row, whether deleted, and when last written. */
export type StoredPatientRow = PatientRow & {
  _deleted: boolean;
  _meta: { lwt: number };
};

/** The list's order, as the storage sorts it: surname, first name, then id. */
export function compareRows(a: PatientRow, b: PatientRow): number {
  if (a.lastName !== b.lastName) return a.lastName < b.lastName ? -1 : 1;
  if (a.firstName !== b.firstName) return a.firstName < b.firstName ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

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

export class PatientIndexMerge {
  /** Rows in list order, one per live patient. */
  readonly #sorted: PatientRow[] = [];
  readonly #rowById = new Map<string, PatientRow>();
  /** The newest write seen per patient, deleted ones included. */
  readonly #lwtById = new Map<string, number>();

  /** Takes the stored version unless a newer (or the same) one was seen; true when the rows changed. */
  offer(doc: StoredPatientRow): boolean {
    const seen = this.#lwtById.get(doc.id);
    if (seen !== undefined && seen >= doc._meta.lwt) return false;
    this.#lwtById.set(doc.id, doc._meta.lwt);
    const old = this.#rowById.get(doc.id);
    if (old) {
      this.#sorted.splice(this.#positionOf(old), 1);
      this.#rowById.delete(doc.id);
    }
    if (!doc._deleted) {
      const row = toRow(doc);
      this.#sorted.splice(this.#positionOf(row), 0, row);
      this.#rowById.set(row.id, row);
    }
    return true;
  }

  offerAll(docs: readonly StoredPatientRow[]): boolean {
    let changed = false;
    for (const doc of docs) changed = this.offer(doc) || changed;
    return changed;
  }

  /** A copy of the rows in list order (later offers do not change it). */
  rows(): PatientRow[] {
    return this.#sorted.slice();
  }

  get size(): number {
    return this.#sorted.length;
  }

  /** Where the row is, or would go (binary search; pages mostly append at the end). */
  #positionOf(row: PatientRow): number {
    const sorted = this.#sorted;
    const last = sorted[sorted.length - 1];
    if (!last || compareRows(last, row) < 0) return sorted.length;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareRows(sorted[middle]!, row) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
