// One SQLite connection per database file for the whole process, shared by
// every storage instance that opens the file — the main process's RxDatabase
// and the instances RxDB's remote storage creates for renderers alike. Because
// node:sqlite is synchronous, sharing one connection serialises all writes in
// the process, and one change Subject per table lets every instance of a
// collection see every other's writes.

import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { Subject } from 'rxjs';
import type {
  EventBulk,
  RxDocumentData,
  RxJsonSchema,
  RxStorageChangeEvent,
  RxStorageDefaultCheckpoint,
} from 'rxdb/plugins/core';
import { SqliteStorageError, describeSqliteError } from './errors.ts';
import { assertSqliteHeader, claimOrVerifyDatabase } from './file-guard.ts';
import { buildTableLayout, createTableSql, layoutSignature } from './table-layout.ts';
import type { TableLayout } from './table-layout.ts';

export type ChangeBulk = EventBulk<
  RxStorageChangeEvent<RxDocumentData<unknown>>,
  RxStorageDefaultCheckpoint
>;

export type SharedTable = {
  readonly layout: TableLayout;
  readonly signature: string;
  readonly changes$: Subject<ChangeBulk>;
  refCount: number;
};

export type SharedConnection = {
  readonly path: string;
  readonly db: DatabaseSync;
  readonly tables: Map<string, SharedTable>;
  readonly statements: Map<string, StatementSync>;
  refCount: number;
};

/** Remembers each table's layout so a changed schema is caught, not misread. */
const META_TABLE = '"__rxstorage_tables"';

const CONNECTIONS = new Map<string, SharedConnection>();

export function acquireConnection(path: string, busyTimeoutMs: number): SharedConnection {
  const existing = CONNECTIONS.get(path);
  if (existing) {
    existing.refCount++;
    return existing;
  }
  assertSqliteHeader(path);
  let db: DatabaseSync;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new DatabaseSync(path, { timeout: busyTimeoutMs });
  } catch (error) {
    throw describeSqliteError(error, path, 'opening the database');
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    claimOrVerifyDatabase(db, path);
    const mode = (db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string })
      .journal_mode;
    if (mode !== 'wal') {
      throw new SqliteStorageError(
        `The database file ${path} cannot use write-ahead logging (mode is ${mode}).`,
        path,
        'io',
      );
    }
    // FULL: every commit is fsynced to the WAL before it is acknowledged, so an
    // acknowledged write survives a power loss, not only a crashed process.
    db.exec('PRAGMA synchronous = FULL');
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${META_TABLE} (name TEXT PRIMARY KEY, signature TEXT NOT NULL)`,
    );
  } catch (error) {
    db.close();
    throw describeSqliteError(error, path, 'opening the database');
  }
  const connection: SharedConnection = {
    path,
    db,
    tables: new Map(),
    statements: new Map(),
    refCount: 1,
  };
  CONNECTIONS.set(path, connection);
  return connection;
}

/** A cached prepared statement; statements live as long as the connection. */
export function prepared(connection: SharedConnection, sql: string): StatementSync {
  let statement = connection.statements.get(sql);
  if (!statement) {
    statement = connection.db.prepare(sql);
    connection.statements.set(sql, statement);
  }
  return statement;
}

export function acquireTable(
  connection: SharedConnection,
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<unknown>>,
): SharedTable {
  const layout = buildTableLayout(collectionName, schema);
  const signature = layoutSignature(layout, schema);
  const mismatch = () =>
    new SqliteStorageError(
      `The collection "${collectionName}" (schema version ${schema.version}) in ${connection.path} was created with different indexes; bump the schema version and add a migration.`,
      connection.path,
      'schema-mismatch',
    );
  const open = connection.tables.get(layout.tableName);
  if (open) {
    if (open.signature !== signature) throw mismatch();
    open.refCount++;
    return open;
  }
  const { db } = connection;
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const row = db
        .prepare(`SELECT signature FROM ${META_TABLE} WHERE name = ?`)
        .get(layout.tableName) as { signature: string } | undefined;
      if (row && row.signature !== signature) throw mismatch();
      if (!row) {
        db.exec(createTableSql(layout));
        db.prepare(`INSERT INTO ${META_TABLE} (name, signature) VALUES (?, ?)`).run(
          layout.tableName,
          signature,
        );
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    throw describeSqliteError(
      error,
      connection.path,
      `opening the collection "${collectionName}"`,
      true,
    );
  }
  const table: SharedTable = { layout, signature, changes$: new Subject(), refCount: 1 };
  connection.tables.set(layout.tableName, table);
  return table;
}

export function releaseTable(connection: SharedConnection, table: SharedTable): void {
  table.refCount--;
  if (table.refCount <= 0 && connection.tables.get(table.layout.tableName) === table) {
    connection.tables.delete(table.layout.tableName);
    table.changes$.complete();
  }
}

/** Drops a collection's table and forgets it. */
export function dropTable(connection: SharedConnection, table: SharedTable): void {
  const { db } = connection;
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(`DROP TABLE IF EXISTS ${table.layout.table}`);
      db.prepare(`DELETE FROM ${META_TABLE} WHERE name = ?`).run(table.layout.tableName);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    throw describeSqliteError(
      error,
      connection.path,
      `removing the table ${table.layout.tableName}`,
      true,
    );
  }
  // Statements prepared against the dropped table are no longer valid, and a
  // collection created later under the same name must get a fresh table.
  connection.statements.clear();
  if (connection.tables.get(table.layout.tableName) === table) {
    connection.tables.delete(table.layout.tableName);
    table.changes$.complete();
  }
}

/**
 * Closes the connection when its last user lets go. A file left without any
 * collection (the database was removed) is deleted with its WAL files.
 */
export function releaseConnection(connection: SharedConnection): void {
  connection.refCount--;
  if (connection.refCount > 0) return;
  CONNECTIONS.delete(connection.path);
  let empty: boolean;
  try {
    empty =
      (connection.db.prepare(`SELECT count(*) AS n FROM ${META_TABLE}`).get() as { n: number })
        .n === 0;
  } catch {
    empty = false;
  }
  connection.statements.clear();
  connection.db.close();
  if (empty) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(connection.path + suffix, { force: true });
  }
}

/** Open connections, for tests that check nothing leaks. */
export function openConnectionCount(): number {
  return CONNECTIONS.size;
}
