// Reading journal entries by index, straight from the storage: a fold needs the
// plain entries, not RxDB documents (building thousands of document objects
// costs more than folding them).
import {
  getChangedDocumentsSince,
  normalizeMangoQuery,
  prepareQuery,
  type MangoQuery,
  type RxDocumentData,
} from 'rxdb';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';

/** The stored entry without RxDB's bookkeeping fields. */
export function plainEntry(doc: RxDocumentData<JournalEntry> | JournalEntry): JournalEntry {
  return {
    id: doc.id,
    kind: doc.kind,
    occurredAt: doc.occurredAt,
    recordedAt: doc.recordedAt,
    deskId: doc.deskId,
    staffId: doc.staffId,
    patientId: doc.patientId,
    counterpartyPatientId: doc.counterpartyPatientId,
    funderId: doc.funderId,
    appointmentId: doc.appointmentId,
    invoiceId: doc.invoiceId,
    packageId: doc.packageId,
    paymentId: doc.paymentId,
    reverses: doc.reverses,
    reasonCode: doc.reasonCode,
    memo: doc.memo,
    number: doc.number,
    lines: doc.lines,
    data: doc.data,
  };
}

/**
 * Run a query on the journal's storage (live documents only), as stored: with the
 * store's own fields and the entry's chain link, which plainEntry leaves out.
 */
export async function queryJournalDocuments(
  db: PunchcardDatabase,
  query: MangoQuery<JournalEntry>,
): Promise<RxDocumentData<JournalEntry>[]> {
  const collection = db.journal;
  const schema = collection.schema.jsonSchema;
  const filled = normalizeMangoQuery(schema, {
    ...query,
    selector: { ...(query.selector ?? {}), _deleted: { $eq: false } },
  } as MangoQuery<RxDocumentData<JournalEntry>>);
  const result = await collection.storageInstance.query(prepareQuery(schema, filled));
  return result.documents;
}

/** Run a query on the journal's storage (live documents only): the plain entries. */
export async function queryJournal(
  db: PunchcardDatabase,
  query: MangoQuery<JournalEntry>,
): Promise<JournalEntry[]> {
  return (await queryJournalDocuments(db, query)).map(plainEntry);
}

/** Entries that name the patient, as the patient or as the other side of a transfer. */
export async function entriesOfPatient(
  db: PunchcardDatabase,
  patientId: string,
): Promise<JournalEntry[]> {
  const [own, other] = await Promise.all([
    queryJournal(db, {
      selector: { patientId },
      sort: [{ patientId: 'asc' }, { occurredAt: 'asc' }],
    }),
    queryJournal(db, {
      selector: { counterpartyPatientId: patientId },
      sort: [{ counterpartyPatientId: 'asc' }, { occurredAt: 'asc' }],
    }),
  ]);
  return other.length === 0 ? own : [...own, ...other];
}

export function entriesOfFunder(db: PunchcardDatabase, funderId: string): Promise<JournalEntry[]> {
  return queryJournal(db, {
    selector: { funderId },
    sort: [{ funderId: 'asc' }, { occurredAt: 'asc' }],
  });
}

export function entriesOfPackage(
  db: PunchcardDatabase,
  packageId: string,
): Promise<JournalEntry[]> {
  return queryJournal(db, {
    selector: { packageId },
    sort: [{ packageId: 'asc' }, { occurredAt: 'asc' }],
  });
}

// Money of unknown payer moves only in these kinds (and their reversals).
const UNAPPLIED_KINDS = ['unappliedReceived', 'unappliedAssigned', 'reversal'] as const;

/** Entries that move a payment's parked (unapplied) money: found by kind, then by payment. */
export async function entriesOfUnappliedPayment(
  db: PunchcardDatabase,
  paymentId: string,
): Promise<JournalEntry[]> {
  const lists = await Promise.all(
    UNAPPLIED_KINDS.map((kind) =>
      queryJournal(db, {
        selector: { kind, paymentId },
        sort: [{ kind: 'asc' }, { occurredAt: 'asc' }],
      }),
    ),
  );
  return lists.flat();
}

export async function entryById(
  db: PunchcardDatabase,
  entryId: string,
): Promise<JournalEntry | undefined> {
  const found = await queryJournal(db, { selector: { id: entryId }, limit: 1 });
  return found[0];
}

/** RxDB's change checkpoint of the journal: the last document read, in (lwt, id) order. */
export interface JournalCheckpoint {
  id: string;
  lwt: number;
}

/** A page of the journal's changes: its live entries and the checkpoint after its last document. */
export interface JournalChanges {
  entries: JournalEntry[];
  checkpoint: JournalCheckpoint;
}

/**
 * The documents written after `after` (null: from the first), a page at a time, in the
 * order they were written to this desk's storage (RxDB's change checkpoint: an indexed
 * range read per page, so paging stays linear). Ends after a page shorter than `pageSize`.
 */
export async function* journalChangesAfter(
  db: PunchcardDatabase,
  pageSize: number,
  after: JournalCheckpoint | null,
): AsyncGenerator<JournalChanges> {
  let checkpoint: JournalCheckpoint | undefined = after ?? undefined;
  for (;;) {
    const { documents, checkpoint: next } = await getChangedDocumentsSince(
      db.journal.storageInstance,
      pageSize,
      checkpoint,
    );
    if (documents.length === 0) return;
    checkpoint = next as JournalCheckpoint;
    yield { entries: documents.filter((doc) => !doc._deleted).map(plainEntry), checkpoint };
    if (documents.length < pageSize) return;
  }
}

/** Every entry, a page at a time, in the order written (see journalChangesAfter). */
export async function* journalPages(
  db: PunchcardDatabase,
  pageSize: number,
): AsyncGenerator<JournalEntry[]> {
  for await (const page of journalChangesAfter(db, pageSize, null)) {
    if (page.entries.length > 0) yield page.entries;
  }
}

/** Live journal documents (a count over an index, not a read of the entries). */
export async function journalDocumentCount(db: PunchcardDatabase): Promise<number> {
  const collection = db.journal;
  const schema = collection.schema.jsonSchema;
  const query = normalizeMangoQuery(schema, {
    selector: { _deleted: { $eq: false } },
  } as MangoQuery<RxDocumentData<JournalEntry>>);
  return (await collection.storageInstance.count(prepareQuery(schema, query))).count;
}

/** Whether the checkpoint's document is still there as it was when folded (same lwt). */
export async function checkpointHolds(
  db: PunchcardDatabase,
  checkpoint: JournalCheckpoint,
): Promise<boolean> {
  const [doc] = await db.journal.storageInstance.findDocumentsById([checkpoint.id], true);
  return doc !== undefined && doc._meta.lwt === checkpoint.lwt;
}
