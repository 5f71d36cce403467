// Reads the journal straight from a desk's SQLite file (read-only, no RxDB),
// for the command line's verify-chain and the tests that tamper with a copy.
import { DatabaseSync } from 'node:sqlite';
import { journalEntrySchema } from '../../shared/db/journal-entry-schema.ts';
import { quoteIdentifier, tableNameFor } from '../storage/sqlite/table-layout.ts';
import { createChainVerifier, type ChainReport } from './chain-verifier.ts';

export const JOURNAL_TABLE = tableNameFor('journal', journalEntrySchema.version);

export function verifyChainsInFile(dataFile: string): ChainReport {
  const db = new DatabaseSync(dataFile, { readOnly: true });
  try {
    const verifier = createChainVerifier();
    const rows = db
      .prepare(`SELECT data FROM ${quoteIdentifier(JOURNAL_TABLE)} WHERE deleted = 0`)
      .iterate() as Iterable<{ data: string }>;
    for (const row of rows) verifier.add(JSON.parse(row.data) as object);
    return verifier.report();
  } finally {
    db.close();
  }
}
