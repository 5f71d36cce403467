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
    return verifyChainsIn(db);
  } finally {
    db.close();
  }
}

export function verifyChainsIn(db: DatabaseSync): ChainReport {
  const verifier = createChainVerifier();
  const rows = db
    .prepare(`SELECT data FROM ${quoteIdentifier(JOURNAL_TABLE)} WHERE deleted = 0`)
    .iterate() as Iterable<{ data: string }>;
  for (const row of rows) verifier.add(JSON.parse(row.data) as object);
  return verifier.report();
}

/**
 * What a backup's manifest records of the chains (the backup's `describe` hook):
 * each desk's verified length and head, so a later copy can be compared with it
 * (a journal cut short after the backup shows as a shorter chain), and any break.
 */
export function chainSummary(snapshot: DatabaseSync): {
  chains: { deskId: string; entries: number; verifiedThrough: number; broken: string }[];
} {
  const report = verifyChainsIn(snapshot);
  return {
    chains: report.desks.map((desk) => ({
      deskId: desk.deskId,
      entries: desk.entries,
      verifiedThrough: desk.verifiedThrough,
      broken: desk.firstBreak?.message ?? '',
    })),
  };
}
