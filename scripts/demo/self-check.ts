// The ledger's self-check on a generated clinic, on the desk's own service:
// start the core on the data directory, let its clinic-wide projection fold
// the journal as written, and check every invariant and every desk's hash
// chain — what the selfCheck operation does (electron/ops/handlers/
// ledger-queries.ts), without signing anyone in (which would add staff).
import { startCore } from '../../electron/app/start-core.ts';
import { chainViolations } from '../../electron/audit/chain-violations.ts';
import { verifyJournalChains } from '../../electron/audit/journal-chain.ts';
import { journalPages } from '../../electron/ledger/journal-queries.ts';
import type { SelfCheckReport } from '../../shared/contract/domains/ledger.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { checkInvariants, trialBalanceTotal } from '../../shared/ledger/index.ts';

/** `devMode` must match the process's other databases (RxDB's dev-mode is process-wide). */
export async function selfCheckDemo(
  dataDirectory: string,
  options: { devMode?: boolean } = {},
): Promise<SelfCheckReport> {
  const core = await startCore({
    dataDirectory,
    storageKind: 'sqlite',
    devMode: options.devMode ?? false,
    appVersion: 'demo-check',
    ledger: { clinic: { delayMs: 0 } },
  });
  try {
    const state = await core.ledger.clinic.ready();
    const entries: JournalEntry[] = [];
    for await (const page of journalPages(core.db, 5000)) entries.push(...page);
    return {
      entries: entries.length,
      violations: [
        ...checkInvariants(entries, state),
        // Large pages: each page's query reads the whole journal, so 2,000-entry pages
        // make the check quadratic (half an hour at 300,000 entries on a busy machine).
        ...chainViolations(await verifyJournalChains(core.db, 50_000)),
      ],
      trialBalanceTotal: trialBalanceTotal(state),
    };
  } finally {
    await core.close();
  }
}
