// The whole journal folded into the lean AttentionState straight from the desk's SQLite
// file, with a read-only connection of its own (no RxDB): what the clinic-wide fold
// worker (clinic-fold-worker.ts) runs. The documents are read in RxDB's change-checkpoint
// order — the storage's (_meta.lwt, id) index column, the one getChangedDocumentsSince
// pages by — and the mark records the last document read (deleted or not) and the live
// documents counted, exactly as ClinicProjection's own fold would leave them, so the
// snapshot saved from it passes the same checks a snapshot the desk saved does.
import { DatabaseSync } from 'node:sqlite';
import type { RxDocumentData } from 'rxdb/plugins/core';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import {
  applyToAttentionState,
  createAttentionState,
} from '../../shared/ledger/attention-state.ts';
import type { FoldMark } from './clinic-snapshot.ts';
import { plainEntry } from './journal-queries.ts';

/** Where the journal is in the desk's SQLite file (from its storage's table layout). */
export interface JournalTableSource {
  file: string;
  /** the table, quoted */
  table: string;
  /** the (_meta.lwt, id) change index's column, quoted */
  changesColumn: string;
}

/**
 * Every document of the journal, in change-checkpoint order, folded. One statement:
 * SQLite reads it in one transaction, so the fold sees one consistent journal while the
 * desk writes on (WAL); rows are parsed one at a time and not kept.
 */
export function foldJournalFile(
  source: JournalTableSource,
  currency: string,
): { state: AttentionState; mark: FoldMark } {
  const state = createAttentionState(currency);
  const mark: FoldMark = { checkpoint: null, documents: 0 };
  const db = new DatabaseSync(source.file, { readOnly: true });
  try {
    const rows = db
      .prepare(`SELECT data FROM ${source.table} ORDER BY ${source.changesColumn}`)
      .iterate() as Iterable<{ data: string }>;
    for (const row of rows) {
      const doc = JSON.parse(row.data) as RxDocumentData<JournalEntry>;
      mark.checkpoint = { id: doc.id, lwt: doc._meta.lwt };
      if (doc._deleted) continue;
      applyToAttentionState(state, plainEntry(doc));
      mark.documents += 1;
    }
  } finally {
    db.close();
  }
  return { state, mark };
}
