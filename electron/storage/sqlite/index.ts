// RxStorage for RxDB 17 on Node's built-in SQLite (node:sqlite): one durable
// file per database, one table per collection, one SQLite index per schema
// index. See README.md next to this file for the design.

import { resolve, join } from 'node:path';
import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb/plugins/core';
import { ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION } from 'rxdb/plugins/core';
import { acquireConnection, acquireTable, releaseConnection } from './connection-registry.ts';
import { SqliteStorageError } from './errors.ts';
import { SqliteStorageInstance } from './storage-instance.ts';
import type {
  SqliteInstanceCreationOptions,
  SqliteStorageInternals,
  SqliteStorageOptions,
} from './types.ts';

export { SqliteStorageError } from './errors.ts';
export type { SqliteFailureKind } from './errors.ts';
export { SqliteStorageInstance } from './storage-instance.ts';
export type {
  SqliteInstanceCreationOptions,
  SqliteStorageInternals,
  SqliteStorageOptions,
} from './types.ts';

export type RxStorageSqlite = RxStorage<SqliteStorageInternals, SqliteInstanceCreationOptions> & {
  /** The file that holds the given RxDB database. */
  filePathFor(databaseName: string): string;
};

/** Keeps a database name usable as a file name while keeping distinct names distinct. */
function fileNameFor(databaseName: string): string {
  return `${databaseName.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}.sqlite`;
}

/** Creates the storage; every instance for the same file shares one connection. */
export function getRxStorageSqlite(options: SqliteStorageOptions): RxStorageSqlite {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const filePathFor = (databaseName: string): string =>
    resolve(
      'filePathFor' in options
        ? options.filePathFor(databaseName)
        : join(options.directory, fileNameFor(databaseName)),
    );

  return {
    name: 'node-sqlite',
    rxdbVersion: RXDB_VERSION,
    filePathFor,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SqliteInstanceCreationOptions>,
    ) {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const path = filePathFor(params.databaseName);
      if (params.schema.attachments) {
        throw new SqliteStorageError(
          `The collection "${params.collectionName}" asks for attachments, which the SQLite storage does not support; keep files outside the database.`,
          path,
          'attachments-unsupported',
        );
      }
      const connection = acquireConnection(path, busyTimeoutMs);
      try {
        const table = acquireTable(connection, params.collectionName, params.schema as never);
        return new SqliteStorageInstance<RxDocType>(
          params.databaseName,
          params.collectionName,
          params.schema,
          { path, connection, table },
          params.options,
        );
      } catch (error) {
        releaseConnection(connection);
        throw error;
      }
    },
  };
}
