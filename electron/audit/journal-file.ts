// Reads the journal straight from a desk's SQLite file (read-only, no RxDB),
// for the command line's verify-chain and the tests that tamper with a copy.
import { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
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

function journalRows(db: DatabaseSync): Iterable<{ data: string }> {
  return db
    .prepare(`SELECT data FROM ${quoteIdentifier(JOURNAL_TABLE)} WHERE deleted = 0`)
    .iterate() as Iterable<{ data: string }>;
}

export function verifyChainsIn(db: DatabaseSync): ChainReport {
  const verifier = createChainVerifier();
  for (const row of journalRows(db)) verifier.add(JSON.parse(row.data) as object);
  return verifier.report();
}

/** Rows hashed between two yields to the event loop (a few milliseconds' work). */
const ROWS_PER_TURN = 500;

/**
 * `verifyChainsIn` for the app's main process: hashing a 300,000-entry journal
 * takes seconds, so it gives the event loop a turn every few hundred rows (the
 * desk stays responsive, and a backup's compression proceeds meanwhile).
 */
export async function verifyChainsInTurns(db: DatabaseSync): Promise<ChainReport> {
  const verifier = createChainVerifier();
  let inTurn = 0;
  for (const row of journalRows(db)) {
    verifier.add(JSON.parse(row.data) as object);
    if (++inTurn === ROWS_PER_TURN) {
      inTurn = 0;
      await yieldToEventLoop();
    }
  }
  return verifier.report();
}

/**
 * What a backup's manifest records of the chains (the backup's `describe` hook):
 * each desk's verified length and head, so a later copy can be compared with it
 * (a journal cut short after the backup shows as a shorter chain), and any break.
 */
export async function chainSummary(snapshot: DatabaseSync): Promise<{
  chains: { deskId: string; entries: number; verifiedThrough: number; broken: string }[];
}> {
  const report = await verifyChainsInTurns(snapshot);
  return {
    chains: report.desks.map((desk) => ({
      deskId: desk.deskId,
      entries: desk.entries,
      verifiedThrough: desk.verifiedThrough,
      broken: desk.firstBreak?.message ?? '',
    })),
  };
}
