// Test fixtures: a SQLite file shaped like the app's (JSON documents in tables,
// WAL mode), with a sequence number on every row so a restored copy can be
// checked to be an exact prefix of what was written.
import { DatabaseSync } from 'node:sqlite';

export const DOC_TABLE = 'docs';

export function ledgerDocument(seq: number): string {
  return JSON.stringify({
    id: `entry-${seq.toString(36).padStart(8, '0')}`,
    kind: seq % 3 === 0 ? 'package-sold' : 'session-used',
    patientId: `patient-${seq % 5000}`,
    amount: `${(seq * 7919) % 100000}.${String(seq % 100).padStart(2, '0')}`,
    currency: 'EUR',
    at: new Date(1_767_225_600_000 + seq * 60_000).toISOString(),
    deskId: 'desk-1',
    note: `Package of 10 sessions, receipt ${(seq * 2654435761) % 4294967296}`,
    _rev: `1-${((seq * 40503) % 65536).toString(16)}${seq.toString(16)}`,
    _meta: { lwt: 1_767_225_600_000 + seq },
    padding: 'p'.repeat(120 + (seq % 50)),
  });
}

export function openSampleDb(file: string): DatabaseSync {
  const db = new DatabaseSync(file, { timeout: 10_000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${DOC_TABLE} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)`,
  );
  db.exec('CREATE TABLE IF NOT EXISTS totals (name TEXT PRIMARY KEY, value INTEGER NOT NULL)');
  return db;
}

/** Inserts rows [from, from + count) in one transaction; keeps `totals.rows` in step. */
export function insertDocuments(db: DatabaseSync, from: number, count: number): void {
  const insert = db.prepare(`INSERT INTO ${DOC_TABLE} (seq, id, data) VALUES (?, ?, ?)`);
  db.exec('BEGIN');
  try {
    for (let seq = from; seq < from + count; seq++)
      insert.run(seq, `entry-${seq}`, ledgerDocument(seq));
    db.prepare(
      "INSERT INTO totals (name, value) VALUES ('rows', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
    ).run(count);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export function createSampleDb(file: string, rows: number): void {
  const db = openSampleDb(file);
  try {
    if (rows > 0) insertDocuments(db, 0, rows);
  } finally {
    db.close();
  }
}

export function readSequences(file: string): number[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare(`SELECT seq FROM ${DOC_TABLE} ORDER BY seq`).all() as { seq: number }[]).map(
      (row) => row.seq,
    );
  } finally {
    db.close();
  }
}

export function readAllRows(file: string): unknown[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare(`SELECT * FROM ${DOC_TABLE} ORDER BY seq`).all();
  } finally {
    db.close();
  }
}
