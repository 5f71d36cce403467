// The journal's chains in the live database: where this desk's chain ends
// (read at start from its newest entries), and the verification of every
// desk's chain for the self-check.
import { getChangedDocumentsSince, type MangoQuery } from 'rxdb';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/entry.ts';
import { queryJournalDocuments } from '../ledger/journal-queries.ts';
import { createChainVerifier, type ChainReport } from './chain-verifier.ts';
import { CHAIN_START, type ChainHead } from './entry-chain.ts';

/** How many of the desk's newest entries (by id) are searched for the highest link. */
const HEAD_WINDOW = 50;

/** The query that finds the end of a desk's chain: served by the [deskId, id] index. */
export function chainHeadQuery(deskId: string): MangoQuery<JournalEntry> {
  return {
    selector: { deskId },
    sort: [{ deskId: 'desc' }, { id: 'desc' }],
    limit: HEAD_WINDOW,
  };
}

/**
 * The end of this desk's chain. Ids sort by the time they were made, so the
 * desk's newest entries by id hold its last link; a few are read in case the
 * clock was set back between runs.
 */
export async function loadChainHead(db: PunchcardDatabase, deskId: string): Promise<ChainHead> {
  const newest = await queryJournalDocuments(db, chainHeadQuery(deskId));
  let head = CHAIN_START;
  for (const doc of newest) {
    if (doc.chain && doc.chain.seq > head.seq) head = { seq: doc.chain.seq, hash: doc.chain.hash };
  }
  return head;
}

/**
 * Every desk's chain, read a page at a time. The verifier does not depend on
 * the order it is fed, so the pages follow the storage's change checkpoint
 * (the `[_meta.lwt, id]` index): each page is one index range read. Paging by
 * id instead had no index covering its sort, so every page read and sorted the
 * whole journal — minutes at 300,000 entries.
 */
export async function verifyJournalChains(
  db: PunchcardDatabase,
  pageSize = 2000,
): Promise<ChainReport> {
  const verifier = createChainVerifier();
  let checkpoint: unknown = undefined;
  for (;;) {
    const { documents, checkpoint: next } = await getChangedDocumentsSince(
      db.journal.storageInstance,
      pageSize,
      checkpoint,
    );
    for (const doc of documents) if (!doc._deleted) verifier.add(doc);
    if (documents.length < pageSize) break;
    checkpoint = next;
  }
  return verifier.report();
}
