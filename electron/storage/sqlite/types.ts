// Public option and internal types of the SQLite storage.

import type { SharedConnection, SharedTable } from './connection-registry.ts';

/** Where each RxDB database's file lives: one file per database name. */
export type SqliteStorageOptions = (
  { directory: string } | { filePathFor: (databaseName: string) => string }
) & {
  /** How long a write waits for another process's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
};

/** Per-collection options (none yet; kept for RxDB's interface). */
export type SqliteInstanceCreationOptions = Record<string, never>;

/** What `instance.internals` exposes: the shared connection and table. */
export type SqliteStorageInternals = {
  readonly path: string;
  readonly connection: SharedConnection;
  readonly table: SharedTable;
};
