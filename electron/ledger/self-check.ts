// The ledger's self-check, on demand (Settings → self-check, `npm run demo`): every
// invariant over the stored journal, every desk's hash chain, and the resident
// clinic-wide projection compared with a recomputation. It is rare and explicit, so it
// may fold a full LedgerState from scratch, and lets it go when done (the desk keeps
// only the lean AttentionState resident). The journal is read a page at a time and no
// page is kept (PagedInvariantCheck); the originals of reversed entries are read back
// by id at the end.
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { SelfCheckReport } from '../../shared/contract/domains/ledger.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import { snapshotAttentionState } from '../../shared/ledger/attention-state.ts';
import { PagedInvariantCheck } from '../../shared/ledger/paged-invariants.ts';
import { chainViolations } from '../audit/chain-violations.ts';
import { verifyJournalChains } from '../audit/journal-chain.ts';
import { journalPages, plainEntry } from './journal-queries.ts';

const PAGE = 500;

/** `live` is the desk's clinic-wide projection once folded (ClinicProjection.ready()). */
export async function selfCheckJournal(
  db: PunchcardDatabase,
  live: AttentionState,
): Promise<SelfCheckReport> {
  const check = new PagedInvariantCheck(live.currency);
  for await (const page of journalPages(db, PAGE)) check.add(page);
  const originals = new Map<string, JournalEntry>();
  const needed = check.originalsNeeded();
  for (let i = 0; i < needed.length; i += PAGE) {
    // By primary key (a query on `id` would be planned like any other, and may scan).
    const found = await db.journal.storageInstance.findDocumentsById(
      needed.slice(i, i + PAGE),
      false,
    );
    for (const doc of found) originals.set(doc.id, plainEntry(doc));
  }
  const { violations, lean } = check.finish(originals);
  if (
    JSON.stringify(snapshotAttentionState(live)) !== JSON.stringify(snapshotAttentionState(lean))
  ) {
    violations.push({
      kind: 'projection-mismatch',
      entryId: '',
      message: 'The projections differ from a recomputation over the journal',
    });
  }
  violations.push(...chainViolations(await verifyJournalChains(db)));
  return { entries: check.entries, violations, trialBalanceTotal: live.lineTotal };
}
