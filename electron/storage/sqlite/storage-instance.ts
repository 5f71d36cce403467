// One RxStorageInstance: a collection at one schema version, backed by a
// table in its database's SQLite file. All state lives in SQLite and in the
// process-wide registry, so any number of instances of the same collection
// behave as one store.

import { Subject } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb/plugins/core';
import { categorizeBulkWriteRows, getStartIndexStringFromLowerBound, now } from 'rxdb/plugins/core';
import type { ChangeBulk } from './connection-registry.ts';
import { dropTable, prepared, releaseConnection, releaseTable } from './connection-registry.ts';
import { SqliteStorageError, describeSqliteError } from './errors.ts';
import { encodeIndexKey } from './index-key.ts';
import { runCount, runQuery } from './query-runner.ts';
import type { QueryContext } from './query-runner.ts';
import type { SqliteInstanceCreationOptions, SqliteStorageInternals } from './types.ts';

type Doc = RxDocumentData<unknown>;

/** Tombstones purged per cleanup() call, so one call never blocks for long. */
const CLEANUP_BATCH = 10_000;

export class SqliteStorageInstance<RxDocType> implements RxStorageInstance<
  RxDocType,
  SqliteStorageInternals,
  SqliteInstanceCreationOptions,
  RxStorageDefaultCheckpoint
> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>;
  readonly internals: SqliteStorageInternals;
  readonly options: Readonly<SqliteInstanceCreationOptions>;
  private readonly context: QueryContext;
  private readonly changes$ = new Subject<ChangeBulk>();
  private readonly sharedSubscription: Subscription;
  private closed = false;

  constructor(
    databaseName: string,
    collectionName: string,
    schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>,
    internals: SqliteStorageInternals,
    options: Readonly<SqliteInstanceCreationOptions>,
  ) {
    this.databaseName = databaseName;
    this.collectionName = collectionName;
    this.schema = schema;
    this.internals = internals;
    this.options = options;
    this.context = {
      connection: internals.connection,
      layout: internals.table.layout,
      schema: schema as RxJsonSchema<Doc>,
    };
    // Every instance of this collection listens to the one shared stream.
    this.sharedSubscription = internals.table.changes$.subscribe(this.changes$);
  }

  private ensureOpen(): void {
    if (this.closed) {
      throw new SqliteStorageError(
        `The collection "${this.collectionName}" in ${this.internals.path} is already closed.`,
        this.internals.path,
        'closed',
      );
    }
  }

  async bulkWrite(
    documentWrites: BulkWriteRow<RxDocType>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureOpen();
    const { db } = this.internals.connection;
    const { layout } = this.context;
    const primaryPath = layout.primaryPath;
    let categorized: ReturnType<typeof categorizeBulkWriteRows<RxDocType>>;
    try {
      // IMMEDIATE takes the write lock up front, so the conflict check below
      // reads the same state the writes are applied to, even across processes.
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw describeSqliteError(
        error,
        this.internals.path,
        `writing to "${this.collectionName}"`,
        true,
      );
    }
    try {
      const ids = documentWrites.map(
        (row) => (row.document as Record<string, unknown>)[primaryPath] as string,
      );
      const inDb = new Map<string, RxDocumentData<RxDocType>>();
      for (const doc of this.readByIds(ids, true))
        inDb.set(
          (doc as Record<string, unknown>)[primaryPath] as string,
          doc as RxDocumentData<RxDocType>,
        );
      categorized = categorizeBulkWriteRows<RxDocType>(
        this,
        primaryPath as never,
        inDb,
        documentWrites,
        context,
      );
      if (categorized.bulkInsertDocs.length > 0) {
        const insert = prepared(this.context.connection, this.insertSql());
        for (const row of categorized.bulkInsertDocs)
          insert.run(...this.rowValues(row.document as Doc));
      }
      if (categorized.bulkUpdateDocs.length > 0) {
        const update = prepared(this.context.connection, this.updateSql());
        for (const row of categorized.bulkUpdateDocs) {
          const values = this.rowValues(row.document as Doc);
          update.run(...values.slice(1), values[0] as string);
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // SQLite already rolled back (e.g. after SQLITE_FULL); nothing is left open.
      }
      throw describeSqliteError(
        error,
        this.internals.path,
        `writing to "${this.collectionName}"`,
        true,
      );
    }
    // Tell listeners only after the commit is durable.
    if (categorized.eventBulk.events.length > 0 && categorized.newestRow) {
      const newest = categorized.newestRow.document as Doc;
      categorized.eventBulk.checkpoint = {
        id: (newest as Record<string, unknown>)[primaryPath] as string,
        lwt: newest._meta.lwt,
      };
      this.internals.table.changes$.next(categorized.eventBulk as unknown as ChangeBulk);
    }
    return { error: categorized.errors };
  }

  private insertSql(): string {
    const { layout } = this.context;
    const keyColumns = layout.indexColumns.map((c) => `, ${c.column}`).join('');
    const placeholders = layout.indexColumns.map(() => ', ?').join('');
    return `INSERT INTO ${layout.table} (id, deleted, lwt, rev, data${keyColumns}) VALUES (?, ?, ?, ?, ?${placeholders})`;
  }

  private updateSql(): string {
    const { layout } = this.context;
    const keyColumns = layout.indexColumns.map((c) => `, ${c.column} = ?`).join('');
    return `UPDATE ${layout.table} SET deleted = ?, lwt = ?, rev = ?, data = ?${keyColumns} WHERE id = ?`;
  }

  /** id, deleted, lwt, rev, data, then one key per index column. */
  private rowValues(doc: Doc): (string | number | Uint8Array)[] {
    const { layout } = this.context;
    const values: (string | number | Uint8Array)[] = [
      (doc as Record<string, unknown>)[layout.primaryPath] as string,
      doc._deleted ? 1 : 0,
      doc._meta.lwt,
      doc._rev,
      JSON.stringify(doc),
    ];
    for (const column of layout.indexColumns) values.push(encodeIndexKey(column.indexString(doc)));
    return values;
  }

  private readByIds(ids: readonly string[], withDeleted: boolean): Doc[] {
    if (ids.length === 0) return [];
    const { layout, connection } = this.context;
    // One statement for any number of ids: the list travels as a JSON array.
    const sql = `SELECT data FROM ${layout.table} WHERE id IN (SELECT value FROM json_each(?))${withDeleted ? '' : ' AND +deleted = 0'}`;
    const rows = prepared(connection, sql).all(JSON.stringify(ids)) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Doc);
  }

  async findDocumentsById(
    ids: string[],
    withDeleted: boolean,
  ): Promise<RxDocumentData<RxDocType>[]> {
    this.ensureOpen();
    try {
      return this.readByIds(ids, withDeleted) as RxDocumentData<RxDocType>[];
    } catch (error) {
      throw describeSqliteError(error, this.internals.path, `reading "${this.collectionName}"`);
    }
  }

  async query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    this.ensureOpen();
    try {
      return {
        documents: runQuery(
          this.context,
          preparedQuery as PreparedQuery<unknown>,
        ) as RxDocumentData<RxDocType>[],
      };
    } catch (error) {
      throw describeSqliteError(error, this.internals.path, `querying "${this.collectionName}"`);
    }
  }

  async count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureOpen();
    try {
      return {
        count: runCount(this.context, preparedQuery as PreparedQuery<unknown>),
        mode: 'fast',
      };
    } catch (error) {
      throw describeSqliteError(error, this.internals.path, `counting "${this.collectionName}"`);
    }
  }

  async getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    this.ensureOpen();
    const { layout, connection, schema } = this.context;
    const column = layout.changesIndex;
    let rows: { data: string }[];
    try {
      if (checkpoint) {
        // Strictly after the checkpoint in (lwt, id) order, read off the index RxDB keeps for this.
        const after = encodeIndexKey(
          getStartIndexStringFromLowerBound(
            schema,
            [...column.fields],
            [checkpoint.lwt, checkpoint.id],
          ),
        );
        const sql = `SELECT data FROM ${layout.table} WHERE ${column.column} > ? ORDER BY ${column.column} LIMIT ?`;
        rows = prepared(connection, sql).all(after, limit) as { data: string }[];
      } else {
        const sql = `SELECT data FROM ${layout.table} ORDER BY ${column.column} LIMIT ?`;
        rows = prepared(connection, sql).all(limit) as { data: string }[];
      }
    } catch (error) {
      throw describeSqliteError(
        error,
        this.internals.path,
        `reading changes of "${this.collectionName}"`,
      );
    }
    const documents = rows.map((row) => JSON.parse(row.data) as RxDocumentData<RxDocType>);
    const last = documents[documents.length - 1];
    const next: RxStorageDefaultCheckpoint = last
      ? { id: (last as Record<string, unknown>)[layout.primaryPath] as string, lwt: last._meta.lwt }
      : (checkpoint ?? { id: '', lwt: 0 });
    return { documents, checkpoint: next };
  }

  changeStream(): Observable<
    EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>
  > {
    this.ensureOpen();
    return this.changes$.asObservable() as unknown as Observable<
      EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>
    >;
  }

  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureOpen();
    const { layout, connection } = this.context;
    const deletedBefore = now() - minimumDeletedTime;
    const sql = `DELETE FROM ${layout.table} WHERE rowid IN (SELECT rowid FROM ${layout.table} WHERE deleted = 1 AND lwt <= ? LIMIT ${CLEANUP_BATCH})`;
    try {
      const { changes } = prepared(connection, sql).run(deletedBefore);
      return Number(changes) < CLEANUP_BATCH;
    } catch (error) {
      throw describeSqliteError(
        error,
        this.internals.path,
        `cleaning up "${this.collectionName}"`,
        true,
      );
    }
  }

  async getAttachmentData(): Promise<Blob> {
    throw new SqliteStorageError(
      `The SQLite storage does not store attachments (collection "${this.collectionName}").`,
      this.internals.path,
      'attachments-unsupported',
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sharedSubscription.unsubscribe();
    this.changes$.complete();
    releaseTable(this.internals.connection, this.internals.table);
    releaseConnection(this.internals.connection);
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    dropTable(this.internals.connection, this.internals.table);
    await this.close();
  }
}
