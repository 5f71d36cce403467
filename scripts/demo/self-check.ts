// The ledger's self-check on a generated clinic, on the desk's own service:
// start the core on the data directory, let its clinic-wide projection fold
// the journal as written, and check every invariant against it (what the
// selfCheck operation does, electron/ops/handlers/ledger-queries.ts).
import { startCore } from '../../electron/app/start-core.ts';
import { journalPages } from '../../electron/ledger/journal-queries.ts';
import type { SelfCheckReport } from '../../shared/contract/domains/ledger.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { checkInvariants, trialBalanceTotal } from '../../shared/ledger/index.ts';

export async function selfCheckDemo(dataDirectory: string): Promise<SelfCheckReport> {
  const core = await startCore({
    dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'demo-check',
    ledger: { clinic: { delayMs: 0 } },
  });
  try {
    const state = await core.ledger.clinic.ready();
    const entries: JournalEntry[] = [];
    for await (const page of journalPages(core.db, 5000)) entries.push(...page);
    return {
      entries: entries.length,
      violations: checkInvariants(entries, state),
      trialBalanceTotal: trialBalanceTotal(state),
    };
  } finally {
    await core.close();
  }
}
