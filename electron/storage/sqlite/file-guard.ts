// Checks a file before SQLite is allowed to touch it. SQLite itself would
// happily turn an empty or missing path into a new database, and setting WAL
// mode rewrites the header — so a foreign or damaged file must be recognised
// first, and refused with its path, without a single byte written.

import { closeSync, openSync, readSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { SqliteStorageError } from './errors.ts';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Marks files written by this storage (PRAGMA application_id), "PcRx". */
export const APPLICATION_ID = 0x50635278;

/** Layout version of our tables (PRAGMA user_version). */
export const FORMAT_VERSION = 1;

/** Refuses an existing file that is not an SQLite database. Missing or empty files are fine. */
export function assertSqliteHeader(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new SqliteStorageError(
      `The database file ${path} cannot be read: ${(error as Error).message}`,
      path,
      'read-only',
      error,
    );
  }
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    const read = readSync(fd, header, 0, header.length, 0);
    if (read === 0) return;
    if (read < header.length || !header.equals(SQLITE_MAGIC)) {
      throw new SqliteStorageError(
        `The file ${path} is not an SQLite database (damaged, or some other kind of file); it was left untouched.`,
        path,
        'not-a-database',
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Called on a freshly opened connection before anything is written. A file
 * with tables but without our application id belongs to someone else; a file
 * from a newer layout version cannot be read safely. A blank database is
 * claimed by stamping our id and version.
 */
export function claimOrVerifyDatabase(db: DatabaseSync, path: string): void {
  const appId = (db.prepare('PRAGMA application_id').get() as { application_id: number })
    .application_id;
  const userVersion = (db.prepare('PRAGMA user_version').get() as { user_version: number })
    .user_version;
  const tableCount = (
    db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
      n: number;
    }
  ).n;
  if (appId === 0 && tableCount === 0) {
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${FORMAT_VERSION};`);
    return;
  }
  if (appId !== APPLICATION_ID) {
    throw new SqliteStorageError(
      `The file ${path} is an SQLite database of some other program, not one of ours; it was left untouched.`,
      path,
      'foreign-database',
    );
  }
  if (userVersion > FORMAT_VERSION) {
    throw new SqliteStorageError(
      `The database file ${path} was written by a newer version of this app (format ${userVersion}); it was left untouched.`,
      path,
      'foreign-database',
    );
  }
}
