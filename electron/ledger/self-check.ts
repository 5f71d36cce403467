// The ledger's self-check, on demand (Settings → self-check, `npm run demo`): every
// invariant over the stored journal, every desk's hash chain, and the resident
// clinic-wide projection compared with a recomputation. It is rare and explicit, so it
// may fold a full LedgerState from scratch (inside checkInvariants) and let it go when
// done; the desk keeps only the lean AttentionState resident.
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { SelfCheckReport } from '../../shared/contract/domains/ledger.ts';
import type { JournalEntry, Violation } from '../../shared/ledger/index.ts';
import { checkInvariants } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import { attentionStateFrom, snapshotAttentionState } from '../../shared/ledger/attention-state.ts';
import { chainViolations } from '../audit/chain-violations.ts';
import { verifyJournalChains } from '../audit/journal-chain.ts';
import { journalPages } from './journal-queries.ts';

/** `live` is the desk's clinic-wide projection once folded (ClinicProjection.ready()). */
export async function selfCheckJournal(
  db: PunchcardDatabase,
  live: AttentionState,
): Promise<SelfCheckReport> {
  const entries: JournalEntry[] = [];
  for await (const page of journalPages(db, 5000)) entries.push(...page);
  const violations: Violation[] = checkInvariants(entries, { currency: live.currency });
  const fresh = attentionStateFrom(entries, live.currency);
  if (
    JSON.stringify(snapshotAttentionState(live)) !== JSON.stringify(snapshotAttentionState(fresh))
  ) {
    violations.push({
      kind: 'projection-mismatch',
      entryId: '',
      message: 'The projections differ from a recomputation over the journal',
    });
  }
  violations.push(...chainViolations(await verifyJournalChains(db)));
  return { entries: entries.length, violations, trialBalanceTotal: live.lineTotal };
}
