// The ledger's self-check on a generated clinic, on the desk's own service:
// start the core on the data directory, let its clinic-wide projection fold
// the journal as written, and check every invariant and every desk's hash
// chain — what the selfCheck operation does (electron/ops/handlers/
// ledger-queries.ts), without signing anyone in (which would add staff).
import { startCore } from '../../electron/app/start-core.ts';
import { selfCheckJournal } from '../../electron/ledger/self-check.ts';
import type { SelfCheckReport } from '../../shared/contract/domains/ledger.ts';

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
    return await selfCheckJournal(core.db, await core.ledger.clinic.ready());
  } finally {
    await core.close();
  }
}
